/**
 * What one case contributes to the closing-the-loop metrics, as countable facts: the case rollups
 * of migration 088 (`case_store_months`, `case_region_months`, `case_region_days`) hold their
 * sums, and `GET /v1/cases/metrics` adds them up over a window.
 *
 * A case's facts are `(fact, bucket)` pairs, each counted once:
 *
 * | fact | when | bucket |
 * |---|---|---|
 * | `opened` | always | 0 |
 * | `escalated` | escalated (at any time) | 0 |
 * | `resolved` | resolved now | 0 |
 * | `on_time` | resolved by its due time | 0 |
 * | `first_response` | a first human action | its duration's bucket |
 * | `resolve` | resolved now | its duration's bucket |
 * | `cause:<root cause id>` | resolved now | 0 |
 *
 * Durations are bucketed so that sums of buckets give medians (cases/histogram.ts): bucket 0 is
 * under a minute, bucket `b ≥ 1` is `[60·1.05^(b−1), 60·1.05^b)` seconds, 5 % wide.
 */

/** How much wider each duration bucket is than the one before. */
export const BUCKET_GROWTH = 1.05;
/** The end of bucket 0, in seconds: everything under a minute. */
export const FIRST_BUCKET_SECONDS = 60;

/** The bucket of a duration in seconds (an SQL float8 expression). */
export function durationBucketSql(seconds: string): string {
  return `(CASE WHEN ${seconds} < ${FIRST_BUCKET_SECONDS} THEN 0 ELSE 1 + floor(ln((${seconds}) / ${FIRST_BUCKET_SECONDS}) / ln(${BUCKET_GROWTH}))::int END)`;
}

const seconds = (alias: string, column: string) => `extract(epoch FROM ${alias}.${column} - ${alias}.created_at)::float8`;

/**
 * The facts of the case `alias`, as a `CROSS JOIN LATERAL` giving `f.fact`, `f.bucket`, and
 * `f.counted`: select only the rows where it is true.
 */
export function caseFactsSql(alias: string): string {
  const resolved = `${alias}.status = 'resolved'`;
  return `CROSS JOIN LATERAL (VALUES
    ('opened', 0, true),
    ('escalated', 0, ${alias}.escalated_at IS NOT NULL),
    ('resolved', 0, ${resolved}),
    ('on_time', 0, ${resolved} AND ${alias}.resolved_at <= ${alias}.due_at),
    ('first_response', ${durationBucketSql(seconds(alias, 'first_response_at'))}, ${alias}.first_response_at IS NOT NULL),
    ('resolve', ${durationBucketSql(seconds(alias, 'resolved_at'))}, ${resolved}),
    ('cause:' || ${alias}.root_cause, 0, ${resolved})
  ) AS f(fact, bucket, counted)`;
}

/** The UTC month a case counts in (an SQL date expression). */
export function caseMonthSql(alias: string): string {
  return `date_trunc('month', ${alias}.created_at AT TIME ZONE 'UTC')::date`;
}

/** The UTC day a case counts in (an SQL date expression). */
export function caseDaySql(alias: string): string {
  return `(${alias}.created_at AT TIME ZONE 'UTC')::date`;
}
