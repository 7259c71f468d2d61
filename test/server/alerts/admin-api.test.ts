import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AlertRulesFileError, evaluateAlerts, runDueDeliveries } from '../../../demo/server/alerts/index.js';
import { startCollector, type Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { insertSubmission, SECRET, seedHierarchy, testClock } from './support/fixtures.js';

const ADMIN_TOKEN = 'admin-token-for-alert-tests';
const webhook = { url: 'https://hooks.example.com/storevoice', secret: SECRET };
const fileRule = { id: 'from-file', kind: 'burst', brand: 'acme', count: 3, withinMinutes: 30, when: { minScoreAtMost: 2 }, webhook };

async function rulesFile(content: unknown): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'storevoice-rules-')), 'rules.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

for (const target of databaseTargets) {
  describe(`alerts admin API (${target.name})`, { skip: target.skip }, () => {
    const clock = testClock('2026-11-23T10:00:00Z');
    let collector: Collector;
    before(async () => {
      const file = await rulesFile({ rules: [fileRule] });
      collector = await startTestCollector(target, { ADMIN_TOKEN, ALERT_RULES_FILE: file, ALERT_WORKER_INTERVAL_MS: 0 }, { now: clock.now });
      await seedHierarchy(collector.ctx.db);
    });
    after(() => collector.close());

    const api = (path: string, init: RequestInit & { token?: string } = {}) =>
      fetch(`${collector.url}/v1/admin/alerts${path}`, {
        ...init,
        headers: { authorization: `Bearer ${init.token ?? ADMIN_TOKEN}`, 'content-type': 'application/json', ...init.headers },
      });

    it('requires the admin token', async () => {
      assert.equal((await api('/rules', { token: 'wrong-token-0000000000' })).status, 401);
      assert.equal((await fetch(`${collector.url}/v1/admin/alerts/deliveries`)).status, 401);
    });

    it('lists the rules of ALERT_RULES_FILE, read-only, with the secret redacted', async () => {
      const res = await api('/rules');
      assert.equal(res.status, 200);
      const { rules } = (await res.json()) as { rules: Array<Record<string, unknown>> };
      assert.equal(rules.length, 1);
      assert.deepEqual([rules[0]?.id, rules[0]?.source, rules[0]?.outsideHours], ['from-file', 'file', 'hold']);
      assert.deepEqual(rules[0]?.webhook, { url: 'https://hooks.example.com/…', secretSet: true });
      assert.equal((await api('/rules/from-file', { method: 'PUT', body: JSON.stringify(fileRule) })).status, 409);
      assert.equal((await api('/rules/from-file', { method: 'DELETE' })).status, 409);
    });

    it('creates, reads, replaces and deletes a rule', async () => {
      const rule = { id: 'low', kind: 'score', brand: 'acme', when: { minScoreAtMost: 2 }, webhook };
      let res = await api('/rules', { method: 'POST', body: JSON.stringify(rule) });
      assert.equal(res.status, 201);
      const created = (await res.json()) as Record<string, unknown>;
      assert.deepEqual([created.id, created.source, created.enabled], ['low', 'api', true]);
      assert.equal(JSON.stringify(created).includes(SECRET), false);
      assert.equal((await api('/rules', { method: 'POST', body: JSON.stringify(rule) })).status, 409);

      // The id may be left out of a PUT body: the URL names the rule (undefined drops out of the JSON).
      res = await api('/rules/low', { method: 'PUT', body: JSON.stringify({ ...rule, id: undefined, when: { npsAtMost: 6 } }) });
      assert.equal(res.status, 200);
      assert.deepEqual(((await (await api('/rules/low')).json()) as { when: unknown }).when, { npsAtMost: 6 });

      assert.equal((await api('/rules/low', { method: 'DELETE' })).status, 204);
      assert.equal((await api('/rules/low')).status, 404);
      assert.equal((await api('/rules/low', { method: 'DELETE' })).status, 404);
    });

    it('answers 400 with the issues for an invalid rule', async () => {
      const res = await api('/rules', { method: 'POST', body: JSON.stringify({ id: 'bad', kind: 'score', brand: 'acme', when: {}, webhook: { url: 'ftp://x', secret: 'short' } }) });
      assert.equal(res.status, 400);
      const body = (await res.json()) as { error: string; issues: Array<{ path: string }> };
      assert.equal(body.error, 'invalid_alert_rule');
      assert.deepEqual(body.issues.map((i) => i.path).sort(), ['webhook.secret', 'webhook.url', 'when']);
      assert.equal((await api('/rules', { method: 'POST', body: 'not json' })).status, 400);
      assert.equal((await api('/rules/other', { method: 'PUT', body: JSON.stringify({ ...fileRule, id: 'mismatch' }) })).status, 400);
    });

    it('serves the delivery log, filtered', async () => {
      await api('/rules/low2', { method: 'PUT', body: JSON.stringify({ kind: 'score', brand: 'acme', when: { minScoreAtMost: 2 }, outsideHours: 'drop', webhook }) });
      clock.set('2026-11-29T14:00:00Z'); // Sunday: store 042 closed
      await evaluateAlerts(collector.ctx, [await insertSubmission(collector.ctx.db, { at: '2026-11-29T13:59:00Z', minScore: 1 })]);
      await runDueDeliveries(collector.ctx);
      let res = await api('/deliveries?status=dropped&store=042');
      assert.equal(res.status, 200);
      const { deliveries } = (await res.json()) as { deliveries: Array<Record<string, unknown>> };
      assert.equal(deliveries.length, 1);
      assert.deepEqual([deliveries[0]?.ruleId, deliveries[0]?.status, deliveries[0]?.attempts], ['low2', 'dropped', 0]);
      res = await api('/deliveries?store=043');
      assert.deepEqual(await res.json(), { deliveries: [] });
      const retried = await api(`/deliveries/${String(deliveries[0]?.id)}/retry`, { method: 'POST' });
      assert.equal(retried.status, 202);
      const [again] = (await (await api('/deliveries?rule=low2')).json() as { deliveries: Array<Record<string, unknown>> }).deliveries;
      assert.deepEqual([again?.status, again?.attempts, again?.nextAttemptAt], ['pending', 0, '2026-11-29T14:00:00.000Z']);
      assert.equal((await api(`/deliveries/${String(deliveries[0]?.id)}/retry`, { method: 'POST' })).status, 404, 'only failed or dropped ones');
      assert.equal((await api('/deliveries?status=lost')).status, 400);
      assert.equal((await api('/deliveries?limit=0')).status, 400);
    });
  });

  describe(`ALERT_RULES_FILE (${target.name})`, { skip: target.skip }, () => {
    it('stops the collector at start with a message naming the bad fields', async () => {
      const db = await target.open();
      const start = async (file: string) => startCollector({ db, config: { PORT: 0, LOG_LEVEL: 'silent', ALERT_RULES_FILE: file, ALERT_WORKER_INTERVAL_MS: 0 } });
      try {
        await assert.rejects(start(await rulesFile([{ ...fileRule, count: 1 }])), (error: unknown) => {
          assert.ok(error instanceof AlertRulesFileError);
          assert.match(error.message, /0\.count/);
          return true;
        });
        await assert.rejects(start(await rulesFile('{ nope')), AlertRulesFileError);
      } finally {
        await db.close();
      }
    });
  });
}
