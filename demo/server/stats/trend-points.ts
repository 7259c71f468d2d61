import { SCORE_COLUMNS } from './rollups/definition.js';
import type { Counts } from './counts.js';
import { addDays, eachDay, weekStart } from './period.js';
import type { Bucket } from './types.js';

/** Days counted into one rolling point. */
export const ROLLING_DAYS: Partial<Record<Bucket, number>> = { rolling7: 7, rolling28: 28 };

/** The first day a trend over `from`…`to` needs data from (rolling windows reach back). */
export const firstDayNeeded = (from: string, bucket: Bucket): string => addDays(from, 1 - (ROLLING_DAYS[bucket] ?? 1));

function add(into: Record<string, number>, row: Counts): void {
  for (const column of SCORE_COLUMNS) into[column] = (into[column] ?? 0) + Number(row[column] ?? 0);
}

/**
 * Trend periods from daily counts: calendar days or ISO weeks (only periods with answers), or a
 * rolling window of 7 or 28 days ending on every day of `from`…`to` (every day, so a line never
 * jumps over a quiet day). Pure: the caller turns each period's counts into scores. For weeks,
 * `daily` may already hold one row per week (`dailyCounts` with `per: 'week'`), keyed by a day of
 * that week within `from`…`to`: it lands in the same period as that week's days would.
 */
export function trendPeriods(daily: ReadonlyMap<string, Counts>, bucket: Bucket, from: string, to: string): Array<{ period: string; counts: Counts }> {
  const window = ROLLING_DAYS[bucket];
  if (window !== undefined) {
    return eachDay(from, to).map((day) => {
      const counts: Record<string, number> = {};
      for (let i = 0; i < window; i++) {
        const row = daily.get(addDays(day, -i));
        if (row) add(counts, row);
      }
      return { period: day, counts };
    });
  }
  const periods = new Map<string, Record<string, number>>();
  for (const [day, row] of [...daily].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (day < from || day > to) continue;
    const period = bucket === 'week' ? weekStart(day) : day;
    let counts = periods.get(period);
    if (!counts) periods.set(period, (counts = {}));
    add(counts, row);
  }
  return [...periods].map(([period, counts]) => ({ period, counts }));
}
