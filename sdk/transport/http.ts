import { deadline } from '../internal/deadline.js';
import { isOffline } from '../internal/env.js';
import { MAX_BATCH_SIZE } from '../schema/submission.js';
import { sendBeacons } from './beacon.js';
import { encode, type EncodedBody } from './encode.js';
import { ABORTED, classifyError, classifyResponse } from './classify.js';
import { backoffDelay } from './retry-policy.js';
import type { Transport, TransportResult } from './types.js';

/** Options of {@link http}. Out-of-range numbers are clamped, not rejected. */
export interface HttpOptions {
  /**
   * The brand's public write key, sent as `Authorization: Bearer <key>` (beacons, which cannot set
   * headers, send it as `?key=`).
   * @default undefined (no auth)
   */
  key?: string;
  /**
   * Extra request headers (not sent with beacons). `Content-Type` may be overridden;
   * `Idempotency-Key` and `Authorization` (when `key` is set) are always the transport's.
   * @default {}
   */
  headers?: Record<string, string>;
  /**
   * Send several submissions per request as `{ "submissions": [...] }`: `true` for up to 100
   * (`MAX_BATCH_SIZE`), a number for at most that many (1 to 100). Requests also stay under 64 KB.
   * @default false (one submission per request)
   */
  batch?: boolean | number;
  /**
   * Milliseconds to wait for a response, per attempt.
   * @default 10000
   */
  timeout?: number;
  retry?: {
    /**
     * Retries within one `send` (for 408, 429, 500, 502, 503, 504, timeouts and network errors),
     * with exponential backoff and full jitter. Later retries are the outbox's job.
     * @default 2
     */
    limit?: number;
    /**
     * The longest backoff between in-request retries, in milliseconds.
     * @default 3000
     */
    backoffLimit?: number;
    /**
     * The longest `Retry-After` (429, 503) waited for within `send`. A longer one ends the attempt
     * and is handed to the outbox as `retryAfterMs`, so no request is held open for minutes.
     * @default 10000
     */
    maxRetryAfter?: number;
  };
  /**
   * Offer `beacon()`, used to send pending submissions with `navigator.sendBeacon` on `pagehide`.
   * @default true
   */
  beacon?: boolean;
}

const SENT: TransportResult = { status: 'sent' };
/** setTimeout's limit: a longer delay would fire at once. */
const MAX_TIMEOUT = 2_147_483_647;

/** `value` within min..max; unset or NaN gives `fallback` (the global isNaN(undefined) is true). */
const clamp = (value: number | undefined, min: number, max: number, fallback: number): number =>
  isNaN(value as number) ? fallback : Math.min(max, Math.max(min, value!));

/**
 * A destination that POSTs submissions as JSON (wire format v1). Given a collector's versioned
 * base URL (a path ending in `/v1`, like the widget's `endpoint`), it posts to `…/v1/submissions`;
 * any other URL, such as a webhook or a full `…/submissions` URL, is used as given.
 *
 * Every request carries an `Idempotency-Key`: the submission id, or for a batch a key derived from
 * its ids, so a resend of the same batch carries the same key. Transient failures (network,
 * timeout, 408, 429, 5xx) are retried a few times within the call, with jittered backoff and the
 * server's `Retry-After`; retrying a POST is safe because the collector dedupes on the submission
 * id. What still fails comes back as `retry` for the outbox, and other 4xx as `rejected`.
 *
 * Built on `fetch` rather than ky: the outbox already owns backoff, `Retry-After` and attempt
 * counts across page loads, so ky's retry engine would be ~4.5 KB gzip of duplicated logic in a
 * bundle with a 16 KB budget (see docs/architecture.md).
 * @param endpoint a collector base URL (`https://feedback.example.com/v1`) or a full URL
 * @example
 * const client = createClient({
 *   destinations: {
 *     main: http('https://feedback.example.com/v1', { key: 'pk_demo', batch: true }), // → /v1/submissions
 *     alerts: http('https://hooks.example.com/x'), // as given
 *   },
 * });
 */
export function http(endpoint: string, options: HttpOptions = {}): Transport {
  // DESIGN.md uses both forms: the collector's base (shared with /v1/surveys) and webhook URLs.
  const url = collectorSubmissionsUrl(endpoint);
  const { key, batch = false, retry = {} } = options;
  // `false` counts as 0, which is clamped to 1: one submission per request.
  const batchSize = batch === true ? MAX_BATCH_SIZE : Math.floor(clamp(Number(batch), 1, MAX_BATCH_SIZE, 1));
  const timeout = clamp(options.timeout, 1, MAX_TIMEOUT, 10_000);
  const limit = Math.floor(clamp(retry.limit, 0, 100, 2));
  const backoffLimit = clamp(retry.backoffLimit, 0, MAX_TIMEOUT, 3000);
  const maxRetryAfter = clamp(retry.maxRetryAfter, 0, MAX_TIMEOUT, 10_000);

  /** One request, with its own timeout, linked to the caller's signal. */
  const attempt = async (body: string, headers: Headers, signal: AbortSignal): Promise<TransportResult> => {
    if (signal.aborted) return ABORTED;
    const limit = deadline(timeout, signal);
    try {
      return await classifyResponse(await fetch(url, { method: 'POST', body, headers, signal: limit.signal, credentials: 'omit' }));
    } catch (error) {
      // Unless the caller aborted (classifyError checks that first), only the timeout aborts `limit`.
      return classifyError(error, signal, limit.signal.aborted);
    } finally {
      limit.clear();
    }
  };

  /**
   * A few quick retries within the call, for blips; anything longer is the outbox's job, which
   * keeps the attempt count and the backoff across flushes and page loads.
   */
  const post = async ({ body, key: idempotencyKey }: EncodedBody, signal: AbortSignal): Promise<TransportResult> => {
    const headers = new Headers(options.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    headers.set('idempotency-key', idempotencyKey);
    if (key) headers.set('authorization', `Bearer ${key}`);
    for (let retries = 0; ; retries++) {
      const result = await attempt(body, headers, signal);
      // Waiting out a backoff while offline or after an abort only delays the answer.
      if (result.status !== 'retry' || retries >= limit || signal.aborted || isOffline()) return result;
      // Retried within the call: 408, 429, 500, 502, 503 and 504 (as ky and most HTTP clients do).
      // Odd 5xx (501 Not Implemented, 507…) will not heal in a second: leave them to the outbox.
      const { httpStatus = 0 } = result;
      if (httpStatus === 501 || httpStatus > 504) return result;
      const wait = result.retryAfterMs ?? backoffDelay(retries + 1, { baseDelayMs: 300, maxDelayMs: backoffLimit });
      // A long Retry-After is handed to the outbox rather than holding the request open.
      if (wait > maxRetryAfter) return result;
      await sleep(wait, signal);
    }
  };

  return {
    target: url,
    batchSize,
    async send(submissions, signal) {
      // Parts go one after another and stop at the first failure: the outbox then resends the
      // whole batch, and the collector dedupes the parts that did arrive.
      for (const part of encode(submissions, batchSize)) {
        const result = await post(part, signal); // aborted: answers at once, without a request
        if (result.status !== 'sent') return result;
      }
      return SENT;
    },
    ...(options.beacon !== false && {
      beacon: (submissions) => sendBeacons(url, encode(submissions, batchSize), key),
    }),
  };
}

/**
 * `…/v1` (a collector's versioned base URL) → `…/v1/submissions`; any other URL is used as given.
 * Only the path decides: a query string that happens to contain "/v1" does not.
 */
function collectorSubmissionsUrl(endpoint: string): string {
  // The path (everything before the first "?" or "#") ends in /v<digits>, with or without a
  // slash: `/submissions` goes in its place; the query and fragment stay as they are.
  return endpoint.replace(/^([^?#]*\/v\d+)\/?(?=[?#]|$)/, '$1/submissions');
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  // A deadline is exactly that: a signal that aborts after `ms` or with `signal`, whichever comes first.
  const wait = deadline(ms, signal);
  return new Promise((resolve) =>
    wait.signal.addEventListener('abort', () => {
      wait.clear();
      resolve();
    }),
  );
}
