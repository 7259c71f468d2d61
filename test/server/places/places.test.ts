import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { seedTestHierarchy, testHierarchy } from '../support/ingest.js';

for (const target of databaseTargets) {
  describe(`GET /v1/places/:store (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target);
      await seedTestHierarchy(collector.ctx);
    });
    after(() => collector.close());

    const place = (store: string, init: RequestInit = { headers: { authorization: 'Bearer pk_test' } }, query = '') => fetch(`${collector.url}/v1/places/${store}${query}`, init);

    it("answers the brand's and the store's names to the brand's write key", async () => {
      const res = await place('042');
      assert.equal(res.status, 200);
      const brand = testHierarchy.brands[0]!;
      const store = brand.regions.flatMap((r) => r.stores).find((s) => s.id === '042')!;
      assert.deepEqual(await res.json(), { brand: { id: brand.id, name: brand.name }, store: { id: '042', name: store.name } });
      assert.match(res.headers.get('cache-control') ?? '', /max-age=300/);
      assert.equal((await place('042', {}, '?key=pk_test')).status, 200, 'the key may be in the query, as for beacons');
    });

    it('says what is wrong: no key or an unknown one (401), an unknown store (404), a malformed id (400)', async () => {
      assert.equal((await place('042', {})).status, 401);
      assert.equal((await place('042', { headers: { authorization: 'Bearer pk_nope' } })).status, 401);
      assert.equal((await place('042', { headers: { authorization: 'Bearer pk_other' } })).status, 404, "another brand's key finds no store of this brand");
      const missing = await place('999');
      assert.equal(missing.status, 404);
      assert.match(((await missing.json()) as { message: string }).message, /No store "999"/);
      const bad = await place('not%20an%20id');
      assert.equal(bad.status, 400);
      assert.deepEqual(((await bad.json()) as { issues: Array<{ path: string[] }> }).issues.map((i) => i.path.join('.')), ['store']);
    });
  });
}
