import { randomUUID } from 'node:crypto';
import type { AppContext, StoredSubmission } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { buildPayload } from '../payload.js';
import type { AlertRule } from '../rules/schema.js';
import type { TimeWindow } from './burst.js';
import type { StoreInfo } from './stores.js';

export interface AlertDraft {
  rule: AlertRule;
  /** Unique per rule: a submission id, or the store and first submission of a burst window. */
  dedupeKey: string;
  store: StoreInfo;
  regionId: string | null;
  submissions: StoredSubmission[];
  window?: TimeWindow;
}

export type InitialStatus = 'pending' | 'held' | 'dropped';

/**
 * When the first attempt is due, from the store's opening hours at the moment the alert is
 * raised (not when the feedback was given: what matters is whether someone is there to act).
 * A store with no opening in the next 8 days is sent to at once: holding forever would lose it.
 */
export function firstAttempt(rule: AlertRule, store: StoreInfo, now: Date): { status: InitialStatus; at: Date | null; note: string | null } {
  const t = now.getTime();
  if (rule.outsideHours === 'send' || store.calendar.isOpen(t)) return { status: 'pending', at: now, note: null };
  if (rule.outsideHours === 'drop') return { status: 'dropped', at: null, note: 'store closed when raised (outsideHours: drop)' };
  const opening = store.calendar.nextOpening(t);
  if (opening === undefined) return { status: 'pending', at: now, note: 'store closed with no opening in the next 8 days: sent at once' };
  return { status: 'held', at: new Date(opening), note: null };
}

/**
 * Records an alert and its webhook delivery in one go; `false` when this rule already raised an
 * alert under this key (a re-evaluation, a retried ingest, another instance).
 */
export async function raiseAlert(tx: Queryable, ctx: AppContext, draft: AlertDraft): Promise<boolean> {
  const now = ctx.now();
  const id = randomUUID();
  const body = JSON.stringify(
    buildPayload({
      id,
      rule: draft.rule,
      region: draft.regionId,
      store: draft.store.storeId,
      storeName: draft.store.name,
      timeZone: draft.store.calendar.timeZone,
      window: draft.window,
      submissions: draft.submissions,
      createdAt: now,
    }),
  );
  const inserted = await tx.query(
    `INSERT INTO alert_events (id, rule_id, dedupe_key, brand_id, region_id, store_id, window_start, window_end, body, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, $9, $10::timestamptz)
     ON CONFLICT (rule_id, dedupe_key) DO NOTHING RETURNING id`,
    [
      id,
      draft.rule.id,
      draft.dedupeKey,
      draft.rule.brand,
      draft.regionId,
      draft.store.storeId,
      draft.window ? new Date(draft.window.start).toISOString() : null,
      draft.window ? new Date(draft.window.end).toISOString() : null,
      body,
      now.toISOString(),
    ],
  );
  if (inserted.length === 0) return false;
  const first = firstAttempt(draft.rule, draft.store, now);
  await tx.query(
    `INSERT INTO webhook_deliveries (id, event_id, rule_id, brand_id, region_id, store_id, url, status, next_attempt_at, last_error, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10, $11::timestamptz, $11::timestamptz)`,
    [randomUUID(), id, draft.rule.id, draft.rule.brand, draft.regionId, draft.store.storeId, draft.rule.webhook.url, first.status, first.at?.toISOString() ?? null, first.note, now.toISOString()],
  );
  const fields = { rule: draft.rule.id, alert: id, store: draft.store.storeId, delivery: first.status, due: first.at?.toISOString() };
  if (first.status === 'dropped') ctx.log.warn('alert dropped: store closed', fields);
  else ctx.log.info('alert raised', fields);
  return true;
}
