import { Hono } from 'hono';
import type { AuthEnv } from '../auth/env.js';
import { requireSession } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { scopeOf } from '../stats/scope.js';
import { directoryOf } from './query.js';
import type { DirectoryResponse } from './types.js';

/**
 * `GET /v1/directory`: the names of the regions, stores (with their time zones) and staff within
 * the session's scope, so the dashboard shows "Oslo Karl Johans gate" rather than "store 017",
 * and times in the store's own zone. The scope comes from the session (`scopeOf`, the same rule
 * as the stats API); the endpoint takes no parameters.
 */
export function directoryRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/v1/directory', requireSession(ctx));
  app.get('/v1/directory', async (c) => {
    // Strict like the stats API: `?brand=other` must fail loudly, not look like it worked.
    const unknown = Object.keys(c.req.queries());
    if (unknown.length > 0) {
      throw new ApiError(400, 'validation_failed', 'The directory takes no query parameters (the scope comes from your session)', {
        issues: unknown.map((key) => ({ path: [key], message: 'unknown parameter' })),
      });
    }
    const scope = await scopeOf(ctx.db, c.var.session.user);
    const body: DirectoryResponse = await directoryOf(ctx.db, scope);
    return c.json(body);
  });
  return app;
}
