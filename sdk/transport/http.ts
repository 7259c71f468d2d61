import ky, { isHTTPError } from 'ky';
import { MAX_BATCH_SIZE } from '../schema/submission.js';
import { sendBeacons } from './beacon.js';
import { aborted, classify } from './classify.js';
import { encode, type EncodedBody } from './encode.js';
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
/** setTimeout's limit; ky throws a RangeError above it. */
const MAX_TIMEOUT = 2_147_483_647;

const clamp = (value: number | undefined, min: number, max: number, fallback: number): number =>
  value === undefined || Number.isNaN(value) ? fallback : Math.min(max, Math.max(min, value));

/**
 * A destination that POSTs submissions as JSON (wire format v1). Given a collector's versioned
 * base URL (a path ending in `/v1`, like the widget's `endpoint`), it posts to `…/v1/submissions`;
 * any other URL, such as a webhook or a full `…/submissions` URL, is used as given.
 *
 * Every request carries an `Idempotency-Key`: the submission id, or for a batch a key derived from
 * its ids, so a resend of the same batch carries the same key. Transient failures are retried a
 * few times within the call (POST is not retried by ky unless asked; it is safe here because the
 * collector dedupes on the submission id); what is still failing comes back as `retry` for the
 * outbox, and 4xx other than 408/429 as `rejected`.
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
  const batchSize = batch === true ? MAX_BATCH_SIZE : batch === false ? 1 : Math.floor(clamp(batch, 1, MAX_BATCH_SIZE, 1));
  const timeout = clamp(options.timeout, 1, MAX_TIMEOUT, 10_000);
  const limit = Math.floor(clamp(retry.limit, 0, 100, 2));
  const backoffLimit = clamp(retry.backoffLimit, 0, MAX_TIMEOUT, 3000);
  const maxRetryAfter = clamp(retry.maxRetryAfter, 0, MAX_TIMEOUT, 10_000);

  const post = async ({ body, key: idempotencyKey }: EncodedBody, signal: AbortSignal): Promise<TransportResult> => {
    const headers = new Headers(options.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    headers.set('idempotency-key', idempotencyKey);
    if (key) headers.set('authorization', `Bearer ${key}`);
    try {
      await ky.post(url, {
        body,
        headers,
        signal,
        timeout,
        retry: {
          limit,
          methods: ['post'],
          // 413 is missing on purpose: ky retries it by default, but a body too large stays too large.
          statusCodes: [408, 429, 500, 502, 503, 504],
          afterStatusCodes: [429, 503],
          maxRetryAfter,
          backoffLimit,
          jitter: true,
          retryOnTimeout: true,
          shouldRetry: ({ error }) => {
            // Waiting out a backoff while offline or after an abort only delays the answer.
            if (signal.aborted || (typeof navigator !== 'undefined' && navigator.onLine === false)) return false;
            // ky 1.14 clamps a long Retry-After to maxRetryAfter and retries early, which the
            // server would refuse again; hand the full wait to the outbox instead.
            if (isHTTPError(error)) {
              const wait = parseRetryAfter(error.response.headers.get('retry-after'), Date.now());
              if (wait !== undefined && wait > maxRetryAfter) return false;
            }
            return undefined;
          },
        },
      });
      return SENT;
    } catch (error) {
      return classify(error, signal);
    }
  };

  return {
    target: url,
    batchSize,
    async send(submissions, signal) {
      // Parts go one after another and stop at the first failure: the outbox then resends the
      // whole batch, and the collector dedupes the parts that did arrive.
      for (const part of encode(submissions, batchSize)) {
        if (signal.aborted) return aborted();
        const result = await post(part, signal);
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
  const [base = '', query] = endpoint.split(/(?=[?#])/, 2);
  return /\/v\d+\/?$/.test(base) ? `${base.replace(/\/$/, '')}/submissions${query ?? ''}` : endpoint;
}
