import { DigestResponseSchema, type DigestResponse } from '../../../server/digest/types.js';
import type { RouteScope } from '../router/route.js';
import { request } from './http.js';

/** The query of `GET /v1/digest` for a place and an ISO week (`2026-W10`; undefined: the last complete week). */
export function digestQuery(scope: RouteScope, week: string | undefined): URLSearchParams {
  const query = new URLSearchParams();
  // The digest is per store at the finest: a staff member's address shows their store's.
  if (scope.store) query.set('store', scope.store);
  else if (scope.region) query.set('region', scope.region);
  if (week) query.set('week', week);
  return query;
}

/** The weekly digest of a place: `GET /v1/digest`. */
export function fetchDigest(query: URLSearchParams, signal: AbortSignal): Promise<DigestResponse> {
  return request('/v1/digest', DigestResponseSchema, { query, signal });
}
