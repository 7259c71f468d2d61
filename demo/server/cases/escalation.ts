import type { AppContext } from '../context.js';
import { caseEventSql, isoSql } from './event-sql.js';
import type { CaseSummary } from './types.js';
import { startPeriodic } from '../periodic.js';

/** A case the collector just escalated. */
export interface EscalatedCase {
  id: string;
  submissionId: string;
  brandId: string;
  regionId: string | null;
  storeId: string | null;
  reason: CaseSummary['reason'];
  dueAt: Date;
  escalatedAt: Date;
}

/** Called with every batch of newly escalated cases (e.g. to send alert webhooks later). */
export type EscalationHook = (cases: readonly EscalatedCase[]) => Promise<void>;

/** Cases escalated per statement: bounds one run's work after a long outage. */
const BATCH = 500;

const hooks = new WeakMap<object, EscalationHook[]>();

/**
 * The hooks run after cases escalate on this collector. A hook is where alerting plugs in (a
 * webhook to the regional manager): the escalation itself, its note and its live event are
 * already committed when hooks run, and a failing hook is logged, never undoes it.
 */
export function escalationHooks(ctx: object): EscalationHook[] {
  let list = hooks.get(ctx);
  if (!list) hooks.set(ctx, (list = []));
  return list;
}

interface EscalatedRow extends Record<string, unknown> {
  id: string;
  submission_id: string;
  brand_id: string;
  region_id: string | null;
  store_id: string | null;
  reason: EscalatedCase['reason'];
  due_at: Date;
}

/**
 * Escalates every unresolved case whose due time has passed at `ctx.now()`: sets `escalated_at`,
 * adds an `escalated` note and a `case` live event, in one statement. Exactly once across
 * instances: the UPDATE only takes cases whose `escalated_at` is still null, and a row being
 * escalated by another instance is skipped (`FOR UPDATE SKIP LOCKED`), then re-checked by the
 * UPDATE. What the worker loop runs; tests call it directly after moving their clock.
 */
export async function escalateOverdue(ctx: Pick<AppContext, 'db' | 'now' | 'log'>): Promise<EscalatedCase[]> {
  const escalated: EscalatedCase[] = [];
  for (;;) {
    const now = ctx.now();
    const rows = await ctx.db.query<EscalatedRow>(
      `WITH due AS (
         SELECT id FROM cases
         WHERE escalated_at IS NULL AND status <> 'resolved' AND due_at <= $1::timestamptz
         ORDER BY due_at, id LIMIT $2
         FOR UPDATE SKIP LOCKED
       ), escalated AS (
         UPDATE cases c SET escalated_at = $1::timestamptz, version = c.version + 1, updated_at = $1::timestamptz
         FROM due WHERE c.id = due.id AND c.escalated_at IS NULL AND c.status <> 'resolved'
         RETURNING c.*
       ), noted AS (
         INSERT INTO case_notes (case_id, kind, author_id, author_name, text, data, created_at)
         SELECT e.id, 'escalated', NULL, NULL, NULL, jsonb_build_object('dueAt', ${isoSql('e.due_at')}, 'regionId', e.region_id), $1::timestamptz FROM escalated e
       ), announced AS (
         INSERT INTO events (kind, brand_id, region_id, store_id, data, created_at)
         SELECT 'case', e.brand_id, e.region_id, e.store_id, ${caseEventSql('e', 'escalated')}, $1::timestamptz FROM escalated e ORDER BY e.due_at, e.id
       )
       SELECT id::text AS id, submission_id::text AS submission_id, brand_id, region_id, store_id, reason, due_at FROM escalated`,
      [now.toISOString(), BATCH],
    );
    const batch = rows.map((r) => ({ id: r.id, submissionId: r.submission_id, brandId: r.brand_id, regionId: r.region_id, storeId: r.store_id, reason: r.reason, dueAt: r.due_at, escalatedAt: now }));
    escalated.push(...batch);
    if (batch.length > 0) {
      ctx.log.info('cases escalated', { count: batch.length });
      for (const hook of escalationHooks(ctx)) {
        await hook(batch).catch((error: unknown) => ctx.log.error('escalation hook failed', { error: error instanceof Error ? error.message : String(error) }));
      }
    }
    if (rows.length < BATCH) return escalated;
  }
}

/**
 * Runs {@link escalateOverdue} every `intervalMs` until the returned function is called; that
 * function waits for a run in progress.
 */
export function startEscalationWorker(ctx: Pick<AppContext, 'db' | 'now' | 'log'>, intervalMs: number): () => Promise<void> {
  return startPeriodic(() => escalateOverdue(ctx), intervalMs, { onError: (error: unknown) => ctx.log.error('case escalation run failed', { error: String(error) }) });
}
