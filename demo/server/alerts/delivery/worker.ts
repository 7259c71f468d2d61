import type { AppContext } from '../../context.js';
import { collectorMetrics } from '../../metrics/registry.js';
import { AlertRuleSchema } from '../rules/schema.js';
import { parseRetryAfter, retryDelayMs } from './backoff.js';
import { sendWebhook, type SendOutcome } from './send.js';
import { webhookTargetPolicyOf } from './target-policy.js';
import { startPeriodic } from '../../periodic.js';

export interface RunOptions {
  /** Most attempts in one run. @default 100 */
  limit?: number;
  /** Jitter source in [0, 1); 0.5 gives the nominal backoff. @default Math.random */
  random?: () => number;
}

export interface RunSummary {
  attempted: number;
  succeeded: number;
  /** Failed this time, rescheduled. */
  retrying: number;
  /** Failed for good (permanent error or last attempt). */
  failed: number;
}

/** Rows claimed in one statement; several go out in parallel, each with its own timeout. */
const BATCH = 10;
/** How long past the request timeout a claim lasts before another worker may assume this one died. */
const LEASE_MARGIN_MS = 60_000;
/** Even `Retry-After: 0` waits this long, so one run cannot spin on a receiver. */
const MIN_RETRY_MS = 1_000;

interface ClaimedRow extends Record<string, unknown> {
  id: string;
  attempts: number;
  body: string;
  definition: unknown;
}

/**
 * Claims due deliveries (pending, held until an opening that has come, or `sending` whose
 * worker's lease ran out). `FOR UPDATE SKIP LOCKED` lets several collector instances run this
 * against one PostgreSQL: each row goes to exactly one of them, and none waits on another.
 * The claim is its own short statement, never a transaction held open across an HTTP request
 * (PGlite has one connection, and ingest must not wait on a slow receiver).
 */
async function claim(ctx: AppContext, batch: number): Promise<ClaimedRow[]> {
  const now = ctx.now();
  const lease = new Date(now.getTime() + ctx.config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS);
  return ctx.db.query<ClaimedRow>(
    `WITH due AS (
       SELECT id FROM webhook_deliveries
       WHERE status IN ('pending', 'held', 'sending') AND next_attempt_at <= $1::timestamptz
       ORDER BY next_attempt_at, id LIMIT $3
       FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE webhook_deliveries d SET status = 'sending', attempts = d.attempts + 1, next_attempt_at = $2::timestamptz, updated_at = $1::timestamptz
       FROM due WHERE d.id = due.id
       RETURNING d.id, d.attempts, d.event_id, d.rule_id
     )
     SELECT c.id::text AS id, c.attempts, e.body, r.definition
     FROM claimed c JOIN alert_events e ON e.id = c.event_id LEFT JOIN alert_rules r ON r.id = c.rule_id`,
    [now.toISOString(), lease.toISOString(), batch],
  );
}

type Result =
  | { status: 'succeeded'; lastStatus: number }
  | { status: 'pending'; lastStatus: number | null; error: string; nextAt: Date }
  | { status: 'failed'; lastStatus: number | null; error: string };

function decide(ctx: AppContext, attempts: number, outcome: SendOutcome, random: () => number): Result {
  if (outcome.kind === 'success') return { status: 'succeeded', lastStatus: outcome.status };
  if (outcome.kind === 'permanent') return { status: 'failed', lastStatus: outcome.status, error: outcome.error };
  const max = ctx.config.WEBHOOK_MAX_ATTEMPTS;
  if (attempts >= max) return { status: 'failed', lastStatus: outcome.status, error: `${outcome.error} (gave up after ${attempts} attempts)` };
  const now = ctx.now();
  const delay = Math.max(MIN_RETRY_MS, parseRetryAfter(outcome.retryAfter, now) ?? retryDelayMs(attempts, random));
  return { status: 'pending', lastStatus: outcome.status, error: outcome.error, nextAt: new Date(now.getTime() + delay) };
}

async function deliver(ctx: AppContext, row: ClaimedRow, random: () => number): Promise<Result> {
  const rule = AlertRuleSchema.safeParse(row.definition);
  let result: Result;
  let url: string | null = null;
  if (row.definition === null || row.definition === undefined) {
    result = { status: 'failed', lastStatus: null, error: 'rule deleted before delivery' };
  } else if (!rule.success) {
    result = { status: 'failed', lastStatus: null, error: 'rule definition invalid' };
  } else if (!rule.data.webhook) {
    result = { status: 'failed', lastStatus: null, error: 'webhook removed from the rule before delivery' };
  } else if (row.attempts > ctx.config.WEBHOOK_MAX_ATTEMPTS) {
    // Only after a worker died mid-attempt and its lease ran out on the last attempt.
    result = { status: 'failed', lastStatus: null, error: `no answer recorded for attempt ${row.attempts - 1}; attempts exhausted` };
  } else {
    // The rule's current webhook, not the one when the alert was raised: fixing a wrong URL or
    // rotating a secret applies to pending retries too.
    url = rule.data.webhook.url;
    const outcome = await sendWebhook({
      url,
      secret: rule.data.webhook.secret,
      deliveryId: row.id,
      body: row.body,
      now: ctx.now(),
      timeoutMs: ctx.config.WEBHOOK_TIMEOUT_MS,
      policy: webhookTargetPolicyOf(ctx.config),
    });
    result = decide(ctx, row.attempts, outcome, random);
  }
  const now = ctx.now().toISOString();
  // `attempts = $n` fences out a stale worker whose lease expired and whose row was retaken.
  await ctx.db.query(
    `UPDATE webhook_deliveries SET status = $2, next_attempt_at = $3::timestamptz, last_status = $4, last_error = $5,
       updated_at = $6::timestamptz, delivered_at = $7::timestamptz, url = COALESCE($8, url)
     WHERE id = $1 AND status = 'sending' AND attempts = $9`,
    [
      row.id,
      result.status,
      result.status === 'pending' ? result.nextAt.toISOString() : null,
      result.lastStatus,
      result.status === 'succeeded' ? null : result.error,
      now,
      result.status === 'succeeded' ? now : null,
      url,
      row.attempts,
    ],
  );
  const fields = { delivery: row.id, attempt: row.attempts, status: result.status, httpStatus: result.lastStatus };
  collectorMetrics(ctx).webhookAttempts.inc({ outcome: result.status === 'pending' ? 'retrying' : result.status });
  if (result.status === 'succeeded') ctx.log.info('webhook delivered', fields);
  else ctx.log.warn('webhook attempt failed', { ...fields, error: result.error, nextAttemptAt: result.status === 'pending' ? result.nextAt.toISOString() : undefined });
  return result;
}

/**
 * Sends every webhook delivery that is due now (`ctx.now()`), and records each outcome. What the
 * worker loop runs on each tick; tests call it directly after moving their clock.
 */
export async function runDueDeliveries(ctx: AppContext, options: RunOptions = {}): Promise<RunSummary> {
  const limit = options.limit ?? 100;
  const random = options.random ?? Math.random;
  const summary: RunSummary = { attempted: 0, succeeded: 0, retrying: 0, failed: 0 };
  let emptyClaims = 0;
  while (summary.attempted < limit) {
    const rows = await claim(ctx, Math.min(BATCH, limit - summary.attempted));
    // An empty claim can be a race, not an empty queue: rows another worker claimed after this
    // statement's snapshot was taken are locked, re-checked and dropped (no longer due), and the
    // LIMIT may have been spent on them. A second claim, with a fresh snapshot, tells the two apart.
    if (rows.length === 0) {
      if (++emptyClaims > 1) break;
      continue;
    }
    emptyClaims = 0;
    const results = await Promise.all(rows.map((row) => deliver(ctx, row, random)));
    for (const r of results) {
      summary.attempted++;
      if (r.status === 'succeeded') summary.succeeded++;
      else if (r.status === 'pending') summary.retrying++;
      else summary.failed++;
    }
  }
  return summary;
}

/**
 * Runs {@link runDueDeliveries} every `intervalMs` until the returned function is called; that
 * function waits for a run in progress, so shutdown never cuts a delivery's bookkeeping short.
 */
export function startDeliveryWorker(ctx: AppContext, intervalMs: number): () => Promise<void> {
  return startPeriodic(() => runDueDeliveries(ctx), intervalMs, { onError: (error: unknown) => ctx.log.error('webhook worker run failed', { error: String(error) }) });
}
