import type { Database } from '../db/database.js';
import type { RootCause } from '../settings/schema.js';
import { caseWhere, type CaseFilter } from './access.js';
import { caseFactsSql } from './facts.js';
import { addToHistogram, histogramMedian, type Histogram } from './histogram.js';
import type { CaseMetrics, CaseMetricsResponse } from './types.js';

/** The cases counted: those opened on the UTC days `from`…`to` (inclusive), and "now". */
export interface MetricsWindow {
  from: string;
  to: string;
  now: Date;
}

/** What the counting needs of a group: its region (stores) and the sums of its facts. */
interface Group {
  id: string;
  name: string | null;
  regionId: string | null;
  /** Fact → count: opened, escalated, resolved, on_time, overdue, `cause:<id>`. */
  counts: Map<string, number>;
  firstResponse: Histogram;
  resolve: Histogram;
}

interface FactRow extends Record<string, unknown> {
  id: string;
  name: string | null;
  region_id: string;
  fact: string;
  bucket: number;
  n: number;
}

// A type, not an interface: query rows must be indexable (`Row`).
type Medians = {
  firstResponse: number | null;
  resolve: number | null;
};

/**
 * Up to this many cases in the selection the medians are exact (`percentile_cont` over the
 * cases); above it they come from the rollups' duration buckets (cases/histogram.ts). Sorting
 * 20,000 times takes about 50 ms; a brand's year at 10 million submissions is a million.
 */
export const EXACT_MEDIANS_UP_TO = 20_000;

export interface MetricsOptions {
  /** {@link EXACT_MEDIANS_UP_TO} unless given (tests force either path). */
  exactUpTo?: number;
}

const MONTH = (t: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const NEXT_MONTH = (t: number) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

/**
 * A window `[start, end)` as the whole UTC months inside it, read from the case rollups, and the
 * partial months at its edges, read from the cases themselves.
 */
export function splitWindow(start: number, end: number): { months: [number, number] | null; edges: Array<[number, number]> } {
  const first = MONTH(start) === start ? start : NEXT_MONTH(start);
  const last = MONTH(end);
  if (first >= last) return { months: null, edges: [[start, end]] };
  return { months: [first, last], edges: ([[start, first], [last, end]] as Array<[number, number]>).filter(([a, b]) => a < b) };
}

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);
const MEDIANS_SQL = `
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_response_at - c.created_at)) FILTER (WHERE c.first_response_at IS NOT NULL))::float8 AS "firstResponse",
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.created_at)) FILTER (WHERE c.status = 'resolved'))::float8 AS resolve`;
const CAUSE = 'cause:';

function emptyGroup(id: string, name: string | null): Group {
  return { id, name, regionId: null, counts: new Map(), firstResponse: new Map(), resolve: new Map() };
}

/** Adds one fact row to a group. */
function addFact(group: Group, row: FactRow): void {
  if (row.fact === 'first_response') addToHistogram(group.firstResponse, row.bucket, row.n);
  else if (row.fact === 'resolve') addToHistogram(group.resolve, row.bucket, row.n);
  else group.counts.set(row.fact, (group.counts.get(row.fact) ?? 0) + row.n);
}

/** The selection: the groups partition its cases, so every sum is the sum of the groups'. */
function summed(groups: readonly Group[]): Group {
  const all = emptyGroup('', null);
  for (const group of groups) {
    for (const [fact, n] of group.counts) all.counts.set(fact, (all.counts.get(fact) ?? 0) + n);
    for (const [bucket, n] of group.firstResponse) addToHistogram(all.firstResponse, bucket, n);
    for (const [bucket, n] of group.resolve) addToHistogram(all.resolve, bucket, n);
  }
  return all;
}

function toMetrics(group: Group, medians: Medians, labels: readonly RootCause[]): CaseMetrics {
  const count = (fact: string) => group.counts.get(fact) ?? 0;
  const resolved = count('resolved');
  const decided = resolved + count('overdue');
  const causes = [...group.counts]
    .filter(([fact, n]) => fact.startsWith(CAUSE) && n > 0)
    .map(([fact, n]) => ({ id: fact.slice(CAUSE.length), count: n }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  return {
    opened: count('opened'),
    open: count('opened') - resolved,
    overdue: count('overdue'),
    escalated: count('escalated'),
    resolved,
    medianFirstResponseMinutes: minutes(medians.firstResponse),
    medianResolveMinutes: minutes(medians.resolve),
    resolvedOnTimePct: decided === 0 ? null : Math.round((1000 * count('on_time')) / decided) / 10,
    resolvedOnTime: count('on_time'),
    decided,
    topRootCauses: causes.slice(0, 3).map((c) => ({ id: c.id, label: labels.find((l) => l.id === c.id)?.label ?? c.id, count: c.count })),
  };
}

const fromHistograms = (group: Group): Medians => ({ firstResponse: histogramMedian(group.firstResponse), resolve: histogramMedian(group.resolve) });

/**
 * `GET /v1/cases/metrics`: the selection's figures, and one row per store or region with cases.
 *
 * The counts, root causes and duration buckets are the sums of the case rollups over the
 * window's whole UTC months (migration 088), plus its partial months' facts: from the regions'
 * days by region, from the cases themselves by store. "Overdue", which depends on the time of
 * the request, is counted from the open cases (`cases_active_opened`), in the same statement.
 * Medians are exact up to {@link EXACT_MEDIANS_UP_TO} cases (two more queries sort the cases'
 * times) and interpolated in the duration buckets above it.
 */
export async function caseMetrics(db: Database, filter: CaseFilter, level: 'store' | 'region', window: MetricsWindow, rootCauses: readonly RootCause[], options: MetricsOptions = {}): Promise<CaseMetricsResponse> {
  const start = Date.parse(`${window.from}T00:00:00Z`);
  const end = Date.parse(`${window.to}T00:00:00Z`) + 86_400_000;
  const { months, edges } = splitWindow(start, end);
  const where = caseWhere(filter);
  const params: unknown[] = [...where.params];
  const param = (value: unknown) => `$${params.push(value)}`;
  const iso = (t: number) => new Date(t).toISOString();

  // Regions are summed from the region rollups (months, and days for the partial months) unless a
  // store is asked for, which only the store rollup knows; stores read their partial months' cases.
  const byRegion = level === 'region' && filter.storeId === undefined;
  const rollup = caseWhere(filter, 0, 'r').sql; // the same parameters as `where`
  const parts: string[] = [];
  if (months) {
    const span = `r.month >= ${param(iso(months[0]))}::date AND r.month < ${param(iso(months[1]))}::date`;
    parts.push(
      byRegion
        ? `SELECT r.region_id, '' AS store_id, r.fact, r.bucket, r.n FROM case_region_months r WHERE ${rollup} AND ${span}`
        : `SELECT r.region_id, r.store_id, r.fact, r.bucket, r.n FROM case_store_months r WHERE ${rollup} AND ${span}`,
    );
  }
  for (const [a, b] of edges) {
    const edgeStart = `${param(iso(a))}::timestamptz`;
    const edgeEnd = `${param(iso(b))}::timestamptz`;
    parts.push(
      byRegion
        ? `SELECT r.region_id, '' AS store_id, r.fact, r.bucket, r.n FROM case_region_days r WHERE ${rollup} AND r.day >= ${edgeStart}::date AND r.day < ${edgeEnd}::date`
        : `SELECT coalesce(c.region_id, '') AS region_id, coalesce(c.store_id, '') AS store_id, f.fact, f.bucket, 1 AS n
           FROM cases c ${caseFactsSql('c')} WHERE ${where.sql} AND c.created_at >= ${edgeStart} AND c.created_at < ${edgeEnd} AND f.counted`,
    );
  }
  // "Overdue" depends on the time of the request: counted from the open cases, in the same
  // statement so that every figure comes from one snapshot.
  parts.push(
    `SELECT coalesce(c.region_id, '') AS region_id, coalesce(c.store_id, '') AS store_id, 'overdue' AS fact, 0 AS bucket, 1 AS n
     FROM cases c WHERE ${where.sql} AND c.created_at >= ${param(iso(start))}::timestamptz AND c.created_at < ${param(iso(end))}::timestamptz
       AND c.status <> 'resolved' AND c.due_at <= ${param(window.now.toISOString())}::timestamptz`,
  );
  const key = level === 'store' ? 'store_id' : 'region_id';
  const names = level === 'store' ? 'stores' : 'regions';
  // Names are joined to the summed rows, not to every fact.
  const factRows = await db.query<FactRow>(
    `SELECT k.*, g.name FROM (
       SELECT x.${key} AS id, ${level === 'store' ? 'x.region_id' : "''"} AS region_id, x.fact, x.bucket, sum(x.n)::int AS n
       FROM (${parts.join(' UNION ALL ')}) x GROUP BY 1, 2, 3, 4
     ) k LEFT JOIN ${names} g ON g.brand_id = $1 AND g.id = k.id`,
    params,
  );

  const groups = new Map<string, Group>();
  for (const row of factRows) {
    let group = groups.get(row.id);
    if (!group) groups.set(row.id, (group = emptyGroup(row.id, row.name)));
    // A store's region is the smallest of its cases' (a store that moved region has cases in
    // two), compared here rather than by the database's collation, which PGlite and PostgreSQL
    // may not share.
    if (row.region_id !== '' && (group.regionId === null || row.region_id < group.regionId)) group.regionId = row.region_id;
    addFact(group, row);
  }
  const list = [...groups.values()].filter((g) => (g.counts.get('opened') ?? 0) > 0).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const selection = summed(list);

  let medians = (group: Group): Medians => fromHistograms(group);
  if ((selection.counts.get('opened') ?? 0) <= (options.exactUpTo ?? EXACT_MEDIANS_UP_TO)) {
    const inWindow = `${where.sql} AND c.created_at >= $${where.params.length + 1}::timestamptz AND c.created_at < $${where.params.length + 2}::timestamptz`;
    const windowParams = [...where.params, iso(start), iso(end)];
    const keyOfCase = level === 'store' ? 'c.store_id' : 'c.region_id';
    const [exactGroups, [exactSelection]] = await Promise.all([
      db.query<Medians & { id: string }>(`SELECT coalesce(${keyOfCase}, '') AS id, ${MEDIANS_SQL} FROM cases c WHERE ${inWindow} GROUP BY 1`, windowParams),
      db.query<Medians>(`SELECT ${MEDIANS_SQL} FROM cases c WHERE ${inWindow}`, windowParams),
    ]);
    const exact = new Map<string, Medians>(exactGroups.map((row) => [row.id, row]));
    medians = (group) => (group === selection ? exactSelection : exact.get(group.id)) ?? { firstResponse: null, resolve: null };
  }

  return {
    level,
    filter: { from: window.from, to: window.to, region: filter.regionId ?? null, store: filter.storeId ?? null },
    summary: toMetrics(selection, medians(selection), rootCauses),
    groups: list.map((group) => ({ ...toMetrics(group, medians(group), rootCauses), id: group.id, name: group.name, regionId: level === 'store' ? group.regionId : null })),
  };
}
