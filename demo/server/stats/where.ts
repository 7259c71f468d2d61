import type { Filter } from './scope.js';

/** A WHERE clause and its parameters, built together so placeholders always line up. */
export interface Where {
  sql: string;
  params: unknown[];
}

function channelCondition(column: string, filter: Filter): string {
  // Customers' and employees' feedback are never mixed (Voice of Employee is a separate view).
  return filter.channel === 'employee' ? `${column} = 'employee'` : `${column} <> 'employee'`;
}

/** The filter over a rollup table (`stats_team_daily` or `stats_staff_daily`, alias `d`). */
export function rollupWhere(filter: Filter): Where {
  const params: unknown[] = [filter.brandId, filter.from, filter.to];
  const parts = ['d.brand_id = $1', 'd.day BETWEEN $2::date AND $3::date', channelCondition('d.channel', filter)];
  if (filter.regionId !== undefined) parts.push(`d.region_id = $${params.push(filter.regionId)}`);
  if (filter.storeId !== undefined) parts.push(`d.store_id = $${params.push(filter.storeId)}`);
  if (filter.staffId !== undefined) parts.push(`d.staff_id = $${params.push(filter.staffId)}`);
  return { sql: parts.join(' AND '), params };
}

/** UTC instants bounding the filter's days: [from 00:00, the day after `to` 00:00). */
export function instants(filter: Filter): { start: Date; end: Date } {
  return { start: new Date(`${filter.from}T00:00:00Z`), end: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) };
}

/**
 * The filter over raw `submissions` (alias `s`). `staff: false` leaves the staff condition to the
 * caller (kudos also match staff mentioned by name).
 */
export function submissionsWhere(filter: Filter, options: { staff: boolean } = { staff: true }): Where {
  const { start, end } = instants(filter);
  const params: unknown[] = [filter.brandId, start, end];
  const parts = ['s.brand_id = $1', 's.created_at >= $2', 's.created_at < $3', channelCondition('s.channel', filter)];
  if (filter.regionId !== undefined) parts.push(`s.region_id = $${params.push(filter.regionId)}`);
  if (filter.storeId !== undefined) parts.push(`s.store_id = $${params.push(filter.storeId)}`);
  // `@>` (not `= ANY`) so the GIN index on staff_ids serves it.
  if (options.staff && filter.staffId !== undefined) parts.push(`s.staff_ids @> ARRAY[$${params.push(filter.staffId)}]::text[]`);
  return { sql: parts.join(' AND '), params };
}
