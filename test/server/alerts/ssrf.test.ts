import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import ipaddr from 'ipaddr.js';
import { AlertRulesFileError, evaluateAlerts, listDeliveries, markRulesChanged, runDueDeliveries } from '../../../demo/server/alerts/index.js';
import { sendWebhook } from '../../../demo/server/alerts/delivery/send.js';
import { nonPublicRange, webhookTargetPolicy, type Resolve } from '../../../demo/server/alerts/delivery/target-policy.js';
import { createLogger } from '../../../demo/server/log.js';
import { startCollector, type Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { addRule, deliveries, insertSubmission, SECRET, seedHierarchy, testClock } from './support/fixtures.js';
import { startReceiver } from './support/receiver.js';

const ADMIN_TOKEN = 'admin-token-for-ssrf-tests';

/** Targets the security review got accepted, and their relatives: every one must be refused. */
const internalTargets = [
  'http://127.0.0.1:8787/v1/admin/hierarchy',
  'http://2130706433/',
  'http://0x7f.1/',
  'http://0177.0.0.1/',
  'http://127.1/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::1]/',
  'http://[::127.0.0.1]/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[fe80::1]/',
  'http://[fd00::1]/',
  'http://10.0.0.1/',
  'http://172.16.5.4/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://0.0.0.0/',
  'http://localhost:8787/',
];

describe('webhook target classification (ipaddr.js)', () => {
  it('refuses loopback, private, link-local, unique-local, mapped and numeric forms; passes public unicast', () => {
    const judge = (address: string) => nonPublicRange(ipaddr.parse(address));
    assert.equal(judge('127.0.0.1'), 'loopback');
    assert.equal(judge('::ffff:127.0.0.1'), 'loopback');
    assert.equal(judge('::ffff:7f00:1'), 'loopback');
    assert.equal(judge('::7f00:1'), 'IPv4-compatible');
    assert.equal(judge('169.254.169.254'), 'linkLocal');
    assert.equal(judge('fe80::1'), 'linkLocal');
    assert.equal(judge('fd12:3456::1'), 'uniqueLocal');
    assert.equal(judge('10.1.2.3'), 'private');
    assert.equal(judge('100.64.0.1'), 'carrierGradeNat');
    assert.equal(judge('::'), 'unspecified');
    assert.equal(judge('64:ff9b::7f00:1'), 'rfc6052');
    assert.equal(judge('93.184.216.34'), undefined);
    assert.equal(judge('2606:4700:4700::1111'), undefined);
  });
});

describe('webhook delivery through the connect-time check (DNS rebinding)', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(() => receiver.close());

  const send = (url: string, policy: ReturnType<typeof webhookTargetPolicy>) =>
    sendWebhook({ url, secret: SECRET, deliveryId: 'd-1', body: '{}', now: new Date(), timeoutMs: 500, policy });

  it('refuses a host that resolved to a public address when checked and to loopback at delivery', async () => {
    const answers = ['93.184.216.34', '127.0.0.1'];
    const rebinding: Resolve = async () => [{ address: answers.shift() ?? '127.0.0.1', family: 4 }];
    const policy = webhookTargetPolicy({ WEBHOOK_ALLOWED_HOSTS: undefined }, rebinding);
    const url = `http://rebind.test:${new URL(receiver.url).port}/hooks`;
    assert.deepEqual(await policy.check(url), { ok: true });
    const outcome = await send(url, policy);
    assert.equal(outcome.kind, 'permanent');
    assert.match('error' in outcome ? outcome.error : '', /rebind\.test resolves to a loopback address/);
    assert.equal(receiver.requests.length, 0);
  });

  it('connects to exactly the address it checked, not to a second resolution', async () => {
    // The OS cannot resolve receiver.test: the request reaches the receiver only through our lookup.
    const resolve: Resolve = async (host) => (host === 'receiver.test' ? [{ address: '127.0.0.1', family: 4 }] : []);
    const policy = webhookTargetPolicy({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.0/8' }, resolve);
    const outcome = await send(`http://receiver.test:${new URL(receiver.url).port}/hooks`, policy);
    assert.equal(outcome.kind, 'success');
    assert.equal(receiver.requests[0]?.headers.host, `receiver.test:${new URL(receiver.url).port}`);
  });

  it('refuses a name with one private address among public ones', async () => {
    const policy = webhookTargetPolicy({ WEBHOOK_ALLOWED_HOSTS: undefined }, async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ]);
    assert.deepEqual(await policy.check('https://mixed.test/x'), { ok: false, reason: 'webhook target refused: mixed.test resolves to a private address, not a public one (allow an internal endpoint with WEBHOOK_ALLOWED_HOSTS)' });
  });
});

for (const target of databaseTargets) {
  describe(`webhook SSRF (${target.name})`, { skip: target.skip }, () => {
    const clock = testClock('2026-11-23T10:00:00Z');
    const lines: string[] = [];
    let collector: Collector;
    let allowing: Collector;
    let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
    before(async () => {
      collector = await startTestCollector(target, { ADMIN_TOKEN, ALERT_WORKER_INTERVAL_MS: 0, WEBHOOK_TIMEOUT_MS: 500, LOG_LEVEL: 'debug' }, { now: clock.now, log: createLogger('debug', (line) => lines.push(line)) });
      await seedHierarchy(collector.ctx.db);
      allowing = await startTestCollector(target, { ADMIN_TOKEN, ALERT_WORKER_INTERVAL_MS: 0, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1, hooks.internal, 10.20.0.0/16' }, { now: clock.now });
      await seedHierarchy(allowing.ctx.db);
    });
    after(async () => {
      await receiver?.close();
      await collector.close();
      await allowing.close();
    });
    beforeEach(async () => {
      await receiver?.close();
      receiver = undefined;
      for (const table of ['webhook_deliveries', 'alert_events', 'alert_rules', 'submissions']) await collector.ctx.db.query(`DELETE FROM ${table}`);
      markRulesChanged();
    });

    const createRule = (on: Collector, id: string, url: string) =>
      fetch(`${on.url}/v1/admin/alerts/rules`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id, kind: 'score', brand: 'acme', when: { minScoreAtMost: 2 }, webhook: { url, secret: SECRET } }),
      });

    it('refuses internal webhook targets at rule creation with a 400 naming webhook.url (security review)', async () => {
      for (const [i, url] of internalTargets.entries()) {
        const res = await createRule(collector, `internal-${i}`, url);
        assert.equal(res.status, 400, url);
        const body = (await res.json()) as { error: string; message: string; issues: Array<{ path: string; message: string }> };
        assert.equal(body.error, 'invalid_alert_rule');
        assert.deepEqual(body.issues.map((issue) => issue.path), ['webhook.url'], url);
        assert.match(body.issues[0]!.message, /webhook target refused: .* address, not a public one \(allow an internal endpoint with WEBHOOK_ALLOWED_HOSTS\)/, url);
      }
      const [{ n }] = (await collector.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alert_rules')) as [{ n: number }];
      assert.equal(n, 0);
    });

    it('accepts a public host name even when DNS cannot answer now (it is checked again on every delivery)', async () => {
      assert.equal((await createRule(collector, 'slack', 'https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX')).status, 201);
    });

    it('lets WEBHOOK_ALLOWED_HOSTS name internal endpoints by name, address or range', async () => {
      assert.equal((await createRule(allowing, 'by-address', 'http://127.0.0.1:9999/hook')).status, 201);
      assert.equal((await createRule(allowing, 'by-name', 'http://hooks.internal/hook')).status, 201);
      assert.equal((await createRule(allowing, 'by-range', 'http://10.20.1.2/hook')).status, 201);
      assert.equal((await createRule(allowing, 'outside-range', 'http://10.21.1.2/hook')).status, 400);
      assert.equal((await createRule(allowing, 'metadata', 'http://169.254.169.254/')).status, 400);
    });

    it('fails a delivery to an internal target for good, without sending or retrying, and echoes no response body', async () => {
      receiver = await startReceiver((_req, _i, res) => res.writeHead(500).end('internal secret data'));
      // Rules saved before this check existed (or edited in SQL) reach the worker unchecked.
      await addRule(collector.ctx, { id: 'old-loopback', kind: 'score', when: { minScoreAtMost: 2 } }, receiver.url);
      await addRule(collector.ctx, { id: 'old-localhost', kind: 'score', when: { minScoreAtMost: 2 } }, receiver.url.replace('127.0.0.1', 'localhost'));
      await evaluateAlerts(collector.ctx, [await insertSubmission(collector.ctx.db, { at: '2026-11-23T09:59:00Z', minScore: 1 })]);
      assert.deepEqual(await runDueDeliveries(collector.ctx), { attempted: 2, succeeded: 0, retrying: 0, failed: 2 });
      assert.equal(receiver.requests.length, 0);
      const rows = await deliveries(collector.ctx.db);
      assert.deepEqual(rows.map((r) => [r.rule_id, r.status, r.attempts, r.last_status]).sort(), [
        ['old-localhost', 'failed', 1, null],
        ['old-loopback', 'failed', 1, null],
      ]);
      assert.deepEqual(rows.map((r) => r.last_error).sort(), [
        'webhook target refused: 127.0.0.1 is a loopback address, not a public one (allow an internal endpoint with WEBHOOK_ALLOWED_HOSTS)',
        'webhook target refused: localhost resolves to a loopback address, not a public one (allow an internal endpoint with WEBHOOK_ALLOWED_HOSTS)',
      ]);
    });

    it('records only the status of a failing receiver, in the delivery log and in the logs', async () => {
      receiver = await startReceiver((_req, _i, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('db password is hunter2'));
      lines.length = 0;
      const ctx = { ...collector.ctx, config: { ...collector.ctx.config, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } };
      await addRule(ctx, { id: 'echo', kind: 'score', when: { minScoreAtMost: 2 } }, receiver.url);
      await evaluateAlerts(ctx, [await insertSubmission(ctx.db, { at: '2026-11-23T09:59:00Z', minScore: 1 })]);
      await runDueDeliveries(ctx);
      assert.equal(receiver.requests.length, 1);
      const [entry] = await listDeliveries(ctx.db);
      assert.deepEqual([entry?.lastStatus, entry?.lastError], [500, 'HTTP 500']);
      assert.ok(!lines.some((line) => line.includes('hunter2')), 'nothing the receiver said is logged');
      const api = await fetch(`${collector.url}/v1/admin/alerts/deliveries`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.ok(!(await api.text()).includes('hunter2'));
    });

    it('shows webhook URLs by origin only and no part of the secret', async () => {
      const slack = 'https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX';
      await createRule(collector, 'slack', slack);
      const shown = await (await fetch(`${collector.url}/v1/admin/alerts/rules/slack`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
      assert.deepEqual((shown as { webhook: unknown }).webhook, { url: 'https://hooks.slack.com/…', secretSet: true });
      const text = JSON.stringify(shown);
      assert.ok(!text.includes('XXXXsecretXXXX') && !text.includes(SECRET.slice(-4)), text);
    });
  });

  describe(`ALERT_RULES_FILE with an internal webhook (${target.name})`, { skip: target.skip }, () => {
    it('stops the collector at start, naming the rule', async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'storevoice-rules-')), 'rules.json');
      await writeFile(file, JSON.stringify([{ id: 'meta', kind: 'score', brand: 'acme', when: { minScoreAtMost: 2 }, webhook: { url: 'http://169.254.169.254/latest', secret: SECRET } }]));
      const db = await target.open();
      try {
        await assert.rejects(startCollector({ db, config: { PORT: 0, LOG_LEVEL: 'silent', ALERT_RULES_FILE: file, ALERT_WORKER_INTERVAL_MS: 0 } }), (error: unknown) => {
          assert.ok(error instanceof AlertRulesFileError);
          assert.match(error.message, /0\.webhook\.url: webhook target refused: 169\.254\.169\.254 is a linkLocal address/);
          return true;
        });
      } finally {
        await db.close();
      }
    });
  });
}
