import type { Queryable } from '../../db/database.js';
import { SUM_COLUMNS, type Counts } from '../counts.js';
import type { Filter } from '../scope.js';
import type { Level } from '../types.js';
import { rollupWhere } from '../where.js';

/**
 * The smallest rollup that can answer: individuals from the staff rollup, anything about stores
 * from the team rollup (a submission naming two staff members counts once for the team), brand
 * and region figures from the region rollup.
 */
function table(filter: Filter, level: Level): string {
  if (filter.staffId !== undefined || level === 'staff') return 'stats_staff_daily';
  if (filter.storeId !== undefined || level === 'store') return 'stats_team_daily';
  return 'stats_region_daily';
}

/** Summed counts of the whole selection. */
export async function summaryCounts(db: Queryable, filter: Filter): Promise<Counts> {
  const where = rollupWhere(filter);
  const [row] = await db.query(`SELECT ${SUM_COLUMNS} FROM ${table(filter, 'brand')} d WHERE ${where.sql}`, where.params);
  return row ?? {};
}

const GROUP_KEY: Record<Level, string> = { brand: 'd.brand_id', region: 'd.region_id', store: 'd.store_id', staff: 'd.staff_id' };

// Names come from the hierarchy after aggregation: ids without a hierarchy entry keep a null name.
const NAME_JOIN: Record<Level, string> = {
  brand: 'LEFT JOIN brands n ON n.id = g.id',
  region: 'LEFT JOIN regions n ON n.brand_id = $1 AND n.id = g.id',
  store: 'LEFT JOIN stores n ON n.brand_id = $1 AND n.id = g.id',
  staff: 'LEFT JOIN staff n ON n.brand_id = $1 AND n.id = g.id',
};

/** Summed counts per region, store or staff member of the selection, with names, by name. */
export async function groupCounts(db: Queryable, filter: Filter, level: Level): Promise<Array<Counts & { id: string; name: string | null }>> {
  const where = rollupWhere(filter);
  const sql = `WITH g AS (SELECT ${GROUP_KEY[level]} AS id, ${SUM_COLUMNS} FROM ${table(filter, level)} d WHERE ${where.sql} GROUP BY 1)
    SELECT g.*, n.name FROM g ${NAME_JOIN[level]} ORDER BY n.name NULLS LAST, g.id`;
  return db.query(sql, where.params);
}

/** Summed counts per day or ISO week (Monday), oldest first. */
export async function trendCounts(db: Queryable, filter: Filter, bucket: 'day' | 'week'): Promise<Array<Counts & { period: string }>> {
  const where = rollupWhere(filter);
  const period = bucket === 'week' ? "date_trunc('week', d.day)::date" : 'd.day';
  return db.query(`SELECT to_char(${period}, 'YYYY-MM-DD') AS period, ${SUM_COLUMNS} FROM ${table(filter, 'brand')} d WHERE ${where.sql} GROUP BY 1 ORDER BY 1`, where.params);
}
