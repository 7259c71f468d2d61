import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { SettingsResponseSchema, type SettingsResponse } from '../../demo/server/settings/schema.js';
import { databaseTargets } from './support/databases.js';
import { clockAt, get, getJson, send, startCasesWorld, type CasesWorld, type Who } from './cases/fixtures.js';

for (const target of databaseTargets) {
  describe(`brand settings API (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-07T12:00:00Z');
    let world: CasesWorld;
    before(async () => {
      world = await startCasesWorld(target, clock);
    });
    after(() => world.collector.close());

    it('gives every role of the brand its settings, defaults filled in', async () => {
      for (const who of ['corporate', 'north', 'n1', 'ann'] as Who[]) {
        const body = await getJson<SettingsResponse>(world, who, '/v1/settings');
        assert.ok(z.safeParse(SettingsResponseSchema, body).success);
        assert.equal(body.brand, 'acme');
        assert.equal(body.updatedAt, null);
        assert.deepEqual(body.settings.cases.responseMinutes, { managerRequested: 10, detractorWithContact: 1440, detractor: 4320 });
        assert.deepEqual(body.settings.cases.detractor, { npsAtMost: 6, csatAtMost: 2, ratingAtMost: 2 });
        assert.deepEqual(body.settings.cases.rootCauses.map((c) => c.id), ['staff', 'queue', 'stock', 'price', 'product', 'cleanliness', 'payment', 'other']);
      }
    });

    it('lets corporate replace them, a field left out taking its default; other brands are untouched', async () => {
      const res = await send(world, 'corporate', 'PUT', '/v1/settings', {
        cases: { responseMinutes: { managerRequested: 5 }, rootCauses: [{ id: 'queue', label: 'Queue at the till' }, { id: 'fitting-rooms', label: '  Fitting rooms ' }] },
      });
      const body = (await res.json()) as SettingsResponse;
      assert.equal(res.status, 200, JSON.stringify(body));
      assert.equal(body.updatedAt, clock.now.toISOString());
      assert.deepEqual(body.settings.cases.responseMinutes, { managerRequested: 5, detractorWithContact: 1440, detractor: 4320 });
      assert.deepEqual(body.settings.cases.rootCauses, [{ id: 'queue', label: 'Queue at the till' }, { id: 'fitting-rooms', label: 'Fitting rooms' }]);
      assert.deepEqual(await getJson(world, 'n1', '/v1/settings'), body);
      const other = await getJson<SettingsResponse>(world, 'other', '/v1/settings');
      assert.deepEqual([other.brand, other.updatedAt, other.settings.cases.responseMinutes.managerRequested], ['other', null, 10]);
      assert.equal((await send(world, 'corporate', 'PUT', '/v1/settings', {})).status, 200);
    });

    it('refuses every other role (403), a missing CSRF token (403) and bad settings (400 naming the field)', async () => {
      for (const who of ['north', 'n1', 'ann'] as Who[]) assert.equal((await send(world, who, 'PUT', '/v1/settings', {})).status, 403, who);
      const { cookie } = world.sessions.corporate;
      const noToken = await fetch(`${world.collector.url}/v1/settings`, { method: 'PUT', headers: { cookie, origin: world.collector.url, 'content-type': 'application/json' }, body: '{}' });
      assert.equal(noToken.status, 403);
      const cases: Array<[unknown, string]> = [
        [{ cases: { responseMinutes: { detractor: 0 } } }, 'cases.responseMinutes.detractor'],
        [{ cases: { responseMinutes: { detractor: 1.5 } } }, 'cases.responseMinutes.detractor'],
        [{ cases: { detractor: { npsAtMost: 11 } } }, 'cases.detractor.npsAtMost'],
        [{ cases: { detractor: { ratingAtMost: 0 } } }, 'cases.detractor.ratingAtMost'],
        [{ cases: { rootCauses: [] } }, 'cases.rootCauses'],
        [{ cases: { rootCauses: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] } }, 'cases.rootCauses'],
        [{ cases: { rootCauses: [{ id: 'Has Spaces', label: 'A' }] } }, 'cases.rootCauses.0.id'],
        [{ cases: { rootCauses: [{ id: 'ok', label: '   ' }] } }, 'cases.rootCauses.0.label'],
        [{ cases: { responseMinutes: { detractr: 5 } } }, 'cases.responseMinutes'],
        [{ colour: 'red' }, ''],
        ['[]', ''],
      ];
      for (const [body, field] of cases) {
        const res = await send(world, 'corporate', 'PUT', '/v1/settings', body);
        const answer = (await res.json()) as { error: string; message: string; issues: Array<{ path: Array<string | number> }> };
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(answer.error, 'validation_failed');
        assert.ok(answer.issues.some((i) => i.path.join('.') === field), `${JSON.stringify(body)} names ${field}: ${JSON.stringify(answer)}`);
        assert.match(answer.message, /^Invalid settings: /);
      }
      assert.equal((await send(world, 'corporate', 'PUT', '/v1/settings', 'nope')).status, 400);
      assert.equal((await get(world, 'corporate', '/v1/settings')).status, 200);
      assert.equal((await getJson<SettingsResponse>(world, 'corporate', '/v1/settings')).settings.cases.responseMinutes.managerRequested, 10, 'nothing was saved');
    });
  });
}
