import { randomBytes } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { IdSchema } from '../../../sdk/index.js';
import { MAX_ADMIN_BODY_BYTES, requireAdmin } from '../admin/auth.js';
import type { AppContext } from '../context.js';
import { parseJson, readBodyText, readJson, requireMediaType, requireStorableText } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { invalidateHierarchyCache } from '../ingest/resolve.js';
import { invalidateWriteKeys } from '../ingest/write-keys.js';
import { parseHierarchyCsv } from './csv.js';
import { exportHierarchy } from './export.js';
import { importHierarchy } from './import.js';
import { createWriteKey, deleteEntity, listWriteKeys, revokeWriteKey, upsertBrand, upsertDevice, upsertRegion, upsertStaff, upsertStore } from './repository.js';
import { DeviceEntrySchema, HierarchyError, OpeningHoursSchema, parseHierarchy, StaffEntrySchema, TimeZoneSchema, WriteKeySchema } from './schema.js';

export const BrandBody = z.strictObject({ name: z.string().min(1).max(200) });
export const RegionBody = BrandBody;
export const StoreBody = z.strictObject({ name: z.string().min(1).max(200), region: IdSchema, timeZone: TimeZoneSchema.default('UTC'), openingHours: OpeningHoursSchema.optional() });
export const StaffBody = StaffEntrySchema.omit({ id: true }).extend({ store: IdSchema });
export const DeviceBody = DeviceEntrySchema.omit({ id: true }).extend({ store: IdSchema });
export const KeyBody = z.strictObject({ key: WriteKeySchema.optional() });

/** Runs `fn`, turning a HierarchyError into 400 `invalid_hierarchy` with its issues. */
async function asBadRequest<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof HierarchyError) throw new ApiError(400, 'invalid_hierarchy', error.message, { issues: error.issues });
    throw error;
  }
}

const body = async <S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> => {
  requireMediaType(c, ['application/json']);
  const json = await readJson(c.req.raw, MAX_ADMIN_BODY_BYTES);
  return asBadRequest(() => parseHierarchy(schema, json, 'request body'));
};

/** A path id, checked like the ids in submissions (so "042" and "emea-north" work, "a b" does not). */
const id = (c: Context, name: string): string => {
  const value = c.req.param(name) ?? '';
  if (!z.safeParse(IdSchema, value).success) throw new ApiError(400, 'invalid_id', `"${value}" is not a valid ${name} id`);
  return value;
};

/**
 * The hierarchy admin API (ADMIN_TOKEN): import/export the whole hierarchy, and list, upsert
 * (`PUT`) and delete brands, regions, stores, staff, devices and write keys. See docs/collector.md.
 */
export function hierarchyRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  const admin = requireAdmin(ctx);
  const { db } = ctx;
  // Ingest caches known hierarchy ids; a change made here shows on this instance at once.
  const invalidate: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.req.method !== 'GET') invalidateHierarchyCache(db);
  };
  app.use('/v1/admin/hierarchy', invalidate);
  app.use('/v1/admin/brands/*', invalidate);

  app.get('/v1/admin/hierarchy', admin, async (c) => c.json(await exportHierarchy(db, c.req.query('brand'))));
  app.post('/v1/admin/hierarchy', admin, async (c) => {
    const type = requireMediaType(c, ['application/json', 'text/csv']);
    const text = await readBodyText(c.req.raw, MAX_ADMIN_BODY_BYTES);
    const report = await asBadRequest(() => importHierarchy(ctx, requireStorableText(type === 'text/csv' ? parseHierarchyCsv(text) : (parseJson(text) as never))));
    return c.json(report);
  });

  app.get('/v1/admin/brands', admin, async (c) => c.json({ brands: await db.query('SELECT id, name, created_at AS "createdAt" FROM brands ORDER BY id') }));
  app.put('/v1/admin/brands/:brand', admin, async (c) => {
    const outcome = await upsertBrand(db, { id: id(c, 'brand'), ...(await body(c, BrandBody)) });
    return c.json({ outcome }, outcome === 'created' ? 201 : 200);
  });
  app.delete('/v1/admin/brands/:brand', admin, async (c) => {
    await db.transaction((tx) => deleteEntity(tx, 'brand', id(c, 'brand')));
    invalidateWriteKeys(ctx);
    return c.body(null, 204);
  });

  app.get('/v1/admin/brands/:brand/regions', admin, async (c) => c.json({ regions: await db.query('SELECT id, name FROM regions WHERE brand_id = $1 ORDER BY id', [id(c, 'brand')]) }));
  app.put('/v1/admin/brands/:brand/regions/:region', admin, async (c) => {
    const outcome = await upsertRegion(db, id(c, 'brand'), { id: id(c, 'region'), ...(await body(c, RegionBody)) });
    return c.json({ outcome }, outcome === 'created' ? 201 : 200);
  });
  app.delete('/v1/admin/brands/:brand/regions/:region', admin, async (c) => {
    await deleteEntity(db, 'region', id(c, 'brand'), id(c, 'region'));
    return c.body(null, 204);
  });

  app.get('/v1/admin/brands/:brand/stores', admin, async (c) =>
    c.json({
      stores: await db.query('SELECT id, region_id AS region, name, time_zone AS "timeZone", opening_hours AS "openingHours" FROM stores WHERE brand_id = $1 ORDER BY id', [id(c, 'brand')]),
    }),
  );
  app.put('/v1/admin/brands/:brand/stores/:store', admin, async (c) => {
    const outcome = await upsertStore(db, id(c, 'brand'), { id: id(c, 'store'), ...(await body(c, StoreBody)) });
    return c.json({ outcome }, outcome === 'created' ? 201 : 200);
  });
  app.delete('/v1/admin/brands/:brand/stores/:store', admin, async (c) => {
    await deleteEntity(db, 'store', id(c, 'brand'), id(c, 'store'));
    return c.body(null, 204);
  });

  app.get('/v1/admin/brands/:brand/staff', admin, async (c) =>
    c.json({ staff: await db.query('SELECT id, store_id AS store, name, photo_url AS "photoUrl", active FROM staff WHERE brand_id = $1 ORDER BY id', [id(c, 'brand')]) }),
  );
  app.put('/v1/admin/brands/:brand/staff/:staff', admin, async (c) => {
    const outcome = await upsertStaff(db, id(c, 'brand'), { id: id(c, 'staff'), ...(await body(c, StaffBody)) });
    return c.json({ outcome }, outcome === 'created' ? 201 : 200);
  });
  app.delete('/v1/admin/brands/:brand/staff/:staff', admin, async (c) => {
    await deleteEntity(db, 'staff', id(c, 'brand'), id(c, 'staff'));
    return c.body(null, 204);
  });

  app.get('/v1/admin/brands/:brand/devices', admin, async (c) =>
    c.json({ devices: await db.query('SELECT id, store_id AS store, name FROM devices WHERE brand_id = $1 ORDER BY id', [id(c, 'brand')]) }),
  );
  app.put('/v1/admin/brands/:brand/devices/:device', admin, async (c) => {
    const outcome = await upsertDevice(db, id(c, 'brand'), { id: id(c, 'device'), ...(await body(c, DeviceBody)) });
    return c.json({ outcome }, outcome === 'created' ? 201 : 200);
  });
  app.delete('/v1/admin/brands/:brand/devices/:device', admin, async (c) => {
    await deleteEntity(db, 'device', id(c, 'brand'), id(c, 'device'));
    return c.body(null, 204);
  });

  app.get('/v1/admin/brands/:brand/keys', admin, async (c) => c.json({ keys: await listWriteKeys(db, id(c, 'brand')) }));
  app.post('/v1/admin/brands/:brand/keys', admin, async (c) => {
    const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding') !== undefined;
    const { key } = hasBody ? await body(c, KeyBody) : {};
    const created = key ?? `pk_${randomBytes(18).toString('base64url')}`;
    await createWriteKey(db, id(c, 'brand'), created);
    invalidateWriteKeys(ctx, created);
    return c.json({ key: created }, 201);
  });
  app.delete('/v1/admin/brands/:brand/keys/:key', admin, async (c) => {
    const key = c.req.param('key');
    await revokeWriteKey(db, id(c, 'brand'), key, ctx.now());
    invalidateWriteKeys(ctx, key);
    return c.body(null, 204);
  });
  return app;
}
