import { SCORE_COLUMNS } from './rollups/definition.js';
import type { Kpis, Metric } from './types.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** `sum(col)::int AS col, …` for every count column of the score rollups, alias `d`. */
export const SUM_COLUMNS = SCORE_COLUMNS.map((c) => `coalesce(sum(d.${c}), 0)::int AS ${c}`).join(', ');

/** A row of summed counts, as the queries return it. */
export type Counts = Record<string, unknown>;

const at = (row: Counts, column: string): number => Number(row[column] ?? 0);

/** Answers per value: nps 0..10, the 1..5 scales at index 0..4. */
export function distribution(row: Counts): { nps: number[]; csat: number[]; smiley: number[]; stars: number[] } {
  return {
    nps: range(0, 10).map((v) => at(row, `nps_${v}`)),
    csat: range(1, 5).map((v) => at(row, `csat_${v}`)),
    smiley: range(1, 5).map((v) => at(row, `smiley_${v}`)),
    stars: range(1, 5).map((v) => at(row, `stars_${v}`)),
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Turns counts into scores. `minResponses` applies to individuals and employee pulse: a metric
 * with fewer answers keeps its count but loses its value (fairness to staff, anonymity of
 * employees). 0 means no minimum.
 */
export function toKpis(row: Counts, minResponses: number): Kpis {
  const d = distribution(row);
  const metric = (n: number, value: () => number): Metric => {
    const withheld = n > 0 && n < minResponses;
    return { value: n === 0 || withheld ? null : value(), n, insufficientResponses: withheld };
  };
  const npsN = sum(d.nps);
  const csatN = sum(d.csat);
  const smileyN = sum(d.smiley);
  const starsN = sum(d.stars);
  const average = (counts: number[], n: number) => round(counts.reduce((acc, c, i) => acc + c * (i + 1), 0) / n, 2);
  const volume = at(row, 'responses');
  return {
    volume,
    nps: metric(npsN, () => round(((sum(d.nps.slice(9)) - sum(d.nps.slice(0, 7))) / npsN) * 100, 1)),
    csat: metric(csatN, () => round(((d.csat[3] ?? 0) + (d.csat[4] ?? 0)) / csatN * 100, 1)),
    smiley: metric(smileyN, () => average(d.smiley, smileyN)),
    stars: metric(starsN, () => average(d.stars, starsN)),
    comments: at(row, 'comments'),
    insufficientResponses: minResponses > 0 && volume < minResponses,
  };
}
