import { randomUUID } from 'node:crypto';
import type { AppContext, StoredSubmission } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { buildPayload, type AlertKind } from '../payload.js';
import { listRules } from '../rules/repository.js';
import type { AlertRule, SubmissionRule } from '../rules/schema.js';
import { tagsOf } from '../rules/match.js';
import type { TimeWindow } from './burst.js';
import type { StoreInfo } from './stores.js';

export interface AlertDraft {
  rule: SubmissionRule;
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
export function firstAttempt(rule: Pick<AlertRule, 'outsideHours'>, store: StoreInfo, now: Date): { status: InitialStatus; at: Date | null; note: string | null } {
  const t = now.getTime();
  if (rule.outsideHours === 'send' || store.calendar.isOpen(t)) return { status: 'pending', at: now, note: null };
  if (rule.outsideHours === 'drop') return { status: 'dropped', at: null, note: 'store closed when raised (outsideHours: drop)' };
  const opening = store.calendar.nextOpening(t);
  if (opening === undefined) return { status: 'pending', at: now, note: 'store closed with no opening in the next 8 days: sent at once' };
  return { status: 'held', at: new Date(opening), note: null };
}

interface StoredAlert {
  id: string;
  kind: AlertKind;
  ruleId: string;
  ruleName: string | null;
  dedupeKey: string;
  brandId: string;
  regionId: string | null;
  store: StoreInfo;
  window?: TimeWindow | undefined;
  body: string;
  /** What the dashboard shows (GET /v1/alerts): ids, scores, reasons; never free text. */
  summary: Record<string, unknown>;
}

/**
 * Writes the alert and its `alert` live event (same transaction as the caller's), `false` when
 * this rule already raised an alert under this key (a re-evaluation, a retried ingest, another
 * instance): the unique (rule_id, dedupe_key) decides, once.
 */
async function insertAlert(tx: Queryable, ctx: AppContext, alert: StoredAlert): Promise<boolean> {
  const now = ctx.now().toISOString();
  const inserted = await tx.query(
    `INSERT INTO alert_events (id, rule_id, dedupe_key, brand_id, region_id, store_id, window_start, window_end, body, created_at, kind, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, $9, $10::timestamptz, $11, $12::text::jsonb)
     ON CONFLICT (rule_id, dedupe_key) DO NOTHING RETURNING id`,
    [
      alert.id,
      alert.ruleId,
      alert.dedupeKey,
      alert.brandId,
      alert.regionId,
      alert.store.storeId,
      alert.window ? new Date(alert.window.start).toISOString() : null,
      alert.window ? new Date(alert.window.end).toISOString() : null,
      alert.body,
      now,
      alert.kind,
      JSON.stringify(alert.summary),
    ],
  );
  if (inserted.length === 0) return false;
  const data = { alertId: alert.id, alertKind: alert.kind, ruleId: alert.ruleId, ruleName: alert.ruleName, regionId: alert.regionId, storeId: alert.store.storeId, ...alert.summary };
  await tx.query(`INSERT INTO events (kind, brand_id, region_id, store_id, data, created_at) VALUES ('alert', $1, $2, $3, $4::text::jsonb, $5::timestamptz)`, [
    alert.brandId,
    alert.regionId,
    alert.store.storeId,
    JSON.stringify(data),
    now,
  ]);
  return true;
}

/** Queues the alert for a rule's webhook, held or dropped by the store's opening hours. */
async function queueDelivery(tx: Queryable, ctx: AppContext, alert: StoredAlert, rule: AlertRule & { webhook: NonNullable<AlertRule['webhook']> }): Promise<void> {
  const now = ctx.now();
  const first = firstAttempt(rule, alert.store, now);
  await tx.query(
    `INSERT INTO webhook_deliveries (id, event_id, rule_id, brand_id, region_id, store_id, url, status, next_attempt_at, last_error, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10, $11::timestamptz, $11::timestamptz)`,
    [randomUUID(), alert.id, rule.id, alert.brandId, alert.regionId, alert.store.storeId, rule.webhook.url, first.status, first.at?.toISOString() ?? null, first.note, now.toISOString()],
  );
  const fields = { rule: rule.id, alert: alert.id, store: alert.store.storeId, delivery: first.status, due: first.at?.toISOString() };
  if (first.status === 'dropped') ctx.log.warn('alert webhook dropped: store closed', fields);
}

/**
 * Records a rule's alert, its live event and (if the rule has a webhook) its delivery in one go;
 * `false` when this rule already raised an alert under this key.
 */
export async function raiseAlert(tx: Queryable, ctx: AppContext, draft: AlertDraft): Promise<boolean> {
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
      createdAt: ctx.now(),
    }),
  );
  const [opened] = await tx.query<{ id: string; reason: string }>('SELECT id::text AS id, reason FROM cases WHERE submission_id::text = ANY($1::text[]) ORDER BY created_at, id LIMIT 1', [
    draft.submissions.map((s) => s.id),
  ]);
  const scores = draft.submissions.map((s) => s.minScore).filter((v): v is number => v !== null);
  const npsAnswers = draft.submissions.map((s) => s.nps).filter((v): v is number => v !== null);
  const summary = {
    storeName: draft.store.name,
    managerRequested: draft.submissions.some((s) => tagsOf(s).managerRequested === true),
    submissionCount: draft.submissions.length,
    minScore: scores.length ? Math.min(...scores) : null,
    nps: npsAnswers.length ? Math.min(...npsAnswers) : null,
    caseId: opened?.id ?? null,
    caseReason: opened?.reason ?? null,
  };
  const alert: StoredAlert = { id, kind: 'rule', ruleId: draft.rule.id, ruleName: draft.rule.name ?? null, dedupeKey: draft.dedupeKey, brandId: draft.rule.brand, regionId: draft.regionId, store: draft.store, window: draft.window, body, summary };
  if (!(await insertAlert(tx, ctx, alert))) return false;
  if (draft.rule.webhook) await queueDelivery(tx, ctx, alert, { ...draft.rule, webhook: draft.rule.webhook });
  ctx.log.info('alert raised', { rule: draft.rule.id, alert: id, store: draft.store.storeId, webhook: draft.rule.webhook !== undefined });
  return true;
}

const includes = (allowed: string | string[] | undefined, value: string | null): boolean =>
  allowed === undefined || (value !== null && (Array.isArray(allowed) ? allowed.includes(value) : allowed === value));

/** An alert the collector raises itself (an escalation, a drop), for a region and a store. */
export interface SystemAlertDraft {
  kind: Exclude<AlertKind, 'rule'>;
  /** Unique per kind: the case id, the store's drop episode. */
  dedupeKey: string;
  brandId: string;
  regionId: string | null;
  store: StoreInfo;
  name: string;
  summary: Record<string, unknown>;
  details: Record<string, unknown>;
}

/**
 * Records a system alert and its live event, and queues it for the webhook of every enabled rule
 * of that kind whose scope includes the store. Returns the alert's id, or null when it existed.
 */
export async function raiseSystemAlert(tx: Queryable, ctx: AppContext, draft: SystemAlertDraft): Promise<string | null> {
  const id = randomUUID();
  const rule = { id: `@${draft.kind}`, kind: draft.kind, name: draft.name, brand: draft.brandId };
  const body = JSON.stringify(
    buildPayload({
      id,
      kind: draft.kind,
      rule,
      region: draft.regionId,
      store: draft.store.storeId,
      storeName: draft.store.name,
      timeZone: draft.store.calendar.timeZone,
      submissions: [],
      details: draft.details,
      createdAt: ctx.now(),
    }),
  );
  const alert: StoredAlert = { id, kind: draft.kind, ruleId: rule.id, ruleName: draft.name, dedupeKey: draft.dedupeKey, brandId: draft.brandId, regionId: draft.regionId, store: draft.store, body, summary: { storeName: draft.store.name, ...draft.summary } };
  if (!(await insertAlert(tx, ctx, alert))) return null;
  const subscribers = (await listRules(tx, { brand: draft.brandId, log: ctx.log }))
    .map((r) => r.rule)
    .filter((r) => r.enabled && r.kind === draft.kind && r.webhook && includes(r.scope.region, draft.regionId) && includes(r.scope.store, draft.store.storeId));
  for (const subscriber of subscribers) if (subscriber.webhook) await queueDelivery(tx, ctx, alert, { ...subscriber, webhook: subscriber.webhook });
  ctx.log.info('alert raised', { kind: draft.kind, alert: id, store: draft.store.storeId, webhooks: subscribers.length });
  return id;
}
