import type { SessionBody } from '../../../server/auth/session-body.js';
import type { Route, RouteScope } from './route.js';
import { trimScope, type Depth } from './scope.js';

type User = SessionBody['user'];

/** What the shell needs to know of a view to place a route (see views/view.ts). */
export interface ViewRules {
  readonly id: string;
  /** The roles that see this view in their navigation and may open it. */
  readonly roles: readonly User['role'][];
  /** The deepest level it shows; deeper parts of an address are dropped. */
  readonly depth: Depth;
}

/**
 * Where a user's navigation starts: a regional manager in their region, a store manager in their
 * store, staff with their own feedback. The server enforces the scope; this only spares users
 * a screen they cannot see.
 */
export function homeScope(user: User, scope: RouteScope): RouteScope {
  switch (user.role) {
    case 'corporate':
      return scope;
    case 'regional':
      return scope.region === undefined && user.regionId !== null ? { ...scope, region: user.regionId } : scope;
    case 'store':
      return scope.store === undefined && user.storeId !== null ? { ...scope, store: user.storeId } : scope;
    case 'staff':
      return scope.staff === undefined && user.staffId !== null ? { ...scope, staff: user.staffId } : scope;
  }
}

/**
 * The route the shell shows for an address: the view falls back to the user's first view when
 * the address names none, an unknown one, or one their role does not have; the scope starts at
 * the user's own level and stops at the view's depth. A route outside the user's scope is kept
 * as it is: the server answers 403 and the view says so, rather than silently showing another
 * place.
 */
export function normalizeRoute(route: Route, user: User, views: readonly ViewRules[]): Route {
  const allowed = views.filter((view) => view.roles.includes(user.role));
  const view = allowed.find((v) => v.id === route.view) ?? allowed[0];
  if (!view) return { ...route, view: undefined, scope: homeScope(user, route.scope), params: {} };
  const params = view.id === route.view ? route.params : {};
  return { ...route, view: view.id, scope: trimScope(homeScope(user, route.scope), view.depth), params };
}
