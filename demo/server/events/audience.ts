import type { User } from '../auth/roles.js';
import type { Queryable } from '../db/database.js';
import { scopeOf } from '../stats/scope.js';
import type { Where } from '../stats/where.js';
import type { StoredEvent } from './store.js';
import type { EventKind } from './types.js';

/**
 * Who one event-stream connection is for, fixed when it opens: the user's scope (stats/scope.ts,
 * the same as every dashboard read) and the kinds of event their role receives.
 */
export interface Audience {
  brandId: string;
  regionId: string | undefined;
  storeId: string | undefined;
  kinds: ReadonlySet<EventKind>;
}

/** Managers see submissions, cases and alerts of their scope. */
const MANAGER_KINDS: ReadonlySet<EventKind> = new Set(['submission', 'case', 'alert']);
/**
 * Staff accounts get no submission or case events: their scope is feedback that names them, and
 * events carry no staff ids (a live score next to a name would be one person's score, which the
 * anonymity rule withholds below the minimum). Their stream stays open for what may come later.
 */
const STAFF_KINDS: ReadonlySet<EventKind> = new Set();

export async function audienceOf(db: Queryable, user: User): Promise<Audience> {
  if (user.role === 'staff') return { brandId: user.brandId, regionId: undefined, storeId: undefined, kinds: STAFF_KINDS };
  const scope = await scopeOf(db, user);
  return { brandId: scope.brandId, regionId: scope.regionId, storeId: scope.storeId, kinds: MANAGER_KINDS };
}

/** Whether `audience` may receive `event`: the check on every live event, per connection. */
export function canSee(audience: Audience, event: StoredEvent): boolean {
  if (!audience.kinds.has(event.kind) || event.brandId !== audience.brandId) return false;
  if (audience.regionId !== undefined && event.regionId !== audience.regionId) return false;
  if (audience.storeId !== undefined && event.storeId !== audience.storeId) return false;
  return true;
}

/** The same check in SQL over `events e`, for replays. */
export function audienceWhere(audience: Audience): Where {
  const params: unknown[] = [audience.brandId, [...audience.kinds]];
  const parts = ['e.brand_id = $1', 'e.kind = ANY($2::text[])'];
  if (audience.regionId !== undefined) parts.push(`e.region_id = $${params.push(audience.regionId)}`);
  if (audience.storeId !== undefined) parts.push(`e.store_id = $${params.push(audience.storeId)}`);
  return { sql: parts.join(' AND '), params };
}
