import { isHTTPError, isTimeoutError } from 'ky';
import { parseRetryAfter } from './retry-after.js';
import type { TransportResult } from './types.js';

/** Error bodies can be whole HTML pages; the message is for logs and `dropped` events. */
const MAX_MESSAGE = 500;

/** The result of a send cut short by its signal. */
export const aborted = (): TransportResult => ({ status: 'retry', reason: 'error', message: 'aborted' });

/**
 * What a failed ky request means for the outbox. 408, 429 and 5xx are worth repeating (with the
 * server's Retry-After); other 4xx never will be; timeouts and network errors are transient.
 * @example
 * try { await ky.post(url, options) } catch (error) { return classify(error, signal) }
 */
export async function classify(error: unknown, signal: AbortSignal, now: number = Date.now()): Promise<TransportResult> {
  // The client aborts on destroy(): the submission is still wanted, so never 'rejected'.
  if (signal.aborted) return aborted();
  if (isHTTPError(error)) {
    const { status, headers } = error.response;
    if (status === 408 || status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
      return {
        status: 'retry',
        reason: status === 429 ? 'rate_limited' : 'server',
        httpStatus: status,
        ...(retryAfterMs !== undefined && { retryAfterMs }),
        message: `HTTP ${status}`,
      };
    }
    return { status: 'rejected', httpStatus: status, message: await messageOf(error.response) };
  }
  if (isTimeoutError(error)) return { status: 'retry', reason: 'timeout', message: error.message };
  // fetch rejects with a TypeError for every network failure (offline, DNS, reset, CORS).
  if (error instanceof TypeError) return { status: 'retry', reason: 'network', message: error.message };
  return { status: 'retry', reason: 'error', message: error instanceof Error ? error.message : String(error) };
}

/** The server's own words for a refusal: its `error` or `message` field, else the body text. */
async function messageOf(response: Response): Promise<string> {
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
