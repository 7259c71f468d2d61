import type { Hooks, KyInstance } from 'ky';
import { isHTTPError } from 'ky';
import { isOffline } from '../internal/env.js';
import { MAX_BATCH_SIZE } from '../limits.js';
import { sendBeacons } from './beacon.js';
import { ABORTED, classify } from './classify.js';
import { encode, type EncodedBody } from './encode.js';
import { equalJitter, request } from './request.js';
import { parseRetryAfter } from './retry-after.js';
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
   * Milliseconds to wait for a response, per attempt (ky's `timeout`).
   * @default 10000
   */
  timeout?: number;
  retry?: {
    /**
     * Retries within one `send` (ky's `retry.limit`), for 408, 429, 500, 502, 503, 504, timeouts
     * and network errors, with exponential backoff from 300 ms and equal jitter. Later retries are
     * the outbox's job.
     * @default 2
     */
    limit?: number;
    /**
     * The longest backoff between in-request retries, in milliseconds (ky's `retry.backoffLimit`).
     * @default 3000
     */
    backoffLimit?: number;
    /**
     * The longest `Retry-After` waited for within `send`. A longer one ends the call at once and is
     * handed to the outbox as `retryAfterMs`, so no request is held open for minutes.
     * @default 10000
     */
    maxRetryAfter?: number;
  };
  /**
   * [ky hooks](https://github.com/sindresorhus/ky/tree/v1.14.3#hooks), added to those of the ky
   * instance. `beforeRequest` runs before every attempt, retries included, so it is the place for a
   * fresh auth header; a hook may change any header, `Authorization` included. `beforeRetry`
   * runs before each in-request retry, `afterResponse` after each answer.
   * @default undefined
   * @example
   * http(url, { hooks: { beforeRequest: [(request) => request.headers.set('authorization', `Bearer ${token()}`)] } })
   */
  hooks?: Hooks;
  /**
   * Your own ky instance (`ky.create(…)`), for its defaults: a custom `fetch`, hooks, headers,
   * `credentials`. Per request, `http()` still sets the method, body, `Idempotency-Key`,
   * `Content-Type`, `Authorization` (with `key`), `timeout`, `retry` and the abort signal.
   * @default the SDK's own (no cookies; see `sdk/transport/request.ts`)
   */
  ky?: KyInstance;
  /**
   * Offer `beacon()`, used to send pending submissions with `navigator.sendBeacon` on `pagehide`.
   * @default true
   */
  beacon?: boolean;
}

/** setTimeout's limit: a longer delay would fire at once (ky refuses it). */
const MAX_TIMEOUT = 2_147_483_647;
/**
 * Retried within the call (ky's defaults without 413: our collector's 413 means "too large", which
 * no retry heals). Odd 5xx (501 Not Implemented, 507…) will not heal in a second: left to the outbox.
 */
const RETRIED = [408, 429, 500, 502, 503, 504];

/** `value` within min..max; unset or NaN gives `fallback` (the global isNaN(undefined) is true). */
const clamp = (value: number | undefined, min: number, max: number, fallback: number): number =>
  isNaN(value as number) ? fallback : Math.min(max, Math.max(min, value!));

/**
 * A destination that POSTs submissions as JSON (wire format v1) with [ky](https://github.com/sindresorhus/ky).
 * Given a collector's versioned base URL (a path ending in `/v1`, like the widget's `endpoint`),
 * it posts to `…/v1/submissions`; any other URL, such as a webhook or a full `…/submissions` URL,
 * is used as given.
 *
 * Every request carries an `Idempotency-Key`: the submission id, or for a batch a key derived from
 * its ids, so a resend of the same batch carries the same key. ky retries transient failures
 * (network, timeout, 408, 429, 5xx) a few times within the call, with jittered backoff and the
 * server's `Retry-After`; retrying a POST (which ky does not by default) is safe because the
 * collector dedupes on the submission id. What still fails comes back as `retry` for the outbox,
 * which keeps retrying across flushes and page loads, and other 4xx as `rejected`.
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
  const { key, batch = false, retry = {}, hooks, ky = request } = options;
  // `false` counts as 0, which is clamped to 1: one submission per request.
  const batchSize = batch === true ? MAX_BATCH_SIZE : Math.floor(clamp(Number(batch), 1, MAX_BATCH_SIZE, 1));
  const timeout = clamp(options.timeout, 1, MAX_TIMEOUT, 10_000);
  const maxRetryAfter = clamp(retry.maxRetryAfter, 0, MAX_TIMEOUT, 10_000);
  const retryOptions = {
    limit: Math.floor(clamp(retry.limit, 0, 100, 2)),
    methods: ['post'],
    statusCodes: RETRIED,
    // A Retry-After is honoured on every retried status, as the outbox does.
    afterStatusCodes: RETRIED,
    backoffLimit: clamp(retry.backoffLimit, 0, MAX_TIMEOUT, 3000),
    jitter: equalJitter,
    retryOnTimeout: true,
    shouldRetry({ error }: { error: Error }) {
      // Waiting out a backoff while offline only delays the outbox, which waits for `online` instead.
      if (isOffline()) return false;
      // A long Retry-After is handed to the outbox rather than holding the request open.
      const wait = isHTTPError(error) ? parseRetryAfter(error.response.headers.get('retry-after'), Date.now()) : undefined;
      return wait !== undefined && wait > maxRetryAfter ? false : undefined;
    },
  };

  const post = async ({ body, key: idempotencyKey }: EncodedBody, signal: AbortSignal): Promise<TransportResult> => {
    if (signal.aborted) return ABORTED;
    const headers = new Headers(options.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    headers.set('idempotency-key', idempotencyKey);
    if (key) headers.set('authorization', `Bearer ${key}`);
    try {
      await ky.post(url, { body, headers, signal, timeout, retry: retryOptions, ...(hooks && { hooks }) });
      return { status: 'sent' };
    } catch (error) {
      return await classify(error, signal);
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
      return { status: 'sent' };
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
