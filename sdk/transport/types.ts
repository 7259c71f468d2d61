import type { Submission } from '../schema/submission.js';

/** Why an attempt failed but is worth repeating later. */
export type RetryReason = 'network' | 'timeout' | 'server' | 'rate_limited' | 'error';

/**
 * What a destination made of one batch.
 * - `sent`: acknowledged (2xx); the submissions leave the outbox for this destination.
 * - `retry`: not delivered this time; kept and tried again later (after `retryAfterMs` when given).
 * - `rejected`: refused for good (a 4xx other than 408/429); never retried, reported as `dropped`.
 */
export type TransportResult =
  | { readonly status: 'sent' }
  | {
      readonly status: 'retry';
      readonly reason: RetryReason;
      readonly httpStatus?: number;
      readonly retryAfterMs?: number;
      readonly message?: string;
    }
  | { readonly status: 'rejected'; readonly httpStatus?: number; readonly message: string };

/**
 * Sends a batch to a backend. A transport may throw: that counts as `{ status: 'retry', reason: 'error' }`.
 * It must honour `signal` (the client aborts in-flight sends on `destroy()`).
 * @example
 * const toSlack: TransportFn = async ([submission], signal) => {
 *   const res = await fetch(hook, { method: 'POST', body: JSON.stringify(toMessage(submission)), signal });
 *   return res.ok ? { status: 'sent' } : { status: 'retry', reason: 'server', httpStatus: res.status };
 * };
 */
export type TransportFn = (batch: readonly Submission[], signal: AbortSignal) => Promise<TransportResult>;

/** A transport with capabilities beyond sending one batch. */
export interface Transport {
  readonly send: TransportFn;
  /**
   * How many submissions one `send` call may carry.
   * @default 1 for a plain function (most webhooks take one event), 100 for `http()` with `batch: true`
   */
  readonly batchSize?: number;
  /**
   * Fire-and-forget delivery while the page unloads (`navigator.sendBeacon`). Returns whether the
   * browser accepted the data for sending; it does not mean the server received it.
   */
  readonly beacon?: (batch: readonly Submission[]) => boolean;
  /**
   * Where this transport delivers (for `http()`, its URL). Clients whose destinations differ get
   * different default outboxes, so a queued submission never goes to another client's backend.
   */
  readonly target?: string;
}

/** Where submissions go: a transport function, or a transport object such as `http(url)` returns. */
export type Destination = TransportFn | Transport;
