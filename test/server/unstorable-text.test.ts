import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Collector } from '../../demo/server/server.js';
import { startTestCollector } from './support/collector.js';
import { databaseTargets } from './support/databases.js';
import { ADMIN_TOKEN, seedTestHierarchy } from './support/ingest.js';

// PostgreSQL refuses NUL characters in text and unpaired surrogates in jsonb. Every way in must
// answer with a 4xx that says where, never a 500. (Feedback text is stored cleaned instead:
// test/server/ingest/store.test.ts.)

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'x\ud800y';

for (const target of databaseTargets) {
  describe(`text PostgreSQL cannot store (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target, { ADMIN_TOKEN });
      await seedTestHierarchy(collector.ctx);
    });
    after(() => collector.close());

    const send = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${collector.url}${path}`, init);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const admin = (path: string, method: string, body: unknown, type = 'application/json') =>
      send(path, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

    it('refuses a NUL in the URL, public and admin routes alike', async () => {
      for (const path of ['/v1/surveys/a%00b', '/v1/surveys/pulse?x=%00', '/v1/admin/surveys/a%00b', '/v1/admin/alerts/rules/a%00']) {
        const res = await send(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        assert.equal(res.status, 400, path);
        assert.equal(res.body.error, 'invalid_url', path);
      }
    });

    it('names the field of an admin body that holds a NUL or an unpaired surrogate', async () => {
      const survey = (prompt: string, title?: string) => ({ id: 'x', ...(title !== undefined && { title }), questions: [{ id: 'q', type: 'text', prompt }] });
      assert.deepEqual(await admin('/v1/admin/surveys/x', 'PUT', survey(NUL)), {
        status: 400,
        body: { error: 'invalid_text', message: 'questions[0].prompt: contains a NUL character or an unpaired surrogate, which cannot be stored', path: 'questions[0].prompt' },
      });
      assert.equal((await admin('/v1/admin/surveys/x', 'PUT', survey('ok', LONE_SURROGATE))).body.path, 'title');
      assert.equal((await admin('/v1/admin/surveys/x', 'PUT', { ...survey('ok'), [NUL]: 1 })).body.path, NUL, 'keys count too');
      assert.equal((await admin('/v1/admin/surveys/x', 'PUT', survey('ok'))).status, 201, 'the same survey, clean, is stored');

      const rule = { id: 'r', kind: 'score', brand: 'acme', name: NUL, when: { minScoreAtMost: 2 }, webhook: { url: 'https://hooks.example.com/x', secret: 's'.repeat(32) } };
      assert.deepEqual(await admin('/v1/admin/alerts/rules', 'POST', rule).then((r) => [r.status, r.body.path]), [400, 'name']);
      assert.deepEqual(await admin('/v1/admin/brands/acme/regions/baltics', 'PUT', { name: LONE_SURROGATE }).then((r) => [r.status, r.body.path]), [400, 'name']);
      const hierarchy = { brands: [{ id: 'b', name: NUL, regions: [] }] };
      assert.deepEqual(await admin('/v1/admin/hierarchy', 'POST', hierarchy).then((r) => [r.status, r.body.path]), [400, 'brands[0].name']);
    });

    it('refuses a NUL in a CSV hierarchy import', async () => {
      const csv = 'brand,brand_name,region,region_name,store,store_name,time_zone,staff_id,staff_name\nacme,Acme,north,North,042,Oslo\u0000,Europe/Oslo,emp-1,Kari\n';
      const res = await admin('/v1/admin/hierarchy', 'POST', csv, 'text/csv');
      assert.equal(res.status, 400);
      assert.equal(res.body.error, 'invalid_text');
      assert.match(String(res.body.path), /stores\[0\]\.name$/);
    });

    it('answers a login with a NUL 400, not 500, and bounds the login body', async () => {
      const login = (body: string) => send('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: collector.url }, body });
      assert.deepEqual(await login(JSON.stringify({ email: NUL, password: 'correct horse battery' })).then((r) => [r.status, r.body.error, r.body.path]), [400, 'invalid_text', 'email']);
      assert.equal((await login(JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(20_000) }))).status, 413);
      assert.equal((await login('{')).body.error, 'invalid_json');
    });

  });
}
