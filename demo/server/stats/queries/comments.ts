import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/database.js';
import { disclosedPulseStoresSql } from '../../privacy/anonymity.js';
import type { Filter } from '../scope.js';
import type { CommentItem } from '../types.js';
import { Params, rollupSource, submissionsWhere } from '../where.js';

interface Row {
  id: string;
  created_at: Date;
  /** The store-local day, as YYYY-MM-DD. */
  local_date: string;
  region_id: string | null;
  store_id: string | null;
  store_name: string | null;
  channel: string;
  comment: string;
  nps: number | null;
  min_score: number | null;
  topics: string[];
  [key: string]: unknown;
}

const COLUMNS = "s.id::text AS id, s.created_at, to_char(s.local_date, 'YYYY-MM-DD') AS local_date, s.region_id, s.store_id, st.name AS store_name, s.channel, s.comment, s.nps, s.min_score, s.topics";
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
  topics: r.topics,
});

/** Only the comments tagged with `topic`, when one is asked for. */
const topicCondition = (topic: string | undefined, params: Params): string => (topic === undefined ? '' : ` AND ${params.add(topic)} = ANY(s.topics)`);

/** The newest comments of the selection (newest first; the partial comment indexes serve it). */
export async function recentComments(db: Queryable, filter: Filter, limit: number, topic?: string): Promise<CommentItem[]> {
  const where = submissionsWhere(filter);
  const params = new Params(where.params);
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM submissions s ${STORE_JOIN}
     WHERE ${where.sql} AND s.comment IS NOT NULL${topicCondition(topic, params)}
     ORDER BY s.created_at DESC LIMIT ${params.add(limit)}`,
    params.values,
  );
  return rows.map((r) => toItem(r, r.created_at.toISOString()));
}

/**
 * Employee pulse comments of the selection, under the anonymity rule (privacy/anonymity.ts):
 * only from stores with at least `minimum` pulse answers in the window, dated by day only, and
 * ordered by day and then by a hash of the id, so their order within a day tells nothing.
 */
export async function pulseComments(db: Queryable, filter: Filter, limit: number, minimum: number, topic?: string): Promise<CommentItem[]> {
  const where = submissionsWhere(filter);
  const params = new Params(where.params);
  const stores = disclosedPulseStoresSql(rollupSource(filter, 'store', params, { days: false }), params.add(minimum));
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM submissions s ${STORE_JOIN}
     WHERE ${where.sql} AND s.comment IS NOT NULL AND coalesce(s.store_id, '') IN (${stores})${topicCondition(topic, params)}
     ORDER BY s.local_date DESC, md5(s.id::text) LIMIT ${params.add(limit)}`,
    params.values,
  );
  // Dated by the store-local day only, and a UUID v7 id starts with its creation time in
  // milliseconds: pulse comments get an opaque id instead.
  return rows.map((r) => toItem({ ...r, id: createHash('sha256').update(r.id).digest('hex').slice(0, 32) }, r.local_date));
}
