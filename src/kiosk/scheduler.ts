/**
 * Timers and a monotonic clock for the kiosk's controllers. One indirection so tests can drive the
 * customer loop (idle timeout, reset delay, heartbeat, rate limit) with a fake clock instead of
 * waiting in real time.
 */
export interface Scheduler {
  /** Milliseconds on a monotonic clock: wall-clock jumps (NTP, a manager fixing the date) must not open or close a rate-limit window. */
  now(): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number | undefined): void;
}

const real: Scheduler = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle),
};

let current = real;

/** The scheduler kiosk controllers created from now on use. */
export const scheduler = (): Scheduler => current;

/**
 * Replaces the scheduler (tests); call without an argument to restore the real one.
 * @internal
 */
export function useScheduler(fake?: Scheduler): void {
  current = fake ?? real;
}

/** One pending timeout that re-arming replaces: the common shape of every kiosk timer. */
export class Timer {
  private handle: number | undefined;

  constructor(private readonly clock: Scheduler) {}

  get armed(): boolean {
    return this.handle !== undefined;
  }

  set(ms: number, callback: () => void): void {
    this.clear();
    this.handle = this.clock.setTimeout(() => {
      this.handle = undefined;
      callback();
    }, ms);
  }

  clear(): void {
    this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }
}
