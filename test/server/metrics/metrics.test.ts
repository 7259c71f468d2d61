import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { evaluateAlerts, runDueDeliveries } from '../../../demo/server/alerts/index.js';
import { countEventStreamClient, collectorMetrics } from '../../../demo/server/metrics/registry.js';
import type { Collector } from '../../../demo/server/server.js';
import { addRule, insertSubmission, seedHierarchy } from '../alerts/support/fixtures.js';
import { startReceiver } from '../alerts/support/receiver.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { makeSubmission, postSubmissions, seedTestHierarchy } from '../support/ingest.js';

const METRICS_TOKEN = 'metrics-token-0123456789';

/** The value of one sample of a Prometheus text exposition, or undefined when absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(collector: Collector, token?: string): Promise<string> {
  const res = await fetch(`${collector.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return res.text();
}

for (const target of databaseTargets) {
  describe(`GET /metrics (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target, { ALERT_WORKER_INTERVAL_MS: 0, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
      await seedTestHierarchy(collector.ctx);
    });
    after(() => collector.close());

    it('serves the Prometheus text format with the process metrics and ours', async () => {
      const text = await scrape(collector);
      assert.ok(sample(text, 'process_cpu_user_seconds_total') !== undefined, 'default process metrics');
      assert.ok(sample(text, 'nodejs_eventloop_lag_seconds') !== undefined, 'event loop lag');
      assert.equal(sample(text, 'storevoice_db_pool_size', { database: target.name }), target.name === 'postgres' ? 10 : 1);
      assert.equal(sample(text, 'storevoice_queue_depth', { queue: 'ingest_insert' }), 0);
      assert.equal(sample(text, 'storevoice_queue_depth', { queue: 'password_hashing' }), 0);
      assert.equal(sample(text, 'storevoice_webhook_queue', { status: 'pending' }), 0);
      assert.equal(sample(text, 'storevoice_event_stream_clients'), 0);
    });

    it('counts ingest by outcome: accepted, duplicate, and refusals by their error code', async () => {
      const before = await scrape(collector);
      const count = (text: string, name: string, labels: Record<string, string>) => sample(text, name, labels) ?? 0;
      const submission = makeSubmission();
      assert.equal((await postSubmissions(collector.url, { submissions: [submission, makeSubmission()] })).status, 202);
      assert.equal((await postSubmissions(collector.url, submission)).status, 202, 'the same id again');
      assert.equal((await postSubmissions(collector.url, { ...makeSubmission(), schemaVersion: 2 })).status, 400);
      assert.equal((await postSubmissions(collector.url, makeSubmission(), { key: 'pk_nobody' })).status, 401);
      const after = await scrape(collector);
      const delta = (name: string, labels: Record<string, string>) => count(after, name, labels) - count(before, name, labels);
      assert.equal(delta('storevoice_ingest_submissions_total', { outcome: 'accepted' }), 2);
      assert.equal(delta('storevoice_ingest_submissions_total', { outcome: 'duplicate' }), 1);
      assert.equal(delta('storevoice_ingest_rejected_requests_total', { reason: 'invalid_submission' }), 1);
      assert.equal(delta('storevoice_ingest_rejected_requests_total', { reason: 'unknown_write_key' }), 1);
      assert.ok(delta('storevoice_db_query_duration_seconds_count', { database: target.name }) > 0, 'database statements are timed');
    });

    it('labels latency by route pattern, never by raw path', async () => {
      await fetch(`${collector.url}/v1/surveys/no-such-survey-1`);
      await fetch(`${collector.url}/v1/surveys/no-such-survey-2`);
      await fetch(`${collector.url}/made/up/path-${Date.now()}`);
      const text = await scrape(collector);
      assert.equal(sample(text, 'storevoice_http_request_duration_seconds_count', { method: 'GET', route: '/v1/surveys/:id', status: '404' }), 2);
      assert.ok((sample(text, 'storevoice_http_request_duration_seconds_count', { method: 'GET', route: '(unmatched)', status: '404' }) ?? 0) >= 1);
      assert.doesNotMatch(text, /no-such-survey|made\/up/);
    });

    it('counts requests refused with 429', async () => {
      const limited = await startTestCollector(target, { RATE_LIMIT_PER_MINUTE: 1, RATE_LIMIT_BURST: 1 });
      try {
        await seedTestHierarchy(limited.ctx);
        const statuses = [];
        for (let i = 0; i < 3; i++) statuses.push((await postSubmissions(limited.url, makeSubmission())).status);
        assert.deepEqual(statuses, [202, 429, 429]);
        const text = await scrape(limited);
        assert.equal(sample(text, 'storevoice_http_rate_limited_total', { route: '/v1/submissions' }), 2);
        assert.equal(sample(text, 'storevoice_ingest_rejected_requests_total', { reason: 'rate_limited' }), 2);
      } finally {
        await limited.close();
      }
    });

    it('shows the webhook queue and counts this instance\'s attempts by outcome', async () => {
      // Adds store 043, open around the clock: the alert is due now, not held until opening time.
      await seedHierarchy(collector.ctx.db);
      const receiver = await startReceiver((_request, _index, res) => res.writeHead(500).end('down'));
      try {
        await addRule(collector.ctx, { id: 'metrics-low-score', kind: 'score', when: { minScoreAtMost: 2 } }, receiver.url);
        await evaluateAlerts(collector.ctx, [await insertSubmission(collector.ctx.db, { at: new Date(Date.now() - 60_000).toISOString(), store: '043', minScore: 1 })]);
        assert.equal(sample(await scrape(collector), 'storevoice_webhook_queue', { status: 'pending' }), 1);
        assert.deepEqual(await runDueDeliveries(collector.ctx), { attempted: 1, succeeded: 0, retrying: 1, failed: 0 });
        const text = await scrape(collector);
        assert.equal(sample(text, 'storevoice_webhook_attempts_total', { outcome: 'retrying' }), 1);
        assert.equal(sample(text, 'storevoice_webhook_queue', { status: 'pending' }), 1, 'still queued: it will be retried');
      } finally {
        await receiver.close();
      }
    });

    it('counts open event streams until each is released, once', async () => {
      const release = countEventStreamClient(collector.ctx);
      const second = countEventStreamClient(collector.ctx);
      assert.equal(sample(await scrape(collector), 'storevoice_event_stream_clients'), 2);
      release();
      release();
      assert.equal(sample(await scrape(collector), 'storevoice_event_stream_clients'), 1);
      second();
      assert.equal(sample(await scrape(collector), 'storevoice_event_stream_clients'), 0);
    });

    it('asks for METRICS_TOKEN when it is set', async () => {
      const guarded = await startTestCollector(target, { METRICS_TOKEN });
      try {
        const refused = await fetch(`${guarded.url}/metrics`);
        assert.equal(refused.status, 401);
        assert.equal(refused.headers.get('www-authenticate'), 'Bearer');
        assert.equal((await refused.json()).error, 'unauthorized');
        assert.equal((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status, 401);
        assert.ok(sample(await scrape(guarded, METRICS_TOKEN), 'storevoice_db_pool_size') !== undefined);
      } finally {
        await guarded.close();
      }
    });

    it('keeps each collector\'s counts apart', () => {
      assert.notEqual(collectorMetrics(collector.ctx).registry, collectorMetrics({}).registry);
    });
  });
}
