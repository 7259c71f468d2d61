import { Hono, type Context } from 'hono';
import type { AuthEnv } from '../auth/env.js';
import { requireSession } from '../auth/middleware.js';
import { rejectRepeatedParams } from '../cases/access.js';
import type { AppContext } from '../context.js';
import { readJson, requireMediaType } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { invalid, invalidField } from '../http/invalid.js';
import { dateRange } from '../stats/params.js';
import { ideaFilter, metricsFilter } from './access.js';
import { listIdeas } from './list.js';
import { ideaMetrics } from './metrics.js';
import { IdeaListQuerySchema, IdeaMetricsQuerySchema, IdeaPatchSchema, IdeaSubmitSchema, PulseIdeaSubmitSchema } from './params.js';
import { placeOfPulseKey } from '../pulse/keys.js';
import { pulseLimits } from '../pulse/rate-limits.js';
import { pulseKeyOf } from './pulse-keys.js';
import { submitIdea } from './submit.js';
import type { IdeaListResponse } from './types.js';
import { answerIdea } from './update.js';

/** An idea is 2,000 characters at most: 16 KB leaves room for JSON escapes. */
const MAX_BODY_BYTES = 16 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Metrics default to a quarter: ideas are fewer than customer feedback. */
const METRICS_DAYS = 90;

function parse<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: Parameters<typeof invalid>[1] } } }, input: unknown, subject: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(subject, parsed.error.issues, input);
  return parsed.data;
}

async function body(c: Context): Promise<unknown> {
  requireMediaType(c, ['application/json']);
  return readJson(c.req.raw, MAX_BODY_BYTES);
}

/**
 * The ideas API (docs/collector.md, "Ideas"):
 * - `POST /v1/ideas/pulse`: a staff member's idea from the pulse page, without a login; the
 *   per-store pulse key (`Authorization: Bearer <key>` or `?key=`) says which store.
 * - `POST /v1/ideas`: a staff member's idea from their dashboard (session, CSRF-checked).
 * - `GET /v1/ideas`: the ideas the caller may see (their store's for staff and store managers;
 *   escalated ones for the region and corporate), anonymous unless signed, dated by day.
 * - `PATCH /v1/ideas/:id`: a manager's answer (status and reply).
 * - `GET /v1/ideas/metrics`: volume and response rates per store or region (managers).
 */
export function ideaRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const limits = pulseLimits(ctx.config, ctx.now);

  // Before the session middleware: the pulse page has no login, only its store's key.
  app.post('/v1/ideas/pulse', async (c) => {
    limits.address(c);
    const key = pulseKeyOf(c);
    if (!key) throw new ApiError(401, 'unauthorized', 'A pulse key is required (Authorization: Bearer <pulse key>)');
    const place = await placeOfPulseKey(ctx.db, key);
    if (!place) throw new ApiError(401, 'unauthorized', 'Unknown pulse key');
    if (place.revoked) throw new ApiError(401, 'revoked_pulse_key', 'This pulse link has been revoked: ask your store manager for the current one');
    const input = parse(PulseIdeaSubmitSchema, await body(c), 'idea');
    // After validation: a malformed idea, which stores nothing, spends none of the store's hour.
    limits.idea(place.brandId, place.storeId);
    const idea = await submitIdea(ctx, { brandId: place.brandId, storeId: place.storeId, text: input.text, signature: input.name ? { staffId: null, name: input.name } : null });
    return c.json({ idea }, 201);
  });

  app.use('/v1/ideas', requireSession(ctx));
  app.use('/v1/ideas/metrics', requireSession(ctx));
  app.use('/v1/ideas/:id', requireSession(ctx));

  app.post('/v1/ideas', async (c) => {
    const user = c.var.session.user;
    if (user.role !== 'staff' || !user.staffId) throw new ApiError(403, 'forbidden', 'Ideas are written by staff; managers answer them');
    const input = parse(IdeaSubmitSchema, await body(c), 'idea');
    const [member] = await ctx.db.query<{ store_id: string; name: string }>('SELECT store_id, name FROM staff WHERE brand_id = $1 AND id = $2', [user.brandId, user.staffId]);
    if (!member) throw new ApiError(403, 'forbidden', 'Your account is not linked to a store');
    const idea = await submitIdea(ctx, { brandId: user.brandId, storeId: member.store_id, text: input.text, signature: input.signed ? { staffId: user.staffId, name: member.name } : null });
    return c.json({ idea }, 201);
  });

  app.get('/v1/ideas', async (c) => {
    rejectRepeatedParams(c);
    const q = parse(IdeaListQuerySchema, c.req.query(), 'query parameters');
    const filter = await ideaFilter(ctx.db, c.var.session.user, q);
    const body: IdeaListResponse = { ideas: await listIdeas(ctx.db, filter, q), canAnswer: filter.canAnswer };
    return c.json(body);
  });

  // Before `/v1/ideas/:id`, which would otherwise take "metrics" for an id.
  app.get('/v1/ideas/metrics', async (c) => {
    rejectRepeatedParams(c);
    const q = parse(IdeaMetricsQuerySchema, c.req.query(), 'query parameters');
    const to = q.to ?? ctx.now().toISOString().slice(0, 10);
    const range = dateRange({ from: q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (METRICS_DAYS - 1) * 86_400_000).toISOString().slice(0, 10), to }, ctx.now());
    if ('error' in range) throw invalidField(['from'], range.error, 'query parameters');
    const filter = await metricsFilter(ctx.db, c.var.session.user, q);
    return c.json(await ideaMetrics(ctx.db, filter, q.level, range));
  });

  app.patch('/v1/ideas/:id', async (c) => {
    const id = (c.req.param('id') ?? '').toLowerCase();
    if (!UUID.test(id)) throw invalidField(['id'], 'must be an idea id (a UUID)');
    const filter = await ideaFilter(ctx.db, c.var.session.user, {});
    const patch = parse(IdeaPatchSchema, await body(c), 'answer');
    return c.json({ idea: await answerIdea(ctx, filter, c.var.session.user, id, patch) });
  });

  return app;
}
