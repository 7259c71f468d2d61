/**
 * When to retry a webhook, as pure functions of the attempt number, a random source and `now`
 * (no clock inside, so tests need none).
 */

/** First retry delay; each next one is 4× longer: 30 s, 2 min, 8 min, 32 min, 2 h 8 min, then the cap. */
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 6 * 3_600_000;
/** A `Retry-After` is honoured up to this; beyond it, the receiver is treated as if it had said this. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Delay before attempt `attempt + 1` after `attempt` failed (1-based), with ±20 % jitter so that
 * many alerts failing together (a receiver outage) do not come back in one wave.
 * @param random a number in [0, 1); 0.5 gives the nominal delay
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const nominal = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 4 ** Math.max(0, attempt - 1));
  return Math.round(nominal * (0.8 + 0.4 * random()));
}

/** A `Retry-After` header (delta-seconds or an HTTP date) in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now.getTime();
  if (Number.isNaN(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
