import { latestToday } from '../../../server/stats/period.js';
import type { Route } from './route.js';

/** The range a route without dates shows: the last 30 days, today included (as the stats API's default). */
export const DEFAULT_RANGE_DAYS = 30;

export interface DateRange {
  /** First day, inclusive, `YYYY-MM-DD` (UTC, as the stats API counts days). */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
}

const DAY_MS = 86_400_000;
const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The dates a route asks for. A route without dates is the rolling default, so a bookmark keeps
 * showing "the last 30 days"; the dates are still sent explicitly, so the date fields show
 * exactly the range whose figures are on screen. A missing end is today in the store furthest
 * ahead in time among `timeZones` (the stores in view), as the stats API's default: days are
 * store-local, so a Stockholm store's feedback after its midnight, or an Auckland store's all
 * morning, is in "today" although UTC's day has not turned yet. A missing start is 29 days
 * before the end.
 */
export function effectiveRange(route: Pick<Route, 'from' | 'to'>, now: Date, timeZones: readonly string[] = []): DateRange {
  const to = route.to ?? latestToday(now, timeZones);
  const from = route.from ?? utcDay(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS);
  return { from, to };
}
