import { loadDelivery } from '../delivery/load-script.js';

/** One attempt's time limit, as in survey-fetch.ts. */
const ATTEMPT_MS = 8000;

/**
 * Used instead of survey-fetch.ts in dist/storevoice.iife.js (see rollup.config.mjs). The SDK's HTTP
 * layer (ky, 4.5 KB gzip) arrives with the delivery code, after the first question is on screen,
 * so the first attempt is the platform's `fetch`, with the same 8 s limit. What survey-fetch.ts
 * retries (a network error, the timeout, a 5xx) is retried once through ky, as there, if
 * delivery.js is in within one attempt's time; a 4xx is final.
 */
export async function fetchSurvey(url: string): Promise<unknown> {
  let response: Response | undefined;
  try {
    response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(ATTEMPT_MS) });
  } catch {
    // A network error or the timeout: retried below.
  }
  if (response?.ok) return response.json();
  const failure = new Error(`${response ? `Request failed with status code ${response.status}` : 'Network error or timeout'}: GET ${url}`);
  if (response && response.status < 500) throw failure;
  const delivery = await Promise.race([loadDelivery(), new Promise<undefined>((resolve) => setTimeout(resolve, ATTEMPT_MS))]);
  if (!delivery) throw failure;
  return delivery.request.get(url, { timeout: ATTEMPT_MS, retry: { limit: 0 } }).json();
}
