import type { Queryable } from '../../db/database.js';
import { SUM_COLUMNS, type Counts } from '../counts.js';
import type { Filter } from '../scope.js';
import type { Level } from '../types.js';
import { familyOf, Params, rollupSource } from '../where.js';

/** Summed counts of the whole selection. */
export async function summaryCounts(db: Queryable, filter: Filter): Promise<Counts> {
  const params = new Params();
  const source = rollupSource(filter, familyOf(filter, 'brand'), params, { days: false });
  const [row] = await db.query(`SELECT ${SUM_COLUMNS} FROM ${source}`, params.values);
  return row ?? {};
}

const GROUP_KEY: Record<Level, string> = { brand: 'd.brand_id', region: 'd.region_id', store: 'd.store_id', staff: 'd.staff_id' };

// Names come from the hierarchy after aggregation: ids without a hierarchy entry keep a null name.
const NAME_JOIN: Record<Level, (brand: () => string) => string> = {
  brand: () => 'LEFT JOIN brands n ON n.id = g.id',
  region: (brand) => `LEFT JOIN regions n ON n.brand_id = ${brand()} AND n.id = g.id`,
  store: (brand) => `LEFT JOIN stores n ON n.brand_id = ${brand()} AND n.id = g.id`,
  staff: (brand) => `LEFT JOIN staff n ON n.brand_id = ${brand()} AND n.id = g.id`,
};

/** Summed counts per region, store or staff member of the selection, with names, by name. */
export async function groupCounts(db: Queryable, filter: Filter, level: Level): Promise<Array<Counts & { id: string; name: string | null }>> {
  const params = new Params();
  const source = rollupSource(filter, familyOf(filter, level), params, { days: false });
  const sql = `WITH g AS (SELECT ${GROUP_KEY[level]} AS id, ${SUM_COLUMNS} FROM ${source} GROUP BY 1)
    SELECT g.*, n.name FROM g ${NAME_JOIN[level](() => params.add(filter.brandId))} ORDER BY n.name NULLS LAST, g.id`;
  return db.query(sql, params.values);
}

/** The periods `dailyCounts` can sum to: store-local days, or ISO weeks (Monday to Sunday) of them. */
export type CountPeriod = 'day' | 'week';

/**
 * Summed counts per store-local day, oldest first; with `by`, per region or store and day (the
 * lines of a trend chart), and with `ids` only for those (distinct) regions or stores. `id` is ''
 * without `by`.
 *
 * With `per: 'week'`, one row per ISO week instead, summed by the database: a year of 60 store
 * lines is then ~3,000 rows to send and parse rather than ~22,000. Its `day` is the first day of
 * the week that has rows within `from`…`to`, not the Monday: a week cut by `from` keeps a key
 * inside the range, and a caller that buckets days into weeks puts it in the same week.
 */
export async function dailyCounts(
  db: Queryable,
  filter: Filter,
  by?: 'region' | 'store',
  ids?: readonly string[],
  per: CountPeriod = 'day',
): Promise<Array<Counts & { day: string; id: string }>> {
  const params = new Params();
  const source = rollupSource(filter, familyOf(filter, by ?? 'brand'), params, { days: true });
  // `day` is a date: cast to timestamp, as date_trunc of a date would go through timestamptz and the session's time zone.
  const period = per === 'week' ? "date_trunc('week', d.day::timestamp)" : 'd.day';
  const counts = `to_char(min(d.day), 'YYYY-MM-DD') AS day, ${SUM_COLUMNS}`;
  if (by && ids) {
    // One small aggregate per line, each read through an index on (brand, store or region, …, day).
    // As one `= ANY(ids)` aggregate, PostgreSQL expects a group per row read (it cannot know that
    // a week is 7 days): it sorted all 65,000 rows of 60 stores' year and spilled the sort to disk.
    return db.query(
      `SELECT line.id, p.* FROM unnest(${params.add(ids)}::text[]) AS line(id)
        CROSS JOIN LATERAL (SELECT ${counts} FROM ${source} WHERE ${GROUP_KEY[by]} = line.id GROUP BY ${period}) p
        ORDER BY 1, 2`,
      params.values,
    );
  }
  const id = by ? GROUP_KEY[by] : "''";
  return db.query(`SELECT ${id} AS id, ${counts} FROM ${source} GROUP BY 1, ${period} ORDER BY 1, 2`, params.values);
}
