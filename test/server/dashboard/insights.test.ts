import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statsQuery } from '../../../demo/pages/dashboard/api/stats.js';
import { trendLines, periodsOf } from '../../../demo/pages/dashboard/components/trend-lines.js';
import { Formatter } from '../../../demo/pages/dashboard/format/formatter.js';
import { changeOf, formatDelta, standing } from '../../../demo/pages/dashboard/format/metric.js';
import { SurveyLabels } from '../../../demo/pages/dashboard/format/survey-labels.js';
import { CATALOGS } from '../../../demo/pages/dashboard/i18n/locales.js';
import { normalizeRoute, type ViewRules } from '../../../demo/pages/dashboard/router/normalize.js';
import { parseRoute } from '../../../demo/pages/dashboard/router/route.js';
import { readSegments } from '../../../demo/pages/dashboard/router/segments.js';
import { readSort, sortRows, type BoardRow } from '../../../demo/pages/dashboard/views/compare/sort.js';
import { ROUTE_GRAMMAR, VIEWS } from '../../../demo/pages/dashboard/views/registry.js';
import type { SessionBody } from '../../../demo/server/auth/session-body.js';
import type { AnswersResponse, Kpis, Metric, TrendResponse } from '../../../demo/server/stats/types.js';

const metric = (value: number | null, n: number): Metric => ({ value, n, insufficientResponses: false });
const kpis = (nps: Metric, volume = nps.n): Kpis => ({ volume, comments: 0, nps, csat: metric(null, 0), smiley: metric(null, 0), stars: metric(null, 0), insufficientResponses: false });
const user = (role: SessionBody['user']['role']): SessionBody['user'] => ({ id: 1, email: 'x@y.test', name: 'X', role, brandId: 'acme', regionId: role === 'regional' ? 'north' : null, storeId: role === 'store' ? 'n1' : null, staffId: role === 'staff' ? 'ann' : null });

describe('dashboard insights: changes, targets, sorting (pure)', () => {
  it('shows a change only when both periods have enough answers: never a swing of ±100 on a handful', () => {
    assert.deepEqual(changeOf(metric(20, 40), metric(12.5, 30)), { kind: 'value', delta: 7.5 });
    assert.deepEqual(changeOf(metric(-100, 3), metric(100, 2)), { kind: 'few', n: 2 });
    assert.deepEqual(changeOf(metric(50, 40), metric(null, 0)), { kind: 'few', n: 0 });
    const f = new Formatter('en');
    assert.equal(formatDelta(7.5, 'nps', f, CATALOGS.en), '+7.5');
    assert.equal(formatDelta(-3.25, 'percent', f, CATALOGS.en), '-3.3 pts');
    assert.equal(formatDelta(0.1, 'average', f, CATALOGS.en), '+0.10');
    assert.deepEqual(standing(25, 30), { met: false, gap: 5 });
    assert.deepEqual(standing(30, 30), { met: true });
    assert.equal(standing(null, 30), undefined);
  });

  it('sorts the leaderboard by any column, stores without a value last in both directions, ties by name', () => {
    const row = (name: string, nps: number | null, n: number, previous?: number): BoardRow => ({
      id: name.toLowerCase(),
      name,
      regionId: 'r',
      regionName: name.startsWith('B') ? 'Beta' : 'Alpha',
      kpis: kpis(metric(nps, n), n),
      previous: previous === undefined ? undefined : kpis(metric(previous, 20)),
      targets: undefined,
    });
    const rows = [row('Cork', 10, 30, 20), row('Ayr', null, 0), row('Bath', 40, 12, 0), row('Derby', 10, 8, 10)];
    const names = (key: Parameters<typeof sortRows>[1], direction: 'asc' | 'desc') => sortRows(rows, key, direction, 'en').map((r) => r.name);
    assert.deepEqual(names('nps', 'desc'), ['Bath', 'Cork', 'Derby', 'Ayr']);
    assert.deepEqual(names('nps', 'asc'), ['Cork', 'Derby', 'Bath', 'Ayr']);
    assert.deepEqual(names('name', 'asc'), ['Ayr', 'Bath', 'Cork', 'Derby']);
    assert.deepEqual(names('region', 'desc'), ['Bath', 'Ayr', 'Cork', 'Derby']);
    assert.deepEqual(names('volume', 'desc'), ['Cork', 'Bath', 'Derby', 'Ayr']);
    // Bath +40 on 12 answers; Cork −10 on 30; Derby 0; Ayr has no previous period.
    assert.deepEqual(names('npsChange', 'desc'), ['Bath', 'Derby', 'Cork', 'Ayr']);
    assert.deepEqual(readSort({ sort: 'csatChange', dir: 'asc' }), { key: 'csatChange', direction: 'asc' });
    assert.deepEqual(readSort({ sort: 'nope' }), { key: 'nps', direction: 'desc' });
    assert.deepEqual(readSort({ sort: 'name' }), { key: 'name', direction: 'asc' });
  });
});

describe('dashboard insights: trend lines (pure)', () => {
  const point = (period: string, value: number | null, n: number) => ({ ...kpis(metric(value, n)), period });
  const filter = (region: string | null): TrendResponse['filter'] => ({
    brand: 'acme',
    region,
    store: null,
    staff: null,
    from: '2026-03-01',
    to: '2026-03-07',
    channel: 'customer',
    segments: { channel: null, survey: null, device: null, locale: null },
  });
  const trend = (region: string | null): TrendResponse => ({
    filter: filter(region),
    bucket: 'week',
    minAnswersPerPoint: 5,
    points: [point('2026-03-02', 10, 20)],
    series: [
      { id: 'n1', name: 'North One', points: [point('2026-02-23', 5, 8), point('2026-03-02', null, 2)] },
      { id: 'n2', name: null, points: [point('2026-03-02', 20, 12)] },
    ],
    benchmark: [point('2026-02-23', 1, 90), point('2026-03-02', 2, 99)],
  });
  const names = { selection: 'North', brand: 'Acme (brand)', group: (id: string) => `Store ${id}` };

  it("draws the selection, one line per place, and the brand's line only when the selection is not the brand", () => {
    const lines = trendLines(trend('north'), 'nps', names);
    assert.deepEqual(lines.map((l) => [l.name, l.role]), [['North', 'selection'], ['North One', 'group'], ['Store n2', 'group'], ['Acme (brand)', 'benchmark']]);
    // Told apart by colour and by dash, the selection bold.
    assert.notEqual(lines[1]?.style.colour, lines[2]?.style.colour);
    assert.ok((lines[0]?.style.width ?? 0) > (lines[1]?.style.width ?? 0));
    assert.deepEqual(lines[3]?.style.dash, [4, 4]);
    // Every period any line has, so lines without a point there have a gap rather than a shift.
    assert.deepEqual(periodsOf(lines), ['2026-02-23', '2026-03-02']);
    assert.equal(lines[1]?.points.get('2026-03-02')?.value, null);
    const brandWide = trendLines(trend(null), 'nps', { ...names, selection: 'Acme' });
    assert.deepEqual(brandWide.map((l) => l.role), ['selection', 'group', 'group']);
  });
});

describe('dashboard insights: survey texts in the reader language (pure)', () => {
  const answers: AnswersResponse = {
    filter: {
      brand: 'acme',
      region: null,
      store: null,
      staff: null,
      from: '2026-03-01',
      to: '2026-03-07',
      channel: 'customer',
      segments: { channel: null, survey: null, device: null, locale: null },
    },
    surveys: [
      {
        id: 'store-exit',
        title: { en: 'How was your visit?', de: 'Wie war Ihr Besuch?' },
        questions: [
          {
            id: 'reasons',
            type: 'choice',
            prompt: { en: 'What went wrong?', sv: 'Vad gick fel?' },
            answered: 3,
            counts: [
              { value: 'queue', label: { en: 'Long queue', sv: 'Lång kö' }, n: 2 },
              { value: 'help', label: 'No one to help me', n: 1 },
              { value: 'other', label: null, n: 1 },
            ],
            insufficientResponses: false,
          },
          { id: 'contact', type: 'consent', prompt: 'May we contact you?', answered: 1, counts: [{ value: 'true', label: null, n: 1 }], insufficientResponses: false },
        ],
      },
    ],
  };

  it('shows prompts and option labels in the language, falling back to English, ids for what the survey no longer has', () => {
    const f = new Formatter('en');
    const sv = new SurveyLabels(answers, 'sv');
    assert.equal(sv.prompt('store-exit', 'reasons'), 'Vad gick fel?');
    assert.equal(sv.value('store-exit', 'reasons', 'queue', CATALOGS.en, f), 'Lång kö');
    assert.equal(sv.title('store-exit'), 'How was your visit?');
    const de = new SurveyLabels(answers, 'de');
    assert.equal(de.prompt('store-exit', 'reasons'), 'What went wrong?');
    assert.equal(de.title('store-exit'), 'Wie war Ihr Besuch?');
    assert.equal(de.value('store-exit', 'reasons', 'other', CATALOGS.de, f), 'Sonstiges');
    assert.equal(de.value('store-exit', 'contact', 'true', CATALOGS.de, f), 'Ja');
    assert.equal(de.prompt('store-exit', 'gone'), 'gone');
    assert.equal(de.answer('store-exit', { questionId: 'reasons', type: 'choice', value: ['queue', 'help'] }, CATALOGS.de, new Formatter('de')), 'What went wrong?: Long queue und No one to help me');
  });
});

describe('dashboard insights: segments in the address (pure)', () => {
  it('reads only well-formed segments', () => {
    assert.deepEqual(readSegments({ channel: 'kiosk', device: 'mobile', survey: 'store-exit', locale: 'sv-SE' }), { channel: 'kiosk', device: 'mobile', survey: 'store-exit', locale: 'sv-SE' });
    assert.deepEqual(readSegments({ channel: 'employee', device: 'fridge', survey: 'a b', locale: '1x' }), {});
  });

  it('keeps them for the views and roles that cut by them, not for one person, and sends them to the stats API', () => {
    const route = parseRoute('#/overview/region/north?channel=web&locale=sv&bucket=week', ROUTE_GRAMMAR);
    assert.deepEqual(route.params, { bucket: 'week', channel: 'web', locale: 'sv' });
    const views: readonly ViewRules[] = VIEWS;
    assert.deepEqual(normalizeRoute(route, user('regional'), views).params, { bucket: 'week', channel: 'web', locale: 'sv' });
    assert.deepEqual(normalizeRoute(route, user('corporate'), views).params, { bucket: 'week', channel: 'web', locale: 'sv' });
    assert.deepEqual(normalizeRoute({ ...route, scope: { store: 'n1' } }, user('store'), views).params, { bucket: 'week' });
    assert.deepEqual(normalizeRoute({ ...route, scope: { store: 'n1', staff: 'ann' } }, user('corporate'), views).params, { bucket: 'week' });
    assert.deepEqual(normalizeRoute({ ...route, view: 'kudos', params: { channel: 'web' } }, user('corporate'), views).params, {});
    // Employee pulse is never cut; a store with a cut lists itself, not its staff.
    const range = { from: '2026-03-01', to: '2026-03-07' };
    assert.equal(statsQuery({ region: 'north' }, range, 'employee', { channel: 'web' }).toString(), 'level=store&region=north&from=2026-03-01&to=2026-03-07&channel=employee');
    assert.equal(statsQuery({ store: 'n1' }, range, 'customer', { channel: 'web', locale: 'sv' }).toString(), 'level=store&store=n1&from=2026-03-01&to=2026-03-07&channel=web&locale=sv');
    assert.equal(statsQuery({ store: 'n1' }, range, 'customer', {}).get('level'), 'staff');
  });
});
