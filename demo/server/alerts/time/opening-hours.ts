import * as z from 'zod';
import { addDays, localDateOf, localToInstant, weekdayOf, type LocalDate } from './zoned.js';

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time such as "09:00" (or "24:00" for midnight at the end of the day)');

/**
 * A store's weekly opening hours in store time, as kept in `stores.opening_hours`:
 * `{ "mon": [["09:00", "20:00"]], "sat": [["10:00", "16:00"]], "sun": [] }`.
 * A missing or empty day is closed. An interval whose end is not after its start runs past
 * midnight (`["18:00", "02:00"]` closes at 02:00 the next day).
 */
export const OpeningHoursSchema = z.partialRecord(z.enum(DAY_KEYS), z.array(z.tuple([HHMM, HHMM])).max(8));
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

const DAY_MS = 86_400_000;
/** A weekly schedule that opens at all does so within 7 days; one more covers overnight spill. */
const HORIZON_DAYS = 8;

interface Interval {
  start: number;
  end: number;
}

/**
 * Answers "is the store open?" and "when does it next open or close?" for one store, in its own
 * time zone, DST included. `hours` null means always open (no boundaries at all).
 */
export interface StoreCalendar {
  readonly timeZone: string;
  isOpen(instant: number): boolean;
  /** `instant` itself when open, else the next opening within 8 days; undefined when it never opens. */
  nextOpening(instant: number): number | undefined;
  /** Every opening and closing instant in `(from, to]`, ascending. */
  boundaries(from: number, to: number): number[];
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function storeCalendar(timeZone: string, hours: OpeningHours | null): StoreCalendar {
  /** Open intervals overlapping [from, to], merged where one ends as the next starts (e.g. 24 h days). */
  function intervals(from: number, to: number): Interval[] {
    if (!hours) return [{ start: -Infinity, end: Infinity }];
    const raw: Interval[] = [];
    // Two days of margin: yesterday's overnight opening reaches into today, and truncated
    // intervals at the edges must lie outside [from, to] so they never look like boundaries.
    const first = addDays(localDateOf(from, timeZone), -2);
    const days = Math.ceil((to - from) / DAY_MS) + 5;
    for (let i = 0; i < days; i++) {
      const date: LocalDate = addDays(first, i);
      for (const [open, close] of hours[DAY_KEYS[weekdayOf(date)] ?? 'sun'] ?? []) {
        const start = minutes(open);
        let end = minutes(close);
        if (end <= start) end += 1440;
        raw.push({ start: localToInstant(date, start, timeZone), end: localToInstant(date, end, timeZone) });
      }
    }
    raw.sort((a, b) => a.start - b.start);
    const merged: Interval[] = [];
    for (const interval of raw) {
      const last = merged.at(-1);
      if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
      else if (interval.end > interval.start) merged.push({ ...interval });
    }
    return merged;
  }

  return {
    timeZone,
    isOpen(instant) {
      return intervals(instant, instant).some((i) => i.start <= instant && instant < i.end);
    },
    nextOpening(instant) {
      for (const i of intervals(instant, instant + HORIZON_DAYS * DAY_MS)) {
        if (i.start <= instant && instant < i.end) return instant;
        if (i.start > instant) return i.start;
      }
      return undefined;
    },
    boundaries(from, to) {
      const out: number[] = [];
      for (const i of intervals(from, to)) for (const b of [i.start, i.end]) if (b > from && b <= to) out.push(b);
      return out;
    },
  };
}
