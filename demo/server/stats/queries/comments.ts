import type { Queryable } from '../../db/database.js';
import type { Filter } from '../scope.js';
import type { CommentItem } from '../types.js';
import { submissionsWhere } from '../where.js';

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

/** The newest comments of the selection (newest first; the partial comment indexes serve it). */
export async function recentComments(db: Queryable, filter: Filter, limit: number): Promise<CommentItem[]> {
  const where = submissionsWhere(filter);
  const rows = await db.query<Row>(
    `SELECT s.id::text AS id, s.created_at, s.region_id, s.store_id, st.name AS store_name, s.channel, s.comment, s.nps, s.min_score
     FROM submissions s LEFT JOIN stores st ON st.brand_id = s.brand_id AND st.id = s.store_id
     WHERE ${where.sql} AND s.comment IS NOT NULL
     ORDER BY s.created_at DESC LIMIT $${where.params.length + 1}`,
    [...where.params, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at.toISOString(),
    regionId: r.region_id,
    storeId: r.store_id,
    storeName: r.store_name,
    channel: r.channel,
    text: r.comment,
    nps: r.nps,
    minScore: r.min_score,
  }));
}
