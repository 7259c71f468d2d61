import type { User } from '../auth/roles.js';
import type { Queryable } from '../db/database.js';
import type { Filter } from './scope.js';

/**
 * The filters a selection is compared with: the whole brand, and the region the selection lies in
 * (same period, audience and segments). Benchmarks are aggregates of many stores, so a manager
 * may see them beyond their own scope; staff accounts compare with nothing.
 */
export async function benchmarkFilters(db: Queryable, user: User, filter: Filter): Promise<{ brand: Filter | null; region: Filter | null }> {
  if (user.role === 'staff') return { brand: null, region: null };
  const wide: Filter = { ...filter, regionId: undefined, storeId: undefined, staffId: undefined };
  let regionId = filter.regionId;
  if (regionId === undefined && filter.storeId !== undefined) {
    const [store] = await db.query<{ region_id: string }>('SELECT region_id FROM stores WHERE brand_id = $1 AND id = $2', [filter.brandId, filter.storeId]);
    regionId = store?.region_id;
  }
  return { brand: wide, region: regionId === undefined ? null : { ...wide, regionId } };
}
