import type { Tags } from '../../sdk/index.js';

/**
 * Rate limiting of a kiosk's submissions: pure functions of a state and `now`, so tests need no clock.
 *
 * The design (docs/kiosk.md, "Rate limiting"): at most one submission per `minInterval` ms. A
 * survey completed inside the window is not sent; it is counted, and so are taps that land while
 * the kiosk is sending or thanking (they hit nothing). The next submission that is let through
 * carries both counts as tags, `suppressedSubmissions` and `suppressedTaps`, so a child mashing
 * the screen yields one submission that says it was mashed, not a hundred, and nothing vanishes
 * without a trace.
 */
export interface RateLimitState {
  /** When the last submission was let through (the scheduler's clock), if ever. */
  readonly lastAt: number | undefined;
  readonly suppressedSubmissions: number;
  readonly suppressedTaps: number;
}

export const initialRateLimit: RateLimitState = { lastAt: undefined, suppressedSubmissions: 0, suppressedTaps: 0 };

export interface RateLimitDecision {
  readonly admitted: boolean;
  /** Tags for the admitted submission (only counts above zero); empty when not admitted. */
  readonly tags: Tags;
  readonly state: RateLimitState;
}

/**
 * Decides whether a submission at `now` may go out.
 * @example decide(initialRateLimit, 1000, 3000).admitted // true
 */
export function decide(state: RateLimitState, now: number, minInterval: number): RateLimitDecision {
  // A clock that went backwards (a monotonic clock cannot, but a restored state might) opens the window.
  const inWindow = state.lastAt !== undefined && now >= state.lastAt && now - state.lastAt < minInterval;
  if (inWindow) return { admitted: false, tags: {}, state: { ...state, suppressedSubmissions: state.suppressedSubmissions + 1 } };
  return { admitted: true, tags: countTags(state), state: { lastAt: now, suppressedSubmissions: 0, suppressedTaps: 0 } };
}

/**
 * Like {@link decide}, but always admits: for a request that must never be held back (a customer
 * asking for a manager). It still opens a new window and carries the counts.
 */
export function force(state: RateLimitState, now: number): RateLimitDecision {
  return { admitted: true, tags: countTags(state), state: { lastAt: now, suppressedSubmissions: 0, suppressedTaps: 0 } };
}

/** Counts a tap that was ignored (on the thank-you screen, while sending). */
export function countTap(state: RateLimitState): RateLimitState {
  return { ...state, suppressedTaps: state.suppressedTaps + 1 };
}

function countTags(state: RateLimitState): Tags {
  return {
    ...(state.suppressedSubmissions > 0 && { suppressedSubmissions: state.suppressedSubmissions }),
    ...(state.suppressedTaps > 0 && { suppressedTaps: state.suppressedTaps }),
  };
}
