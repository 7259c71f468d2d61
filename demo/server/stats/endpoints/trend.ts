import { ApiError } from '../../http/errors.js';
import { benchmarkFilters } from '../benchmarks.js';
import { toKpis, type Counts } from '../counts.js';
import { dailyCounts, groupCounts } from '../queries/rollup.js';
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

/**
 * Rows of counts (optionally per group, or for some groups) of `filter`, reaching back as far as
 * the bucket needs: a row per week for weekly points, summed by the database, else per day (the
 * rolling windows are drawn from days).
 */
async function daily(ctx: Parameters<StatsEndpoint>[1], filter: Filter, bucket: Bucket, by?: 'region' | 'store', ids?: readonly string[]) {
  return dailyCounts(ctx.db, { ...filter, from: firstDayNeeded(filter.from, bucket) }, by, ids, bucket === 'week' ? 'week' : 'day');
}

/**
 * The MAX_SERIES busiest regions or stores over the days the chart needs, with their names: the
 * period totals come from the monthly rollup, so only their daily rows are read afterwards. A
 * year of 500 stores is otherwise 180,000 store-days sent from the database to be thrown away.
 */
async function busiest(ctx: Parameters<StatsEndpoint>[1], filter: Filter, bucket: Bucket, by: 'region' | 'store') {
  const groups = await groupCounts(ctx.db, { ...filter, from: firstDayNeeded(filter.from, bucket) }, by);
  return groups.sort((a, b) => Number(b.responses ?? 0) - Number(a.responses ?? 0) || a.id.localeCompare(b.id)).slice(0, MAX_SERIES);
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
    const series = query.series;
    const ownRows = daily(ctx, filter, query.bucket);
    // The whole brand's selection is its own benchmark (a corporate view): read it once.
    const wholeBrand = benchmark && [filter.regionId, filter.storeId, filter.staffId].every((id) => id === undefined);
    const [own, lines, brand] = await Promise.all([
      ownRows,
      series ? busiest(ctx, filter, query.bucket, series).then(async (top) => ({ top, rows: await daily(ctx, filter, query.bucket, series, top.map((g) => g.id)) })) : Promise.resolve({ top: [], rows: [] }),
      benchmark ? (wholeBrand ? ownRows : daily(ctx, benchmark, query.bucket)) : Promise.resolve(null),
    ]);
    const groups = new Map<string, typeof lines.rows>();
    for (const row of lines.rows) {
      const rows = groups.get(row.id) ?? [];
      rows.push(row);
      groups.set(row.id, rows);
    }
    const names = new Map(lines.top.map((g) => [g.id, g.name]));
    // Each line is a group of its own: pulse lines per store follow the anonymity minimum too.
    const lineMinimum = Math.max(s.protection.minimum, MIN_ANSWERS_PER_POINT);
    const body: TrendResponse = {
      filter: echo(filter),
      bucket: query.bucket,
      minAnswersPerPoint: MIN_ANSWERS_PER_POINT,
      points: points(own, query.bucket, filter, minimum),
      series: [...groups]
        .map(([id, rows]) => ({ id, name: names.get(id) ?? null, points: points(rows, query.bucket, filter, lineMinimum) }))
        .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id)),
      benchmark: brand ? points(brand, query.bucket, filter, minimum) : null,
    };
    return c.json(body);
  });
};
