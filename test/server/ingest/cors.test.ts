import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Collector } from '../../../demo/server/server.js';
import { demoSurveysDir } from '../../../demo/seed/index.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { makeSubmission, postSubmissions, seedTestHierarchy } from '../support/ingest.js';

const SHOP = 'https://shop.example.com';
const EVIL = 'https://evil.example.net';

for (const target of databaseTargets) {
  describe(`CORS (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      // The demo's surveys: a bare collector imports none (SURVEYS_DIR has no default).
      collector = await startTestCollector(target, { CORS_ORIGINS: `${SHOP}, https://kiosk.example.com`, SURVEYS_DIR: demoSurveysDir });
      await seedTestHierarchy(collector.ctx);
    });
    after(() => collector.close());

    const preflight = (path: string, origin: string, method = 'POST') =>
      fetch(`${collector.url}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type, idempotency-key' } });

    it('answers a preflight from an allowed origin with the SDK headers', async () => {
      const res = await preflight('/v1/submissions', SHOP);
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), SHOP);
      assert.equal(res.headers.get('access-control-allow-methods'), 'POST');
      assert.equal(res.headers.get('access-control-allow-headers'), 'authorization, content-type, idempotency-key');
      assert.equal(res.headers.get('vary'), 'Origin');
      const survey = await preflight('/v1/surveys/store-exit', SHOP, 'GET');
      assert.equal(survey.status, 204);
      assert.equal(survey.headers.get('access-control-allow-methods'), 'GET');
    });

    it('refuses a preflight from another origin with 403 and no CORS headers', async () => {
      const res = await preflight('/v1/submissions', EVIL);
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.equal((await preflight('/v1/submissions', SHOP, 'DELETE')).status, 403);
    });

    it('adds CORS headers (and exposes Retry-After) to actual requests from an allowed origin', async () => {
      const res = await postSubmissions(collector.url, makeSubmission(), { headers: { origin: SHOP } });
      assert.equal(res.status, 202);
      assert.equal(res.headers.get('access-control-allow-origin'), SHOP);
      assert.equal(res.headers.get('access-control-expose-headers'), 'retry-after, etag');
      const refused = await postSubmissions(collector.url, makeSubmission(), { key: 'pk_nope', headers: { origin: SHOP } });
      assert.equal(refused.status, 401);
      assert.equal(refused.headers.get('access-control-allow-origin'), SHOP, 'errors stay readable by the SDK');
    });

    it('refuses a simple (beacon) request from another origin without storing it', async () => {
      const submission = makeSubmission();
      const res = await postSubmissions(collector.url, submission, { key: null, query: '?key=pk_test', contentType: 'text/plain', headers: { origin: EVIL } });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.equal(((await res.json()) as { error: string }).error, 'origin_not_allowed');
      assert.equal((await collector.ctx.db.query('SELECT id FROM submissions WHERE id = $1', [submission.id])).length, 0);
    });

    it('lets same-origin pages and requests without Origin through', async () => {
      const host = new URL(collector.url).host;
      assert.equal((await postSubmissions(collector.url, makeSubmission(), { headers: { origin: `http://${host}` } })).status, 202);
      assert.equal((await postSubmissions(collector.url, makeSubmission())).status, 202);
    });

    it('serves surveys cross-origin to allowed origins only', async () => {
      const ok = await fetch(`${collector.url}/v1/surveys/store-exit`, { headers: { origin: SHOP } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('access-control-allow-origin'), SHOP);
      const refused = await fetch(`${collector.url}/v1/surveys/store-exit`, { headers: { origin: EVIL } });
      assert.equal(refused.status, 403);
    });
  });
}
