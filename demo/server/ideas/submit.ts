import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { loadBrandSettings } from '../settings/repository.js';
import { IDEA_COLUMNS, IDEA_FROM, ideaOf, type IdeaRow } from './list.js';
import type { Idea } from './types.js';

const DAY_MS = 86_400_000;

/** A new idea, with where it comes from and, when the author signed, who they are. */
export interface NewIdea {
  brandId: string;
  storeId: string;
  text: string;
  /** Null: anonymous. */
  signature: { staffId: string | null; name: string } | null;
}

/**
 * When an idea written at `created` escalates: at the first UTC midnight at least `days` days
 * later. Never `created + days` to the second: the region would see the idea appear at the very
 * minute, days later, that it was written, which with a small team says who wrote it.
 */
export function ideaDueAt(created: Date, days: number): Date {
  const startOfDay = Date.UTC(created.getUTCFullYear(), created.getUTCMonth(), created.getUTCDate());
  return new Date(startOfDay + (days + 1) * DAY_MS);
}

/**
 * Stores a new idea for its store's manager, due after the brand's `ideas.escalateAfterDays`
 * ({@link ideaDueAt}).
 * Nothing about an anonymous author is stored: no user, no staff id, no device; the id is random.
 */
export async function submitIdea(ctx: Pick<AppContext, 'db' | 'now' | 'log'>, idea: NewIdea): Promise<Idea> {
  const [store] = await ctx.db.query<{ region_id: string }>('SELECT region_id FROM stores WHERE brand_id = $1 AND id = $2', [idea.brandId, idea.storeId]);
  if (!store) throw new ApiError(403, 'forbidden', `Store "${idea.storeId}" does not exist`);
  const { settings } = await loadBrandSettings(ctx.db, idea.brandId, ctx.log);
  const now = ctx.now();
  const due = ideaDueAt(now, settings.ideas.escalateAfterDays);
  const [row] = await ctx.db.query<IdeaRow>(
    `WITH i AS (
       INSERT INTO ideas (id, brand_id, region_id, store_id, text, signed_staff_id, signed_name, created_at, due_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz, $8::timestamptz)
       RETURNING *
     )
     SELECT ${IDEA_COLUMNS} FROM ${IDEA_FROM.replace('ideas i', 'i')}`,
    [randomUUID(), idea.brandId, store.region_id, idea.storeId, idea.text, idea.signature?.staffId ?? null, idea.signature?.name ?? null, now.toISOString(), due.toISOString()],
  );
  return ideaOf(row!, false);
}
