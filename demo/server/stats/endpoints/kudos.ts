import { ApiError } from '../../http/errors.js';
import { recentKudos } from '../queries/kudos.js';
import { echo } from '../scope.js';
import { select } from '../selection.js';
import type { KudosResponse } from '../types.js';
import type { StatsEndpoint } from './context.js';

/** `GET /v1/stats/kudos`: positive comments that name or mention a member of staff. */
export const kudosEndpoint: StatsEndpoint = (app, ctx) => {
  app.get('/v1/stats/kudos', async (c) => {
    const s = await select(c, ctx);
    // Kudos are what customers say about staff; pulse answers are anonymous and never quoted as praise.
    if (s.protection.group === 'pulse') throw new ApiError(400, 'validation_failed', 'Kudos come from customer feedback', { issues: [{ path: ['channel'], message: 'kudos have no employee channel' }] });
    const body: KudosResponse = { filter: echo(s.filter), kudos: await recentKudos(ctx.db, s.filter, s.query.limit, ctx.config.STAFF_MIN_RESPONSES) };
    return c.json(body);
  });
};
