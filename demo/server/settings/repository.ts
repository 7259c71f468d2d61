import * as z from 'zod/mini';
import type { Queryable } from '../db/database.js';
import type { Logger } from '../log.js';
import { BrandSettingsSchema, defaultBrandSettings, type BrandSettings } from './schema.js';

/**
 * How long this instance keeps a brand's settings. Ingest reads them for every submission (is it
 * a detractor, when is its case due), so they are cached like the hierarchy ids
 * (ingest/resolve.ts); a change saved through another instance applies here within this time.
 */
export const SETTINGS_CACHE_MS = 30_000;

export interface StoredSettings {
  settings: BrandSettings;
  updatedAt: Date | null;
}

interface Cached extends StoredSettings {
  until: number;
}

// Per database object, so tests with several collectors in one process stay apart.
const caches = new WeakMap<object, Map<string, Cached>>();

function cacheOf(db: object): Map<string, Cached> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** Forgets this instance's cached settings of a brand (after saving them here). */
export function invalidateBrandSettings(db: object, brandId: string): void {
  cacheOf(db).delete(brandId);
}

/**
 * A brand's settings, defaults filled in. A stored document that no longer validates (written by
 * a newer version during a rolling upgrade, say) is logged and read as the defaults: ingest must
 * keep working, and the document stays as it was for the version that understands it.
 */
export async function loadBrandSettings(db: Queryable, brandId: string, log?: Pick<Logger, 'error'>): Promise<StoredSettings> {
  const cache = cacheOf(db);
  const hit = cache.get(brandId);
  const now = Date.now();
  if (hit && hit.until > now) return hit;
  const [row] = await db.query<{ settings: unknown; updated_at: Date }>('SELECT settings, updated_at FROM brand_settings WHERE brand_id = $1', [brandId]);
  let stored: StoredSettings = { settings: defaultBrandSettings(), updatedAt: null };
  if (row) {
    const parsed = z.safeParse(BrandSettingsSchema, row.settings);
    if (parsed.success) stored = { settings: parsed.data, updatedAt: row.updated_at };
    else log?.error('stored brand settings are invalid; using the defaults', { brand: brandId, issues: parsed.error.issues.length });
  }
  cache.set(brandId, { ...stored, until: now + SETTINGS_CACHE_MS });
  return stored;
}

/** Saves a brand's settings (already validated, defaults filled in) and returns them as stored. */
export async function saveBrandSettings(db: Queryable, brandId: string, settings: BrandSettings, now: Date): Promise<StoredSettings> {
  await db.query(
    `INSERT INTO brand_settings (brand_id, settings, updated_at) VALUES ($1, $2::text::jsonb, $3)
     ON CONFLICT (brand_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
    [brandId, JSON.stringify(settings), now.toISOString()],
  );
  invalidateBrandSettings(db, brandId);
  return { settings, updatedAt: now };
}
