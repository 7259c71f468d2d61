import type { Queryable } from '../../db/database.js';
import type { Cell } from '../csv.js';
import type { Filter } from '../scope.js';
import { Params, submissionsWhere } from '../where.js';

/** The most rows one responses export carries; narrow the range for more. */
export const MAX_EXPORT_ROWS = 50_000;

export const RESPONSE_COLUMNS = ['id', 'created_at', 'region_id', 'store_id', 'store_name', 'channel', 'survey_id', 'nps', 'csat', 'smiley', 'stars', 'comment'] as const;

/**
 * One row per response of the selection, newest first. Staff ids are left out: with them, a
 * spreadsheet would rebuild the individual scores that the minimum withholds.
 */
export async function responseRows(db: Queryable, filter: Filter): Promise<Cell[][]> {
  const where = submissionsWhere(filter);
  // The days are store-local and the rows are read newest first by `created_at`: without a bound
  // on `created_at` too, a region with fewer rows in the range than the limit was read back to its
  // first submission, or scanned whole. A store's local day lies within UTC-12…UTC+14 of the UTC
  // day, so a day either side never leaves a row out.
  const params = new Params(where.params);
  const utcDay = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString();
  const bound = `s.created_at >= ${params.add(utcDay(filter.from, -1))}::timestamptz AND s.created_at < ${params.add(utcDay(filter.to, 2))}::timestamptz`;
  const rows = await db.query<Record<(typeof RESPONSE_COLUMNS)[number], string | number | Date | null>>(
    `SELECT s.id::text AS id, s.created_at, s.region_id, s.store_id, st.name AS store_name, s.channel, s.survey_id, s.nps, s.csat, s.smiley, s.stars, s.comment
     FROM submissions s LEFT JOIN stores st ON st.brand_id = s.brand_id AND st.id = s.store_id
     WHERE ${where.sql} AND ${bound} ORDER BY s.created_at DESC LIMIT ${MAX_EXPORT_ROWS}`,
    params.values,
  );
  return rows.map((r) => RESPONSE_COLUMNS.map((c) => {
    const v = r[c];
    return v instanceof Date ? v.toISOString() : v;
  }));
}
