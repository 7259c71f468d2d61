import type { StoredSubmission } from '../context.js';
import type { AlertRule } from './rules/schema.js';
import type { TimeWindow } from './evaluate/burst.js';

/** The alert kinds: a rule's (on submissions), or the collector's own. */
export const ALERT_KINDS = ['rule', 'escalation', 'drop'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * The JSON body POSTed to a rule's webhook (see docs, "Alerts and webhooks"). `id` is the alert's
 * id: the same on every retry, so receivers dedupe on it.
 */
export interface AlertPayload {
  id: string;
  type: 'storevoice.alert';
  /** Absent in payloads written before system alerts: read as `rule`. */
  kind?: AlertKind;
  rule: { id: string; kind: AlertRule['kind']; name: string | null };
  brand: string;
  region: string | null;
  store: string | null;
  storeName: string | null;
  /** Burst rules: the window that fired, with the store's time zone for display. */
  window?: { start: string; end: string; timeZone: string };
  /** The submissions that raised the alert, as received (wire format v1); none for system alerts. */
  submissions: unknown[];
  /** System alerts: what happened (the escalated case; the score that dropped). */
  details?: Record<string, unknown>;
  createdAt: string;
}

export interface PayloadInput {
  id: string;
  kind?: AlertKind;
  rule: Pick<AlertRule, 'id' | 'kind' | 'name' | 'brand'>;
  region: string | null;
  store: string | null;
  storeName: string | null;
  timeZone: string;
  window?: TimeWindow | undefined;
  submissions: StoredSubmission[];
  details?: Record<string, unknown>;
  createdAt: Date;
}

export function buildPayload(input: PayloadInput): AlertPayload {
  return {
    id: input.id,
    type: 'storevoice.alert',
    ...(input.kind && input.kind !== 'rule' && { kind: input.kind }),
    rule: { id: input.rule.id, kind: input.rule.kind, name: input.rule.name ?? null },
    brand: input.rule.brand,
    region: input.region,
    store: input.store,
    storeName: input.storeName,
    ...(input.window && {
      window: { start: new Date(input.window.start).toISOString(), end: new Date(input.window.end).toISOString(), timeZone: input.timeZone },
    }),
    submissions: input.submissions.map((s) => s.body),
    ...(input.details && { details: input.details }),
    createdAt: input.createdAt.toISOString(),
  };
}
