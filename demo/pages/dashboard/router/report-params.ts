import { BUCKETS, SCORE_METRICS, type Bucket, type ScoreMetric } from '../../../server/stats/types.js';

/**
 * The report views' own address parameters: how the trend is drawn (`bucket`, `metric`) and the
 * movers' window (`window`). Each is read with a fallback, so a malformed value shows the default
 * rather than an error.
 */
export const REPORT_PARAMS = ['bucket', 'metric', 'window'] as const;

export function readBucket(params: Readonly<Record<string, string>>, fallback: Bucket): Bucket {
  return BUCKETS.find((b) => b === params.bucket) ?? fallback;
}

export function readMetric(params: Readonly<Record<string, string>>, fallback: ScoreMetric): ScoreMetric {
  return SCORE_METRICS.find((m) => m === params.metric) ?? fallback;
}

/** The movers' rolling window in days. @default 28 */
export function readWindow(params: Readonly<Record<string, string>>): 7 | 28 {
  return params.window === '7' ? 7 : 28;
}
