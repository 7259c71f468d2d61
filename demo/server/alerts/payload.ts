import type { StoredSubmission } from '../context.js';
import type { AlertRule } from './rules/schema.js';
import type { TimeWindow } from './evaluate/burst.js';

/**
 * The JSON body POSTed to a rule's webhook (see docs, "Alerts and webhooks"). `id` is the alert's
 * id: the same on every retry, so receivers dedupe on it.
 */
export interface AlertPayload {
  id: string;
  type: 'storevoice.alert';
  rule: { id: string; kind: AlertRule['kind']; name: string | null };
  brand: string;
  region: string | null;
  store: string | null;
  storeName: string | null;
  /** Burst rules: the window that fired, with the store's time zone for display. */
  window?: { start: string; end: string; timeZone: string };
  /** The submissions that raised the alert, as received (wire format v1). */
  submissions: unknown[];
  createdAt: string;
}

export interface PayloadInput {
  id: string;
  rule: AlertRule;
  region: string | null;
  store: string | null;
  storeName: string | null;
  timeZone: string;
  window?: TimeWindow | undefined;
  submissions: StoredSubmission[];
  createdAt: Date;
}

export function buildPayload(input: PayloadInput): AlertPayload {
  return {
    id: input.id,
    type: 'storevoice.alert',
    rule: { id: input.rule.id, kind: input.rule.kind, name: input.rule.name ?? null },
    brand: input.rule.brand,
    region: input.region,
    store: input.store,
    storeName: input.storeName,
    ...(input.window && {
      window: { start: new Date(input.window.start).toISOString(), end: new Date(input.window.end).toISOString(), timeZone: input.timeZone },
    }),
    submissions: input.submissions.map((s) => s.body),
    createdAt: input.createdAt.toISOString(),
  };
}
