import type { Metric, ScoreMetric, TrendPoint, TrendResponse } from '../../../server/stats/types.js';

/** How a line is drawn: the selection bold, the groups in colours and dashes, the brand dashed grey. */
export interface LineStyle {
  readonly colour: string;
  readonly width: number;
  /** uPlot's and SVG's dash pattern; empty for a solid line. */
  readonly dash: readonly number[];
}

/** One line of a trend chart: a place, how it is drawn, and its score per period. */
export interface TrendLine {
  readonly id: string;
  readonly name: string;
  readonly role: 'selection' | 'group' | 'benchmark';
  readonly style: LineStyle;
  /** Score per period (`YYYY-MM-DD`); periods without answers are missing. */
  readonly points: ReadonlyMap<string, Metric>;
}

/**
 * Colours with at least 3:1 contrast on white (WCAG 1.4.11), after the Okabe–Ito palette that
 * stays apart for the common colour-vision deficiencies; dashes tell lines apart without colour.
 */
export const PALETTE = ['#0072b2', '#c2410c', '#007a5a', '#a8327d', '#7c6a00', '#5b4bb7', '#a23b2a', '#2f6f8f'] as const;
const DASHES: readonly (readonly number[])[] = [[], [7, 3], [2, 3], [9, 3, 2, 3]];
export const SELECTION_STYLE: LineStyle = { colour: '#1b1f24', width: 3, dash: [] };
export const BENCHMARK_STYLE: LineStyle = { colour: '#57606a', width: 2, dash: [4, 4] };

const groupStyle = (index: number): LineStyle => ({
  colour: PALETTE[index % PALETTE.length] ?? '#0072b2',
  width: 1.5,
  dash: DASHES[Math.floor(index / PALETTE.length) % DASHES.length] ?? [],
});

const byPeriod = (points: readonly TrendPoint[], metric: ScoreMetric) => new Map(points.map((p) => [p.period, p[metric]]));

/**
 * The lines of a trend answer for one score: the selection's own, one per region or store
 * (`series`), and the brand's as a benchmark — left out when the selection is the brand itself,
 * which would draw the same line twice. Pure, for Node tests.
 */
export function trendLines(trend: TrendResponse, metric: ScoreMetric, names: { readonly selection: string; readonly brand: string; readonly group: (id: string) => string }): TrendLine[] {
  const f = trend.filter;
  const brandWide = f.region === null && f.store === null && f.staff === null;
  const lines: TrendLine[] = [{ id: 'selection', name: names.selection, role: 'selection', style: SELECTION_STYLE, points: byPeriod(trend.points, metric) }];
  trend.series.forEach((s, i) => lines.push({ id: `group:${s.id}`, name: s.name ?? names.group(s.id), role: 'group', style: groupStyle(i), points: byPeriod(s.points, metric) }));
  if (trend.benchmark && !brandWide) lines.push({ id: 'benchmark', name: names.brand, role: 'benchmark', style: BENCHMARK_STYLE, points: byPeriod(trend.benchmark, metric) });
  return lines;
}

/** Every period any line has, in order: the chart's shared x axis. */
export function periodsOf(lines: readonly TrendLine[]): string[] {
  return [...new Set(lines.flatMap((line) => [...line.points.keys()]))].sort();
}

/** Whether any line has a score to draw (not only withheld or empty periods). */
export const hasValues = (lines: readonly TrendLine[]): boolean => lines.some((line) => [...line.points.values()].some((p) => p.value !== null));
