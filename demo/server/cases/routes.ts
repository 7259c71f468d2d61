import { Hono, type Context } from 'hono';
import type { AuthEnv } from '../auth/env.js';
import { requireSession } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { readJson, requireMediaType } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { invalid, invalidField } from '../http/invalid.js';
import { loadBrandSettings } from '../settings/repository.js';
import { dateRange } from '../stats/params.js';
import { caseFilter, rejectRepeatedParams } from './access.js';
import { caseDetail } from './detail.js';
import { listCases } from './list.js';
import { caseMetrics } from './metrics.js';
import { CaseListQuerySchema, CaseMetricsQuerySchema, CasePatchSchema } from './params.js';
import { updateCase } from './update.js';

/** A PATCH body is a note at most: 5,000 characters, a few times over for JSON escapes. */
const MAX_PATCH_BYTES = 32 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function caseId(c: Context): string {
  const id = (c.req.param('id') ?? '').toLowerCase();
  if (!UUID.test(id)) throw invalidField(['id'], 'must be a case id (a UUID)');
  return id;
}

function query<S extends typeof CaseListQuerySchema | typeof CaseMetricsQuerySchema>(c: Context, schema: S) {
  rejectRepeatedParams(c);
  const raw = c.req.query();
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid('query parameters', parsed.error.issues, raw);
  return parsed.data as ReturnType<S['parse']>;
}

/**
 * The cases API (docs/collector.md, "Cases"), every route behind a session and confined to the
 * user's scope as `/v1/stats` is (stats/scope.ts); staff accounts get 403 on all of them:
 * `GET /v1/cases` (the inbox), `GET /v1/cases/metrics` (closing-the-loop figures),
 * `GET /v1/cases/:id` (the whole case) and `PATCH /v1/cases/:id` (work it; CSRF-checked).
 * A case outside the scope is a 404, exactly like one that does not exist.
 */
export function caseRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/v1/cases', requireSession(ctx));
  app.use('/v1/cases/*', requireSession(ctx));

  app.get('/v1/cases', async (c) => {
    const q = query(c, CaseListQuerySchema);
    const filter = await caseFilter(c, ctx.db, q);
    return c.json(await listCases(ctx.db, filter, q, c.var.session.user.id, ctx.now()));
  });

  // Before `/v1/cases/:id`, which would otherwise take "metrics" for an id.
  app.get('/v1/cases/metrics', async (c) => {
    const q = query(c, CaseMetricsQuerySchema);
    const range = dateRange(q, ctx.now());
    if ('error' in range) throw invalidField(['from'], range.error, 'query parameters');
    const filter = await caseFilter(c, ctx.db, q);
    const { settings } = await loadBrandSettings(ctx.db, filter.brandId, ctx.log);
    return c.json(await caseMetrics(ctx.db, filter, q.level, { ...range, now: ctx.now() }, settings.cases.rootCauses));
  });

  app.get('/v1/cases/:id', async (c) => {
    const id = caseId(c);
    const filter = await caseFilter(c, ctx.db, {});
    const detail = await caseDetail(ctx, filter, id);
    if (!detail) throw new ApiError(404, 'not_found', 'No such case');
    return c.json(detail);
  });

  app.patch('/v1/cases/:id', async (c) => {
    const id = caseId(c);
    const filter = await caseFilter(c, ctx.db, {});
    requireMediaType(c, ['application/json']);
    const body = await readJson(c.req.raw, MAX_PATCH_BYTES);
    const patch = CasePatchSchema.safeParse(body);
    if (!patch.success) throw invalid('case change', patch.error.issues, body);
    await updateCase(ctx, filter, c.var.session.user, id, patch.data);
    const detail = await caseDetail(ctx, filter, id);
    if (!detail) throw new ApiError(404, 'not_found', 'No such case');
    return c.json(detail);
  });

  return app;
}
