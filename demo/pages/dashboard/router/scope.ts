import { SCOPE_LEVELS, type RouteScope, type ScopeLevel } from './route.js';

/** How deep a view may look: the brand, or down to regions, stores or individual staff. */
export type Depth = 'brand' | ScopeLevel;

/** The deepest level a scope names, or `brand`. */
export function depthOf(scope: RouteScope): Depth {
  if (scope.staff !== undefined) return 'staff';
  if (scope.store !== undefined) return 'store';
  if (scope.region !== undefined) return 'region';
  return 'brand';
}

/** The scope without the levels deeper than `depth` (employee pulse never goes below a store). */
export function trimScope(scope: RouteScope, depth: Depth): RouteScope {
  if (depth === 'brand') return {};
  const keep = SCOPE_LEVELS.slice(0, SCOPE_LEVELS.indexOf(depth) + 1);
  const trimmed: Partial<Record<ScopeLevel, string>> = {};
  for (const level of keep) if (scope[level] !== undefined) trimmed[level] = scope[level];
  return trimmed;
}

/** The level that lists what is inside a scope: a brand's regions, a region's stores, a store's staff. */
export function childLevel(scope: RouteScope): ScopeLevel {
  if (scope.store !== undefined || scope.staff !== undefined) return 'staff';
  if (scope.region !== undefined) return 'store';
  return 'region';
}
