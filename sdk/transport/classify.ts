import { isHTTPError, isTimeoutError } from 'ky';
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
 * page: fetch rejects with a `TypeError`), or something else. Only a refusal is final; everything
 * else is worth trying again.
 * @param signal the caller's signal: once it aborted, the outcome is `aborted` whatever the error
 * @example
 * try { await request.post(url, options) } catch (error) { return classify(error, signal) }
 */
export async function classify(error: unknown, signal: AbortSignal, now: number = Date.now()): Promise<TransportResult> {
  if (signal.aborted) return ABORTED;
  if (isHTTPError(error)) return classifyResponse(error.response, now);
  if (isTimeoutError(error)) return { status: 'retry', reason: 'timeout', message: 'request timed out' };
  if (error instanceof TypeError) return { status: 'retry', reason: 'network', message: error.message };
  return { status: 'retry', reason: 'error', message: error instanceof Error ? error.message : String(error) };
}

async function classifyResponse(response: Response, now: number): Promise<TransportResult> {
  const { status, headers } = response;
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
  return { status: 'rejected', httpStatus: status, message: await refusal(response) };
}

/** The server's own words for a refusal: its `error` or `message` field, else the body text, else the status. */
async function refusal(response: Response): Promise<string> {
  let text = '';
  try {
    text = (await response.text()).trim();
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object') {
      const { error, message } = json as { error?: unknown; message?: unknown };
      const said = typeof error === 'string' ? error : typeof message === 'string' ? message : undefined;
      if (said) return said.slice(0, MAX_MESSAGE);
    }
  } catch {
    // Not JSON (or an unreadable body): fall back to the text, if any.
  }
  return text ? text.slice(0, MAX_MESSAGE) : `HTTP ${response.status}`;
}
