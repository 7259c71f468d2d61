import type { Queryable } from '../db/database.js';
import type { Scope } from '../stats/scope.js';
import type { DirectoryResponse } from './types.js';

/** A WHERE clause and its parameters ($1 is always the brand). */
interface Condition {
  sql: string;
  params: unknown[];
}

/**
 * One condition per table for a scope. Every branch keeps `brand_id` and the scope's own anchor,
 * so a user sees their slice of the hierarchy and no name from outside it.
 */
function conditionsFor(scope: Scope): { regions: Condition; stores: Condition; staff: Condition } {
  const b = scope.brandId;
  if (scope.staffId !== undefined) {
    // A staff account: their store (for its name and time zone), its region's name, and only themselves.
    return {
      regions: { sql: 'r.brand_id = $1 AND r.id = $2', params: [b, scope.homeRegionId ?? null] },
      stores: { sql: 's.brand_id = $1 AND s.id = $2', params: [b, scope.homeStoreId ?? null] },
      staff: { sql: 'm.brand_id = $1 AND m.id = $2', params: [b, scope.staffId] },
    };
  }
  if (scope.storeId !== undefined) {
    return {
      regions: { sql: 'r.brand_id = $1 AND r.id = $2', params: [b, scope.homeRegionId ?? null] },
      stores: { sql: 's.brand_id = $1 AND s.id = $2', params: [b, scope.storeId] },
      staff: { sql: 'm.brand_id = $1 AND m.store_id = $2', params: [b, scope.storeId] },
    };
  }
  if (scope.regionId !== undefined) {
    return {
      regions: { sql: 'r.brand_id = $1 AND r.id = $2', params: [b, scope.regionId] },
      stores: { sql: 's.brand_id = $1 AND s.region_id = $2', params: [b, scope.regionId] },
      staff: { sql: 'm.brand_id = $1 AND s.region_id = $2', params: [b, scope.regionId] },
    };
  }
  const brand = { params: [b] };
  return { regions: { sql: 'r.brand_id = $1', ...brand }, stores: { sql: 's.brand_id = $1', ...brand }, staff: { sql: 'm.brand_id = $1', ...brand } };
}

/** The directory of a scope: names, and each store's time zone. Sorted by name. */
export async function directoryOf(db: Queryable, scope: Scope): Promise<DirectoryResponse> {
  const where = conditionsFor(scope);
  const [brands, regions, stores, staff] = await Promise.all([
    db.query<{ name: string }>('SELECT name FROM brands WHERE id = $1', [scope.brandId]),
    db.query<{ id: string; name: string }>(`SELECT r.id, r.name FROM regions r WHERE ${where.regions.sql} ORDER BY r.name, r.id`, where.regions.params),
    db.query<{ id: string; name: string; region_id: string; time_zone: string }>(
      `SELECT s.id, s.name, s.region_id, s.time_zone FROM stores s WHERE ${where.stores.sql} ORDER BY s.name, s.id`,
      where.stores.params,
    ),
    db.query<{ id: string; name: string; store_id: string; active: boolean }>(
      `SELECT m.id, m.name, m.store_id, m.active FROM staff m JOIN stores s ON s.brand_id = m.brand_id AND s.id = m.store_id WHERE ${where.staff.sql} ORDER BY m.name, m.id`,
      where.staff.params,
    ),
  ]);
  return {
    brand: { id: scope.brandId, name: brands[0]?.name ?? scope.brandId },
    regions: regions.map((r) => ({ id: r.id, name: r.name })),
    stores: stores.map((s) => ({ id: s.id, name: s.name, regionId: s.region_id, timeZone: s.time_zone })),
    staff: staff.map((m) => ({ id: m.id, name: m.name, storeId: m.store_id, active: m.active })),
  };
}
