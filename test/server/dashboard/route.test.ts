import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveRange } from '../../../demo/pages/dashboard/router/date-range.js';
import { homeScope, normalizeRoute, type ViewRules } from '../../../demo/pages/dashboard/router/normalize.js';
import { formatRoute, isDay, parseRoute, type Route, type RouteGrammar } from '../../../demo/pages/dashboard/router/route.js';
import { childLevel, depthOf, trimScope } from '../../../demo/pages/dashboard/router/scope.js';
import type { SessionBody } from '../../../demo/server/auth/session-body.js';

/** The dashboard's views as the router sees them, plus one with parameters of its own (a future inbox). */
const GRAMMAR: RouteGrammar = {
  views: new Map([
    ['overview', {}],
    ['pulse', {}],
    ['kudos', {}],
    ['inbox', { params: ['status', 'sort'] }],
  ]),
};
const parse = (hash: string) => parseRoute(hash, GRAMMAR);

describe('dashboard router: parseRoute / formatRoute', () => {
  it('reads a view, a scope from the outside in, and a date range', () => {
    assert.deepEqual(parse('#/overview/region/emea-north/store/042?from=2026-03-01&to=2026-03-31'), {
      view: 'overview',
      scope: { region: 'emea-north', store: '042' },
      from: '2026-03-01',
      to: '2026-03-31',
      params: {},
    });
    assert.deepEqual(parse(''), { view: undefined, scope: {}, params: {} });
    assert.deepEqual(parse('#/'), { view: undefined, scope: {}, params: {} });
  });

  it('formats what it parses, and parses what it formats (round trip)', () => {
    const routes: Route[] = [
      { view: 'overview', scope: {}, params: {} },
      { view: 'overview', scope: { region: 'emea-north', store: '042', staff: 'emp-17' }, from: '2026-01-01', to: '2026-01-31', params: {} },
      { view: 'pulse', scope: { store: '017' }, to: '2026-02-28', params: {} },
      { view: 'inbox', scope: { region: 'uk-south' }, params: { status: 'open', sort: 'due' } },
      { view: 'kudos', scope: { staff: 'a.b:c_d-e' }, params: {} },
    ];
    for (const route of routes) assert.deepEqual(parse(formatRoute(route)), route, formatRoute(route));
    assert.equal(formatRoute(routes[1] as Route), '#/overview/region/emea-north/store/042/staff/emp-17?from=2026-01-01&to=2026-01-31');
    // Parameters in a fixed order: one screen, one address (bookmarks and history compare equal).
    assert.equal(formatRoute({ view: 'inbox', scope: {}, params: { status: 'open', sort: 'due' } }), formatRoute({ view: 'inbox', scope: {}, params: { sort: 'due', status: 'open' } }));
  });

  it('ignores what it does not understand instead of failing', () => {
    // An unknown view: no view (the shell picks the user's first); the scope still counts.
    assert.deepEqual(parse('#/reports/region/north'), { view: undefined, scope: { region: 'north' }, params: {} });
    // An unknown scope key ends the scope; a malformed id is dropped; a repeated level keeps the first.
    assert.deepEqual(parse('#/overview/region/north/shelf/7/store/n1').scope, { region: 'north' });
    assert.deepEqual(parse('#/overview/store/a%20b').scope, {});
    assert.deepEqual(parse("#/overview/store/n1'%20OR%201=1").scope, {});
    assert.deepEqual(parse('#/overview/store/%E0%A4%A').scope, {});
    assert.deepEqual(parse('#/overview/store/n1/store/n2').scope, { store: 'n1' });
    assert.deepEqual(parse('#/overview/region').scope, {});
    // Dates must be real days; unknown parameters and parameters of another view are dropped.
    assert.deepEqual(parse('#/overview?from=2026-02-30&to=yesterday&brand=other&status=open'), { view: 'overview', scope: {}, params: {} });
    assert.deepEqual(parse(`#/inbox?status=open&sort=${'x'.repeat(201)}&page=2`).params, { status: 'open' });
  });

  it('keeps a range whose start is after its end: the server refuses it and the view says why', () => {
    assert.deepEqual(parse('#/overview?from=2026-03-31&to=2026-03-01'), { view: 'overview', scope: {}, from: '2026-03-31', to: '2026-03-01', params: {} });
  });

  it("opens the first dashboard's bookmarks (`#/region/…?tab=…`) on the same screen", () => {
    assert.deepEqual(parse('#/region/north/store/n1?tab=employee&from=2026-03-01'), { view: 'pulse', scope: { region: 'north', store: 'n1' }, from: '2026-03-01', params: {} });
    assert.deepEqual(parse('#/store/n1/staff/ann'), { view: 'overview', scope: { store: 'n1', staff: 'ann' }, params: {} });
    assert.deepEqual(parse('#/staff/ann?tab=kudos').view, 'kudos');
    assert.deepEqual(parse('#/region/north?tab=nonsense').view, undefined);
  });

  it('checks days strictly', () => {
    assert.equal(isDay('2026-02-28'), true);
    assert.equal(isDay('2024-02-29'), true);
    assert.equal(isDay('2026-02-29'), false);
    assert.equal(isDay('2026-2-28'), false);
    assert.equal(isDay('20260228'), false);
  });
});

describe('dashboard router: scope and range', () => {
  it('knows how deep a scope goes, what lists below it, and trims it to a depth', () => {
    assert.equal(depthOf({}), 'brand');
    assert.equal(depthOf({ region: 'r', store: 's' }), 'store');
    assert.equal(childLevel({}), 'region');
    assert.equal(childLevel({ region: 'r' }), 'store');
    assert.equal(childLevel({ store: 's' }), 'staff');
    assert.deepEqual(trimScope({ region: 'r', store: 's', staff: 'p' }, 'store'), { region: 'r', store: 's' });
    assert.deepEqual(trimScope({ region: 'r', store: 's' }, 'brand'), {});
  });

  it('defaults to the last 30 days up to today (UTC), and fills in a missing end or start', () => {
    const now = new Date('2026-03-07T23:30:00Z');
    assert.deepEqual(effectiveRange({}, now), { from: '2026-02-06', to: '2026-03-07' });
    assert.deepEqual(effectiveRange({ to: '2026-01-31' }, now), { from: '2026-01-02', to: '2026-01-31' });
    assert.deepEqual(effectiveRange({ from: '2026-03-01' }, now), { from: '2026-03-01', to: '2026-03-07' });
    // Store-local days, as the API's default: after midnight in Stockholm (23:30 UTC) its today is
    // the 8th, and it is in the default range; a store behind UTC does not pull it back.
    const lateEvening = new Date('2026-03-07T23:30:00Z');
    assert.deepEqual(effectiveRange({}, lateEvening, ['America/New_York']), { from: '2026-02-06', to: '2026-03-07' });
    assert.deepEqual(effectiveRange({}, lateEvening, ['America/New_York', 'Europe/Stockholm']), { from: '2026-02-07', to: '2026-03-08' });
    assert.deepEqual(effectiveRange({}, lateEvening, ['Mars/Olympus']), { from: '2026-02-06', to: '2026-03-07' }, 'an unknown zone counts as UTC');
    assert.deepEqual(effectiveRange({ to: '2026-03-07' }, lateEvening, ['Europe/Stockholm']), { from: '2026-02-06', to: '2026-03-07' }, 'a chosen end stays');
  });
});

describe('dashboard router: normalizeRoute (a route fitted to the user)', () => {
  const user = (role: SessionBody['user']['role'], anchors: Partial<SessionBody['user']> = {}): SessionBody['user'] => ({
    id: 1,
    email: 'x@acme.test',
    name: 'X',
    role,
    brandId: 'acme',
    regionId: null,
    storeId: null,
    staffId: null,
    ...anchors,
  });
  const VIEWS: ViewRules[] = [
    { id: 'overview', roles: ['corporate', 'regional', 'store', 'staff'], depth: 'staff' },
    { id: 'pulse', roles: ['corporate', 'regional', 'store'], depth: 'store' },
  ];
  const route = (over: Partial<Route>): Route => ({ view: undefined, scope: {}, params: {}, ...over });

  it('lands each role at its own level, on its first view', () => {
    assert.deepEqual(normalizeRoute(route({}), user('corporate'), VIEWS), route({ view: 'overview' }));
    assert.deepEqual(normalizeRoute(route({}), user('regional', { regionId: 'north' }), VIEWS).scope, { region: 'north' });
    assert.deepEqual(normalizeRoute(route({}), user('store', { storeId: 'n1' }), VIEWS).scope, { store: 'n1' });
    assert.deepEqual(normalizeRoute(route({}), user('staff', { staffId: 'ann' }), VIEWS).scope, { staff: 'ann' });
    assert.deepEqual(homeScope(user('regional', { regionId: 'north' }), { store: 'n2' }), { store: 'n2', region: 'north' });
  });

  it("keeps the dates, and stops the scope at the view's depth", () => {
    const shown = normalizeRoute(route({ view: 'pulse', scope: { region: 'north', store: 'n1', staff: 'ann' }, from: '2026-03-01' }), user('corporate'), VIEWS);
    assert.deepEqual(shown, route({ view: 'pulse', scope: { region: 'north', store: 'n1' }, from: '2026-03-01' }));
  });

  it("replaces a view the role does not have with the role's first view", () => {
    const shown = normalizeRoute(route({ view: 'pulse', scope: { staff: 'ann' } }), user('staff', { staffId: 'ann' }), VIEWS);
    assert.equal(shown.view, 'overview');
    assert.deepEqual(shown.scope, { staff: 'ann' });
  });

  it("leaves a scope outside the user's own as it is: the server answers 403, and the view says so", () => {
    const shown = normalizeRoute(route({ view: 'overview', scope: { store: 'n2' } }), user('store', { storeId: 'n1' }), VIEWS);
    assert.deepEqual(shown.scope, { store: 'n2' });
  });
});
