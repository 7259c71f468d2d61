import { BUCKET_GROWTH, FIRST_BUCKET_SECONDS } from './facts.js';

/** Counts of durations per bucket (cases/facts.ts), `bucket → count`. */
export type Histogram = Map<number, number>;

/** Adds `count` durations to `bucket` of `histogram`. */
export function addToHistogram(histogram: Histogram, bucket: number, count: number): void {
  histogram.set(bucket, (histogram.get(bucket) ?? 0) + count);
}

/** The seconds where `bucket` starts and ends. */
export function bucketBounds(bucket: number): [start: number, end: number] {
  if (bucket <= 0) return [0, FIRST_BUCKET_SECONDS];
  return [FIRST_BUCKET_SECONDS * BUCKET_GROWTH ** (bucket - 1), FIRST_BUCKET_SECONDS * BUCKET_GROWTH ** bucket];
}

/**
 * The median of a histogram's durations in seconds, `null` if it is empty. Like
 * `percentile_cont(0.5)` it is the mean of the two middle values when the count is even; each
 * value is placed inside its bucket as if the bucket's values were spread evenly over it, so the
 * result is within one bucket's width (5 %, or a minute below a minute) of the exact median.
 */
export function histogramMedian(histogram: Histogram): number | null {
  const buckets = [...histogram].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const valueAt = (rank: number): number => {
    let before = 0;
    for (const [bucket, count] of buckets) {
      if (rank < before + count) {
        const [start, end] = bucketBounds(bucket);
        return start + ((end - start) * (rank - before + 0.5)) / count;
      }
      before += count;
    }
    throw new Error(`rank ${rank} outside a histogram of ${total}`);
  };
  return (valueAt(Math.floor((total - 1) / 2)) + valueAt(Math.ceil((total - 1) / 2))) / 2;
}
