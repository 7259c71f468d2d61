import { listTargets, targetResolver, type TargetResolver } from '../../targets/repository.js';
import { benchmarkFilters } from '../benchmarks.js';
import { toKpis } from '../counts.js';
import { previousPeriod } from '../period.js';
import { groupCounts, summaryCounts } from '../queries/rollup.js';
import { echo, type Filter } from '../scope.js';
import { select, type Selection } from '../selection.js';
import type { Group, Kpis, Level, StatsResponse, Targets } from '../types.js';
import type { StatsEndpoint } from './context.js';
import type { Queryable } from '../../db/database.js';

/** Targets for the groups of one level, and for the selection as a whole. */
async function resolverFor(db: Queryable, brandId: string): Promise<TargetResolver> {
  const [targets, stores] = await Promise.all([
    listTargets(db, brandId),
    db.query<{ id: string; region_id: string }>('SELECT id, region_id FROM stores WHERE brand_id = $1', [brandId]),
  ]);
  const regions = new Map(stores.map((s) => [s.id, s.region_id]));
  return targetResolver(targets, (store) => regions.get(store));
}

function targetsOf(resolver: TargetResolver, level: Level, id: string): Targets {
  if (level === 'store') return resolver.store(id);
  if (level === 'region') return resolver.region(id);
  if (level === 'brand') return resolver.brand();
  return resolver.none();
}

function selectionTargets(resolver: TargetResolver, filter: Filter): Targets {
  if (filter.staffId !== undefined) return resolver.none();
  if (filter.storeId !== undefined) return resolver.store(filter.storeId);
  if (filter.regionId !== undefined) return resolver.region(filter.regionId);
  return resolver.brand();
}

/** The groups at `level` of a filter, with their previous period's figures and their targets. */
export async function groupsWithContext(db: Queryable, s: Selection, resolver: TargetResolver): Promise<Group[]> {
  const previous = { ...s.filter, ...previousPeriod(s.filter) };
  const [rows, before] = await Promise.all([groupCounts(db, s.filter, s.query.level), groupCounts(db, previous, s.query.level)]);
  const earlier = new Map(before.map((row) => [row.id, row]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    ...toKpis(row, s.groupMinimum),
    previous: toKpis(earlier.get(row.id) ?? {}, s.groupMinimum),
    targets: targetsOf(resolver, s.query.level, row.id),
  }));
}

/**
 * `GET /v1/stats`: the selection's KPIs with the previous period of equal length, brand and
 * region benchmarks and targets, and one row per group at `level` (the store leaderboard with
 * `level=store`).
 */
export const summaryEndpoint: StatsEndpoint = (app, ctx) => {
  app.get('/v1/stats', async (c) => {
    const s = await select(c, ctx);
    const previous = previousPeriod(s.filter);
    const benchmarks = await benchmarkFilters(ctx.db, c.var.session.user, s.filter);
    const kpis = async (filter: Filter | null): Promise<Kpis | null> => (filter ? toKpis(await summaryCounts(ctx.db, filter), s.summaryMinimum) : null);
    const resolver = await resolverFor(ctx.db, s.filter.brandId);
    const [summary, before, brand, region, groups] = await Promise.all([
      summaryCounts(ctx.db, s.filter),
      summaryCounts(ctx.db, { ...s.filter, ...previous }),
      kpis(benchmarks.brand),
      kpis(benchmarks.region),
      groupsWithContext(ctx.db, s, resolver),
    ]);
    const body: StatsResponse = {
      level: s.query.level,
      filter: echo(s.filter),
      minResponses: ctx.config.STAFF_MIN_RESPONSES,
      summary: toKpis(summary, s.summaryMinimum),
      targets: selectionTargets(resolver, s.filter),
      previous: { ...previous, summary: toKpis(before, s.summaryMinimum) },
      benchmarks: { brand, region },
      groups,
    };
    return c.json(body);
  });
};
