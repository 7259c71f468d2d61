import type { Queryable } from '../db/database.js';
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
 * The closing-the-loop figures of the cases opened in a window, as defined in docs/collector.md
 * ("Closing-the-loop metrics"): counts now, medians in minutes from opening, and the share of
 * decided cases (resolved, or past due) that were resolved by their due time.
 */
const AGGREGATES = (now: string) => `
  count(*)::int AS opened,
  count(*) FILTER (WHERE c.status <> 'resolved')::int AS open,
  count(*) FILTER (WHERE c.status <> 'resolved' AND c.due_at <= ${now})::int AS overdue,
  count(*) FILTER (WHERE c.escalated_at IS NOT NULL)::int AS escalated,
  count(*) FILTER (WHERE c.status = 'resolved')::int AS resolved,
  count(*) FILTER (WHERE c.status = 'resolved' AND c.resolved_at <= c.due_at)::int AS resolved_on_time,
  count(*) FILTER (WHERE c.status = 'resolved' OR c.due_at <= ${now})::int AS decided,
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_response_at - c.created_at)) FILTER (WHERE c.first_response_at IS NOT NULL))::float8 AS median_first_response,
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.created_at)) FILTER (WHERE c.status = 'resolved'))::float8 AS median_resolve`;

function toMetrics(row: MetricsRow | undefined, causes: Array<{ id: string; count: number }>, labels: readonly RootCause[]): CaseMetrics {
  const r = row ?? { opened: 0, open: 0, overdue: 0, escalated: 0, resolved: 0, resolved_on_time: 0, decided: 0, median_first_response: null, median_resolve: null };
  return {
    opened: r.opened,
    open: r.open,
    overdue: r.overdue,
    escalated: r.escalated,
    resolved: r.resolved,
    medianFirstResponseMinutes: minutes(r.median_first_response),
    medianResolveMinutes: minutes(r.median_resolve),
    resolvedOnTimePct: r.decided === 0 ? null : Math.round((1000 * r.resolved_on_time) / r.decided) / 10,
    resolvedOnTime: r.resolved_on_time,
    decided: r.decided,
    topRootCauses: causes.slice(0, 3).map((c) => ({ id: c.id, label: labels.find((l) => l.id === c.id)?.label ?? c.id, count: c.count })),
  };
}

/** `GET /v1/cases/metrics`: the selection's figures, and one row per store or region with cases. */
export async function caseMetrics(db: Queryable, filter: CaseFilter, level: 'store' | 'region', window: MetricsWindow, rootCauses: readonly RootCause[]): Promise<CaseMetricsResponse> {
  const where = caseWhere(filter);
  const n = where.params.length;
  const params = [...where.params, new Date(`${window.from}T00:00:00Z`).toISOString(), new Date(Date.parse(`${window.to}T00:00:00Z`) + 86_400_000).toISOString(), window.now.toISOString()];
  const inWindow = `${where.sql} AND c.created_at >= $${n + 1}::timestamptz AND c.created_at < $${n + 2}::timestamptz`;
  const now = `$${n + 3}::timestamptz`;
  const key = level === 'store' ? 'c.store_id' : 'c.region_id';
  const nameJoin =
    level === 'store'
      ? 'LEFT JOIN stores g ON g.brand_id = c.brand_id AND g.id = c.store_id'
      : 'LEFT JOIN regions g ON g.brand_id = c.brand_id AND g.id = c.region_id';
  const [summaryRows, groupRows, causeRows] = await Promise.all([
    db.query<MetricsRow>(`SELECT NULL AS id, NULL AS name, NULL AS region_id, ${AGGREGATES(now)} FROM cases c WHERE ${inWindow}`, params),
    db.query<MetricsRow>(
      `SELECT coalesce(${key}, '') AS id, min(g.name) AS name, ${level === 'store' ? 'min(c.region_id)' : 'NULL'} AS region_id, ${AGGREGATES(now)}
       FROM cases c ${nameJoin} WHERE ${inWindow} GROUP BY 1 ORDER BY 1`,
      params,
    ),
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
    summary: toMetrics(summaryRows[0], causesOf(null), rootCauses),
    groups: groupRows.map((row) => ({ ...toMetrics(row, causesOf(row.id), rootCauses), id: row.id ?? '', name: row.name, regionId: row.region_id })),
  };
}
