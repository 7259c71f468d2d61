import type { User } from '../auth/roles.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { narrow, scopeOf } from '../stats/scope.js';
import type { Where } from '../stats/where.js';

/**
 * The ideas a request may reach. An idea travels upward: its store's manager (and its staff)
 * see it at once; the region's manager and corporate only once it escalated, i.e. nobody at
 * the store answered it in time (`escalatedOnly`).
 */
export interface IdeaFilter {
  brandId: string;
  regionId: string | undefined;
  storeId: string | undefined;
  escalatedOnly: boolean;
  /** Managers answer ideas; staff read them. */
  canAnswer: boolean;
}

/**
 * The filter of `user`, narrowed by `region`/`store` parameters (403 outside the scope). Staff
 * read the ideas of their own store, never another's; the parameters may only repeat it.
 */
export async function ideaFilter(db: Queryable, user: User, params: { region?: string | undefined; store?: string | undefined }): Promise<IdeaFilter> {
  const scope = await scopeOf(db, user);
  if (user.role === 'staff') {
    if (!scope.homeStoreId) throw new ApiError(403, 'forbidden', 'Your account is not linked to a store');
    if (params.store !== undefined && params.store !== scope.homeStoreId) throw new ApiError(403, 'forbidden', `Store "${params.store}" is outside your access`);
    if (params.region !== undefined && params.region !== scope.homeRegionId) throw new ApiError(403, 'forbidden', `Region "${params.region}" is outside your access`);
    return { brandId: scope.brandId, regionId: undefined, storeId: scope.homeStoreId, escalatedOnly: false, canAnswer: false };
  }
  const narrowed = await narrow(db, scope, params);
  return { brandId: narrowed.brandId, regionId: narrowed.regionId, storeId: narrowed.storeId, escalatedOnly: user.role !== 'store', canAnswer: true };
}

/** The filter over `ideas` (alias `i`), its parameters numbered after `offset` others. */
export function ideaWhere(filter: IdeaFilter, offset = 0): Where {
  const params: unknown[] = [filter.brandId];
  const n = () => `$${offset + params.length}`;
  const parts = [`i.brand_id = ${n()}`];
  if (filter.regionId !== undefined) {
    params.push(filter.regionId);
    parts.push(`i.region_id = ${n()}`);
  }
  if (filter.storeId !== undefined) {
    params.push(filter.storeId);
    parts.push(`i.store_id = ${n()}`);
  }
  if (filter.escalatedOnly) parts.push('i.escalated_at IS NOT NULL');
  return { sql: parts.join(' AND '), params };
}

/** Who may see the volume and response figures: managers, within their scope (not staff). */
export async function metricsFilter(db: Queryable, user: User, params: { region?: string | undefined; store?: string | undefined }): Promise<Omit<IdeaFilter, 'escalatedOnly' | 'canAnswer'>> {
  if (user.role === 'staff') throw new ApiError(403, 'forbidden', 'Idea figures are for managers');
  return narrow(db, await scopeOf(db, user), params);
}
