import type { Database } from '../db/database.js';
import type { RootCause } from '../settings/schema.js';
import { caseWhere, type CaseFilter } from './access.js';
import type { CaseMetrics, CaseMetricsResponse } from './types.js';

/** The cases counted: those opened on the UTC days `from`…`to` (inclusive), and "now". */
export interface MetricsWindow {
  from: string;
  to: string;
  now: Date;
}

interface MetricsRow extends Record<string, unknown> {
  id: string | null;
  name: string | null;
  region_id: string | null;
  opened: number;
  open: number;
  overdue: number;
  escalated: number;
  resolved: number;
  resolved_on_time: number;
  decided: number;
  median_first_response: number | null;
  median_resolve: number | null;
}

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);

/**
 * Memory for the sorts behind the medians, for these queries only (`SET LOCAL`). At PostgreSQL's
 * default 4 MB, a brand's year (200,000 cases at 2 million submissions) sorted on disk; a million
 * float8 values, a brand's year at 10 million, take about 25 MB in memory per median.
 */
const SORT_MEMORY = '64MB';

/**
 * The closing-the-loop figures of the cases opened in a window, as defined in docs/collector.md
 * ("Closing-the-loop metrics"): counts now, medians in minutes from opening, and the share of
 * decided cases (resolved, or past due) that were resolved by their due time. Every column read
 * is in the covering indexes of migration 086, so these are index-only scans.
 */
const COUNTS = (now: string) => `
  count(*)::int AS opened,
  count(*) FILTER (WHERE c.status <> 'resolved')::int AS open,
  count(*) FILTER (WHERE c.status <> 'resolved' AND c.due_at <= ${now})::int AS overdue,
  count(*) FILTER (WHERE c.escalated_at IS NOT NULL)::int AS escalated,
  count(*) FILTER (WHERE c.status = 'resolved')::int AS resolved,
  count(*) FILTER (WHERE c.status = 'resolved' AND c.resolved_at <= c.due_at)::int AS resolved_on_time,
  count(*) FILTER (WHERE c.status = 'resolved' OR c.due_at <= ${now})::int AS decided`;
const MEDIANS = `
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_response_at - c.created_at)) FILTER (WHERE c.first_response_at IS NOT NULL))::float8 AS median_first_response,
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.created_at)) FILTER (WHERE c.status = 'resolved'))::float8 AS median_resolve`;

const COUNT_KEYS = ['opened', 'open', 'overdue', 'escalated', 'resolved', 'resolved_on_time', 'decided'] as const;

/** The selection's counts: the groups partition its cases, so they are the sums of the groups'. */
function summed(groups: readonly MetricsRow[], medians: Pick<MetricsRow, 'median_first_response' | 'median_resolve'> | undefined): MetricsRow {
  const row: MetricsRow = { id: null, name: null, region_id: null, opened: 0, open: 0, overdue: 0, escalated: 0, resolved: 0, resolved_on_time: 0, decided: 0, median_first_response: medians?.median_first_response ?? null, median_resolve: medians?.median_resolve ?? null };
  for (const group of groups) for (const key of COUNT_KEYS) row[key] += group[key];
  return row;
}

/** One query with `work_mem` raised for its sorts (`SET LOCAL`: the pooled connection keeps its default). */
function withSortMemory<T extends Record<string, unknown>>(db: Database, sql: string, params: readonly unknown[]): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '${SORT_MEMORY}'`);
    return tx.query<T>(sql, params);
  });
}

function toMetrics(row: MetricsRow, causes: Array<{ id: string; count: number }>, labels: readonly RootCause[]): CaseMetrics {
  return {
    opened: row.opened,
    open: row.open,
    overdue: row.overdue,
    escalated: row.escalated,
    resolved: row.resolved,
    medianFirstResponseMinutes: minutes(row.median_first_response),
    medianResolveMinutes: minutes(row.median_resolve),
    resolvedOnTimePct: row.decided === 0 ? null : Math.round((1000 * row.resolved_on_time) / row.decided) / 10,
    resolvedOnTime: row.resolved_on_time,
    decided: row.decided,
    topRootCauses: causes.slice(0, 3).map((c) => ({ id: c.id, label: labels.find((l) => l.id === c.id)?.label ?? c.id, count: c.count })),
  };
}

/**
 * `GET /v1/cases/metrics`: the selection's figures, and one row per store or region with cases.
 * Three scans of the window, run side by side (each on its own connection with PostgreSQL): the
 * groups' counts and medians, the selection's medians (its counts are the groups' sums), and the
 * root causes. The medians are exact (`percentile_cont`), so each one sorts its cases' times.
 */
export async function caseMetrics(db: Database, filter: CaseFilter, level: 'store' | 'region', window: MetricsWindow, rootCauses: readonly RootCause[]): Promise<CaseMetricsResponse> {
  const where = caseWhere(filter);
  const n = where.params.length;
  const params = [...where.params, new Date(`${window.from}T00:00:00Z`).toISOString(), new Date(Date.parse(`${window.to}T00:00:00Z`) + 86_400_000).toISOString(), window.now.toISOString()];
  const inWindow = `${where.sql} AND c.created_at >= $${n + 1}::timestamptz AND c.created_at < $${n + 2}::timestamptz`;
  const now = `$${n + 3}::timestamptz`;
  const key = level === 'store' ? 'c.store_id' : 'c.region_id';
  // Names are joined to the aggregated rows, not to every case: the sort before the grouping
  // then carries only the columns the aggregates need.
  const names = level === 'store' ? 'stores' : 'regions';
  const [groupRows, [selection], causeRows] = await Promise.all([
    withSortMemory<MetricsRow>(
      db,
      `SELECT k.*, g.name FROM (
         SELECT coalesce(${key}, '') AS id, ${level === 'store' ? 'min(c.region_id)' : 'NULL'} AS region_id, ${COUNTS(now)}, ${MEDIANS}
         FROM cases c WHERE ${inWindow} GROUP BY 1
       ) k LEFT JOIN ${names} g ON g.brand_id = $1 AND g.id = k.id ORDER BY k.id`,
      params,
    ),
    withSortMemory<Pick<MetricsRow, 'median_first_response' | 'median_resolve'>>(db, `SELECT ${MEDIANS} FROM cases c WHERE ${inWindow}`, params.slice(0, n + 2)),
    db.query<{ id: string; cause: string; count: number }>(
      `SELECT coalesce(${key}, '') AS id, c.root_cause AS cause, count(*)::int AS count
       FROM cases c WHERE ${inWindow} AND c.status = 'resolved' GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
      params.slice(0, n + 2),
    ),
  ]);
  const causesOf = (id: string | null) => {
    const totals = new Map<string, number>();
    for (const row of causeRows) if (id === null || row.id === id) totals.set(row.cause, (totals.get(row.cause) ?? 0) + row.count);
    return [...totals].map(([cause, count]) => ({ id: cause, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  };
  return {
    level,
    filter: { from: window.from, to: window.to, region: filter.regionId ?? null, store: filter.storeId ?? null },
    summary: toMetrics(summed(groupRows, selection), causesOf(null), rootCauses),
    groups: groupRows.map((row) => ({ ...toMetrics(row, causesOf(row.id), rootCauses), id: row.id ?? '', name: row.name, regionId: row.region_id })),
  };
}
