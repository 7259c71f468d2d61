import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseHierarchyCsv } from '../../../demo/server/hierarchy/csv.js';
import { exportHierarchy } from '../../../demo/server/hierarchy/export.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import { HierarchyError } from '../../../demo/server/hierarchy/schema.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { ADMIN_TOKEN } from '../support/ingest.js';

const CSV = `brand,region,region_name,store,store_name,time_zone,staff_id,staff_name,device_id,device_name
acme,emea-north,Nordics,042,Stockholm,Europe/Stockholm,emp-17,Astrid,exit-1,Exit kiosk
acme,emea-north,Nordics,042,Stockholm,Europe/Stockholm,emp-21,Omar,,
acme,emea-north,Nordics,042,Stockholm,Europe/Stockholm,,,till-2,
acme,emea-north,Nordics,017,Oslo,Europe/Oslo,,,,
`;

describe('devices in the hierarchy CSV (unit)', () => {
  it('reads device_id and device_name on any row of the store', () => {
    const stores = parseHierarchyCsv(CSV).brands[0]!.regions![0]!.stores!;
    assert.deepEqual(
      stores.map((s) => [s.id, s.devices]),
      [
        ['042', [{ id: 'exit-1', name: 'Exit kiosk' }, { id: 'till-2' }]],
        ['017', undefined],
      ],
    );
    assert.throws(() => parseHierarchyCsv(CSV.replace(',,till-2,', ',,,Till 2')), /line 4: device_name without device_id/);
  });
});

for (const target of databaseTargets) {
  describe(`devices in the hierarchy (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    before(async () => {
      collector = await startTestCollector(target, { ADMIN_TOKEN });
    });
    after(() => collector.close());

    const admin = (path: string, init: RequestInit & { json?: unknown } = {}) =>
      fetch(`${collector.url}/v1/admin${path}`, {
        ...init,
        ...(init.json !== undefined && { body: JSON.stringify(init.json) }),
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': init.method === 'POST' && typeof init.body === 'string' ? 'text/csv' : 'application/json', ...init.headers },
      });

    it('imports devices from CSV and JSON, and exports them back', async () => {
      const res = await admin('/hierarchy', { method: 'POST', body: CSV });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { brands: 1, regions: 1, stores: 2, staff: 2, devices: 2, writeKeys: 0 });
      const report = await importHierarchy(collector.ctx, {
        brands: [{ id: 'acme', name: 'Acme', regions: [{ id: 'emea-north', name: 'Nordics', stores: [{ id: '017', name: 'Oslo', timeZone: 'Europe/Oslo', devices: [{ id: 'kiosk-017-exit' }] }] }] }],
      });
      assert.equal(report.devices, 1);
      const exported = await exportHierarchy(collector.ctx.db, 'acme');
      const stores = exported.brands[0]!.regions[0]!.stores;
      assert.deepEqual(
        stores.map((s) => [s.id, s.devices]),
        [
          ['017', [{ id: 'kiosk-017-exit' }]],
          ['042', [{ id: 'exit-1', name: 'Exit kiosk' }, { id: 'till-2' }]],
        ],
      );
    });

    it('refuses a device id twice in one brand', async () => {
      const twice = { brands: [{ id: 'acme', name: 'Acme', regions: [{ id: 'r', name: 'R', stores: [{ id: 'a', name: 'A', devices: [{ id: 'k1' }] }, { id: 'b', name: 'B', devices: [{ id: 'k1' }] }] }] }] };
      await assert.rejects(importHierarchy(collector.ctx, twice), (e: unknown) => e instanceof HierarchyError && /brands\[0\]\.regions\[0\]\.stores\[1\]\.devices\[0\]\.id: device "k1" appears twice/.test(e.message));
    });

    it('lists, upserts and deletes devices through the admin API; a store keeps its devices', async () => {
      assert.equal((await admin('/brands/acme/devices/kiosk-042-entrance', { method: 'PUT', json: { store: '042', name: 'Entrance' } })).status, 201);
      assert.equal((await admin('/brands/acme/devices/kiosk-042-entrance', { method: 'PUT', json: { store: '042' } })).status, 200);
      const missingStore = await admin('/brands/acme/devices/k9', { method: 'PUT', json: { store: '999' } });
      assert.deepEqual([missingStore.status, ((await missingStore.json()) as { error: string }).error], [404, 'store_not_found']);
      assert.equal((await admin('/brands/acme/devices/k9', { method: 'PUT', json: { store: '042', colour: 'red' } })).status, 400);
      const { devices } = (await (await admin('/brands/acme/devices')).json()) as { devices: Array<{ id: string; store: string; name: string | null }> };
      assert.deepEqual(devices.find((d) => d.id === 'kiosk-042-entrance'), { id: 'kiosk-042-entrance', store: '042', name: null });
      const orphan = await admin('/brands/acme/stores/017', { method: 'DELETE' });
      assert.deepEqual([orphan.status, ((await orphan.json()) as { message: string }).message], [409, 'Cannot delete store "017" in brand "acme": it still has devices']);
      assert.equal((await admin('/brands/acme/devices/kiosk-042-entrance', { method: 'DELETE' })).status, 204);
      assert.equal((await admin('/brands/acme/devices/kiosk-042-entrance', { method: 'DELETE' })).status, 404);
    });
  });
}
