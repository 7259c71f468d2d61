import type { DeliveryStatus, DropReason } from './events.js';

/**
 * How a `submit()` ended, from the shopper's point of view:
 * - `sent`: every destination acknowledged it.
 * - `queued`: saved in the outbox and will be delivered later (offline, server trouble, or still in flight).
 * - `failed`: refused for good by a destination, or the outbox was full; see `reason` and `message`.
 * - `dropped`: the host's `beforeSend` discarded it.
 */
export type SubmitStatus = 'sent' | 'queued' | 'failed' | 'dropped';

/** What one destination made of a submission: acknowledged it, or gave it up (with why). */
export type DeliveryOutcome =
  | { readonly status: 'sent' }
  | { readonly status: 'failed'; readonly reason: Exclude<DropReason, 'before_send' | 'queue_full'>; readonly message?: string };

/** The part of a `SubmitResult` that says how delivery went. */
export interface SubmissionStatus {
  readonly status: Exclude<SubmitStatus, 'dropped'>;
  readonly destinations: Readonly<Record<string, DeliveryStatus>>;
  readonly reason?: Exclude<DropReason, 'before_send' | 'queue_full'>;
  readonly message?: string;
}

/**
 * A submission's status from what its destinations answered so far: each one routed to is `sent`,
 * `failed` or, not heard from, still `queued`; the submission takes the worst of them (`failed`,
 * then `queued`), with the first failure's reason and message. Pure: the courier records the
 * outcomes, `submit()` asks this once it stops waiting.
 * @param destinations where the submission was routed
 * @param outcomes destination → outcome, for those that answered
 * @example
 * submissionStatus(['main', 'alerts'], new Map([['main', { status: 'sent' }]]));
 * // { status: 'queued', destinations: { main: 'sent', alerts: 'queued' } }
 */
export function submissionStatus(destinations: readonly string[], outcomes: ReadonlyMap<string, DeliveryOutcome>): SubmissionStatus {
  const statuses: Record<string, DeliveryStatus> = {};
  for (const name of destinations) statuses[name] = outcomes.get(name)?.status ?? 'queued';
  const all = Object.values(statuses);
  const status = all.includes('failed') ? 'failed' : all.includes('queued') ? 'queued' : 'sent';
  const failure = destinations.map((name) => outcomes.get(name)).find((outcome) => outcome?.status === 'failed');
  if (failure?.status !== 'failed') return { status, destinations: statuses };
  return { status, destinations: statuses, reason: failure.reason, ...(failure.message !== undefined && { message: failure.message }) };
}
