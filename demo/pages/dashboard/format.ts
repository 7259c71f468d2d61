import type { Metric } from '../../server/stats/types.js';

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A score for display; withheld and empty scores say why instead of showing a number. */
export function formatMetric(metric: Metric, suffix = ''): string {
  if (metric.insufficientResponses) return 'Not enough responses';
  if (metric.value === null) return '—';
  return `${number.format(metric.value)}${suffix}`;
}

export function formatCount(n: number): string {
  return number.format(n);
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}
