import type { AppContext } from '../context.js';
import { startPeriodic } from '../periodic.js';

/** An idea the collector just sent up to its region. */
export interface EscalatedIdea {
  id: string;
  brandId: string;
  regionId: string;
  storeId: string;
  dueAt: Date;
  escalatedAt: Date;
}

/** Ideas escalated per statement: bounds one run's work after a long outage. */
const BATCH = 500;

/**
 * Sends every idea still unanswered at its due time up to its region's manager (and corporate):
 * sets `escalated_at`, which is what puts it in their list. Exactly once across instances, as
 * cases (cases/escalation.ts): the UPDATE only takes ideas whose `escalated_at` is still null, and
 * one being escalated by another instance is skipped (`FOR UPDATE SKIP LOCKED`), then re-checked.
 * An idea answered at the store before its due time never escalates.
 */
export async function escalateOverdueIdeas(ctx: Pick<AppContext, 'db' | 'now' | 'log'>): Promise<EscalatedIdea[]> {
  const escalated: EscalatedIdea[] = [];
  for (;;) {
    const now = ctx.now();
    const rows = await ctx.db.query<{ id: string; brand_id: string; region_id: string; store_id: string; due_at: Date }>(
      `WITH due AS (
         SELECT id FROM ideas
         WHERE escalated_at IS NULL AND status = 'new' AND due_at <= $1::timestamptz
         ORDER BY due_at, id LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE ideas i SET escalated_at = $1::timestamptz, version = i.version + 1, updated_at = $1::timestamptz
       FROM due WHERE i.id = due.id AND i.escalated_at IS NULL AND i.status = 'new'
       RETURNING i.id::text AS id, i.brand_id, i.region_id, i.store_id, i.due_at`,
      [now.toISOString(), BATCH],
    );
    escalated.push(...rows.map((r) => ({ id: r.id, brandId: r.brand_id, regionId: r.region_id, storeId: r.store_id, dueAt: r.due_at, escalatedAt: now })));
    if (rows.length > 0) ctx.log.info('ideas escalated', { count: rows.length });
    if (rows.length < BATCH) return escalated;
  }
}

/**
 * Runs {@link escalateOverdueIdeas} every `intervalMs` until the returned function is called;
 * that function waits for a run in progress.
 */
export function startIdeaEscalationWorker(ctx: Pick<AppContext, 'db' | 'now' | 'log'>, intervalMs: number): () => Promise<void> {
  return startPeriodic(() => escalateOverdueIdeas(ctx), intervalMs, { onError: (error: unknown) => ctx.log.error('idea escalation run failed', { error: String(error) }) });
}
