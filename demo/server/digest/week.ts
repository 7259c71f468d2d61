import { addDays as shift, localDateOf, localToInstant, weekdayOf, type LocalDate } from '../alerts/time/zoned.js';
import { addDays, weekStart } from '../stats/period.js';
import { WEEKDAYS, type Weekday } from './settings.js';

/** An ISO week, `2026-W10`: Monday to Sunday, in each store's own days (as every stats figure). */
export const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO week of a day (`2026-03-04` → `2026-W10`). */
export function isoWeekOf(day: string): string {
  // The ISO year is the year of the week's Thursday.
  const thursday = addDays(weekStart(day), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(weekStart(`${year}-01-04`), 3);
  const week = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${firstThursday}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday and Sunday of an ISO week, or undefined for one that does not exist (`2026-W54`). */
export function weekRange(week: string): { from: string; to: string } | undefined {
  const match = ISO_WEEK.exec(week);
  if (!match) return undefined;
  const [year, number] = [Number(match[1]), Number(match[2])];
  // Week 1 is the week with January 4th in it.
  const from = addDays(weekStart(`${match[1]}-01-04`), (number - 1) * 7);
  if (number < 1 || isoWeekOf(from) !== `${year}-W${match[2]}`) return undefined;
  return { from, to: addDays(from, 6) };
}

/** The ISO week before the one `day` is in: the last complete week on that day. */
export const weekBefore = (day: string): string => isoWeekOf(addDays(weekStart(day), -7));

const dayString = (d: LocalDate): string => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/**
 * The latest instant at or before `now` that is `day` at `time` in `timeZone`, and the week its
 * digest covers (the complete week before that day). Pure: the schedule passes its clock in.
 * @example lastSending(new Date('2026-03-10T09:00:00Z'), 'mon', '08:00', 'Europe/Stockholm') // { at: 2026-03-09T07:00:00Z, week: '2026-W10' }
 */
export function lastSending(now: Date, day: Weekday, time: string, timeZone: string): { at: Date; week: string } {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const today = localDateOf(now.getTime(), timeZone);
  // JavaScript counts Sunday as 0; WEEKDAYS starts on Monday.
  const target = (WEEKDAYS.indexOf(day) + 1) % 7;
  let back = (weekdayOf(today) - target + 7) % 7;
  let at = localToInstant(shift(today, -back), hours * 60 + minutes, timeZone);
  if (at > now.getTime()) {
    back += 7;
    at = localToInstant(shift(today, -back), hours * 60 + minutes, timeZone);
  }
  return { at: new Date(at), week: weekBefore(dayString(shift(today, -back))) };
}
