import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../../demo/server/db/database.js';
import { hasMoreResponsesThan, responsePages } from '../../../demo/server/stats/queries/responses.js';
import type { Filter } from '../../../demo/server/stats/scope.js';
import { databaseTargets } from '../support/databases.js';
import { insertSubmission } from './fixtures.js';

/**
 * The per-response export reads store-local days but bounds `created_at` too (so PostgreSQL can
 * read a region's rows by time): the bound must keep every row of a local day, from the earliest
 * time zone (UTC+14) to the latest (UTC-11).
 */
for (const target of databaseTargets) {
  describe(`stats: responses export at the edges of store-local days (${target.name})`, { skip: target.skip }, () => {
    let db: Database;
    before(async () => {
      db = await target.open();
      await db.query("INSERT INTO brands (id, name) VALUES ('acme', 'Acme')");
      await db.query("INSERT INTO regions (brand_id, id, name) VALUES ('acme', 'pacific', 'Pacific')");
      await db.query(
        "INSERT INTO stores (brand_id, id, region_id, name, time_zone) VALUES ('acme', 'kir', 'pacific', 'Kiritimati', 'Pacific/Kiritimati'), ('acme', 'ppg', 'pacific', 'Pago Pago', 'Pacific/Pago_Pago')",
      );
      const at = [
        ['kir', '2026-03-01T09:30:00Z'], // 23:30 on 1 March in Kiritimati (UTC+14): outside
        ['kir', '2026-03-01T10:30:00Z'], // 00:30 on 2 March
        ['kir', '2026-03-02T09:30:00Z'], // 23:30 on 2 March
        ['ppg', '2026-03-02T11:30:00Z'], // 00:30 on 2 March in Pago Pago (UTC-11)
        ['ppg', '2026-03-03T10:30:00Z'], // 23:30 on 2 March
        ['ppg', '2026-03-03T11:30:00Z'], // 00:30 on 3 March: outside
      ];
      for (const [store, time] of at) await insertSubmission(db, { region: 'pacific', store: store!, at: time!, nps: 9 });
    });
    after(() => db.close());

    it('exports every response of the local day, whatever the store time zone, newest first', async () => {
      const filter: Filter = { brandId: 'acme', regionId: 'pacific', storeId: undefined, staffId: undefined, from: '2026-03-02', to: '2026-03-02', channel: 'customer', segments: {} };
      const rows = [];
      // Three rows a page: the fourth row is read through the keyset, with the same bounds.
      for await (const page of responsePages(db, filter, { pageSize: 3 })) rows.push(...page);
      assert.deepEqual(
        rows.map((r) => [r[3], r[1]]),
        [
          ['ppg', '2026-03-03T10:30:00.000Z'],
          ['ppg', '2026-03-02T11:30:00.000Z'],
          ['kir', '2026-03-02T09:30:00.000Z'],
          ['kir', '2026-03-01T10:30:00.000Z'],
        ],
      );
      // The count behind X-StoreVoice-Rows-Truncated reads the same rows.
      assert.equal(await hasMoreResponsesThan(db, filter, 3), true);
      assert.equal(await hasMoreResponsesThan(db, filter, 4), false);
    });
  });
}
