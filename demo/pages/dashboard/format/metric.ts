import type { Metric } from '../../../server/stats/types.js';
import type { Messages } from '../i18n/messages.js';
import type { Formatter } from './formatter.js';

/** How a score reads: NPS with its sign, CSAT as a percentage, smiley and stars as averages out of 5. */
export type MetricKind = 'nps' | 'percent' | 'average';

/**
 * A score for display. A withheld score (below the minimum number of responses) says so instead
 * of showing a number, and a score without answers is a dash, never a zero.
 */
export function formatMetric(metric: Metric, kind: MetricKind, f: Formatter, m: Messages): string {
  if (metric.insufficientResponses) return m.kpi.notEnough;
  if (metric.value === null) return '—';
  switch (kind) {
    case 'nps':
      return f.nps(metric.value);
    case 'percent':
      return f.percent(metric.value);
    case 'average':
      return f.average(metric.value);
  }
}
