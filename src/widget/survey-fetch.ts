import { request } from '../../sdk/transport/request.js';

/**
 * GET a survey definition through the SDK's HTTP layer (ky): 8 s per attempt, one retry on a
 * network error, a timeout or a 5xx. The script-tag build swaps this module for
 * `survey-fetch-script.ts` (rollup.config.mjs).
 */
export const fetchSurvey = (url: string): Promise<unknown> => request.get(url, { timeout: 8000, retry: { limit: 1, retryOnTimeout: true } }).json();
