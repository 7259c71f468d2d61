import { ApiError } from '../../http/errors.js';
import { benchmarkFilters } from '../benchmarks.js';
import { toKpis, type Counts } from '../counts.js';
import { dailyCounts } from '../queries/rollup.js';
import { echo, type Filter } from '../scope.js';
import { select } from '../selection.js';
import { firstDayNeeded, trendPeriods } from '../trend-points.js';
import type { Bucket, TrendPoint, TrendResponse } from '../types.js';
import type { StatsEndpoint } from './context.js';

/**
 * The fewest answers a trend point's score is drawn from. Below it the point keeps its `n` and has
 * no value, so a quiet day with two answers is shown as "too few" rather than a swing of ±100.
 */
export const MIN_ANSWERS_PER_POINT = 5;
/** More lines than this on one chart are read by no one: the busiest ones are kept. */
export const MAX_SERIES = 60;

/** Daily rows (optionally per group) of `filter`, reaching back as far as the bucket needs. */
async function daily(ctx: Parameters<StatsEndpoint>[1], filter: Filter, bucket: Bucket, by?: 'region' | 'store') {
  return dailyCounts(ctx.db, { ...filter, from: firstDayNeeded(filter.from, bucket) }, by);
}

function points(rows: ReadonlyArray<Counts & { day: string }>, bucket: Bucket, filter: Filter, minimum: number): TrendPoint[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return trendPeriods(byDay, bucket, filter.from, filter.to).map(({ period, counts }) => ({ period, ...toKpis(counts, minimum) }));
}

/**
 * `GET /v1/stats/trend`: the selection's line by day, ISO week or rolling 7/28 days; with
 * `series=region|store`, one line per region or store of the selection; and the brand's line as
 * a benchmark. Each point's scores need MIN_ANSWERS_PER_POINT answers (or the anonymity minimum
 * where that is higher).
 */
export const trendEndpoint: StatsEndpoint = (app, ctx) => {
  app.get('/v1/stats/trend', async (c) => {
    const s = await select(c, ctx);
    const { filter, query } = s;
    if (query.series !== undefined && s.protection.group === 'individual') {
      throw new ApiError(400, 'validation_failed', 'Individual results have no lines per region or store', { issues: [{ path: ['series'], message: 'not available for individual results' }] });
    }
    const minimum = Math.max(s.summaryMinimum, MIN_ANSWERS_PER_POINT);
    const benchmark = (await benchmarkFilters(ctx.db, c.var.session.user, filter)).brand;
    const [own, lines, brand] = await Promise.all([
      daily(ctx, filter, query.bucket),
      query.series ? daily(ctx, filter, query.bucket, query.series) : Promise.resolve([]),
      benchmark ? daily(ctx, benchmark, query.bucket) : Promise.resolve(null),
    ]);
    const groups = new Map<string, typeof lines>();
    for (const row of lines) {
      const rows = groups.get(row.id) ?? [];
      rows.push(row);
      groups.set(row.id, rows);
    }
    const busiest = [...groups].sort(([, a], [, b]) => volume(b) - volume(a)).slice(0, MAX_SERIES);
    const names = await namesOf(ctx, filter.brandId, query.series, busiest.map(([id]) => id));
    // Each line is a group of its own: pulse lines per store follow the anonymity minimum too.
    const lineMinimum = Math.max(s.protection.minimum, MIN_ANSWERS_PER_POINT);
    const body: TrendResponse = {
      filter: echo(filter),
      bucket: query.bucket,
      minAnswersPerPoint: MIN_ANSWERS_PER_POINT,
      points: points(own, query.bucket, filter, minimum),
      series: busiest
        .map(([id, rows]) => ({ id, name: names.get(id) ?? null, points: points(rows, query.bucket, filter, lineMinimum) }))
        .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id)),
      benchmark: brand ? points(brand, query.bucket, filter, minimum) : null,
    };
    return c.json(body);
  });
};

const volume = (rows: ReadonlyArray<Counts>) => rows.reduce((sum, row) => sum + Number(row.responses ?? 0), 0);

async function namesOf(ctx: Parameters<StatsEndpoint>[1], brandId: string, level: 'region' | 'store' | undefined, ids: string[]): Promise<Map<string, string>> {
  if (!level || ids.length === 0) return new Map();
  const table = level === 'region' ? 'regions' : 'stores';
  const rows = await ctx.db.query<{ id: string; name: string }>(`SELECT id, name FROM ${table} WHERE brand_id = $1 AND id = ANY($2::text[])`, [brandId, ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
