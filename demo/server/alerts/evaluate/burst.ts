/**
 * The burst window rule, as a pure function over one store's matching submissions.
 *
 * Walking the submissions in time order, an alert fires at the first submission that makes
 * `count` not-yet-alerted submissions fall within a window `[first, first + windowMs)` that
 * crosses no opening or closing of the store. The window then stays "spent" until
 * `first + windowMs` (or the store's next opening/closing, if sooner): submissions inside it
 * raise nothing more, and counting starts afresh after it. Windows that already fired (from the
 * database) are spent too, which keeps re-evaluation with late submissions from alerting twice.
 */

export interface BurstItem {
  id: string;
  /** Epoch milliseconds (the submission's `createdAt`). */
  at: number;
}

export interface TimeWindow {
  start: number;
  end: number;
}

export interface BurstWindow<T extends BurstItem> extends TimeWindow {
  /** The `count` submissions that made the window fire, oldest first. */
  members: T[];
}

export interface BurstOptions {
  count: number;
  windowMs: number;
  /** The store's first opening or closing strictly after an instant; `Infinity` when none. */
  nextBoundary: (instant: number) => number;
  /** Windows that already raised an alert. */
  fired: readonly TimeWindow[];
}

/** `items` must be sorted by `at` (then id, so that ties order the same on every instance). */
export function findBursts<T extends BurstItem>(items: readonly T[], options: BurstOptions): BurstWindow<T>[] {
  const { count, windowMs, nextBoundary } = options;
  const spent: TimeWindow[] = [...options.fired];
  const isSpent = (t: number) => spent.some((w) => w.start <= t && t < w.end);
  const out: BurstWindow<T>[] = [];
  let open: T[] = [];
  for (const item of items) {
    if (isSpent(item.at)) continue;
    open.push(item);
    // Keep only submissions less than windowMs older than this one and in the same open (or
    // closed) stretch: no boundary b with first < b <= item.
    while (open.length > 0) {
      const first = open[0] as T;
      if (item.at - first.at < windowMs && nextBoundary(first.at) > item.at) break;
      open.shift();
    }
    if (open.length >= count) {
      const start = (open[0] as T).at;
      const window = { start, end: Math.min(start + windowMs, nextBoundary(start)), members: open.slice(0, count) };
      out.push(window);
      spent.push(window);
      open = [];
    }
  }
  return out;
}
