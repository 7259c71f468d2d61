import type { Queryable } from '../db/database.js';
import type { EffectiveContext } from './verify-context.js';

/** A submission's place in the hierarchy, as stored. */
export interface Placement {
  regionId: string | null;
  storeId: string | null;
  staffIds: string[];
  /** `unknown_region`, `unknown_store`, `unknown_staff`, `region_mismatch`. */
  flags: string[];
}

/** How long a known id is remembered. Moves and deletions made on other instances show within this time. */
export const HIERARCHY_CACHE_MS = 30_000;
const MAX_CACHED = 200_000;

type Kind = 'region' | 'store' | 'staff';
interface Known {
  /** The store's region; null for regions and staff. */
  regionId: string | null;
  until: number;
}

// Known ids only: an unknown id is looked up again every time, so a store added a second ago is
// found at once. Per database object, so tests with several collectors in one process stay apart.
const caches = new WeakMap<object, Map<string, Known>>();
const keyOf = (kind: Kind, brandId: string, id: string) => `${kind}\u0000${brandId}\u0000${id}`;

/** Forgets cached hierarchy ids after this instance changed the hierarchy (import, admin API). */
export function invalidateHierarchyCache(db: object): void {
  caches.get(db)?.clear();
}

/**
 * Resolves submissions' ids against the brand's hierarchy: known ids come from a short-lived
 * cache (ingest is the hot path: one database round trip per request instead of two), the rest
 * from one query. Unknown ids are kept and
 * flagged, never dropped: a store opened yesterday and missing from the hierarchy file still
 * gets its feedback. The region comes from the store when the submission names none; a region
 * that contradicts the store's is kept as sent and flagged `region_mismatch`.
 */
export async function placeInHierarchy(db: Queryable, brandId: string, contexts: readonly EffectiveContext[]): Promise<Placement[]> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const now = Date.now();
  const knownRegions = new Set<string>();
  const regionOfStore = new Map<string, string | null>();
  const knownStaff = new Set<string>();
  const remember = (kind: Kind, id: string, regionId: string | null) => {
    if (kind === 'region') knownRegions.add(id);
    else if (kind === 'store') regionOfStore.set(id, regionId);
    else knownStaff.add(id);
  };
  const missing = { region: new Set<string>(), store: new Set<string>(), staff: new Set<string>() };
  const lookUp = (kind: Kind, id: string) => {
    const hit = cache.get(keyOf(kind, brandId, id));
    if (hit && hit.until > now) remember(kind, id, hit.regionId);
    else missing[kind].add(id);
  };
  for (const context of contexts) {
    if (context.region) lookUp('region', context.region);
    if (context.store) lookUp('store', context.store);
    for (const id of context.staff) lookUp('staff', id);
  }
  if (missing.region.size + missing.store.size + missing.staff.size > 0) {
    const rows = await db.query<{ kind: Kind; id: string; region_id: string | null }>(
      `SELECT 'region' AS kind, id, NULL::text AS region_id FROM regions WHERE brand_id = $1 AND id = ANY($2::text[])
       UNION ALL SELECT 'store', id, region_id FROM stores WHERE brand_id = $1 AND id = ANY($3::text[])
       UNION ALL SELECT 'staff', id, NULL FROM staff WHERE brand_id = $1 AND id = ANY($4::text[])`,
      [brandId, [...missing.region], [...missing.store], [...missing.staff]],
    );
    if (cache.size + rows.length > MAX_CACHED) cache.clear();
    for (const row of rows) {
      remember(row.kind, row.id, row.region_id);
      cache.set(keyOf(row.kind, brandId, row.id), { regionId: row.region_id, until: now + HIERARCHY_CACHE_MS });
    }
  }

  return contexts.map((context) => {
    const flags: string[] = [];
    const storeRegion = context.store === undefined ? undefined : regionOfStore.get(context.store);
    if (context.store !== undefined && storeRegion === undefined) flags.push('unknown_store');
    if (context.region !== undefined && !knownRegions.has(context.region)) flags.push('unknown_region');
    if (context.region !== undefined && storeRegion != null && context.region !== storeRegion) flags.push('region_mismatch');
    if (context.staff.some((id) => !knownStaff.has(id))) flags.push('unknown_staff');
    return {
      regionId: context.region ?? storeRegion ?? null,
      storeId: context.store ?? null,
      staffIds: context.staff,
      flags,
    };
  });
}
