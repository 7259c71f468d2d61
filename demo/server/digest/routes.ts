import { Hono } from 'hono';
import * as z from 'zod';
import type { AuthEnv } from '../auth/env.js';
import { requireSession } from '../auth/middleware.js';
import { HierarchyIdSchema } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { dateRange } from '../stats/params.js';
import { narrow, scopeOf } from '../stats/scope.js';
import { brandTimeZones } from '../stats/time-zones.js';
import { buildDigest } from './build.js';
import { weekBefore, weekRange } from './week.js';

/** `GET /v1/digest` parameters. Strict, like the stats API: an unknown parameter is a 400. */
export const DigestQuerySchema = z.strictObject({
  region: HierarchyIdSchema.optional(),
  store: HierarchyIdSchema.optional(),
  /** ISO week (`2026-W10`). @default the last complete week (in the brand's stores furthest ahead in time) */
  week: z
    .string()
    .refine((w) => weekRange(w) !== undefined, 'must be an ISO week such as 2026-W10')
    .optional(),
});

/**
 * `GET /v1/digest?region=&store=&week=`: the printable weekly digest of a scope, for managers
 * (staff: 403). Scoped like `/v1/stats`: the session's scope, narrowed by `region`/`store` (403
 * outside it); without them, the whole scope (corporate: the brand).
 */
export function digestRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/v1/digest', requireSession(ctx));
  app.get('/v1/digest', async (c) => {
    const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1).map(([key]) => key);
    if (repeated.length > 0) throw new ApiError(400, 'validation_failed', 'A query parameter is repeated', { issues: repeated.map((key) => ({ path: [key], message: 'must be given once' })) });
    const parsed = DigestQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw new ApiError(400, 'validation_failed', 'Invalid query parameters', { issues: parsed.error.issues });
    const { user } = c.var.session;
    if (user.role === 'staff') throw new ApiError(403, 'forbidden', 'The digest is for managers');
    const scope = await scopeOf(ctx.db, user);
    const target = await narrow(ctx.db, scope, parsed.data);
    const now = ctx.now();
    let week = parsed.data.week;
    if (week === undefined) {
      const today = dateRange({}, now, await brandTimeZones(ctx.db, user.brandId, now.getTime()));
      week = weekBefore('error' in today ? now.toISOString().slice(0, 10) : today.to);
    }
    return c.json(await buildDigest(ctx.db, target, week, now, ctx.config.STAFF_MIN_RESPONSES));
  });
  return app;
}
