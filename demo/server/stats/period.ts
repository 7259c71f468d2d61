/** Calendar arithmetic on store-local days (`YYYY-MM-DD`), without time zones: a day is a date. */

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `day` moved by `days` calendar days. */
export const addDays = (day: string, days: number): string => toDay(toMs(day) + days * DAY_MS);

/** Days from `from` to `to`, both included. */
export const daysBetween = (from: string, to: string): number => Math.round((toMs(to) - toMs(from)) / DAY_MS) + 1;

/** Every day from `from` to `to`, in order. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The Monday of `day`'s ISO week. */
export function weekStart(day: string): string {
  const weekday = (new Date(toMs(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The period of equal length that ends the day before `from`. */
export function previousPeriod(period: { from: string; to: string }): { from: string; to: string } {
  const length = daysBetween(period.from, period.to);
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

/** Today's date in `timeZone`; UTC's for a zone the runtime does not know. */
function todayIn(now: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return toDay(now.getTime());
  }
}

/**
 * The latest "today" among `timeZones` and UTC: the end of a default range in store-local days,
 * so every store's today is in it. The stats API and the dashboard both end their defaults here.
 */
export function latestToday(now: Date, timeZones: readonly string[]): string {
  return timeZones.map((zone) => todayIn(now, zone)).reduce((a, b) => (a > b ? a : b), toDay(now.getTime()));
}
