import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/database.js';
import { disclosedPulseStoresSql, pulseDay } from '../../privacy/anonymity.js';
import type { Filter } from '../scope.js';
import type { CommentItem } from '../types.js';
import { rollupWhere, submissionsWhere } from '../where.js';

interface Row {
  id: string;
  created_at: Date;
  region_id: string | null;
  store_id: string | null;
  store_name: string | null;
  channel: string;
  comment: string;
  nps: number | null;
  min_score: number | null;
  [key: string]: unknown;
}

const COLUMNS = 's.id::text AS id, s.created_at, s.region_id, s.store_id, st.name AS store_name, s.channel, s.comment, s.nps, s.min_score';
const STORE_JOIN = 'LEFT JOIN stores st ON st.brand_id = s.brand_id AND st.id = s.store_id';

const toItem = (r: Row, createdAt: string): CommentItem => ({
  id: r.id,
  createdAt,
  regionId: r.region_id,
  storeId: r.store_id,
  storeName: r.store_name,
  channel: r.channel,
  text: r.comment,
  nps: r.nps,
  minScore: r.min_score,
});

/** The newest comments of the selection (newest first; the partial comment indexes serve it). */
export async function recentComments(db: Queryable, filter: Filter, limit: number): Promise<CommentItem[]> {
  const where = submissionsWhere(filter);
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM submissions s ${STORE_JOIN}
     WHERE ${where.sql} AND s.comment IS NOT NULL
     ORDER BY s.created_at DESC LIMIT $${where.params.length + 1}`,
    [...where.params, limit],
  );
  return rows.map((r) => toItem(r, r.created_at.toISOString()));
}

/**
 * Employee pulse comments of the selection, under the anonymity rule (privacy/anonymity.ts):
 * only from stores with at least `minimum` pulse answers in the window, dated by day only, and
 * ordered by day and then by a hash of the id, so their order within a day tells nothing.
 */
export async function pulseComments(db: Queryable, filter: Filter, limit: number, minimum: number): Promise<CommentItem[]> {
  const where = submissionsWhere(filter);
  // The rollup filter's parameters come first in the same list: renumber them after the others.
  const rollup = rollupWhere(filter);
  const offset = where.params.length;
  const rollupSql = rollup.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  const minimumParam = `$${offset + rollup.params.length + 1}`;
  const limitParam = `$${offset + rollup.params.length + 2}`;
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM submissions s ${STORE_JOIN}
     WHERE ${where.sql} AND s.comment IS NOT NULL
       AND coalesce(s.store_id, '') IN (${disclosedPulseStoresSql(rollupSql, minimumParam)})
     ORDER BY (s.created_at AT TIME ZONE 'UTC')::date DESC, md5(s.id::text) LIMIT ${limitParam}`,
    [...where.params, ...rollup.params, minimum, limit],
  );
  // A UUID v7 id starts with its creation time in milliseconds: pulse comments get an opaque one.
  return rows.map((r) => toItem({ ...r, id: createHash('sha256').update(r.id).digest('hex').slice(0, 32) }, pulseDay(r.created_at)));
}
