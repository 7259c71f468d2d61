/**
 * The dashboard's address, kept in the URL hash so every screen can be bookmarked, shared and
 * reached with the back button: `#/<view>/<scope…>?from=&to=&<view's own parameters>`, e.g.
 * `#/overview/region/emea-north/store/042?from=2026-03-01&to=2026-03-31`.
 *
 * Parsing never fails: anything it does not understand (an unknown view, scope key or parameter,
 * an id or a date of the wrong form) is left out, and the shell fills in the defaults. Pure
 * functions, no DOM: tested in Node (test/server/dashboard/route.test.ts).
 */

/** The levels below the brand, outermost first, as they appear in the path. */
export const SCOPE_LEVELS = ['region', 'store', 'staff'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** Where in the hierarchy a screen looks: no key is the whole brand (within the user's scope). */
export type RouteScope = Readonly<Partial<Record<ScopeLevel, string>>>;

export interface Route {
  /** A view id; undefined when the address names none the dashboard knows. */
  readonly view: string | undefined;
  readonly scope: RouteScope;
  /** First and last day, inclusive, `YYYY-MM-DD`; absent means the default range. */
  readonly from?: string;
  readonly to?: string;
  /** The view's own query parameters (only those it declares, see {@link RouteGrammar}). */
  readonly params: Readonly<Record<string, string>>;
}

/** What the parser accepts: the known views, and the query parameters each one reads. */
export interface RouteGrammar {
  readonly views: ReadonlyMap<string, { readonly params?: readonly string[] }>;
}

/** The retailer's ids, as the collector accepts them (demo/server/auth/roles.ts). */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A view's own parameter values are short (a status, a sort key): longer ones are not ours. */
const MAX_PARAM_LENGTH = 200;

/**
 * Addresses of the first dashboard (`#/region/north/store/n1?tab=employee`) keep working: their
 * `tab` becomes the view, so old bookmarks open the same screen.
 */
const LEGACY_TABS: Readonly<Record<string, string>> = { customer: 'overview', employee: 'pulse', kudos: 'kudos' };

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined; // a malformed %-escape: not an id of ours
  }
}

/** Reads a location hash (with or without its `#`). */
export function parseRoute(hash: string, grammar: RouteGrammar): Route {
  const text = hash.replace(/^#/, '');
  const queryAt = text.indexOf('?');
  const path = queryAt === -1 ? text : text.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : text.slice(queryAt + 1));
  const parts = path.split('/').filter(Boolean).map(decode);

  let view: string | undefined;
  let rest = parts;
  const first = parts[0];
  if (first !== undefined && (SCOPE_LEVELS as readonly string[]).includes(first)) {
    const legacy = LEGACY_TABS[query.get('tab') ?? 'customer'];
    view = legacy !== undefined && grammar.views.has(legacy) ? legacy : undefined;
  } else {
    view = first !== undefined && grammar.views.has(first) ? first : undefined;
    rest = parts.slice(1);
  }

  const scope: Partial<Record<ScopeLevel, string>> = {};
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const key = rest[i];
    const value = rest[i + 1];
    // An unknown key ends the scope: what follows it cannot be read reliably.
    if (key === undefined || !(SCOPE_LEVELS as readonly string[]).includes(key)) break;
    const level = key as ScopeLevel;
    if (value !== undefined && ID.test(value) && scope[level] === undefined) scope[level] = value;
  }

  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const params: Record<string, string> = {};
  const accepted = view === undefined ? [] : (grammar.views.get(view)?.params ?? []);
  for (const name of accepted) {
    const value = query.get(name);
    if (value !== null && value !== '' && value.length <= MAX_PARAM_LENGTH) params[name] = value;
  }
  return { view, scope, ...(isDay(from) ? { from } : {}), ...(isDay(to) ? { to } : {}), params };
}

/** Writes a route as a hash: the same route always gives the same string (parameters sorted). */
export function formatRoute(route: Route): string {
  const segments = route.view === undefined ? [] : [route.view];
  for (const level of SCOPE_LEVELS) {
    const id = route.scope[level];
    if (id !== undefined) segments.push(level, id);
  }
  const query = new URLSearchParams();
  if (route.from) query.set('from', route.from);
  if (route.to) query.set('to', route.to);
  for (const name of Object.keys(route.params).sort()) query.set(name, route.params[name] ?? '');
  const search = query.toString();
  return `#/${segments.map(encodeURIComponent).join('/')}${search ? `?${search}` : ''}`;
}
