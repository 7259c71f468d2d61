import type { User } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { ideaWhere, type IdeaFilter } from './access.js';
import { IDEA_COLUMNS, IDEA_FROM, ideaOf, type IdeaRow } from './list.js';
import type { IdeaPatch } from './params.js';
import type { Idea } from './types.js';

/**
 * A manager's answer to an idea within their filter: sets its status and reply, and on the first
 * answer `answered_at` (what the response rate counts). An idea outside the filter is a 404, as
 * one that does not exist; a stale `version` is a 409.
 */
export async function answerIdea(ctx: Pick<AppContext, 'db' | 'now'>, filter: IdeaFilter, user: User, id: string, patch: IdeaPatch): Promise<Idea> {
  if (!filter.canAnswer || user.role === 'staff') throw new ApiError(403, 'forbidden', 'Ideas are answered by managers');
  const where = ideaWhere(filter, 6);
  const now = ctx.now().toISOString();
  const rows = await ctx.db.query<{ id: string; version: number }>(
    `UPDATE ideas i SET status = $2, reply = $3, version = i.version + 1, updated_at = $4::timestamptz,
       answered_at = coalesce(i.answered_at, $4::timestamptz), answered_by_role = coalesce(i.answered_by_role, $5)
     WHERE i.id = $1::uuid AND i.version = $6 AND ${where.sql}
     RETURNING i.id::text AS id, i.version`,
    [id, patch.status, patch.reply ?? null, now, user.role, patch.version, ...where.params],
  );
  if (rows.length === 0) {
    const seen = ideaWhere(filter, 1);
    const [current] = await ctx.db.query<{ version: number }>(`SELECT i.version FROM ideas i WHERE i.id = $1::uuid AND ${seen.sql}`, [id, ...seen.params]);
    if (!current) throw new ApiError(404, 'not_found', 'No such idea');
    throw new ApiError(409, 'conflict', `The idea changed since you read it (now version ${current.version}); reload it and answer again`, { version: current.version });
  }
  const [row] = await ctx.db.query<IdeaRow>(`SELECT ${IDEA_COLUMNS} FROM ${IDEA_FROM} WHERE i.id = $1::uuid`, [id]);
  return ideaOf(row!, true);
}
