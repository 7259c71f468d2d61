import { SCORE_METRICS, type Kpis, type ScoreMetric, type Targets } from '../../../../server/stats/types.js';
import { changeOf } from '../../format/metric.js';

/** One row of the leaderboard: a store (or a benchmark: the brand, a region) and its figures. */
export interface BoardRow {
  readonly id: string;
  readonly name: string;
  readonly regionId: string | undefined;
  readonly regionName: string | undefined;
  readonly kpis: Kpis;
  /** The same place in the previous period of equal length; undefined where the API has none (the brand seen from a region). */
  readonly previous: Kpis | undefined;
  readonly targets: Targets | undefined;
  /** Its own view. */
  readonly href?: string | undefined;
}

/** The columns a leaderboard sorts by: the name, the region, responses, each score and its change. */
export const SORT_KEYS = ['name', 'region', 'volume', ...SCORE_METRICS, ...SCORE_METRICS.map((m) => `${m}Change` as const)] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** Names read A→Z first; numbers best first. */
export const defaultDirection = (key: SortKey): SortDirection => (key === 'name' || key === 'region' ? 'asc' : 'desc');

/** What a row sorts by in a column; null sorts last whatever the direction (no answers, or too few to compare). */
export function sortValue(row: BoardRow, key: SortKey): string | number | null {
  if (key === 'name') return row.name;
  if (key === 'region') return row.regionName ?? row.regionId ?? null;
  if (key === 'volume') return row.kpis.volume;
  if (key.endsWith('Change')) {
    const metric = key.slice(0, -'Change'.length) as ScoreMetric;
    if (!row.previous) return null;
    const change = changeOf(row.kpis[metric], row.previous[metric]);
    return change.kind === 'value' ? change.delta : null;
  }
  return row.kpis[key as ScoreMetric].value;
}

/**
 * The rows in a column's order (stable: ties keep the name order), rows without a value last in
 * both directions, so "lowest NPS first" starts with a real score rather than a store without any.
 */
export function sortRows(rows: readonly BoardRow[], key: SortKey, direction: SortDirection, locale: string): BoardRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = [...rows].sort((a, b) => collator.compare(a.name, b.name));
  const sign = direction === 'asc' ? 1 : -1;
  return byName
    .map((row, index) => ({ row, index, value: sortValue(row, key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order = typeof a.value === 'string' || typeof b.value === 'string' ? collator.compare(String(a.value), String(b.value)) : a.value - b.value;
      return order * sign || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** The sort in an address (`sort=nps&dir=asc`), falling back to NPS, best first. */
export function readSort(params: Readonly<Record<string, string>>): { key: SortKey; direction: SortDirection } {
  const key = SORT_KEYS.find((k) => k === params.sort) ?? 'nps';
  const direction = params.dir === 'asc' || params.dir === 'desc' ? params.dir : defaultDirection(key);
  return { key, direction };
}
