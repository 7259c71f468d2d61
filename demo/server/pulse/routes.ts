import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import * as z from 'zod';
import { IdSchema } from '../../../sdk/index.js';
import { MAX_ADMIN_BODY_BYTES, requireAdmin } from '../admin/auth.js';
import type { AuthEnv } from '../auth/env.js';
import { requireSession } from '../auth/middleware.js';
import type { User } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { readJson } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { invalidateWriteKeys, resolveIngestKey, writeKeyOf } from '../ingest/write-keys.js';
import { loadBrandSettings } from '../settings/repository.js';
import { activePulseKey, listPulseKeys, PULSE_KEY_PREFIX, revokePulseKey, rotatePulseKey, type PulseKey } from './keys.js';
import { pulseLimits } from './rate-limits.js';
import { pulseWindow, type PulseWindow } from './schedule.js';

/** What the pulse page needs before its first question (`GET /v1/pulse/session`). */
export interface PulseSession {
  brand: { id: string; name: string };
  store: { id: string; name: string };
  surveyId: string;
  /** STAFF_MIN_RESPONSES: the page says no result shows before this many colleagues answered. */
  minimum: number;
  every: 'week' | 'month';
  window: PulseWindow;
}

/** One store's pulse link, as a manager sees it (`GET /v1/pulse/links`). */
export interface PulseLink {
  store: string;
  name: string;
  region: string;
  /** The active key; `null` when the store has none (never made, or revoked). */
  key: PulseKey | null;
  /** The link staff open: the key travels in the fragment, which browsers never send to a server. */
  url: string | null;
}

const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const StoreParam = IdSchema;
export const AdminKeyBody = z.strictObject({ key: z.string().startsWith(PULSE_KEY_PREFIX).max(120).regex(/^[A-Za-z0-9_-]+$/).optional() });

/** The link for a key on the origin the manager reached the collector through. */
export const pulseUrl = (origin: string, key: string): string => `${origin}/pulse/#k=${encodeURIComponent(key)}`;

/**
 * The stores a manager handles pulse links for: corporate every store of the brand, a regional
 * manager their region's, a store manager their own. Staff handle none: the link is the store's,
 * handed out by its manager.
 */
async function storesOf(ctx: AppContext, user: User): Promise<Array<{ id: string; name: string; region_id: string }>> {
  if (user.role === 'staff') throw forbidden('Pulse links are handed out by managers');
  const rows = await ctx.db.query<{ id: string; name: string; region_id: string }>(
    `SELECT id, name, region_id FROM stores WHERE brand_id = $1
       AND ($2::text IS NULL OR region_id = $2) AND ($3::text IS NULL OR id = $3) ORDER BY id`,
    [user.brandId, user.role === 'regional' ? user.regionId : null, user.role === 'store' ? user.storeId : null],
  );
  return rows;
}

async function storeInScope(ctx: AppContext, user: User, c: Context): Promise<{ id: string; name: string; region_id: string }> {
  const id = c.req.param('store') ?? '';
  if (!StoreParam.safeParse(id).success) throw new ApiError(400, 'invalid_id', `"${id}" is not a valid store id`);
  const store = (await storesOf(ctx, user)).find((s) => s.id === id);
  if (store) return store;
  const [exists] = await ctx.db.query('SELECT 1 FROM stores WHERE brand_id = $1 AND id = $2', [user.brandId, id]);
  if (exists) throw forbidden(`Store "${id}" is not yours to hand out pulse links for`);
  throw new ApiError(404, 'store_not_found', `No store "${id}" in your brand`);
}

/**
 * The pulse API (docs/collector.md, "Pulse"):
 * - `GET /v1/pulse/session` with the pulse key (`Authorization: Bearer pk_pulse_…` or `?key=`):
 *   what the no-login pulse page shows before the first question.
 * - Managers (dashboard session, CSRF on writes): `GET /v1/pulse/links`, `POST /v1/pulse/links/:store`
 *   (make or rotate the store's key), `DELETE /v1/pulse/links/:store` (revoke it),
 *   `GET /v1/pulse/links/:store/qr.svg` (the printable QR code of the link).
 * - The operator (ADMIN_TOKEN): `GET /v1/admin/brands/:brand/pulse-keys`,
 *   `POST /v1/admin/brands/:brand/stores/:store/pulse-keys`, `DELETE /v1/admin/brands/:brand/pulse-keys/:key`.
 */
export function pulseRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const { db } = ctx;
  const limits = pulseLimits(ctx.config, ctx.now);

  app.get('/v1/pulse/session', async (c) => {
    limits.address(c);
    const key = await resolveIngestKey(ctx, writeKeyOf(c));
    if (key.kind !== 'pulse') throw new ApiError(403, 'pulse_key_required', 'This is a customer write key: the pulse page needs a store pulse link (pk_pulse_…)');
    const [row] = await db.query<{ brand_name: string; store_name: string; time_zone: string }>(
      'SELECT b.name AS brand_name, s.name AS store_name, s.time_zone FROM stores s JOIN brands b ON b.id = s.brand_id WHERE s.brand_id = $1 AND s.id = $2',
      [key.brandId, key.store],
    );
    if (!row) throw new ApiError(404, 'store_not_found', 'The store of this pulse link no longer exists');
    const { settings } = await loadBrandSettings(db, key.brandId, ctx.log);
    const body: PulseSession = {
      brand: { id: key.brandId, name: row.brand_name },
      store: { id: key.store, name: row.store_name },
      surveyId: settings.pulse.surveyId,
      minimum: ctx.config.STAFF_MIN_RESPONSES,
      every: settings.pulse.every,
      window: pulseWindow(settings.pulse, row.time_zone, ctx.now()),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.use('/v1/pulse/links', requireSession(ctx));
  app.use('/v1/pulse/links/*', requireSession(ctx));
  const origin = (c: Context) => new URL(c.req.url).origin;
  const linkOf = (c: Context, store: { id: string; name: string; region_id: string }, key: PulseKey | undefined): PulseLink => ({
    store: store.id,
    name: store.name,
    region: store.region_id,
    key: key ?? null,
    url: key ? pulseUrl(origin(c), key.key) : null,
  });

  app.get('/v1/pulse/links', async (c) => {
    const { user } = c.var.session;
    const stores = await storesOf(ctx, user);
    const keys = await listPulseKeys(db, user.brandId, stores.map((s) => s.id));
    return c.json({ links: stores.map((s) => linkOf(c, s, keys.find((k) => k.store === s.id && k.revokedAt === null))) });
  });

  app.post('/v1/pulse/links/:store', async (c) => {
    const { user } = c.var.session;
    const store = await storeInScope(ctx, user, c);
    const key = await db.transaction((tx) => rotatePulseKey(tx, user.brandId, store.id, ctx.now()));
    invalidateWriteKeys(ctx);
    return c.json(linkOf(c, store, key), 201);
  });

  app.delete('/v1/pulse/links/:store', async (c) => {
    const { user } = c.var.session;
    const store = await storeInScope(ctx, user, c);
    const active = await activePulseKey(db, user.brandId, store.id);
    if (!active) throw new ApiError(404, 'no_pulse_key', `Store "${store.id}" has no active pulse link`);
    await revokePulseKey(db, user.brandId, active.key, ctx.now());
    // Other instances refuse the key within WRITE_KEY_CACHE_MS; this one at once.
    invalidateWriteKeys(ctx, active.key);
    return c.body(null, 204);
  });

  app.get('/v1/pulse/links/:store/qr.svg', async (c) => {
    const { user } = c.var.session;
    const store = await storeInScope(ctx, user, c);
    const active = await activePulseKey(db, user.brandId, store.id);
    if (!active) throw new ApiError(404, 'no_pulse_key', `Store "${store.id}" has no active pulse link`);
    // Error correction M: survives a crumpled or partly covered print on a staff-room wall.
    const svg = await QRCode.toString(pulseUrl(origin(c), active.key), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'" });
  });

  const admin = requireAdmin(ctx);
  const brandParam = (c: Context) => {
    const value = c.req.param('brand') ?? '';
    if (!IdSchema.safeParse(value).success) throw new ApiError(400, 'invalid_id', `"${value}" is not a valid brand id`);
    return value;
  };
  app.get('/v1/admin/brands/:brand/pulse-keys', admin, async (c) => c.json({ keys: await listPulseKeys(db, brandParam(c)) }));
  app.post('/v1/admin/brands/:brand/stores/:store/pulse-keys', admin, async (c) => {
    const hasBody = (c.req.header('content-length') ?? '0') !== '0';
    const parsed = AdminKeyBody.safeParse(hasBody ? await readJson(c.req.raw, MAX_ADMIN_BODY_BYTES) : {});
    if (!parsed.success) throw new ApiError(400, 'validation_failed', 'Invalid pulse key', { issues: parsed.error.issues });
    const store = c.req.param('store');
    if (!IdSchema.safeParse(store).success) throw new ApiError(400, 'invalid_id', `"${store}" is not a valid store id`);
    const key = await db.transaction((tx) => rotatePulseKey(tx, brandParam(c), store, ctx.now(), parsed.data.key));
    invalidateWriteKeys(ctx);
    return c.json(key, 201);
  });
  app.delete('/v1/admin/brands/:brand/pulse-keys/:key', admin, async (c) => {
    const key = c.req.param('key');
    if (!(await revokePulseKey(db, brandParam(c), key, ctx.now()))) throw new ApiError(404, 'pulse_key_not_found', 'No such pulse key in this brand');
    invalidateWriteKeys(ctx, key);
    return c.body(null, 204);
  });
  return app;
}
