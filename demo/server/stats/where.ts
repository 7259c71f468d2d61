import { rollup } from './rollups/definition.js';
import type { Filter } from './scope.js';

/** A SQL fragment and its parameters, built together so placeholders always line up. */
export interface Where {
  sql: string;
  params: unknown[];
}

/** Collects parameters and hands out their placeholders (`$1`, `$2`, …). */
export class Params {
  readonly values: unknown[] = [];
  constructor(first: readonly unknown[] = []) {
    this.values.push(...first);
  }
  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

/**
 * The audience and segment conditions on a table with `channel` (and, for customer feedback,
 * `survey_id`, `device_class`, `lang`) columns under `alias`. Customers' and employees' feedback
 * are never mixed: Voice of the Employee is a separate view.
 */
function segmentConditions(alias: string, filter: Filter, params: Params, segmented: boolean): string[] {
  const parts = [filter.channel === 'employee' ? `${alias}.channel = 'employee'` : `${alias}.channel <> 'employee'`];
  const s = filter.segments;
  if (s.channel !== undefined) parts.push(`${alias}.channel = ${params.add(s.channel)}`);
  if (!segmented) return parts;
  if (s.survey !== undefined) parts.push(`${alias}.survey_id = ${params.add(s.survey)}`);
  if (s.device !== undefined) parts.push(`${alias}.device_class = ${params.add(s.device)}`);
  if (s.lang !== undefined) parts.push(`${alias}.lang = ${params.add(s.lang)}`);
  return parts;
}

/** The scope conditions (brand, region, store, staff) under `alias`; missing ids are '' in rollups. */
function scopeConditions(alias: string, filter: Filter, params: Params, staffColumn: boolean): string[] {
  const parts = [`${alias}.brand_id = ${params.add(filter.brandId)}`];
  if (filter.regionId !== undefined) parts.push(`${alias}.region_id = ${params.add(filter.regionId)}`);
  if (filter.storeId !== undefined) parts.push(`${alias}.store_id = ${params.add(filter.storeId)}`);
  if (staffColumn && filter.staffId !== undefined) parts.push(`${alias}.staff_id = ${params.add(filter.staffId)}`);
  return parts;
}

/** Which rollup family answers a question: individuals, stores, or regions (the smallest that can). */
export type Family = 'staff' | 'store' | 'region';

/**
 * The smallest rollup that can answer: individuals from the staff rollup, anything about stores
 * from the store rollup (a submission naming two staff members counts once for the team), brand
 * and region figures from the region rollup.
 */
export function familyOf(filter: Filter, level: 'brand' | 'region' | 'store' | 'staff'): Family {
  if (filter.staffId !== undefined || level === 'staff') return 'staff';
  if (filter.storeId !== undefined || level === 'store') return 'store';
  return 'region';
}

const DAILY: Record<Family, string> = { staff: 'stats_staff_daily', store: 'stats_store_daily', region: 'stats_region_daily' };
const TOTALS_DAILY: Record<Family, string> = { staff: 'stats_staff_daily', store: 'stats_store_totals_daily', region: 'stats_region_totals_daily' };

/** Whether the filter needs the segmented rollups (a survey, device class or language is chosen). */
const segmented = (filter: Filter) => filter.segments.survey !== undefined || filter.segments.device !== undefined || filter.segments.lang !== undefined;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The whole months inside [from, to], as first days: `[firstMonth, lastMonth]`, or undefined. */
export function wholeMonths(from: string, to: string): [string, string] | undefined {
  const first = from.endsWith('-01') ? from : `${addDays(`${from.slice(0, 7)}-01`, 32).slice(0, 7)}-01`;
  const nextMonth = (month: string) => `${addDays(month, 32).slice(0, 7)}-01`;
  let last: string | undefined;
  for (let m = first; addDays(nextMonth(m), -1) <= to; m = nextMonth(m)) last = m;
  return last === undefined ? undefined : [first, last];
}

/**
 * A FROM item (alias `d`) over the rollup family's rows for the selection, with every scope,
 * audience, segment and date condition applied. Without a survey, device or language filter it
 * reads the totals rollups, which have no segment keys and so a fraction of the rows. With
 * `days: false` (no per-day output needed), store figures over long ranges read whole months from
 * the monthly store rollup and only the days at the edges from the daily one: a year of 500
 * stores is then thousands of rows, not millions. The staff rollup has no segments but the
 * channel (individuals are not segmented).
 */
export function rollupSource(filter: Filter, family: Family, params: Params, options: { days: boolean }): string {
  const staff = family === 'staff';
  const bySegment = segmented(filter);
  const daily = bySegment ? DAILY[family] : TOTALS_DAILY[family];
  const conditions = [...scopeConditions('d', filter, params, staff), ...segmentConditions('d', filter, params, !staff && bySegment)];
  const months = !options.days && family === 'store' ? wholeMonths(filter.from, filter.to) : undefined;
  const from = params.add(filter.from);
  const to = params.add(filter.to);
  if (!months) return `(SELECT * FROM ${daily} d WHERE ${conditions.join(' AND ')} AND d.day BETWEEN ${from}::date AND ${to}::date) d`;
  const [firstMonth, lastMonth] = months;
  const monthStart = params.add(firstMonth);
  const monthEnd = params.add(lastMonth);
  const monthly = rollup(bySegment ? 'stats_store_monthly' : 'stats_store_totals_monthly');
  const columns = monthly.keys
    .filter((k) => k.name !== 'month')
    .map((k) => k.name)
    .concat(monthly.measures.map((m) => m.name))
    .map((c) => `d.${c}`)
    .join(', ');
  return `(SELECT ${columns} FROM ${monthly.name} d WHERE ${conditions.join(' AND ')} AND d.month BETWEEN ${monthStart}::date AND ${monthEnd}::date
    UNION ALL
    SELECT ${columns} FROM ${daily} d WHERE ${conditions.join(' AND ')} AND d.day BETWEEN ${from}::date AND ${to}::date
      AND (d.day < ${monthStart}::date OR d.day >= (${monthEnd}::date + interval '1 month')::date)) d`;
}

const TOTALS = { stats_answers_daily: 'stats_answers_totals_daily', stats_topics_daily: 'stats_topics_totals_daily' } as const;

/**
 * A FROM item (alias `d`) over a rollup kept per region (`stats_answers_daily`,
 * `stats_topics_daily`, or their totals without device and language when no segment is chosen)
 * for a selection without a store or staff member.
 */
export function regionGrainSource(table: keyof typeof TOTALS, filter: Filter, params: Params): string {
  const bySegment = segmented(filter);
  const conditions = [...scopeConditions('d', filter, params, false), ...segmentConditions('d', filter, params, bySegment)];
  return `(SELECT * FROM ${bySegment ? table : TOTALS[table]} d WHERE ${conditions.join(' AND ')} AND d.day BETWEEN ${params.add(filter.from)}::date AND ${params.add(filter.to)}::date) d`;
}

/**
 * A bound on `created_at` that holds every row of the selection's store-local days: a store's
 * local day lies within UTC-12…UTC+14 of the UTC day, so a day either side never leaves a row out.
 * Redundant with `local_date`, but it lets a read newest first (`ORDER BY created_at DESC LIMIT`)
 * walk an index on (…, created_at) from the range's end and stop at its start: without it, a
 * selection with fewer matches than the limit is read back to its first submission.
 */
export function createdAtBound(alias: string, filter: Pick<Filter, 'from' | 'to'>, params: Params): string {
  const utcDay = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString();
  return `${alias}.created_at >= ${params.add(utcDay(filter.from, -1))}::timestamptz AND ${alias}.created_at < ${params.add(utcDay(filter.to, 2))}::timestamptz`;
}

/**
 * The filter over raw `submissions` (alias `s`): store-local days, like the rollups. `staff: false`
 * leaves the staff condition to the caller (kudos also match staff mentioned by name).
 */
export function submissionsWhere(filter: Filter, options: { staff: boolean } = { staff: true }): Where {
  const params = new Params();
  const parts = [
    ...scopeConditions('s', filter, params, false),
    `s.local_date BETWEEN ${params.add(filter.from)}::date AND ${params.add(filter.to)}::date`,
    ...segmentConditions('s', filter, params, true),
  ];
  // `@>` (not `= ANY`) so the GIN index on staff_ids serves it.
  if (options.staff && filter.staffId !== undefined) parts.push(`s.staff_ids @> ARRAY[${params.add(filter.staffId)}]::text[]`);
  return { sql: parts.join(' AND '), params: params.values };
}
