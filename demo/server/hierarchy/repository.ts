import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import type { OpeningHours } from './schema.js';

/**
 * Single-entity writes of the admin API. Each checks its parent first so the client gets
 * "region not found" rather than a foreign-key error, and refuses to delete a parent that still
 * has children (409): a store is never silently orphaned. Submissions are not touched: they keep
 * their ids, and show up flagged as unknown if those ids are gone.
 */
const exists = async (db: Queryable, sql: string, params: unknown[]): Promise<boolean> => (await db.query(sql, params)).length > 0;

async function requireBrand(db: Queryable, brandId: string): Promise<void> {
  if (!(await exists(db, 'SELECT 1 FROM brands WHERE id = $1', [brandId]))) throw new ApiError(404, 'brand_not_found', `No brand "${brandId}"`);
}

/** Whether a write created the row (`created`) or changed an existing one (`updated`). */
export type Upserted = 'created' | 'updated';
const outcome = (rows: Array<{ created: boolean }>): Upserted => (rows[0]?.created ? 'created' : 'updated');

export async function upsertBrand(db: Queryable, brand: { id: string; name: string }): Promise<Upserted> {
  return outcome(await db.query<{ created: boolean }>('INSERT INTO brands (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name RETURNING (xmax = 0) AS created', [brand.id, brand.name]));
}

export async function upsertRegion(db: Queryable, brandId: string, region: { id: string; name: string }): Promise<Upserted> {
  await requireBrand(db, brandId);
  return outcome(
    await db.query<{ created: boolean }>('INSERT INTO regions (brand_id, id, name) VALUES ($1, $2, $3) ON CONFLICT (brand_id, id) DO UPDATE SET name = EXCLUDED.name RETURNING (xmax = 0) AS created', [
      brandId,
      region.id,
      region.name,
    ]),
  );
}

export async function upsertStore(db: Queryable, brandId: string, store: { id: string; name: string; region: string; timeZone: string; openingHours?: OpeningHours | undefined }): Promise<Upserted> {
  await requireBrand(db, brandId);
  if (!(await exists(db, 'SELECT 1 FROM regions WHERE brand_id = $1 AND id = $2', [brandId, store.region]))) throw new ApiError(404, 'region_not_found', `No region "${store.region}" in brand "${brandId}"`);
  return outcome(
    await db.query<{ created: boolean }>(
      `INSERT INTO stores (brand_id, id, region_id, name, time_zone, opening_hours) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)
       ON CONFLICT (brand_id, id) DO UPDATE SET region_id = EXCLUDED.region_id, name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, opening_hours = EXCLUDED.opening_hours
       RETURNING (xmax = 0) AS created`,
      [brandId, store.id, store.region, store.name, store.timeZone, store.openingHours === undefined ? null : JSON.stringify(store.openingHours)],
    ),
  );
}

export async function upsertStaff(db: Queryable, brandId: string, member: { id: string; name: string; store: string; photoUrl?: string | undefined; active?: boolean | undefined }): Promise<Upserted> {
  await requireBrand(db, brandId);
  if (!(await exists(db, 'SELECT 1 FROM stores WHERE brand_id = $1 AND id = $2', [brandId, member.store]))) throw new ApiError(404, 'store_not_found', `No store "${member.store}" in brand "${brandId}"`);
  return outcome(
    await db.query<{ created: boolean }>(
      `INSERT INTO staff (brand_id, id, store_id, name, photo_url, active) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (brand_id, id) DO UPDATE SET store_id = EXCLUDED.store_id, name = EXCLUDED.name, photo_url = EXCLUDED.photo_url, active = EXCLUDED.active
       RETURNING (xmax = 0) AS created`,
      [brandId, member.id, member.store, member.name, member.photoUrl ?? null, member.active ?? true],
    ),
  );
}

/** Creates or updates a device of a store (404 `store_not_found` for an unknown store). */
export async function upsertDevice(db: Queryable, brandId: string, device: { id: string; store: string; name?: string | undefined }): Promise<Upserted> {
  await requireBrand(db, brandId);
  if (!(await exists(db, 'SELECT 1 FROM stores WHERE brand_id = $1 AND id = $2', [brandId, device.store]))) throw new ApiError(404, 'store_not_found', `No store "${device.store}" in brand "${brandId}"`);
  return outcome(
    await db.query<{ created: boolean }>(
      `INSERT INTO devices (brand_id, id, store_id, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (brand_id, id) DO UPDATE SET store_id = EXCLUDED.store_id, name = EXCLUDED.name
       RETURNING (xmax = 0) AS created`,
      [brandId, device.id, device.store, device.name ?? null],
    ),
  );
}

type Level = 'brand' | 'region' | 'store' | 'staff' | 'device';

const deletes: Record<Level, { children: Array<{ sql: string; what: string }>; sql: string }> = {
  brand: {
    children: [{ sql: 'SELECT 1 FROM regions WHERE brand_id = $1 LIMIT 1', what: 'regions' }],
    sql: 'DELETE FROM brands WHERE id = $1 RETURNING id',
  },
  region: {
    children: [{ sql: 'SELECT 1 FROM stores WHERE brand_id = $1 AND region_id = $2 LIMIT 1', what: 'stores' }],
    sql: 'DELETE FROM regions WHERE brand_id = $1 AND id = $2 RETURNING id',
  },
  store: {
    children: [
      { sql: 'SELECT 1 FROM staff WHERE brand_id = $1 AND store_id = $2 LIMIT 1', what: 'staff' },
      { sql: 'SELECT 1 FROM devices WHERE brand_id = $1 AND store_id = $2 LIMIT 1', what: 'devices' },
    ],
    sql: 'DELETE FROM stores WHERE brand_id = $1 AND id = $2 RETURNING id',
  },
  staff: { children: [], sql: 'DELETE FROM staff WHERE brand_id = $1 AND id = $2 RETURNING id' },
  device: { children: [], sql: 'DELETE FROM devices WHERE brand_id = $1 AND id = $2 RETURNING id' },
};

/**
 * Deletes one entity; 404 when absent, 409 `has_children` while it has children. Deleting a
 * brand also deletes its write keys (they would point nowhere).
 */
export async function deleteEntity(db: Queryable, level: Level, brandId: string, id?: string): Promise<void> {
  const params = id === undefined ? [brandId] : [brandId, id];
  const label = id === undefined ? `${level} "${brandId}"` : `${level} "${id}" in brand "${brandId}"`;
  for (const child of deletes[level].children) {
    if (await exists(db, child.sql, params)) throw new ApiError(409, 'has_children', `Cannot delete ${label}: it still has ${child.what}`);
  }
  if (level === 'brand') await db.query('DELETE FROM write_keys WHERE brand_id = $1', [brandId]);
  if ((await db.query(deletes[level].sql, params)).length === 0) throw new ApiError(404, `${level}_not_found`, `No ${label}`);
}

export interface WriteKeyInfo {
  key: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export async function listWriteKeys(db: Queryable, brandId: string): Promise<WriteKeyInfo[]> {
  await requireBrand(db, brandId);
  const rows = await db.query<{ key: string; created_at: Date; revoked_at: Date | null }>('SELECT key, created_at, revoked_at FROM write_keys WHERE brand_id = $1 ORDER BY created_at, key', [brandId]);
  return rows.map((r) => ({ key: r.key, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

export async function createWriteKey(db: Queryable, brandId: string, key: string): Promise<void> {
  await requireBrand(db, brandId);
  const rows = await db.query('INSERT INTO write_keys (key, brand_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key', [key, brandId]);
  if (rows.length === 0) throw new ApiError(409, 'write_key_exists', `Write key "${key}" already exists`);
}

/** Revokes (never deletes) a key, so an old key can never be handed out again by mistake. */
export async function revokeWriteKey(db: Queryable, brandId: string, key: string, now: Date): Promise<void> {
  const rows = await db.query('UPDATE write_keys SET revoked_at = COALESCE(revoked_at, $3) WHERE brand_id = $1 AND key = $2 RETURNING key', [brandId, key, now.toISOString()]);
  if (rows.length === 0) throw new ApiError(404, 'write_key_not_found', `No write key "${key}" in brand "${brandId}"`);
}
