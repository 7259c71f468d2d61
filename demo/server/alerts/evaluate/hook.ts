import type { AppContext, StoredSubmission } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { ruleMatches } from '../rules/match.js';
import { submissionRules } from '../rules/cache.js';
import type { AlertRule, BurstRule } from '../rules/schema.js';
import { findBursts } from './burst.js';
import { raiseAlert } from './raise.js';
import { loadStore, loadStoreSubmissions, type StoreInfo } from './stores.js';

const MINUTE = 60_000;
/** Advisory-lock class for burst evaluation (the two-key form keeps clear of migrate's lock). */
const BURST_LOCK_CLASS = 20;

/**
 * Evaluates every enabled rule of the submissions' brands against newly stored submissions and
 * raises alerts (queued as webhook deliveries). Safe to call twice with the same submissions:
 * alerts are unique per (rule, dedupe key). A failing rule is logged and does not stop the others.
 */
export async function evaluateAlerts(ctx: AppContext, submissions: StoredSubmission[]): Promise<void> {
  const stores = new Map<string, Promise<StoreInfo>>();
  const storeOf = (s: StoredSubmission) => {
    const key = `${s.brandId}\u0000${s.storeId ?? ''}`;
    let store = stores.get(key);
    if (!store) stores.set(key, (store = loadStore(ctx.db, ctx.log, s.brandId, s.storeId)));
    return store;
  };
  const bursts = new Map<string, { rule: BurstRule; store: StoreInfo; fresh: StoredSubmission[] }>();

  for (const brand of new Set(submissions.map((s) => s.brandId))) {
    const rules = await submissionRules(ctx, brand);
    if (rules.length === 0) continue;
    for (const submission of submissions.filter((s) => s.brandId === brand)) {
      // Older than CREATED_AT_MAX_AGE_DAYS when it arrived: stored and shown, never paged.
      if (submission.flags.includes('late')) {
        ctx.log.info('alert skipped: feedback late', { submission: submission.id });
        continue;
      }
      const store = await storeOf(submission);
      const regionId = store.regionId ?? submission.regionId;
      for (const rule of rules) {
        if (!ruleMatches(rule, { submission, regionId })) continue;
        const ageMinutes = (ctx.now().getTime() - submission.createdAt.getTime()) / MINUTE;
        if (ageMinutes > rule.maxAgeMinutes) {
          ctx.log.info('alert skipped: feedback too old', { rule: rule.id, submission: submission.id, ageMinutes: Math.round(ageMinutes), maxAgeMinutes: rule.maxAgeMinutes });
          continue;
        }
        if (rule.kind === 'score') {
          await guarded(ctx, rule, () =>
            ctx.db.transaction((tx) => raiseAlert(tx, ctx, { rule, dedupeKey: `submission:${submission.id}`, store, regionId, submissions: [submission] })),
          );
        } else if (submission.storeId !== null) {
          // Bursts are per store; a submission without a store cannot be part of one.
          const key = `${rule.id}\u0000${submission.storeId}`;
          const group = bursts.get(key) ?? { rule, store, fresh: [] };
          group.fresh.push(submission);
          bursts.set(key, group);
        }
      }
    }
  }
  for (const { rule, store, fresh } of bursts.values()) {
    await guarded(ctx, rule, () => ctx.db.transaction((tx) => evaluateBurst(tx, ctx, rule, store, fresh)));
  }
}

async function guarded(ctx: AppContext, rule: AlertRule, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    ctx.log.error('alert rule evaluation failed', { rule: rule.id, error: String(error) });
  }
}

/**
 * Re-reads the store's matching submissions around the new ones and raises an alert for each
 * window (see burst.ts) that includes a new submission: windows of old submissions alone were
 * judged when those arrived. One evaluation per (rule, store) at a time, across instances, so
 * two ingests finishing together see each other's submissions instead of each seeing two of three.
 */
async function evaluateBurst(tx: Queryable, ctx: AppContext, rule: BurstRule, store: StoreInfo, fresh: StoredSubmission[]): Promise<void> {
  const storeId = store.storeId as string;
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [BURST_LOCK_CLASS, `${rule.id}/${storeId}`]);
  const windowMs = rule.withinMinutes * MINUTE;
  const times = fresh.map((s) => s.createdAt.getTime());
  const from = Math.min(...times) - windowMs;
  const to = Math.max(...times) + windowMs;

  const fired = await tx.query<{ window_start: Date; window_end: Date }>(
    `SELECT window_start, window_end FROM alert_events
     WHERE rule_id = $1 AND store_id = $2 AND window_end > $3::timestamptz AND window_start <= $4::timestamptz`,
    [rule.id, storeId, new Date(from).toISOString(), new Date(to).toISOString()],
  );
  // A submission inside a window that already fired can start or join no alert (burst.ts): when
  // every new one is, nothing is read. A flood at one store so costs one small query per ingest
  // for as long as its alert's window lasts, not a read of the whole window.
  const spent = (t: number) => fired.some((w) => w.window_start.getTime() <= t && t < w.window_end.getTime());
  if (times.every(spent)) return;
  // Only what can count: the rule's score conditions in SQL (ruleMatches still decides), and no
  // submission inside a window that already fired (findBursts would skip it).
  const nearby = await loadStoreSubmissions(tx, rule.brand, storeId, new Date(from), new Date(to), {
    minScoreAtMost: rule.when.minScoreAtMost,
    npsAtMost: rule.when.npsAtMost,
    outside: fired.map((w) => ({ start: w.window_start, end: w.window_end })),
  });
  const items = nearby
    .filter((submission) => ruleMatches(rule, { submission, regionId: store.regionId ?? submission.regionId }))
    .map((submission) => ({ id: submission.id, at: submission.createdAt.getTime(), submission }));
  const boundaries = store.calendar.boundaries(from - windowMs, to + windowMs);
  const windows = findBursts(items, {
    count: rule.count,
    windowMs,
    nextBoundary: (t) => boundaries.find((b) => b > t) ?? Infinity,
    fired: fired.map((w) => ({ start: w.window_start.getTime(), end: w.window_end.getTime() })),
  });
  const freshIds = new Set(fresh.map((s) => s.id));
  for (const window of windows) {
    if (!window.members.some((m) => freshIds.has(m.id))) continue;
    const first = window.members[0];
    if (!first) continue;
    await raiseAlert(tx, ctx, {
      rule,
      dedupeKey: `burst:${storeId}:${first.id}`,
      store,
      regionId: store.regionId ?? first.submission.regionId,
      submissions: window.members.map((m) => m.submission),
      window: { start: window.start, end: window.end },
    });
  }
}
