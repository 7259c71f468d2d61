import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { evaluateAlerts, listDeliveries, markRulesChanged, runDueDeliveries, verifySignature } from '../../../demo/server/alerts/index.js';
import type { AppContext } from '../../../demo/server/context.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { loadDocumentedVerifier } from './support/doc-snippet.js';
import { addRule, deliveries, insertSubmission, SECRET, seedHierarchy, testClock } from './support/fixtures.js';
import { startReceiver, type Responder } from './support/receiver.js';

const nominal = { random: () => 0.5 };
const iso = (d: Date | null | undefined) => d?.toISOString();

for (const target of databaseTargets) {
  describe(`webhook delivery (${target.name})`, { skip: target.skip }, () => {
    const clock = testClock('2026-11-23T10:00:00Z');
    let collector: Collector;
    let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
    const ctx = () => collector.ctx;
    before(async () => {
      collector = await startTestCollector(target, { ALERT_WORKER_INTERVAL_MS: 0, WEBHOOK_MAX_ATTEMPTS: 3, WEBHOOK_TIMEOUT_MS: 10_000, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }, { now: clock.now });
      await seedHierarchy(ctx().db);
    });
    after(async () => {
      await receiver?.close();
      await collector.close();
    });
    beforeEach(async () => {
      await receiver?.close();
      receiver = undefined;
      clock.set('2026-11-23T10:00:00Z');
      for (const table of ['webhook_deliveries', 'alert_events', 'alert_rules', 'submissions']) await ctx().db.query(`DELETE FROM ${table}`);
      markRulesChanged();
    });

    /** A receiver answering `respond`, a score rule pointing at it, and `n` alerts raised. */
    async function setup(respond: Responder | undefined, n = 1) {
      receiver = await startReceiver(respond);
      await addRule(ctx(), { id: 'low-score', kind: 'score', when: { minScoreAtMost: 2 } }, receiver.url);
      const subs = [];
      for (let i = 0; i < n; i++) subs.push(await insertSubmission(ctx().db, { at: '2026-11-23T09:59:00Z', minScore: 1 }));
      await evaluateAlerts(ctx(), subs);
      return receiver;
    }

    it('POSTs the alert with a signature that the documented snippet verifies', async () => {
      const r = await setup(undefined);
      assert.deepEqual(await runDueDeliveries(ctx()), { attempted: 1, succeeded: 1, retrying: 0, failed: 0 });
      const [request] = r.requests;
      assert.ok(request);
      assert.equal(request.headers['content-type'], 'application/json');
      const [row] = await deliveries(ctx().db);
      assert.equal(request.headers['storevoice-delivery'], row?.id);
      assert.equal(request.body, row?.body);
      const header = String(request.headers['storevoice-signature']);
      assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
      assert.equal(header.split(',')[0], `t=${Math.floor(clock.now().getTime() / 1000)}`);

      const verify = await loadDocumentedVerifier();
      const nowSeconds = Math.floor(clock.now().getTime() / 1000);
      assert.equal(verify(request.body, header, SECRET, 300, nowSeconds), true);
      assert.equal(verify(request.body, header, 'whsec_wrong_secret_000', 300, nowSeconds), false);
      assert.equal(verify(request.body.replace('storevoice.alert', 'storevoice.alerts'), header, SECRET, 300, nowSeconds), false);
      assert.equal(verify(request.body, header, SECRET, 300, nowSeconds + 301), false, 'replayed too late');
      assert.equal(verify(request.body, undefined, SECRET, 300, nowSeconds), false);
      assert.equal(verifySignature(header, request.body, SECRET, nowSeconds), true);
    });

    it('retries a 500 with backoff, then succeeds', async () => {
      const r = await setup((_req, i, res) => (i === 0 ? res.writeHead(500).end('upstream unavailable') : res.writeHead(200).end()));
      assert.deepEqual(await runDueDeliveries(ctx(), nominal), { attempted: 1, succeeded: 0, retrying: 1, failed: 0 });
      let [row] = await deliveries(ctx().db);
      assert.deepEqual([row?.status, row?.attempts, row?.last_status, row?.last_error], ['pending', 1, 500, 'HTTP 500']);
      assert.equal(iso(row?.next_attempt_at), '2026-11-23T10:00:30.000Z');
      // Not due yet.
      clock.advance(29_000);
      assert.equal((await runDueDeliveries(ctx(), nominal)).attempted, 0);
      clock.advance(1_000);
      assert.deepEqual(await runDueDeliveries(ctx(), nominal), { attempted: 1, succeeded: 1, retrying: 0, failed: 0 });
      [row] = await deliveries(ctx().db);
      assert.deepEqual([row?.status, row?.attempts, row?.last_status, row?.last_error, row?.next_attempt_at], ['succeeded', 2, 200, null, null]);
      assert.equal(r.requests.length, 2);
      assert.equal(r.requests[0]?.body, r.requests[1]?.body, 'the same body on every attempt');
      assert.equal(r.requests[0]?.headers['storevoice-delivery'], r.requests[1]?.headers['storevoice-delivery']);
    });

    it('spaces retries 30 s then 2 min, and gives up after WEBHOOK_MAX_ATTEMPTS', async () => {
      const r = await setup((_req, _i, res) => res.writeHead(503).end());
      const due: Array<string | undefined> = [];
      for (let i = 0; i < 3; i++) {
        await runDueDeliveries(ctx(), nominal);
        const [row] = await deliveries(ctx().db);
        due.push(iso(row?.next_attempt_at));
        if (row?.next_attempt_at) clock.set(row.next_attempt_at.toISOString());
      }
      assert.deepEqual(due, ['2026-11-23T10:00:30.000Z', '2026-11-23T10:02:30.000Z', undefined]);
      const [row] = await deliveries(ctx().db);
      assert.deepEqual([row?.status, row?.attempts], ['failed', 3]);
      assert.match(row?.last_error ?? '', /gave up after 3 attempts/);
      clock.advance(86_400_000);
      assert.equal((await runDueDeliveries(ctx())).attempted, 0);
      assert.equal(r.requests.length, 3);
    });

    it('honours Retry-After on a 429', async () => {
      await setup((_req, i, res) => (i === 0 ? res.writeHead(429, { 'retry-after': '120' }).end() : res.writeHead(204).end()));
      await runDueDeliveries(ctx(), nominal);
      const [row] = await deliveries(ctx().db);
      assert.deepEqual([row?.status, row?.last_status, iso(row?.next_attempt_at)], ['pending', 429, '2026-11-23T10:02:00.000Z']);
      clock.set('2026-11-23T10:02:00Z');
      assert.equal((await runDueDeliveries(ctx(), nominal)).succeeded, 1);
    });

    it('fails permanently on a 400, without retrying', async () => {
      const r = await setup((_req, _i, res) => res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad signature"}'));
      assert.deepEqual(await runDueDeliveries(ctx(), nominal), { attempted: 1, succeeded: 0, retrying: 0, failed: 1 });
      const [row] = await deliveries(ctx().db);
      assert.deepEqual([row?.status, row?.attempts, row?.last_status, row?.last_error, row?.next_attempt_at], ['failed', 1, 400, 'HTTP 400', null]);
      clock.advance(86_400_000);
      await runDueDeliveries(ctx());
      assert.equal(r.requests.length, 1);
    });

    it('does not follow redirects', async () => {
      await setup((_req, _i, res) => res.writeHead(301, { location: 'https://elsewhere.example.com/' }).end());
      await runDueDeliveries(ctx(), nominal);
      const [row] = await deliveries(ctx().db);
      assert.deepEqual([row?.status, row?.last_status], ['failed', 301]);
      assert.equal(row?.last_error, 'HTTP 301: redirects are not followed');
    });

    it('times out a receiver that does not answer, and retries', async () => {
      await setup(() => {
        /* never answers */
      });
      // Only this test times out quickly: the others keep a timeout a busy test machine cannot hit,
      // so a slow answer there is never mistaken for the behaviour under test.
      const quick: AppContext = { ...ctx(), config: { ...ctx().config, WEBHOOK_TIMEOUT_MS: 300 } };
      const started = Date.now();
      assert.deepEqual(await runDueDeliveries(quick, nominal), { attempted: 1, succeeded: 0, retrying: 1, failed: 0 });
      assert.ok(Date.now() - started < 5_000);
      const [row] = await deliveries(ctx().db);
      assert.deepEqual([row?.status, row?.last_status, row?.last_error], ['pending', null, 'timeout after 300 ms']);
    });

    it('retries when nobody listens', async () => {
      const gone = await startReceiver();
      await gone.close();
      await addRule(ctx(), { id: 'low-score', kind: 'score', when: { minScoreAtMost: 2 } }, gone.url);
      await evaluateAlerts(ctx(), [await insertSubmission(ctx().db, { at: '2026-11-23T09:59:00Z', minScore: 1 })]);
      await runDueDeliveries(ctx(), nominal);
      const [row] = await deliveries(ctx().db);
      assert.deepEqual([row?.status, row?.last_status], ['pending', null]);
      assert.match(row?.last_error ?? '', /ECONNREFUSED/);
    });

    it('fails deliveries of a deleted rule, and sends retries to the rule’s current URL', async () => {
      const r = await setup((_req, i, res) => (i === 0 ? res.writeHead(500).end() : res.writeHead(200).end()), 2);
      await runDueDeliveries(ctx(), nominal);
      const fixed = await startReceiver();
      try {
        await addRule(ctx(), { id: 'low-score', kind: 'score', when: { minScoreAtMost: 2 } }, fixed.url);
        clock.advance(60_000);
        await runDueDeliveries(ctx(), nominal);
        assert.equal(fixed.requests.length, 1, 'the retry went to the new URL');
        assert.equal(r.requests.length, 2);
      } finally {
        await fixed.close();
      }
      await ctx().db.query('DELETE FROM alert_rules');
      markRulesChanged();
      await ctx().db.query("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $1::timestamptz", [clock.now().toISOString()]);
      await runDueDeliveries(ctx(), nominal);
      assert.deepEqual((await deliveries(ctx().db)).map((d) => [d.status, d.last_error]), [
        ['failed', 'rule deleted before delivery'],
        ['failed', 'rule deleted before delivery'],
      ]);
    });

    it('keeps a delivery log with every outcome, readable by code and over HTTP', async () => {
      await setup((_req, _i, res) => res.writeHead(502).end('bad gateway'));
      await runDueDeliveries(ctx(), nominal);
      const log = await listDeliveries(ctx().db, { brand: 'acme', store: '042' });
      assert.equal(log.length, 1);
      const entry = log[0]!;
      assert.deepEqual(
        { rule: entry.ruleId, brand: entry.brand, region: entry.region, store: entry.store, status: entry.status, attempts: entry.attempts, lastStatus: entry.lastStatus, lastError: entry.lastError, next: entry.nextAttemptAt, delivered: entry.deliveredAt },
        { rule: 'low-score', brand: 'acme', region: 'emea-north', store: '042', status: 'pending', attempts: 1, lastStatus: 502, lastError: 'HTTP 502', next: '2026-11-23T10:00:30.000Z', delivered: null },
      );
      assert.equal(entry.url, `${new URL(receiver!.url).origin}/…`, 'the path is redacted');
      assert.equal(entry.alert.type, 'storevoice.alert');
      assert.equal(entry.alert.submissions.length, 1);
      assert.deepEqual(await listDeliveries(ctx().db, { store: '043' }), []);
      assert.deepEqual(await listDeliveries(ctx().db, { status: 'succeeded' }), []);
      assert.equal(JSON.stringify(entry).includes(SECRET), false, 'no secret in the log');
    });

    it('delivers each alert exactly once with two workers running at the same time', async () => {
      const r = await setup((_req, _i, res) => setTimeout(() => res.writeHead(200).end(), 15), 25);
      const second: AppContext = { ...ctx(), afterIngest: [], onClose: [] };
      const [a, b] = await Promise.all([runDueDeliveries(ctx()), runDueDeliveries(second)]);
      assert.equal(a.attempted + b.attempted, 25);
      assert.equal(a.succeeded + b.succeeded, 25);
      const ids = r.requests.map((q) => String(q.headers['storevoice-delivery']));
      assert.equal(ids.length, 25);
      assert.equal(new Set(ids).size, 25, 'no delivery sent twice');
      assert.deepEqual([...new Set((await deliveries(ctx().db)).map((d) => `${d.status}/${d.attempts}`))], ['succeeded/1']);
    });

    it('takes over a delivery whose worker died mid-attempt once its lease expired', async () => {
      const r = await setup(undefined);
      // A worker claimed it (status sending, lease = now + timeout + 60 s) and then died.
      await ctx().db.query("UPDATE webhook_deliveries SET status = 'sending', attempts = 1, next_attempt_at = $1::timestamptz", ['2026-11-23T10:01:10.000Z']);
      assert.equal((await runDueDeliveries(ctx())).attempted, 0);
      clock.set('2026-11-23T10:01:10.000Z');
      assert.equal((await runDueDeliveries(ctx())).succeeded, 1);
      const [row] = await deliveries(ctx().db);
      assert.deepEqual([row?.status, row?.attempts], ['succeeded', 2]);
      assert.equal(r.requests.length, 1);
    });
  });
}
