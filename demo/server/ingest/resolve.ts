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

type Kind = 'region' | 'store' | 'staff' | 'device';
const KINDS: readonly Kind[] = ['region', 'store', 'staff', 'device'];
interface Known {
  /** The store's region; null for other kinds. */
  regionId: string | null;
  until: number;
}

/** Ids to look up, by kind. */
export type Wanted = Partial<Record<Kind, Iterable<string>>>;

/** The ids of a {@link Wanted} that exist in the brand's hierarchy; stores with their region. */
export interface KnownIds {
  regions: Set<string>;
  /** Store id → its region. */
  stores: Map<string, string | null>;
  staff: Set<string>;
  devices: Set<string>;
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
 * Which of the `wanted` ids exist in the brand's hierarchy: known ids come from a short-lived
 * cache (ingest is the hot path), the rest from one query.
 */
export async function lookUpIds(db: Queryable, brandId: string, wanted: Wanted): Promise<KnownIds> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const now = Date.now();
  const known: KnownIds = { regions: new Set(), stores: new Map(), staff: new Set(), devices: new Set() };
  const remember = (kind: Kind, id: string, regionId: string | null) => {
    if (kind === 'region') known.regions.add(id);
    else if (kind === 'store') known.stores.set(id, regionId);
    else if (kind === 'staff') known.staff.add(id);
    else known.devices.add(id);
  };
  const missing: Record<Kind, Set<string>> = { region: new Set(), store: new Set(), staff: new Set(), device: new Set() };
  for (const kind of KINDS) {
    for (const id of wanted[kind] ?? []) {
      const hit = cache.get(keyOf(kind, brandId, id));
      if (hit && hit.until > now) remember(kind, id, hit.regionId);
      else missing[kind].add(id);
    }
  }
  if (KINDS.some((kind) => missing[kind].size > 0)) {
    const rows = await db.query<{ kind: Kind; id: string; region_id: string | null }>(
      `SELECT 'region' AS kind, id, NULL::text AS region_id FROM regions WHERE brand_id = $1 AND id = ANY($2::text[])
       UNION ALL SELECT 'store', id, region_id FROM stores WHERE brand_id = $1 AND id = ANY($3::text[])
       UNION ALL SELECT 'staff', id, NULL FROM staff WHERE brand_id = $1 AND id = ANY($4::text[])
       UNION ALL SELECT 'device', id, NULL FROM devices WHERE brand_id = $1 AND id = ANY($5::text[])`,
      [brandId, [...missing.region], [...missing.store], [...missing.staff], [...missing.device]],
    );
    if (cache.size + rows.length > MAX_CACHED) cache.clear();
    for (const row of rows) {
      remember(row.kind, row.id, row.region_id);
      cache.set(keyOf(row.kind, brandId, row.id), { regionId: row.region_id, until: now + HIERARCHY_CACHE_MS });
    }
  }
  return known;
}

/**
 * Resolves submissions' ids against the brand's hierarchy. Unknown ids are kept and flagged,
 * never dropped: a store opened yesterday and missing from the hierarchy file still gets its
 * feedback. The region comes from the store when the submission names none; a region that
 * contradicts the store's is kept as sent and flagged `region_mismatch` (a verified submission
 * never gets here with one: its region is checked against its token's store first).
 */
export async function placeInHierarchy(db: Queryable, brandId: string, contexts: readonly EffectiveContext[]): Promise<Placement[]> {
  const known = await lookUpIds(db, brandId, {
    region: contexts.flatMap((c) => (c.region ? [c.region] : [])),
    store: contexts.flatMap((c) => (c.store ? [c.store] : [])),
    staff: contexts.flatMap((c) => c.staff),
  });
  return contexts.map((context) => {
    const flags: string[] = [];
    const storeRegion = context.store === undefined ? undefined : known.stores.get(context.store);
    if (context.store !== undefined && storeRegion === undefined) flags.push('unknown_store');
    if (context.region !== undefined && !known.regions.has(context.region)) flags.push('unknown_region');
    if (context.region !== undefined && storeRegion != null && context.region !== storeRegion) flags.push('region_mismatch');
    if (context.staff.some((id) => !known.staff.has(id))) flags.push('unknown_staff');
    return {
      regionId: context.region ?? storeRegion ?? null,
      storeId: context.store ?? null,
      staffIds: context.staff,
      flags,
    };
  });
}
