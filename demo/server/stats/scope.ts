import type { User } from '../auth/roles.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import type { Audience, DeviceClass, FilterEcho } from './types.js';

/**
 * What a user may see at most, from their session alone. Every query is confined to it in SQL,
 * whatever the parameters say: corporate → the brand; regional → a region; store manager → a
 * store; staff → feedback that names them.
 */
export interface Scope {
  brandId: string;
  regionId?: string;
  storeId?: string;
  staffId?: string;
  /** Where a store manager's store or a staff member's home store sits, to accept params that equal it. */
  homeRegionId?: string;
  homeStoreId?: string;
}

/**
 * Segments of customer feedback (corporate's cuts of every view). Omitted: all.
 * Individuals and employee pulse are not segmented beyond `channel`.
 */
export interface Segments {
  /** One customer channel. */
  channel?: 'web' | 'kiosk' | 'qr' | 'app';
  survey?: string;
  device?: DeviceClass;
  /** The primary language of the customer's locale, e.g. `sv`. */
  lang?: string;
}

/** The selection of one request: the scope, narrowed by the query parameters. */
export interface Filter {
  brandId: string;
  regionId: string | undefined;
  storeId: string | undefined;
  staffId: string | undefined;
  /** Inclusive store-local days, YYYY-MM-DD: each store's feedback by the calendar of its own time zone. */
  from: string;
  to: string;
  channel: Audience;
  segments: Segments;
}

/** Computes the scope of a user. The one place where roles turn into data boundaries. */
export async function scopeOf(db: Queryable, user: User): Promise<Scope> {
  switch (user.role) {
    case 'corporate':
      return { brandId: user.brandId };
    case 'regional':
      return { brandId: user.brandId, regionId: user.regionId ?? impossible(user) };
    case 'store': {
      const storeId = user.storeId ?? impossible(user);
      const [store] = await db.query<{ region_id: string }>('SELECT region_id FROM stores WHERE brand_id = $1 AND id = $2', [user.brandId, storeId]);
      return { brandId: user.brandId, storeId, homeStoreId: storeId, homeRegionId: store?.region_id };
    }
    case 'staff': {
      const staffId = user.staffId ?? impossible(user);
      const [home] = await db.query<{ store_id: string; region_id: string }>(
        'SELECT m.store_id, s.region_id FROM staff m JOIN stores s ON s.brand_id = m.brand_id AND s.id = m.store_id WHERE m.brand_id = $1 AND m.id = $2',
        [user.brandId, staffId],
      );
      return { brandId: user.brandId, staffId, homeStoreId: home?.store_id, homeRegionId: home?.region_id };
    }
  }
}

function impossible(user: User): never {
  // The users table's CHECK constraints make this unreachable; fail closed if they were dropped.
  throw new ApiError(403, 'forbidden', `User ${user.id} has no ${user.role} anchor`);
}

function forbidden(what: string): never {
  throw new ApiError(403, 'forbidden', `${what} is outside your access`);
}

interface Params {
  region?: string | undefined;
  store?: string | undefined;
  staff?: string | undefined;
}

/**
 * Narrows `scope` by the request's `region`, `store` and `staff` parameters. A parameter that
 * points outside the scope is a 403 (not an empty answer, so a wrong link or a bug is visible).
 * The scope's own anchors always stay in the filter: parameters can only add conditions.
 */
export async function narrow(db: Queryable, scope: Scope, params: Params): Promise<Pick<Filter, 'brandId' | 'regionId' | 'storeId' | 'staffId'>> {
  const corporate = !scope.regionId && !scope.storeId && !scope.staffId;
  if (params.region !== undefined && !corporate) {
    const allowed = scope.regionId ?? scope.homeRegionId;
    if (params.region !== allowed) forbidden(`Region "${params.region}"`);
  }
  if (params.store !== undefined && !corporate) {
    if (scope.regionId) {
      const [store] = await db.query<{ region_id: string }>('SELECT region_id FROM stores WHERE brand_id = $1 AND id = $2', [scope.brandId, params.store]);
      if (store?.region_id !== scope.regionId) forbidden(`Store "${params.store}"`);
    } else if (params.store !== scope.homeStoreId) {
      forbidden(`Store "${params.store}"`);
    }
  }
  if (params.staff !== undefined && !corporate) {
    if (scope.staffId) {
      if (params.staff !== scope.staffId) forbidden(`Staff member "${params.staff}"`);
    } else {
      const [member] = await db.query<{ store_id: string; region_id: string }>(
        'SELECT m.store_id, s.region_id FROM staff m JOIN stores s ON s.brand_id = m.brand_id AND s.id = m.store_id WHERE m.brand_id = $1 AND m.id = $2',
        [scope.brandId, params.staff],
      );
      const inside = scope.storeId ? member?.store_id === scope.storeId : member?.region_id === scope.regionId;
      if (!inside) forbidden(`Staff member "${params.staff}"`);
    }
  }
  return {
    brandId: scope.brandId,
    regionId: scope.regionId ?? params.region,
    storeId: scope.storeId ?? params.store,
    staffId: scope.staffId ?? params.staff,
  };
}

export function echo(filter: Filter): FilterEcho {
  const s = filter.segments;
  return {
    brand: filter.brandId,
    region: filter.regionId ?? null,
    store: filter.storeId ?? null,
    staff: filter.staffId ?? null,
    from: filter.from,
    to: filter.to,
    channel: filter.channel,
    segments: { channel: s.channel ?? null, survey: s.survey ?? null, device: s.device ?? null, locale: s.lang ?? null },
  };
}
