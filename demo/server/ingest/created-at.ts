import type { Config } from '../config.js';

/** Where a submission's `createdAt` falls against the collector's clock, and what is stored. */
export interface Timing {
  /** The instant stored as `created_at` (the claim, or the receive time for a clock ahead). */
  createdAt: Date;
  /** `late` (older than the window), `clock_ahead` (beyond the future bound), or none. */
  flags: string[];
}

/**
 * Places a device's `createdAt` claim in the accepted window [now − CREATED_AT_MAX_AGE_DAYS,
 * now + CREATED_AT_MAX_AHEAD_MINUTES]. Nothing is refused — the SDK drops a submission on a 4xx,
 * and a kiosk with a wrong clock must not lose its feedback:
 * - older: kept as claimed, flagged `late` (no alert pages anyone for it);
 * - further ahead: stored at the receive time, flagged `clock_ahead` (the claim stays in `body`),
 *   so a year-9999 timestamp cannot sit on top of every "latest" list and trend.
 */
export function placeInTime(claimed: string, now: Date, config: Pick<Config, 'CREATED_AT_MAX_AGE_DAYS' | 'CREATED_AT_MAX_AHEAD_MINUTES'>): Timing {
  const createdAt = new Date(claimed);
  if (createdAt.getTime() > now.getTime() + config.CREATED_AT_MAX_AHEAD_MINUTES * 60_000) return { createdAt: now, flags: ['clock_ahead'] };
  if (createdAt.getTime() < now.getTime() - config.CREATED_AT_MAX_AGE_DAYS * 86_400_000) return { createdAt, flags: ['late'] };
  return { createdAt, flags: [] };
}
