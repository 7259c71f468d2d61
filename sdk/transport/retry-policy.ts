/**
 * How long to wait before attempt `attempt + 1` of a delivery: exponential backoff with "equal
 * jitter" (half the exponential bound, plus a random part of the other half), so hundreds of
 * kiosks coming back online at once do not hit the collector in lockstep, yet no retry follows
 * a failure almost at once (as full jitter allows). A server's `Retry-After` is a floor.
 * Pure: takes `random` so tests need no real randomness.
 * @example backoffDelay(3, { baseDelayMs: 1000, maxDelayMs: 300_000 }) // somewhere in 2000..4000 ms
 */
export function backoffDelay(
  attempt: number,
  policy: { readonly baseDelayMs: number; readonly maxDelayMs: number },
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(bound / 2 + (random() * bound) / 2);
  return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}
