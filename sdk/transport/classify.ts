import { isHTTPError, isNetworkError, isTimeoutError, type HTTPError } from 'ky';
import { parseRetryAfter } from './retry-after.js';
import type { TransportResult } from './types.js';

/** Error bodies can be whole HTML pages; the message is for logs and `dropped` events. */
const MAX_MESSAGE = 500;

/** The result of a send cut short by its signal: the submission is still wanted, so never 'rejected'. */
export const ABORTED: TransportResult = { status: 'retry', reason: 'error', message: 'aborted' };

/** 408, 429 and 5xx are worth repeating (after the server's Retry-After, when it gives one); other 4xx never will be. */
export const isTransient = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * What a failed request means for the outbox: a status the collector answered (ky's `HTTPError`), a
 * timeout, a network failure (offline, DNS, reset, CORS or an ad blocker all look the same to a
 * page), or something else. Only a refusal is final; everything else is worth trying again.
 * @param signal the caller's signal: once it aborted, the outcome is `aborted` whatever the error
 * @example
 * try { await request.post(url, options) } catch (error) { return classify(error, signal) }
 */
export function classify(error: unknown, signal: AbortSignal, now: number = Date.now()): TransportResult {
  if (signal.aborted) return ABORTED;
  if (isHTTPError(error)) return classifyStatus(error, now);
  if (isTimeoutError(error)) return { status: 'retry', reason: 'timeout', message: 'request timed out' };
  // ky wraps the TypeError fetch rejects with for every network failure; one it does not
  // recognise (another browser's wording) reaches us unwrapped.
  if (isNetworkError(error)) return { status: 'retry', reason: 'network', message: messageOf(error.cause ?? error) };
  if (error instanceof TypeError) return { status: 'retry', reason: 'network', message: error.message };
  return { status: 'retry', reason: 'error', message: messageOf(error) };
}

function classifyStatus({ response: { status, headers }, data }: HTTPError, now: number): TransportResult {
  if (isTransient(status)) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
    return {
      status: 'retry',
      reason: status === 429 ? 'rate_limited' : 'server',
      httpStatus: status,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
      message: `HTTP ${status}`,
    };
  }
  return { status: 'rejected', httpStatus: status, message: refusal(data) ?? `HTTP ${status}` };
}

/**
 * The server's own words for a refusal: its `error` or `message` field, else the body text. ky has
 * read the body into `data`: parsed when the response said it is JSON, else as text (which may
 * still be JSON).
 */
function refusal(data: unknown): string | undefined {
  let body = data;
  if (typeof data === 'string') {
    try {
      body = JSON.parse(data);
    } catch {
      // Plain text: it is the message.
    }
  }
  if (body && typeof body === 'object') {
    const { error, message } = body as { error?: unknown; message?: unknown };
    const said = typeof error === 'string' ? error : typeof message === 'string' ? message : undefined;
    if (said) return said.slice(0, MAX_MESSAGE);
  }
  const text = (typeof data === 'string' ? data : data === undefined ? '' : JSON.stringify(data)).trim();
  return text ? text.slice(0, MAX_MESSAGE) : undefined;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
