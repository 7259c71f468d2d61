import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseHierarchyCsv, parseOpeningHours } from '../../../demo/server/hierarchy/csv.js';
import { exportHierarchy } from '../../../demo/server/hierarchy/export.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import { HierarchyError } from '../../../demo/server/hierarchy/schema.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { ADMIN_TOKEN, makeSubmission, postSubmissions, testHierarchy } from '../support/ingest.js';

const CSV = `brand,brand_name,region,region_name,store,store_name,time_zone,opening_hours,staff_id,staff_name,write_keys
acme,Acme,emea-north,Nordics,042,Stockholm,Europe/Stockholm,mon-fri 09:00-20:00; sat 10:00-16:00,emp-17,Astrid,pk_test
acme,Acme,emea-north,Nordics,042,Stockholm,Europe/Stockholm,mon-fri 09:00-20:00; sat 10:00-16:00,emp-21,"Haddad, Omar",
acme,Acme,emea-north,Nordics,099,Gothenburg,Europe/Stockholm,,,,
`;

describe('hierarchy CSV (unit)', () => {
  it('parses rows into the JSON shape, with quoting and opening hours', () => {
    const file = parseHierarchyCsv(CSV);
    assert.deepEqual(file, {
      brands: [
        {
          id: 'acme',
          name: 'Acme',
          writeKeys: ['pk_test'],
          regions: [
            {
              id: 'emea-north',
              name: 'Nordics',
              stores: [
                {
                  id: '042',
                  name: 'Stockholm',
                  timeZone: 'Europe/Stockholm',
                  openingHours: { mon: [['09:00', '20:00']], tue: [['09:00', '20:00']], wed: [['09:00', '20:00']], thu: [['09:00', '20:00']], fri: [['09:00', '20:00']], sat: [['10:00', '16:00']], sun: [] },
                  staff: [{ id: 'emp-17', name: 'Astrid' }, { id: 'emp-21', name: 'Haddad, Omar' }],
                },
                { id: '099', name: 'Gothenburg', timeZone: 'Europe/Stockholm', staff: [] },
              ],
            },
          ],
        },
      ],
    });
  });

  it('names the line of each problem', () => {
    assert.throws(() => parseHierarchyCsv('brand,region\nacme,x\n'), /CSV header lacks columns region_name, store, store_name, time_zone, staff_id, staff_name/);
    const conflicting = `${CSV}acme,Acme,emea-north,Nordics,042,Stockholm (new),Europe/Stockholm,,emp-22,Elin,\n`;
    assert.throws(() => parseHierarchyCsv(conflicting), (e: unknown) => e instanceof HierarchyError && /line 5: store "042" differs from line 2/.test(e.message));
    assert.throws(() => parseOpeningHours('weekdays 09:00-17:00'), /"weekdays" is not a day/);
    assert.throws(() => parseOpeningHours('mon 9-17'), /"9-17" is not an interval/);
  });
});

for (const target of databaseTargets) {
  describe(`hierarchy (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target, { ADMIN_TOKEN });
    });
    after(() => collector.close());

    const admin = (path: string, init: RequestInit & { json?: unknown } = {}) =>
      fetch(`${collector.url}/v1/admin${path}`, {
        ...init,
        ...(init.json !== undefined && { body: JSON.stringify(init.json) }),
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...init.headers },
      });

    it('imports the JSON file idempotently and exports it back', async () => {
      const first = await importHierarchy(collector.ctx, testHierarchy);
      assert.deepEqual(first, { brands: 2, regions: 2, stores: 3, staff: 3, devices: 0, writeKeys: 2 });
      await importHierarchy(collector.ctx, testHierarchy);
      const counts = await collector.ctx.db.query<{ n: number }>('SELECT (SELECT count(*) FROM stores)::int + (SELECT count(*) FROM staff)::int AS n');
      assert.equal(counts[0]?.n, 6);
      const exported = await exportHierarchy(collector.ctx.db, 'acme');
      const stockholm = exported.brands[0]!.regions[0]!.stores.find((s) => s.id === '042');
      assert.deepEqual(stockholm, { id: '042', name: 'Stockholm', timeZone: 'Europe/Stockholm', openingHours: { mon: [['09:00', '20:00']], sun: [] }, staff: [{ id: 'emp-17', name: 'Astrid' }, { id: 'emp-21', name: 'Omar' }], devices: [] });
      assert.deepEqual(exported.brands[0]!.writeKeys, ['pk_test']);
    });

    it('refuses an invalid file with every problem and stores none of it', async () => {
      const bad = { brands: [{ id: 'bad', name: 'Bad', regions: [{ id: 'r', name: 'R', stores: [{ id: 's', name: 'S', timeZone: 'Mars/Olympus', staff: [] }, { id: 's', name: 'S2', openingHours: { mon: [['20:00', '09:00']] } }] }] }] };
      await assert.rejects(importHierarchy(collector.ctx, bad), (e: unknown) => {
        assert.ok(e instanceof HierarchyError);
        assert.deepEqual(e.issues.map((i) => i.path).sort(), ['brands[0].regions[0].stores[0].timeZone', 'brands[0].regions[0].stores[1].id', 'brands[0].regions[0].stores[1].openingHours.mon[0]'].sort());
        return true;
      });
      assert.equal((await collector.ctx.db.query("SELECT 1 FROM brands WHERE id = 'bad'")).length, 0);
    });

    it('imports CSV through the admin API, updating names and moving staff', async () => {
      const res = await admin('/hierarchy', { method: 'POST', body: CSV, headers: { 'content-type': 'text/csv' } });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { brands: 1, regions: 1, stores: 2, staff: 2, devices: 0, writeKeys: 1 });
      const [omar] = await collector.ctx.db.query<{ name: string; store_id: string }>("SELECT name, store_id FROM staff WHERE brand_id = 'acme' AND id = 'emp-21'");
      assert.deepEqual({ ...omar }, { name: 'Haddad, Omar', store_id: '042' });
      const hours = await collector.ctx.db.query<{ opening_hours: unknown }>("SELECT opening_hours FROM stores WHERE id = '099'");
      assert.equal(hours[0]?.opening_hours, null, 'no opening_hours column value means always open');
      const broken = await admin('/hierarchy', { method: 'POST', body: 'brand\nacme', headers: { 'content-type': 'text/csv' } });
      assert.equal(broken.status, 400);
      assert.equal(((await broken.json()) as { error: string }).error, 'invalid_hierarchy');
    });

    it('upserts and deletes single entities, refusing to orphan children', async () => {
      assert.equal((await admin('/brands/acme/regions/baltics', { method: 'PUT', json: { name: 'Baltics' } })).status, 201);
      assert.equal((await admin('/brands/acme/stores/301', { method: 'PUT', json: { name: 'Riga', region: 'baltics', timeZone: 'Europe/Riga' } })).status, 201);
      assert.equal((await admin('/brands/acme/staff/emp-90', { method: 'PUT', json: { name: 'Anna', store: '301' } })).status, 201);
      assert.equal((await admin('/brands/acme/staff/emp-90', { method: 'PUT', json: { name: 'Anna B.', store: '301', active: false } })).status, 200);
      const staff = (await (await admin('/brands/acme/staff')).json()) as { staff: Array<{ id: string; name: string; active: boolean }> };
      assert.deepEqual(staff.staff.find((m) => m.id === 'emp-90'), { id: 'emp-90', store: '301', name: 'Anna B.', photoUrl: null, active: false });

      const orphan = await admin('/brands/acme/regions/baltics', { method: 'DELETE' });
      assert.deepEqual({ status: orphan.status, body: await orphan.json() }, { status: 409, body: { error: 'has_children', message: 'Cannot delete region "baltics" in brand "acme": it still has stores' } });
      const noRegion = await admin('/brands/acme/stores/302', { method: 'PUT', json: { name: 'Tallinn', region: 'nowhere' } });
      assert.deepEqual({ status: noRegion.status, error: ((await noRegion.json()) as { error: string }).error }, { status: 404, error: 'region_not_found' });
      const badBody = await admin('/brands/acme/stores/302', { method: 'PUT', json: { name: 'Tallinn', region: 'baltics', timeZone: 'Nowhere/City' } });
      assert.equal(badBody.status, 400);
      assert.equal((await admin('/brands/acme/stores/bad%20id', { method: 'PUT', json: { name: 'x', region: 'baltics' } })).status, 400);

      for (const path of ['/brands/acme/staff/emp-90', '/brands/acme/stores/301', '/brands/acme/regions/baltics']) assert.equal((await admin(path, { method: 'DELETE' })).status, 204, path);
      assert.equal((await admin('/brands/acme/regions/baltics', { method: 'DELETE' })).status, 404);
    });

    it('submissions to a store deleted later keep coming, flagged unknown', async () => {
      await admin('/brands/acme/stores/077', { method: 'PUT', json: { name: 'Pop-up', region: 'emea-north' } });
      await admin('/brands/acme/stores/077', { method: 'DELETE' });
      const submission = makeSubmission({ context: { store: '077', staff: [] } });
      assert.equal((await postSubmissions(collector.url, submission)).status, 202);
      const [row] = await collector.ctx.db.query<{ flags: string[] }>('SELECT flags FROM submissions WHERE id = $1', [submission.id]);
      assert.deepEqual(row?.flags, ['unknown_store']);
    });

    it('manages brands and write keys', async () => {
      assert.equal((await admin('/brands/newco', { method: 'PUT', json: { name: 'NewCo' } })).status, 201);
      const created = await admin('/brands/newco/keys', { method: 'POST', json: { key: 'pk_newco' } });
      assert.deepEqual({ status: created.status, body: await created.json() }, { status: 201, body: { key: 'pk_newco' } });
      assert.equal((await admin('/brands/acme/keys', { method: 'POST', json: { key: 'pk_newco' } })).status, 409);
      const keys = (await (await admin('/brands/newco/keys')).json()) as { keys: Array<{ key: string; revokedAt: string | null }> };
      assert.deepEqual(keys.keys.map((k) => [k.key, k.revokedAt]), [['pk_newco', null]]);
      assert.equal((await postSubmissions(collector.url, makeSubmission({ context: { brand: 'newco' } }), { key: 'pk_newco' })).status, 202);
      const brands = (await (await admin('/brands')).json()) as { brands: Array<{ id: string }> };
      assert.deepEqual(brands.brands.map((b) => b.id), ['acme', 'newco', 'other']);
      assert.equal((await admin('/brands/newco', { method: 'DELETE' })).status, 204);
      assert.equal((await postSubmissions(collector.url, makeSubmission({ context: { brand: undefined } }), { key: 'pk_newco' })).status, 401);
    });

    it('requires the admin token for every hierarchy endpoint', async () => {
      for (const [method, path] of [['GET', '/hierarchy'], ['POST', '/hierarchy'], ['GET', '/brands'], ['PUT', '/brands/x'], ['DELETE', '/brands/acme/staff/emp-17'], ['POST', '/brands/acme/keys']] as const) {
        const res = await fetch(`${collector.url}/v1/admin${path}`, { method, headers: { authorization: 'Bearer wrong-token-0123456789' } });
        assert.equal(res.status, 401, `${method} ${path}`);
      }
    });
  });
}
