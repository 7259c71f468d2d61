import { Hono } from 'hono';
import type { AuthEnv } from '../auth/env.js';
import { requireSession } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { ApiError, errorResponse } from '../http/errors.js';
import { answersEndpoint } from './endpoints/answers.js';
import { commentsEndpoint } from './endpoints/comments.js';
import type { StatsEndpoint } from './endpoints/context.js';
import { distributionEndpoint } from './endpoints/distribution.js';
import { exportEndpoint } from './endpoints/export.js';
import { kudosEndpoint } from './endpoints/kudos.js';
import { moversEndpoint } from './endpoints/movers.js';
import { summaryEndpoint } from './endpoints/summary.js';
import { topicsEndpoint } from './endpoints/topics.js';
import { trendEndpoint } from './endpoints/trend.js';

const ENDPOINTS: StatsEndpoint[] = [summaryEndpoint, trendEndpoint, distributionEndpoint, answersEndpoint, commentsEndpoint, kudosEndpoint, moversEndpoint, topicsEndpoint, exportEndpoint];

/**
 * The dashboard's read API, every endpoint behind a session and confined to the user's scope
 * (one file per endpoint in `endpoints/`): `/v1/stats` (KPIs with the previous period, benchmarks,
 * targets, and groups), `/trend`, `/distribution`, `/answers`, `/comments`, `/kudos`, `/movers`, `/topics`,
 * `/export.csv`.
 */
export function statsRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    ctx.log.error('stats request failed', { path: c.req.path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return c.json({ error: 'internal_error', message: 'Internal server error' }, 500);
  });
  app.use('/v1/stats', requireSession(ctx));
  app.use('/v1/stats/*', requireSession(ctx));
  for (const endpoint of ENDPOINTS) endpoint(app, ctx);
  return app;
}
