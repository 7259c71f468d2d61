import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Directory } from '../../../demo/pages/dashboard/api/directory.js';
import { breadcrumbs, placeName } from '../../../demo/pages/dashboard/app/places.js';
import { CATALOGS } from '../../../demo/pages/dashboard/i18n/locales.js';
import type { Route } from '../../../demo/pages/dashboard/router/route.js';
import type { SessionBody } from '../../../demo/server/auth/session-body.js';

const directory = new Directory({
  brand: { id: 'acme', name: 'Acme Outfitters' },
  regions: [{ id: 'emea-north', name: 'Nordics' }],
  stores: [{ id: '017', name: 'Oslo Karl Johans gate', regionId: 'emea-north', timeZone: 'Europe/Oslo' }],
  staff: [{ id: 'emp-31', name: 'Ingrid Solberg', storeId: '017', active: true }],
});
const m = CATALOGS.en;
const user = (role: SessionBody['user']['role']): SessionBody['user'] => ({ id: 1, email: 'x@acme.test', name: 'X', role, brandId: 'acme', regionId: null, storeId: null, staffId: null });
const route = (scope: Route['scope']): Route => ({ view: 'overview', scope, from: '2026-03-01', params: {} });

describe('dashboard places: names, never ids', () => {
  it('names the place of a scope, and says what an unknown id is', () => {
    assert.equal(placeName({}, directory, m), 'Acme Outfitters');
    assert.equal(placeName({ region: 'emea-north' }, directory, m), 'Nordics');
    assert.equal(placeName({ region: 'emea-north', store: '017' }, directory, m), 'Oslo Karl Johans gate');
    assert.equal(placeName({ store: '017', staff: 'emp-31' }, directory, m), 'Ingrid Solberg');
    assert.equal(placeName({ store: '999' }, directory, m), 'Store 999');
    assert.equal(placeName({ store: '999' }, directory, CATALOGS.de), 'Filiale 999');
    assert.equal(directory.timeZoneOf('017'), 'Europe/Oslo');
    assert.equal(directory.timeZoneOf('999'), 'UTC');
  });

  it("starts the trail at the user's level and fills in levels the address leaves out", () => {
    const labels = (role: SessionBody['user']['role'], scope: Route['scope']) => breadcrumbs(route(scope), user(role), directory, m).map((c) => c.label);
    assert.deepEqual(labels('corporate', { store: '017', staff: 'emp-31' }), ['Acme Outfitters', 'Nordics', 'Oslo Karl Johans gate', 'Ingrid Solberg']);
    assert.deepEqual(labels('regional', { region: 'emea-north', store: '017' }), ['Nordics', 'Oslo Karl Johans gate']);
    assert.deepEqual(labels('store', { store: '017', staff: 'emp-31' }), ['Oslo Karl Johans gate', 'Ingrid Solberg']);
    assert.deepEqual(labels('staff', { staff: 'emp-31' }), ['Ingrid Solberg']);
  });

  it('links each step to its level, keeping the view and the dates', () => {
    const crumbs = breadcrumbs(route({ region: 'emea-north', store: '017', staff: 'emp-31' }), user('corporate'), directory, m);
    assert.deepEqual(
      crumbs.map((c) => c.href),
      ['#/overview?from=2026-03-01', '#/overview/region/emea-north?from=2026-03-01', '#/overview/region/emea-north/store/017?from=2026-03-01', '#/overview/region/emea-north/store/017/staff/emp-31?from=2026-03-01'],
    );
  });
});
