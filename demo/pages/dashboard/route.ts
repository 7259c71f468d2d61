/**
 * The dashboard's location, kept in the URL hash so every view can be bookmarked and the back
 * button walks up the drill-down: `#/region/north/store/n1/staff/ann?tab=employee&from=…&to=…`.
 */
export type Tab = 'customer' | 'employee' | 'kudos';

export interface Route {
  region?: string;
  store?: string;
  staff?: string;
  tab: Tab;
  from?: string;
  to?: string;
}

const KEYS = ['region', 'store', 'staff'] as const;

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const route: Route = { tab: 'customer' };
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const key = parts[i] as (typeof KEYS)[number];
    if (KEYS.includes(key)) route[key] = parts[i + 1];
  }
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  if (tab === 'employee' || tab === 'kudos') route.tab = tab;
  const from = params.get('from');
  const to = params.get('to');
  if (from) route.from = from;
  if (to) route.to = to;
  return route;
}

export function formatRoute(route: Route): string {
  const path = KEYS.filter((k) => route[k]).map((k) => `/${k}/${encodeURIComponent(route[k] ?? '')}`).join('');
  const params = new URLSearchParams();
  if (route.tab !== 'customer') params.set('tab', route.tab);
  if (route.from) params.set('from', route.from);
  if (route.to) params.set('to', route.to);
  const search = params.toString();
  return `#${path || '/'}${search ? `?${search}` : ''}`;
}

/** The level below the deepest id in the route: what the groups table lists. */
export function childLevel(route: Route): 'region' | 'store' | 'staff' {
  if (route.store || route.staff) return 'staff';
  if (route.region) return 'store';
  return 'region';
}

/** The API query for a route (the server still decides what the user may see). */
export function toQuery(route: Route): URLSearchParams {
  const q = new URLSearchParams();
  q.set('level', childLevel(route));
  if (route.region) q.set('region', route.region);
  if (route.store) q.set('store', route.store);
  if (route.staff) q.set('staff', route.staff);
  if (route.from) q.set('from', route.from);
  if (route.to) q.set('to', route.to);
  if (route.tab === 'employee') {
    q.set('channel', 'employee');
    // Employee pulse is never broken down per person.
    if (childLevel(route) === 'staff') q.set('level', 'store');
  }
  return q;
}
