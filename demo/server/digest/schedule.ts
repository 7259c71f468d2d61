import { createHash } from 'node:crypto';
import { parseRetryAfter, retryDelayMs } from '../alerts/delivery/backoff.js';
import { sendWebhook } from '../alerts/delivery/send.js';
import { webhookTargetPolicyOf } from '../alerts/delivery/target-policy.js';
import type { AppContext } from '../context.js';
import { loadBrandSettings } from '../settings/repository.js';
import { uuidv7 } from '../../../sdk/index.js';
import { buildDigest } from './build.js';
import type { DigestWebhook } from './settings.js';
import type { DigestPayload } from './types.js';
import { lastSending } from './week.js';
import { startPeriodic } from '../periodic.js';

/** An instance that claimed a delivery has this long to finish it before another may take it over. */
export const LEASE_MS = 5 * 60_000;
/**
 * A sending time more than this long ago is skipped: a collector that was down over it sends that
 * week's digest when it is back within the day, but enabling the digest on a Sunday does not send
 * the week before last. (The printable digest of any week stays in the dashboard.)
 */
export const CATCH_UP_MS = 24 * 3_600_000;
/** Deliveries claimed per statement. */
const BATCH = 10;

export const urlHash = (url: string): string => createHash('sha256').update(url).digest('hex');

export interface DigestRunOptions {
  /** A number in [0, 1) for the retry jitter. @default Math.random */
  random?: () => number;
}

export interface DigestRunSummary {
  /** Deliveries this run added (new weeks that came due). */
  scheduled: number;
  attempted: number;
  succeeded: number;
  retrying: number;
  failed: number;
}

interface DeliveryRow {
  id: string;
  brand_id: string;
  scope_level: 'region' | 'store';
  scope_id: string;
  week: string;
  url_hash: string;
  attempts: number;
  [key: string]: unknown;
}

/**
 * One tick of the weekly digest schedule at `ctx.now()` (the clock is the context's, so tests move
 * it): every brand whose digest is on and whose sending time has come gets the week's deliveries
 * (one per region and/or store and receiver), then every due delivery is sent. Safe to run on
 * several instances at once: rows are unique per scope, week and receiver, and each is sent by the
 * instance that claimed it.
 */
export async function runDigestSchedule(ctx: AppContext, options: DigestRunOptions = {}): Promise<DigestRunSummary> {
  const summary: DigestRunSummary = { scheduled: await scheduleDue(ctx), attempted: 0, succeeded: 0, retrying: 0, failed: 0 };
  for (;;) {
    const rows = await claim(ctx);
    if (rows.length === 0) break;
    for (const outcome of await Promise.all(rows.map((row) => deliver(ctx, row, options.random ?? Math.random)))) {
      summary.attempted++;
      summary[outcome]++;
    }
  }
  return summary;
}

/** Adds the deliveries of every brand's latest sending time, unless that week's are there already. */
async function scheduleDue(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const brands = await ctx.db.query<{ brand_id: string }>(`SELECT brand_id FROM brand_settings WHERE settings -> 'digest' ->> 'enabled' = 'true'`);
  let added = 0;
  for (const { brand_id: brandId } of brands) {
    const { digest } = (await loadBrandSettings(ctx.db, brandId, ctx.log)).settings;
    if (!digest.enabled || digest.webhooks.length === 0) continue;
    const { week, at } = lastSending(now, digest.day, digest.time, digest.timeZone);
    if (now.getTime() - at.getTime() > CATCH_UP_MS) continue;
    // A brand whose week is scheduled already costs one indexed lookup per tick, not a row per store.
    const [done] = await ctx.db.query('SELECT 1 FROM digest_deliveries WHERE brand_id = $1 AND week = $2 LIMIT 1', [brandId, week]);
    if (done) continue;
    const scopes = await ctx.db.query<{ level: 'region' | 'store'; id: string }>(
      `SELECT 'region' AS level, id FROM regions WHERE brand_id = $1 AND 'region' = ANY($2::text[])
       UNION ALL SELECT 'store' AS level, id FROM stores WHERE brand_id = $1 AND 'store' = ANY($2::text[])`,
      [brandId, digest.levels],
    );
    const rows = scopes.flatMap((scope) => digest.webhooks.map((hook) => ({ id: uuidv7(now.getTime()), scope_level: scope.level, scope_id: scope.id, url_hash: urlHash(hook.url) })));
    if (rows.length === 0) continue;
    // One statement: the week's rows appear together or not at all, and a second instance's
    // identical insert adds nothing.
    const inserted = await ctx.db.query(
      `INSERT INTO digest_deliveries (id, brand_id, scope_level, scope_id, week, url_hash, next_attempt_at, created_at)
       SELECT r.id, $2, r.scope_level, r.scope_id, $3, r.url_hash, $4, $4
       FROM jsonb_to_recordset($1::text::jsonb) AS r(id uuid, scope_level text, scope_id text, url_hash text)
       ON CONFLICT (brand_id, scope_level, scope_id, week, url_hash) DO NOTHING RETURNING id`,
      [JSON.stringify(rows), brandId, week, now.toISOString()],
    );
    added += inserted.length;
    if (inserted.length > 0) ctx.log.info('weekly digest scheduled', { brand: brandId, week, deliveries: inserted.length });
  }
  return added;
}

/** Takes due deliveries (or ones whose sender's lease ran out) for this instance. */
function claim(ctx: AppContext): Promise<DeliveryRow[]> {
  const now = ctx.now();
  return ctx.db.query<DeliveryRow>(
    `UPDATE digest_deliveries d SET status = 'sending', attempts = d.attempts + 1, lease_until = $2
     WHERE d.id IN (
       SELECT id FROM digest_deliveries
       WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1)
       ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
     RETURNING d.id::text AS id, d.brand_id, d.scope_level, d.scope_id, d.week, d.url_hash, d.attempts`,
    [now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString()],
  );
}

type Outcome = 'succeeded' | 'retrying' | 'failed';

/** Builds one digest and POSTs it through the alert webhooks' hardened sender; records the outcome. */
async function deliver(ctx: AppContext, row: DeliveryRow, random: () => number): Promise<Outcome> {
  const now = ctx.now();
  const record = async (outcome: Outcome, fields: { status?: number | null; error?: string | null; nextAt?: Date }): Promise<Outcome> => {
    await ctx.db.query(
      `UPDATE digest_deliveries SET status = $2, lease_until = NULL, last_status = $3, last_error = $4, next_attempt_at = coalesce($5, next_attempt_at),
         delivered_at = CASE WHEN $2 = 'succeeded' THEN $6::timestamptz ELSE delivered_at END
       WHERE id = $1`,
      [row.id, outcome === 'retrying' ? 'pending' : outcome, fields.status ?? null, fields.error ?? null, fields.nextAt?.toISOString() ?? null, now.toISOString()],
    );
    return outcome;
  };
  const { settings } = await loadBrandSettings(ctx.db, row.brand_id, ctx.log);
  const hook: DigestWebhook | undefined = settings.digest.webhooks.find((h) => urlHash(h.url) === row.url_hash);
  if (!hook) return record('failed', { error: 'the webhook was removed from the settings' });
  let body: string;
  try {
    const target = row.scope_level === 'store' ? { brandId: row.brand_id, storeId: row.scope_id } : { brandId: row.brand_id, regionId: row.scope_id };
    const payload: DigestPayload = { type: 'digest.weekly', id: row.id, digest: await buildDigest(ctx.db, target, row.week, now, ctx.config.STAFF_MIN_RESPONSES) };
    body = JSON.stringify(payload);
  } catch (error) {
    ctx.log.error('weekly digest could not be built', { delivery: row.id, error: String(error) });
    return record('retrying', { error: 'the digest could not be built', nextAt: new Date(now.getTime() + retryDelayMs(row.attempts, random)) });
  }
  const result = await sendWebhook({ url: hook.url, secret: hook.secret, deliveryId: row.id, body, now, timeoutMs: ctx.config.WEBHOOK_TIMEOUT_MS, policy: webhookTargetPolicyOf(ctx.config) });
  const fields = { delivery: row.id, brand: row.brand_id, scope: `${row.scope_level}:${row.scope_id}`, week: row.week, attempt: row.attempts };
  if (result.kind === 'success') return record('succeeded', { status: result.status });
  if (result.kind === 'permanent' || row.attempts >= ctx.config.WEBHOOK_MAX_ATTEMPTS) {
    ctx.log.warn('weekly digest delivery failed', { ...fields, error: result.error });
    return record('failed', { status: result.status, error: result.error });
  }
  const wait = Math.max(retryDelayMs(row.attempts, random), result.retryAfter ? (parseRetryAfter(result.retryAfter, now) ?? 0) : 0);
  ctx.log.warn('weekly digest attempt failed', { ...fields, error: result.error });
  return record('retrying', { status: result.status, error: result.error, nextAt: new Date(now.getTime() + wait) });
}

/**
 * Runs {@link runDigestSchedule} every `intervalMs` until the returned function is called, which
 * waits for a run in progress.
 */
export function startDigestSchedule(ctx: AppContext, intervalMs: number): () => Promise<void> {
  return startPeriodic(() => runDigestSchedule(ctx), intervalMs, { onError: (error: unknown) => ctx.log.error('weekly digest run failed', { error: String(error) }) });
}
