import type { Database } from '../db/database.js';
import { COUNT_COLUMNS } from './counts.js';

const counts = (source: string) =>
  COUNT_COLUMNS.map((c) => {
    if (c === 'responses') return 'count(*)';
    if (c === 'comments') return `count(${source}.comment)`;
    const [metric, value] = c.split('_');
    return `count(*) FILTER (WHERE ${source}.${metric} = ${value})`;
  }).join(', ');

/**
 * Recomputes the rollup tables from `submissions` in one transaction. The triggers of migration
 * 011 keep them exact, so this is a repair and bulk-load tool (the benchmark loads a million rows
 * with the triggers off, then rebuilds), not something the collector runs by itself.
 */
export async function rebuildRollups(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('LOCK TABLE submissions IN SHARE MODE');
    await tx.query('DELETE FROM stats_region_daily');
    await tx.query('DELETE FROM stats_team_daily');
    await tx.query('DELETE FROM stats_staff_daily');
    const day = "(s.created_at AT TIME ZONE 'UTC')::date";
    await tx.query(
      `INSERT INTO stats_region_daily (brand_id, region_id, channel, day, ${COUNT_COLUMNS.join(', ')})
       SELECT s.brand_id, coalesce(s.region_id, ''), s.channel, ${day}, ${counts('s')}
       FROM submissions s GROUP BY 1, 2, 3, 4`,
    );
    await tx.query(
      `INSERT INTO stats_team_daily (brand_id, region_id, store_id, channel, day, ${COUNT_COLUMNS.join(', ')})
       SELECT s.brand_id, coalesce(s.region_id, ''), coalesce(s.store_id, ''), s.channel, ${day}, ${counts('s')}
       FROM submissions s GROUP BY 1, 2, 3, 4, 5`,
    );
    await tx.query(
      `INSERT INTO stats_staff_daily (brand_id, staff_id, region_id, store_id, channel, day, ${COUNT_COLUMNS.join(', ')})
       SELECT s.brand_id, k.staff_id, coalesce(s.region_id, ''), coalesce(s.store_id, ''), s.channel, ${day}, ${counts('s')}
       FROM submissions s CROSS JOIN LATERAL (SELECT DISTINCT unnest(s.staff_ids) AS staff_id) k GROUP BY 1, 2, 3, 4, 5, 6`,
    );
  });
}
