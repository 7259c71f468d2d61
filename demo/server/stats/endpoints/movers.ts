import { ApiError } from '../../http/errors.js';
import { rankMovers } from '../movers.js';
import { addDays } from '../period.js';
import { groupCounts } from '../queries/rollup.js';
import { echo } from '../scope.js';
import { select } from '../selection.js';
import type { MoversResponse } from '../types.js';
import type { StatsEndpoint } from './context.js';

/**
 * `GET /v1/stats/movers?metric=nps&window=28`: the stores of the selection whose rolling score
 * changed most between the window ending on `to` and the window before it. Managers only.
 */
export const moversEndpoint: StatsEndpoint = (app, ctx) => {
  app.get('/v1/stats/movers', async (c) => {
    const s = await select(c, ctx);
    if (c.var.session.user.role === 'staff') throw new ApiError(403, 'forbidden', 'Movers are for managers');
    if (s.protection.group === 'individual') throw new ApiError(400, 'validation_failed', 'Movers compare stores, not people', { issues: [{ path: ['staff'], message: 'not available for individual results' }] });
    const { filter, query } = s;
    const current = { from: addDays(filter.to, 1 - query.window), to: filter.to };
    const previous = { from: addDays(current.from, -query.window), to: addDays(current.from, -1) };
    const [now, before, stores] = await Promise.all([
      groupCounts(ctx.db, { ...filter, ...current }, 'store'),
      groupCounts(ctx.db, { ...filter, ...previous }, 'store'),
      ctx.db.query<{ id: string; region_id: string; region_name: string | null }>(
        'SELECT s.id, s.region_id, r.name AS region_name FROM stores s LEFT JOIN regions r ON r.brand_id = s.brand_id AND r.id = s.region_id WHERE s.brand_id = $1',
        [filter.brandId],
      ),
    ]);
    const earlier = new Map(before.map((row) => [row.id, row]));
    const region = new Map(stores.map((row) => [row.id, row]));
    const minimum = ctx.config.STAFF_MIN_RESPONSES;
    const ranked = rankMovers(
      now.map((row) => ({ id: row.id, name: row.name, regionId: region.get(row.id)?.region_id ?? '', regionName: region.get(row.id)?.region_name ?? null, current: row, previous: earlier.get(row.id) ?? {} })),
      query.metric,
      minimum,
      Math.min(query.limit, 20),
    );
    const body: MoversResponse = { filter: echo(filter), metric: query.metric, window: query.window, current, previous, minResponses: minimum, ...ranked };
    return c.json(body);
  });
};
