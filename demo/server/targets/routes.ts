import { Hono } from 'hono';
import type { AuthEnv } from '../auth/env.js';
import { requireSession } from '../auth/middleware.js';
import type { User } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { readJson } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { deleteTarget, listTargets, saveTarget, type Target } from './repository.js';
import { TargetInputSchema, TargetKeySchema, type TargetKey } from './schema.js';

const MAX_BODY_BYTES = 4 * 1024;

const invalid = (issues: unknown) => new ApiError(400, 'validation_failed', 'Invalid target', { issues });
const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

/** The store's region, or undefined when the brand has no such store. */
async function regionOfStore(ctx: AppContext, brandId: string, storeId: string): Promise<string | undefined> {
  const [row] = await ctx.db.query<{ region_id: string }>('SELECT region_id FROM stores WHERE brand_id = $1 AND id = $2', [brandId, storeId]);
  return row?.region_id;
}

/**
 * Who sets which target: corporate any (brand, region, store); a regional manager their region's
 * stores; nobody else. An id that does not exist in the brand is a 400, one outside the user's
 * region a 403.
 */
async function authorize(ctx: AppContext, user: User, key: TargetKey): Promise<void> {
  if (key.level === 'region' && key.id !== undefined) {
    const [row] = await ctx.db.query('SELECT 1 FROM regions WHERE brand_id = $1 AND id = $2', [user.brandId, key.id]);
    if (!row) throw invalid([{ path: ['id'], message: `no region "${key.id}" in your brand` }]);
  }
  const storeRegion = key.level === 'store' && key.id !== undefined ? await regionOfStore(ctx, user.brandId, key.id) : undefined;
  if (key.level === 'store' && storeRegion === undefined) throw invalid([{ path: ['id'], message: `no store "${key.id}" in your brand` }]);
  if (user.role === 'corporate') return;
  if (user.role === 'regional' && key.level === 'store' && storeRegion === user.regionId) return;
  if (user.role === 'regional') throw forbidden(key.level === 'store' ? `Store "${key.id}" is not in your region` : 'Regional managers set targets for the stores of their region');
  throw forbidden('Targets are set by corporate and regional managers');
}

/** The targets a user may see: the brand's, and those of their region and stores. */
async function visibleTargets(ctx: AppContext, user: User): Promise<Target[]> {
  const all = await listTargets(ctx.db, user.brandId);
  if (user.role === 'corporate') return all;
  const regionId = user.role === 'regional' ? user.regionId : user.storeId ? await regionOfStore(ctx, user.brandId, user.storeId) : undefined;
  const stores = new Set(
    user.role === 'regional'
      ? (await ctx.db.query<{ id: string }>('SELECT id FROM stores WHERE brand_id = $1 AND region_id = $2', [user.brandId, regionId])).map((r) => r.id)
      : [user.storeId ?? ''],
  );
  return all.filter((t) => t.level === 'brand' || (t.level === 'region' && t.id === regionId) || (t.level === 'store' && t.id !== null && stores.has(t.id)));
}

/**
 * `GET /v1/targets` (managers: the brand's targets and their own region's and stores'),
 * `PUT /v1/targets` `{ level, id?, metric, value }` and `DELETE /v1/targets?level=&id=&metric=`
 * (corporate; regional managers for their stores). Writes need the CSRF token, like every
 * dashboard write.
 */
export function targetRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/v1/targets', requireSession(ctx));

  app.get('/v1/targets', async (c) => {
    const { user } = c.var.session;
    if (user.role === 'staff') throw forbidden('Targets are for managers');
    return c.json({ targets: await visibleTargets(ctx, user) });
  });

  app.put('/v1/targets', async (c) => {
    const { user } = c.var.session;
    const parsed = TargetInputSchema.safeParse(await readJson(c.req.raw, MAX_BODY_BYTES));
    if (!parsed.success) throw invalid(parsed.error.issues);
    await authorize(ctx, user, parsed.data);
    await saveTarget(ctx.db, user.brandId, parsed.data, user.id, ctx.now());
    return c.json({ targets: await visibleTargets(ctx, user) });
  });

  app.delete('/v1/targets', async (c) => {
    const { user } = c.var.session;
    const parsed = TargetKeySchema.safeParse(c.req.query());
    if (!parsed.success) throw invalid(parsed.error.issues);
    await authorize(ctx, user, parsed.data);
    if (!(await deleteTarget(ctx.db, user.brandId, parsed.data))) throw new ApiError(404, 'not_found', 'No such target');
    return c.body(null, 204);
  });

  return app;
}
