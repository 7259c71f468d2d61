import type { Queryable } from '../../db/database.js';
import type { AlertPayload } from '../payload.js';
import { redactWebhookUrl } from '../rules/schema.js';

export const DELIVERY_STATUSES = ['held', 'pending', 'sending', 'succeeded', 'failed', 'dropped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One webhook delivery, as the admin API and the dashboard show it. */
export interface DeliveryLogEntry {
  id: string;
  ruleId: string;
  brand: string;
  region: string | null;
  store: string | null;
  /** The webhook's origin, path redacted (`https://hooks.slack.com/…`). */
  url: string;
  status: DeliveryStatus;
  attempts: number;
  /** When the next attempt is due (held: the store's opening; sending: the claim's expiry). */
  nextAttemptAt: string | null;
  /** HTTP status of the last attempt; null when it got no answer (timeout, network error). */
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
  /** The body that is (or was) sent. */
  alert: AlertPayload;
}

export interface DeliveryLogFilter {
  brand?: string | undefined;
  region?: string | undefined;
  store?: string | undefined;
  rule?: string | undefined;
  status?: DeliveryStatus | undefined;
  /** Only deliveries created before this instant (paging: pass the last entry's `createdAt`). */
  before?: Date | undefined;
  /** @default 100, at most 500 */
  limit?: number | undefined;
}

interface LogRow extends Record<string, unknown> {
  id: string;
  rule_id: string;
  brand_id: string;
  region_id: string | null;
  store_id: string | null;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  delivered_at: Date | null;
  body: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The delivery log, newest first. Filters narrow by brand, region and store so that a caller can
 * apply its own access rules (e.g. a store manager sees their store only).
 */
export async function listDeliveries(db: Queryable, filter: DeliveryLogFilter = {}): Promise<DeliveryLogEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.brand !== undefined) add('d.brand_id = ?', filter.brand);
  if (filter.region !== undefined) add('d.region_id = ?', filter.region);
  if (filter.store !== undefined) add('d.store_id = ?', filter.store);
  if (filter.rule !== undefined) add('d.rule_id = ?', filter.rule);
  if (filter.status !== undefined) add('d.status = ?', filter.status);
  if (filter.before !== undefined) add('d.created_at < ?::timestamptz', filter.before.toISOString());
  params.push(Math.min(500, Math.max(1, filter.limit ?? 100)));
  const rows = await db.query<LogRow>(
    `SELECT d.id::text AS id, d.rule_id, d.brand_id, d.region_id, d.store_id, d.url, d.status, d.attempts, d.next_attempt_at,
       d.last_status, d.last_error, d.created_at, d.updated_at, d.delivered_at, e.body
     FROM webhook_deliveries d JOIN alert_events e ON e.id = d.event_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    ruleId: r.rule_id,
    brand: r.brand_id,
    region: r.region_id,
    store: r.store_id,
    // Redacted like rules: a chat relay's secret lives in its path.
    url: redactWebhookUrl(r.url),
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: iso(r.next_attempt_at),
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deliveredAt: iso(r.delivered_at),
    alert: JSON.parse(r.body) as AlertPayload,
  }));
}

/**
 * Puts a `failed` or `dropped` delivery back in the queue, due now, with a fresh set of attempts
 * (e.g. once the receiver is fixed). Returns false when there is no such delivery in those states.
 */
export async function requeueDelivery(db: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $2::timestamptz, updated_at = $2::timestamptz
     WHERE id::text = $1 AND status IN ('failed', 'dropped') RETURNING id`,
    [id, now.toISOString()],
  );
  return rows.length > 0;
}
