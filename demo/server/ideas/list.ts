import type { Queryable } from '../db/database.js';
import { ideaWhere, type IdeaFilter } from './access.js';
import type { IdeaListQuery } from './params.js';
import type { Idea } from './types.js';

export interface IdeaRow extends Record<string, unknown> {
  id: string;
  region_id: string;
  store_id: string;
  store_name: string | null;
  text: string;
  status: Idea['status'];
  reply: string | null;
  created_on: string;
  due_on: string;
  answered_on: string | null;
  escalated: boolean;
  signed_name: string | null;
  version: number;
}

/**
 * The columns of an idea as shown: days in the store's time zone, never times, and never who
 * wrote it unless they signed (an unsigned idea has no author stored at all).
 */
export const IDEA_COLUMNS = `i.id::text AS id, i.region_id, i.store_id, st.name AS store_name, i.text, i.status, i.reply,
  to_char(i.created_at AT TIME ZONE coalesce(st.time_zone, 'UTC'), 'YYYY-MM-DD') AS created_on,
  to_char(i.due_at AT TIME ZONE coalesce(st.time_zone, 'UTC'), 'YYYY-MM-DD') AS due_on,
  to_char(i.answered_at AT TIME ZONE coalesce(st.time_zone, 'UTC'), 'YYYY-MM-DD') AS answered_on,
  i.escalated_at IS NOT NULL AS escalated, i.signed_name, i.version`;

export const IDEA_FROM = 'ideas i LEFT JOIN stores st ON st.brand_id = i.brand_id AND st.id = i.store_id';

export function ideaOf(row: IdeaRow, canAnswer: boolean): Idea {
  return {
    id: row.id,
    regionId: row.region_id,
    storeId: row.store_id,
    storeName: row.store_name,
    text: row.text,
    status: row.status,
    reply: row.reply,
    createdOn: row.created_on,
    dueOn: row.due_on,
    answeredOn: row.answered_on,
    escalated: row.escalated,
    signedBy: row.signed_name,
    version: canAnswer ? row.version : null,
  };
}

/**
 * The ideas of a filter: unanswered first (the manager's to-do), then newest day first. Within a
 * day the order is the random id, never the time of writing.
 */
export async function listIdeas(db: Queryable, filter: IdeaFilter, query: IdeaListQuery): Promise<Idea[]> {
  const where = ideaWhere(filter);
  const params = [...where.params];
  let status = '';
  if (query.status !== 'all') status = `AND i.status = $${params.push(query.status)}`;
  const rows = await db.query<IdeaRow>(
    `SELECT ${IDEA_COLUMNS} FROM ${IDEA_FROM}
     WHERE ${where.sql} ${status}
     ORDER BY (i.status = 'new') DESC, (i.created_at AT TIME ZONE coalesce(st.time_zone, 'UTC'))::date DESC, i.id
     LIMIT $${params.push(query.limit)}`,
    params,
  );
  return rows.map((row) => ideaOf(row, filter.canAnswer));
}
