import type { Directory } from '../api/directory.js';
import type { Session } from '../api/session.js';
import type { Crumb } from '../components/sv-breadcrumbs.js';
import type { Messages } from '../i18n/messages.js';
import { formatRoute, type Route, type RouteScope } from '../router/route.js';

/**
 * The name of the place a scope is about, by name rather than id ("Oslo Karl Johans gate", not
 * "store 017"); an id the directory does not know reads "Store 017".
 */
export function placeName(scope: RouteScope, directory: Directory, m: Messages): string {
  if (scope.staff !== undefined) return directory.staffName(scope.staff) ?? m.place.staff(scope.staff);
  if (scope.store !== undefined) return directory.storeName(scope.store) ?? m.place.store(scope.store);
  if (scope.region !== undefined) return directory.regionName(scope.region) ?? m.place.region(scope.region);
  return directory.brandName ?? m.app.title;
}

/**
 * The breadcrumb trail of a route, from the user's own level down: corporate starts at the
 * brand, a regional manager at their region, a store manager at their store. Levels the
 * address leaves out (a store opened without its region) are filled in from the directory.
 */
export function breadcrumbs(route: Route, user: Session['user'], directory: Directory, m: Messages): Crumb[] {
  const scope = route.scope;
  const store = scope.store ?? (scope.staff !== undefined ? directory.storeOfStaff(scope.staff) : undefined);
  const region = scope.region ?? (store !== undefined ? directory.regionOfStore(store) : undefined);
  const href = (s: RouteScope) => formatRoute({ ...route, scope: s, params: {} });
  const crumbs: Crumb[] = [];
  const role = user.role;
  if (role === 'corporate') crumbs.push({ label: placeName({}, directory, m), href: href({}) });
  if (region !== undefined && (role === 'corporate' || role === 'regional')) crumbs.push({ label: placeName({ region }, directory, m), href: href({ region }) });
  if (store !== undefined && role !== 'staff') crumbs.push({ label: placeName({ store }, directory, m), href: href({ ...(scope.region !== undefined ? { region: scope.region } : {}), store }) });
  if (scope.staff !== undefined) crumbs.push({ label: placeName({ staff: scope.staff }, directory, m), href: href(scope) });
  return crumbs;
}
