import type { Queryable } from '../../db/database.js';
import type { Cell } from '../csv.js';
import type { Filter } from '../scope.js';
import { createdAtBound, Params, submissionsWhere } from '../where.js';
import { summaryCounts } from './rollup.js';

/** The most rows one responses export carries; narrow the range for more. */
export const MAX_EXPORT_ROWS = 50_000;

export const RESPONSE_COLUMNS = ['id', 'created_at', 'region_id', 'store_id', 'store_name', 'channel', 'survey_id', 'nps', 'csat', 'smiley', 'stars', 'comment'] as const;

type ResponseRow = {
  id: string;
  /** `created_at` in UTC to the microsecond, `2026-11-30T17:59:59.123456`: the page's cursor. */
  at: string;
  region_id: string | null;
  store_id: string | null;
  store_name: string | null;
  channel: string;
  survey_id: string;
  nps: number | null;
  csat: number | null;
  smiley: number | null;
  stars: number | null;
  comment: string | null;
};

/** How `responsePages` reads. */
export interface PageOptions {
  /** Rows per query (the collector's EXPORT_PAGE_ROWS). */
  pageSize: number;
}

/** The selection's rows on `submissions` (alias `s`), with the parameters of its conditions. */
function selectionOf(filter: Filter): { sql: string; params: Params } {
  const where = submissionsWhere(filter);
  const params = new Params(where.params);
  // Rows are read newest first by `created_at`: without this bound a region with fewer rows in
  // the range than the limit was read back to its first submission, or scanned whole.
  return { sql: `${where.sql} AND ${createdAtBound('s', filter, params)}`, params };
}

/**
 * One row per response of the selection, newest first (ties by id), at most MAX_EXPORT_ROWS, read
 * `pageSize` rows per query and yielded a page at a time. Staff ids are left out: with them, a
 * spreadsheet would rebuild the individual scores that the minimum withholds.
 *
 * Each page continues after the last row of the one before (keyset on `created_at`, `id`), so a
 * page costs the same wherever it lies, and while the caller turns one page into CSV the next one
 * is already being read: the database works on one core while the collector works on another.
 */
export async function* responsePages(db: Queryable, filter: Filter, options: PageOptions): AsyncGenerator<Cell[][], void, undefined> {
  const selection = selectionOf(filter);
  let remaining = MAX_EXPORT_ROWS;
  const read = (after: ResponseRow | undefined, limit: number): Promise<ResponseRow[]> => {
    const params = new Params(selection.params.values);
    let keyset = '';
    if (after) {
      const at = params.add(`${after.at}Z`);
      const id = params.add(after.id);
      // The row comparison is what pages on; `created_at <=` is the part an index on
      // (…, created_at) can seek to, since no index holds `id` after `created_at`.
      keyset = ` AND s.created_at <= ${at}::timestamptz AND (s.created_at, s.id) < (${at}::timestamptz, ${id}::uuid)`;
    }
    // Planned for its own values every time (the connection's plan_cache_mode, db/postgres.ts): a
    // generic plan cannot see how many rows lie in the range and before the cursor; it guessed a
    // few hundred and sorted the whole range for each page (35 s for a region's year at 2 million
    // rows) instead of reading the index backwards.
    // `created_at` comes as text (formatted here rather than parsed into a Date and formatted
    // again per row), to the microsecond: the cursor must be the stored time exactly, and the
    // file shows it to the millisecond, as `Date.toISOString()` did (the drivers drop the rest).
    // The page is cut before the store names are joined: PostgreSQL keeps no order through a hash
    // join, so a join inside sorted every row left in the range to return the first `limit`
    // (each page re-reading the rest of a region's month: 3.5 s cold at 10 million submissions).
    // Alone, the index gives `created_at` in order and an incremental sort orders each instant's ids.
    return db.query<ResponseRow>(
      `SELECT p.id, p.at, p.region_id, p.store_id, st.name AS store_name, p.channel, p.survey_id, p.nps, p.csat, p.smiley, p.stars, p.comment
       FROM (
         SELECT s.id::text AS id, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at, s.created_at, s.id AS uuid,
           s.brand_id, s.region_id, s.store_id, s.channel, s.survey_id, s.nps, s.csat, s.smiley, s.stars, s.comment
         FROM submissions s
         WHERE ${selection.sql}${keyset} ORDER BY s.created_at DESC, s.id DESC LIMIT ${limit}
       ) p LEFT JOIN stores st ON st.brand_id = p.brand_id AND st.id = p.store_id
       ORDER BY p.created_at DESC, p.uuid DESC`,
      params.values,
    );
  };
  let limit = Math.min(options.pageSize, remaining);
  let next: Promise<ResponseRow[]> | undefined = read(undefined, limit);
  while (next) {
    const rows: ResponseRow[] = await next;
    remaining -= rows.length;
    const last = rows.at(-1);
    const full = rows.length === limit;
    limit = Math.min(options.pageSize, remaining);
    next = full && last && limit > 0 ? read(last, limit) : undefined;
    // Awaited on the next turn; a caller that stops early (the download was cancelled) never
    // awaits it, and its failure must not become an unhandled rejection.
    next?.catch(() => undefined);
    // In RESPONSE_COLUMNS order.
    yield rows.map((r) => [r.id, `${r.at.slice(0, 23)}Z`, r.region_id, r.store_id, r.store_name, r.channel, r.survey_id, r.nps, r.csat, r.smiley, r.stars, r.comment]);
  }
}

/**
 * Whether the selection has more than `maxRows` responses, i.e. whether an export stops short.
 * Read from the rollups: the count the dashboard shows as the selection's responses, in a few rows.
 * Counting the submissions instead read as many rows again as the export itself (0.2–0.4 s for a
 * region's year at 2 million rows), before the first byte could leave.
 */
export async function hasMoreResponsesThan(db: Queryable, filter: Filter, maxRows: number): Promise<boolean> {
  const counts = await summaryCounts(db, filter);
  return Number(counts['responses'] ?? 0) > maxRows;
}
