import type { Submission } from './schema/submission.js';
import type { RetryReason } from './transport/types.js';

/**
 * Why a submission left the outbox (or never entered it) without reaching a destination.
 * - `rejected`: the destination refused it for good (a 4xx other than 408/429); see `message`. Also
 *   a submission the script tag held while its delivery code loaded that proved invalid once it did.
 * - `queue_full`: the outbox hit `maxItems` or `maxBytes`; the new submission was not queued.
 * - `expired`: it stayed undelivered longer than `outbox.maxAgeMs`.
 * - `before_send`: the host's `beforeSend` returned `null`.
 */
export type DropReason = 'rejected' | 'queue_full' | 'expired' | 'before_send';

/** The delivery of one submission to one destination: acknowledged, still owed, or given up. */
export type DeliveryStatus = 'sent' | 'queued' | 'failed';

export interface QueuedEvent {
  readonly id: string;
  readonly submission: Submission;
  readonly destinations: readonly string[];
  /** Stored in IndexedDB (survives a reload) rather than in memory only. */
  readonly durable: boolean;
}
export interface SentEvent {
  readonly id: string;
  readonly destination: string;
  readonly submission: Submission;
}
export interface RetryEvent {
  readonly id: string;
  readonly destination: string;
  /** Failed attempts so far, this one included. */
  readonly attempt: number;
  /** When the next attempt is due, from now. */
  readonly delayMs: number;
  readonly reason: RetryReason;
  readonly httpStatus?: number;
  readonly message?: string;
}
export interface FailedEvent {
  readonly id: string;
  /** Absent when no destination was tried (queue full). */
  readonly destination?: string;
  readonly reason: Exclude<DropReason, 'before_send'>;
  readonly httpStatus?: number;
  readonly message?: string;
}
export interface DroppedEvent {
  readonly id: string;
  readonly destination?: string;
  readonly reason: DropReason;
  readonly httpStatus?: number;
  readonly message?: string;
  readonly submission: Submission;
}

/**
 * Events of a client. `queued`/`sent`/`failed` answer "did my feedback arrive?";
 * `dropped` answers "was anything lost, and why?" (every loss path emits it); `retry` shows progress.
 */
export interface ClientEventMap {
  queued: QueuedEvent;
  sent: SentEvent;
  retry: RetryEvent;
  failed: FailedEvent;
  dropped: DroppedEvent;
}
export type ClientEventName = keyof ClientEventMap;
