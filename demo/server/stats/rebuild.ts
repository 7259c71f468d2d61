import type { Database } from '../db/database.js';
import { rebuildStatements } from './rollups/sql.js';

/**
 * Recomputes every rollup table from `submissions` in one transaction, with the same SQL the
 * rollup migration fills them with (stats/rollups/sql.ts). The triggers keep the rollups exact,
 * so this is a repair and bulk-load tool (the benchmark loads millions of rows with the triggers
 * off, then rebuilds), not something the collector runs by itself.
 */
export async function rebuildRollups(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('LOCK TABLE submissions IN SHARE MODE');
    for (const statement of rebuildStatements()) await tx.query(statement);
  });
}
