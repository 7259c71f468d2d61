/**
 * Wall-clock arithmetic in IANA time zones with `Intl.DateTimeFormat` only (no dependency).
 * Instants are epoch milliseconds; local dates are plain `{ year, month, day }` values.
 */

/** A calendar date in some zone; `month` is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The wall clock of an instant in a zone; `weekday` is 0 (Sunday) to 6 (Saturday). */
export interface ZonedParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const weekdays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Building a DateTimeFormat costs far more than formatting with one, and alert evaluation
// converts many instants in few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone (e.g. `Europe/Stockholm`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock showing in `timeZone` at `instant`. */
export function zonedParts(instant: number, timeZone: string): ZonedParts {
  const out: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) out[part.type] = part.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour),
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: weekdays[out.weekday ?? ''] ?? 0,
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds (e.g. +3_600_000 for CET). */
export function offsetAt(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** `date` moved by `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The local date of `instant` in `timeZone`. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = zonedParts(instant, timeZone);
  return { year, month, day };
}

/** Day of the week of a local date, 0 (Sunday) to 6 (Saturday). */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/**
 * The instant at which the wall clock in `timeZone` shows `minuteOfDay` on `date`
 * (`minuteOfDay` may exceed 1440 to mean the following day, e.g. a shop closing at 01:00).
 *
 * Resolves like Temporal's `disambiguation: "compatible"`, which is what people mean by a time
 * that a DST change makes odd: a time skipped by spring-forward (02:30 on the night the clocks go
 * from 02:00 to 03:00) is moved forward by the gap (03:30); a time that occurs twice in the
 * autumn takes its first occurrence.
 */
export function localToInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  // Zones change their offset at most once around a given wall time, so the offsets a day
  // either side are the only two candidates.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // Skipped by a gap: reading the wall time with the offset from before the gap lands after it.
  return wall - before;
}
