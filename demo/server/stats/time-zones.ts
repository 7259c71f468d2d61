import type { Queryable } from '../db/database.js';

/** How long a brand's store time zones are remembered (they change when a store opens abroad). */
const CACHE_MS = 60_000;
const caches = new WeakMap<object, Map<string, { zones: string[]; until: number }>>();

/** The distinct time zones of a brand's stores (UTC when it has none), cached briefly per database. */
export async function brandTimeZones(db: Queryable, brandId: string, now: number): Promise<string[]> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(brandId);
  if (hit && hit.until > now) return hit.zones;
  const rows = await db.query<{ time_zone: string }>('SELECT DISTINCT time_zone FROM stores WHERE brand_id = $1', [brandId]);
  const zones = rows.length > 0 ? rows.map((r) => r.time_zone) : ['UTC'];
  if (cache.size > 1000) cache.clear();
  cache.set(brandId, { zones, until: now + CACHE_MS });
  return zones;
}
