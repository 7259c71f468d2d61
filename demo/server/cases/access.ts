import type { Context } from 'hono';
import type { AuthEnv } from '../auth/env.js';
import type { User } from '../auth/roles.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { narrow, scopeOf, type Scope } from '../stats/scope.js';
import type { Where } from '../stats/where.js';

/** The cases a request may reach: the session's scope, narrowed by `region`/`store` parameters. */
export interface CaseFilter {
  brandId: string;
  regionId: string | undefined;
  storeId: string | undefined;
}

/**
 * The scope of a user for cases: the same as for stats (stats/scope.ts), except that staff
 * accounts have none. A case is a manager's work item, and it can name a colleague and hold a
 * customer's contact details (DESIGN.md: never to staff).
 */
export async function caseScope(db: Queryable, user: User): Promise<Scope> {
  if (user.role === 'staff') throw new ApiError(403, 'forbidden', 'Cases are for managers');
  return scopeOf(db, user);
}

/** The scope of the request's user, narrowed by `region` and `store` (403 outside the scope). */
export async function caseFilter(c: Context<AuthEnv>, db: Queryable, params: { region?: string | undefined; store?: string | undefined }): Promise<CaseFilter> {
  const scope = await caseScope(db, c.var.session.user);
  const narrowed = await narrow(db, scope, params);
  return { brandId: narrowed.brandId, regionId: narrowed.regionId, storeId: narrowed.storeId };
}

/**
 * The filter over `cases` (alias `c`), its parameters numbered after `offset` others. Another
 * `alias` applies it to a table with the same three columns (the case rollups).
 */
export function caseWhere(filter: CaseFilter, offset = 0, alias = 'c'): Where {
  const params: unknown[] = [filter.brandId];
  const n = () => `$${offset + params.length}`;
  const parts = [`${alias}.brand_id = ${n()}`];
  if (filter.regionId !== undefined) {
    params.push(filter.regionId);
    parts.push(`${alias}.region_id = ${n()}`);
  }
  if (filter.storeId !== undefined) {
    params.push(filter.storeId);
    parts.push(`${alias}.store_id = ${n()}`);
  }
  return { sql: parts.join(' AND '), params };
}

/** Rejects `?store=a&store=b`: the check and the query must not read different values. */
export function rejectRepeatedParams(c: Context): void {
  const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1).map(([key]) => key);
  if (repeated.length > 0) {
    throw new ApiError(400, 'validation_failed', `Invalid query parameters: ${repeated[0]}: must be given once`, { issues: repeated.map((key) => ({ path: [key], message: 'must be given once' })) });
  }
}
