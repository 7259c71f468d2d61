import { Hono } from 'hono';
import type { AuthEnv } from '../auth/env.js';
import { requireSession } from '../auth/middleware.js';
import { rejectRepeatedParams } from '../cases/access.js';
import type { AppContext } from '../context.js';
import { readJson, requireMediaType } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { invalid, invalidField } from '../http/invalid.js';
import { dateRange } from '../stats/params.js';
import { narrow, scopeOf } from '../stats/scope.js';
import { recognitionByStore } from './counts.js';
import { RecognitionQuerySchema, ThanksSchema } from './params.js';
import { forwardKudos } from './thanks.js';
import type { ThanksResponse } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_BODY_BYTES = 8 * 1024;

/**
 * The recognition API (docs/collector.md, "Recognition"); the kudos themselves, with their
 * thanks, are `GET /v1/stats/kudos`:
 * - `POST /v1/kudos/:id/thanks`: a manager forwards a kudos to the person it is for, with thanks.
 * - `GET /v1/recognition/stores`: kudos and forwarded kudos per store (managers; never per person).
 */
export function recognitionRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/v1/kudos/*', requireSession(ctx));
  app.use('/v1/recognition/*', requireSession(ctx));

  app.post('/v1/kudos/:id/thanks', async (c) => {
    const user = c.var.session.user;
    if (user.role === 'staff') throw new ApiError(403, 'forbidden', 'Kudos are forwarded by managers');
    const id = (c.req.param('id') ?? '').toLowerCase();
    if (!UUID.test(id)) throw invalidField(['id'], 'must be a kudos id (a submission UUID)');
    requireMediaType(c, ['application/json']);
    const body = await readJson(c.req.raw, MAX_BODY_BYTES);
    const parsed = ThanksSchema.safeParse(body);
    if (!parsed.success) throw invalid('thanks', parsed.error.issues, body);
    const scope = await scopeOf(ctx.db, user);
    const response: ThanksResponse = { thanks: await forwardKudos(ctx, { brandId: scope.brandId, regionId: scope.regionId, storeId: scope.storeId }, user, id, parsed.data) };
    return c.json(response, 201);
  });

  app.get('/v1/recognition/stores', async (c) => {
    const user = c.var.session.user;
    if (user.role === 'staff') throw new ApiError(403, 'forbidden', 'Recognition per store is for managers; your kudos are in your own view');
    rejectRepeatedParams(c);
    const raw = c.req.query();
    const parsed = RecognitionQuerySchema.safeParse(raw);
    if (!parsed.success) throw invalid('query parameters', parsed.error.issues, raw);
    const range = dateRange(parsed.data, ctx.now());
    if ('error' in range) throw invalidField(['from'], range.error, 'query parameters');
    const filter = await narrow(ctx.db, await scopeOf(ctx.db, user), parsed.data);
    return c.json(await recognitionByStore(ctx.db, filter, range));
  });

  return app;
}
