import { addDays, localDateOf, localToInstant, weekdayOf, type LocalDate } from '../alerts/time/zoned.js';
import type { PulseSettings, Weekday } from '../settings/schema.js';

/** Where "now" stands in a store's pulse schedule: what the pulse page says. */
export interface PulseWindow {
  /** The current period, e.g. `2026-W49` (ISO week) or `2026-12` (month): one answer per phone per period. */
  period: string;
  /** Whether today (in the store's time zone) is a pulse day. */
  open: boolean;
  /** While open: when today's window closes (the end of the last open day in a row). */
  closesAt: string | null;
  /** While closed: when the pulse next opens. While open: when the next period's pulse opens. */
  nextOpensAt: string;
  /** The period `nextOpensAt` belongs to. */
  nextPeriod: string;
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO week of a date (weeks start on Monday; week 1 holds the year's first Thursday). */
function isoWeek(date: LocalDate): string {
  const thursday = addDays(date, 3 - ((weekdayOf(date) + 6) % 7));
  const jan4 = { year: thursday.year, month: 1, day: 4 };
  const firstThursday = addDays(jan4, 3 - ((weekdayOf(jan4) + 6) % 7));
  const week = 1 + Math.round((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - Date.UTC(firstThursday.year, firstThursday.month - 1, firstThursday.day)) / (7 * 86_400_000));
  return `${thursday.year}-W${pad(week)}`;
}

/** The period a local date falls in. */
export const periodOf = (date: LocalDate, every: PulseSettings['every']): string => (every === 'week' ? isoWeek(date) : `${date.year}-${pad(date.month)}`);

/**
 * The pulse window at `now` for a store in `timeZone`. Pure (the clock is a parameter), so tests
 * can walk a schedule across weeks, months and daylight-saving changes without waiting.
 */
export function pulseWindow(settings: Pick<PulseSettings, 'every' | 'days'>, timeZone: string, now: Date): PulseWindow {
  const days = new Set(settings.days);
  const isPulseDay = (date: LocalDate) => days.has(WEEKDAYS[weekdayOf(date)]!);
  const today = localDateOf(now.getTime(), timeZone);
  const period = periodOf(today, settings.every);
  const open = isPulseDay(today);
  let closesAt: string | null = null;
  let cursor = today;
  if (open) {
    // The window runs to the end of the last pulse day in a row within this period.
    while (isPulseDay(addDays(cursor, 1)) && periodOf(addDays(cursor, 1), settings.every) === period) cursor = addDays(cursor, 1);
    closesAt = new Date(localToInstant(addDays(cursor, 1), 0, timeZone)).toISOString();
  }
  // The next opening: the first pulse day after today, in a later period while open (this one is answered now).
  for (let step = 1; step <= 62; step++) {
    const date = addDays(today, step);
    if (!isPulseDay(date)) continue;
    if (open && periodOf(date, settings.every) === period) continue;
    return { period, open, closesAt, nextOpensAt: new Date(localToInstant(date, 0, timeZone)).toISOString(), nextPeriod: periodOf(date, settings.every) };
  }
  // Unreachable with at least one pulse day (a month has every weekday); kept total for the types.
  const fallback = addDays(today, 7);
  return { period, open, closesAt, nextOpensAt: new Date(localToInstant(fallback, 0, timeZone)).toISOString(), nextPeriod: periodOf(fallback, settings.every) };
}
