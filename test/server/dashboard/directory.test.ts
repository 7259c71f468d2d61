import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { DirectoryResponseSchema, type DirectoryResponse } from '../../../demo/server/directory/types.js';
import type { Collector } from '../../../demo/server/server.js';
import { get, login, type Session } from '../stats/client.js';
import { NOW, PASSWORD, seed, USERS } from '../stats/fixtures.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';

const ROLES = ['corporate', 'regional', 'store', 'staff', 'otherBrand'] as const;
type Role = (typeof ROLES)[number];

/**
 * What each role's directory holds, exactly (the fixture: acme → north (n1: ann, bob; n2: cat),
 * south (s1: dan); brand "other" → x (x1)). Exact lists, so a name from outside the scope fails.
 */
const EXPECTED: Record<Role, { brand: string; regions: string[]; stores: string[]; staff: string[] }> = {
  corporate: { brand: 'Acme', regions: ['north', 'south'], stores: ['n1', 'n2', 's1'], staff: ['ann', 'bob', 'cat', 'dan'] },
  regional: { brand: 'Acme', regions: ['north'], stores: ['n1', 'n2'], staff: ['ann', 'bob', 'cat'] },
  store: { brand: 'Acme', regions: ['north'], stores: ['n1'], staff: ['ann', 'bob'] },
  staff: { brand: 'Acme', regions: ['north'], stores: ['n1'], staff: ['ann'] },
  otherBrand: { brand: 'Other', regions: ['x'], stores: ['x1'], staff: [] },
};

for (const target of databaseTargets) {
  describe(`GET /v1/directory (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    const sessions = {} as Record<Role, Session>;
    before(async () => {
      collector = await startTestCollector(target, {}, { now: () => NOW });
      await seed(collector.ctx.db);
      await collector.ctx.db.query("UPDATE stores SET time_zone = 'Europe/Oslo' WHERE id = 'n1'");
      await collector.ctx.db.query("UPDATE staff SET active = false WHERE id = 'bob'");
      for (const role of ROLES) sessions[role] = await login(collector.url, USERS[role], PASSWORD);
    });
    after(() => collector.close());

    it('answers 401 without a session', async () => {
      const res = await fetch(`${collector.url}/v1/directory`);
      assert.equal(res.status, 401);
    });

    for (const role of ROLES) {
      it(`${role}: names exactly the regions, stores and staff within the scope`, async () => {
        const res = await get(collector.url, '/v1/directory', sessions[role]);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('cache-control'), 'no-store');
        const body = z.parse(DirectoryResponseSchema, await res.json());
        const expected = EXPECTED[role];
        assert.equal(body.brand.name, expected.brand);
        assert.deepEqual(body.regions.map((r) => r.id).sort(), expected.regions);
        assert.deepEqual(body.stores.map((s) => s.id).sort(), expected.stores);
        assert.deepEqual(body.staff.map((m) => m.id).sort(), expected.staff);
      });
    }

    it("carries each store's time zone, names, and staff who left (their old feedback keeps its name)", async () => {
      const body = (await (await get(collector.url, '/v1/directory', sessions.store)).json()) as DirectoryResponse;
      assert.deepEqual(body.stores, [{ id: 'n1', name: 'North One', regionId: 'north', timeZone: 'Europe/Oslo' }]);
      assert.deepEqual(body.regions, [{ id: 'north', name: 'North' }]);
      assert.deepEqual(body.staff, [
        { id: 'ann', name: 'Ann Lee', storeId: 'n1', active: true },
        { id: 'bob', name: 'Bob Stone', storeId: 'n1', active: false },
      ]);
    });

    it('takes no parameters: a forged brand or store is a 400 naming it, not a wider answer', async () => {
      for (const query of ['brand=other', 'store=s1', 'region=south&staff=dan']) {
        const res = await get(collector.url, `/v1/directory?${query}`, sessions.store);
        assert.equal(res.status, 400, query);
        const body = (await res.json()) as { error: string; issues: Array<{ path: string[] }> };
        assert.equal(body.error, 'validation_failed');
        assert.deepEqual(body.issues.map((i) => i.path[0]), query.split('&').map((pair) => pair.split('=')[0]));
      }
    });
  });
}
