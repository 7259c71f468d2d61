import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrate } from '../../../demo/server/db/migrate.js';
import { rollupTableNames } from '../../../demo/server/stats/rollups/sql.js';
import { databaseTargets } from '../support/databases.js';
import { insertSubmission } from './fixtures.js';

for (const target of databaseTargets) {
  describe(`dashboard migrations (${target.name})`, { skip: target.skip }, () => {
    it('create users, sessions and the rollups from empty, and are idempotent', async () => {
      const db = await target.open();
      try {
        const expected = ['users', 'sessions', 'login_attempts', ...rollupTableNames()].sort();
        const names = await db.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_name = ANY($1::text[]) ORDER BY 1', [expected]);
        assert.deepEqual(names.map((r) => r.table_name), expected);
        assert.deepEqual(await migrate(db), []);
        // A role without its anchor is refused by the schema itself.
        await db.query("INSERT INTO brands (id, name) VALUES ('b', 'B')");
        await assert.rejects(db.query("INSERT INTO users (email, name, password_hash, role, brand_id) VALUES ('x@b.test', 'X', 'h', 'store', 'b')"));
        // Deleting a submission takes it out of the rollup again.
        const id = await insertSubmission(db, { brand: 'b', region: 'r', store: 's', staff: ['p'], at: '2026-01-01T00:00:00Z', nps: 10 });
        await db.query('DELETE FROM submissions WHERE id = $1', [id]);
        const left = await db.query<{ n: number }>("SELECT (SELECT coalesce(sum(responses), 0) FROM stats_store_daily WHERE brand_id = 'b') + (SELECT coalesce(sum(responses), 0) FROM stats_staff_daily WHERE brand_id = 'b') AS n");
        assert.equal(Number(left[0]?.n), 0);
      } finally {
        await db.close();
      }
    });
  });
}
