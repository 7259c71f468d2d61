import type { Metric, ScoreMetric } from '../../../server/stats/types.js';
import type { Messages } from '../i18n/messages.js';
import type { Formatter } from './formatter.js';

/** How a score reads: NPS with its sign, CSAT as a percentage, smiley and stars as averages out of 5. */
export type MetricKind = 'nps' | 'percent' | 'average';

/** How each score reads. */
export const METRIC_KIND: Readonly<Record<ScoreMetric, MetricKind>> = { nps: 'nps', csat: 'percent', smiley: 'average', stars: 'average' };

/** Each score's own scale: what a target may be, and a chart's axis. */
export const METRIC_RANGE: Readonly<Record<ScoreMetric, readonly [number, number]>> = { nps: [-100, 100], csat: [0, 100], smiley: [1, 5], stars: [1, 5] };

/** The step of a target on each scale (whole NPS points and percents, tenths of a rating). */
export const METRIC_STEP: Readonly<Record<ScoreMetric, number>> = { nps: 1, csat: 1, smiley: 0.1, stars: 0.1 };

/**
 * The fewest answers, in both periods, for a change to be shown (as the trend's points): NPS from
 * 2 answers to 3 is a "swing" of up to 200 points that means nothing.
 */
export const MIN_ANSWERS_FOR_CHANGE = 5;

/** A score's name, as on its card. */
export function metricName(metric: ScoreMetric, m: Messages): string {
  return { nps: m.kpi.nps, csat: m.kpi.csat, smiley: m.kpi.smiley, stars: m.kpi.stars }[metric];
}

/**
 * A score for display. A withheld score (below the minimum number of responses) says so instead
 * of showing a number, and a score without answers is a dash, never a zero.
 */
export function formatMetric(metric: Metric, kind: MetricKind, f: Formatter, m: Messages): string {
  if (metric.insufficientResponses) return m.kpi.notEnough;
  if (metric.value === null) return '—';
  return formatValue(metric.value, kind, f);
}

/** A score's number on its scale: `+12.5`, `83.3%`, `4.25`. */
export function formatValue(value: number, kind: MetricKind, f: Formatter): string {
  switch (kind) {
    case 'nps':
      return f.nps(value);
    case 'percent':
      return f.percent(value);
    case 'average':
      return f.average(value);
  }
}

/** A change between two values of a score, with its sign: `+12.5` NPS points, `+3.2 pts` of CSAT, `-0.25` of a rating. */
export function formatDelta(delta: number, kind: MetricKind, f: Formatter, m: Messages): string {
  if (kind === 'average') return f.signedAverage(delta);
  return kind === 'percent' ? m.kpi.points(f.signed(delta)) : f.signed(delta);
}

/** The change of a score between two periods, or why there is none to show. */
export type Change = { readonly kind: 'value'; readonly delta: number } | { readonly kind: 'few'; readonly n: number };

/**
 * The change from `previous` to `current`, when both rest on at least `minimum` answers (and
 * neither is withheld); otherwise the smaller count, to say "too few answers (n = 3)".
 */
export function changeOf(current: Metric, previous: Metric, minimum = MIN_ANSWERS_FOR_CHANGE): Change {
  if (current.value === null || previous.value === null || current.n < minimum || previous.n < minimum) return { kind: 'few', n: Math.min(current.n, previous.n) };
  return { kind: 'value', delta: Math.round((current.value - previous.value) * 100) / 100 };
}

/** How a score stands against its target: reached, or how far below. */
export type TargetStanding = { readonly met: true } | { readonly met: false; readonly gap: number };

export function standing(value: number | null, target: number): TargetStanding | undefined {
  if (value === null) return undefined;
  return value >= target ? { met: true } : { met: false, gap: Math.round((target - value) * 100) / 100 };
}
