import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../../demo/server/app.js';
import { ROUTE_TABLE } from '../../../demo/server/route-table.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { get, login, type Session } from '../stats/client.js';
import { EVE_SMALL, MINIMUM, NOW, PASSWORD, PULSE_DEVICE, PULSE_OK, PULSE_SMALL, PULSE_TAG, RANGE, seedAnonymity, USERS, type PulseTrace, type Role } from './fixtures.js';

/**
 * The anonymity rule (demo/server/privacy/anonymity.ts) on every route: the collector's routes
 * must all be listed in demo/server/route-table.ts, and every route listed as `probe` is called
 * by every role with selections that reach each protected group, checking that nothing about a
 * group below the minimum comes back.
 */

/** Selections that reach every protected group (added to the date range). */
const SELECTIONS = [
  '',
  'level=region',
  'level=store',
  'level=staff',
  'region=north',
  'store=n1',
  'store=n2',
  'store=s1',
  'staff=ann',
  'staff=eve',
  'store=n1&level=staff',
  'bucket=week&staff=eve',
  'channel=employee',
  'channel=employee&level=store',
  'channel=employee&level=region',
  'channel=employee&region=north',
  'channel=employee&store=n1',
  'channel=employee&store=n2',
  'channel=employee&store=s1',
  'channel=employee&store=n1&bucket=week',
  'rows=responses',
  'rows=responses&store=n1',
  'rows=responses&staff=eve',
  'rows=responses&channel=employee',
  'rows=responses&channel=employee&store=n2',
  'rows=groups&level=staff&store=n1',
];

const ROLES = Object.keys(USERS) as Role[];
const isMetric = (v: Record<string, unknown>) => 'value' in v && 'n' in v && 'insufficientResponses' in v;
const SCALES = ['nps', 'csat', 'smiley', 'stars'] as const;

/** What the probes saw overall: proof that the data they look for is really there. */
const seen = { pulseOk: 0, withheld: 0, eveSmallInTeam: 0, dayOnlyPulse: 0, scorelessKudos: 0, regionPulseScore: 0 };

/** Every check of one answer; `where` names the request in failure messages. */
function checkAnswer(text: string, contentType: string, protectedSelection: boolean, eveOnly: boolean, pulse: readonly PulseTrace[], where: string): void {
  assert.ok(!text.includes(PULSE_SMALL), `${where}: a pulse comment from a group below the minimum`);
  assert.ok(!text.includes(PULSE_DEVICE) && !text.includes(PULSE_TAG), `${where}: a pulse answer's device or tag`);
  for (const p of pulse) {
    assert.ok(!text.includes(p.id), `${where}: a pulse answer's id (a UUID v7 carries its time)`);
    assert.ok(!text.includes(p.timeOfDay), `${where}: a pulse answer's time of day (${p.timeOfDay})`);
  }
  if (eveOnly) assert.ok(!text.includes(EVE_SMALL), `${where}: feedback about a person below the minimum`);
  if (text.includes(PULSE_OK)) seen.pulseOk++;
  if (contentType.startsWith('text/csv')) return checkCsv(text, protectedSelection, where);
  if (!contentType.startsWith('application/json')) return;
  walk(JSON.parse(text), protectedSelection, where);
}

/** Metrics and distributions anywhere in a JSON answer; `protectedHere` for subtrees of a protected group. */
function walk(value: unknown, protectedHere: boolean, where: string): void {
  if (Array.isArray(value)) return value.forEach((item) => walk(item, protectedHere, where));
  if (typeof value !== 'object' || value === null) return;
  const o = value as Record<string, unknown>;
  if (isMetric(o)) {
    const n = o.n as number;
    if (o.insufficientResponses === true) {
      seen.withheld++;
      assert.equal(o.value, null, `${where}: a withheld score with a value`);
    }
    if (protectedHere && n > 0 && n < MINIMUM) assert.equal(o.value, null, `${where}: a score of ${n} answers in a protected group`);
  }
  if (protectedHere && SCALES.some((s) => Array.isArray(o[s]) && (o[s] as unknown[]).every((c) => typeof c === 'number'))) {
    for (const s of SCALES) {
      const counts = o[s];
      if (!Array.isArray(counts)) continue;
      const total = (counts as number[]).reduce((a, b) => a + b, 0);
      assert.ok(total === 0 || total >= MINIMUM, `${where}: a ${s} distribution of ${total} answers in a protected group`);
    }
  }
  if (o.channel === 'employee' && typeof o.createdAt === 'string') {
    assert.match(o.createdAt, /^\d{4}-\d{2}-\d{2}$/, `${where}: a pulse comment dated finer than the day`);
    seen.dayOnlyPulse++;
  }
  if (Array.isArray(o.staff) && typeof o.text === 'string' && o.text.startsWith('Eve was wonderful')) {
    assert.equal(o.nps, null, `${where}: kudos of a person below the minimum with a score`);
    seen.scorelessKudos++;
  }
  for (const [key, child] of Object.entries(o)) walk(child, protectedHere || (key === 'groups' && o.level === 'staff'), where);
}

/** Group exports: a value next to a count below the minimum must be empty in a protected export. */
function checkCsv(text: string, protectedSelection: boolean, where: string): void {
  const [header = '', ...rows] = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  const columns = header.split(',');
  if (!columns.includes('nps_n')) return;
  for (const row of rows) {
    const cells = row.split(',');
    const level = columns[0];
    if (!protectedSelection && level !== 'staff') continue;
    for (const scale of ['nps', 'csat_pct', 'smiley_avg', 'stars_avg']) {
      const n = Number(cells[columns.indexOf(`${scale.split('_')[0]}_n`)]);
      if (n > 0 && n < MINIMUM) assert.equal(cells[columns.indexOf(scale)], '', `${where}: ${scale} of ${n} answers exported`);
    }
  }
}

for (const target of databaseTargets) {
  describe(`anonymity on every route (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let pulse: PulseTrace[];
    const sessions = {} as Record<Role, Session>;

    before(async () => {
      collector = await startTestCollector(target, { STAFF_MIN_RESPONSES: MINIMUM }, { now: () => NOW });
      ({ pulse } = await seedAnonymity(collector.ctx));
      for (const role of ROLES) sessions[role] = await login(collector.url, USERS[role], PASSWORD);
    });
    after(() => collector.close());

    it('lists every route the collector serves in demo/server/route-table.ts, and no other', () => {
      const key = (method: string, path: string) => `${method} ${path}`;
      const registered = new Set(createApp(collector.ctx, { demoPages: true }).routes.filter((r) => r.method !== 'ALL').map((r) => key(r.method, r.path)));
      const listed = new Set(ROUTE_TABLE.map((r) => key(r.method, r.path)));
      assert.deepEqual([...registered].filter((r) => !listed.has(r)), [], 'routes missing from ROUTE_TABLE: list them with their access and anonymity check');
      assert.deepEqual([...listed].filter((r) => !registered.has(r)), [], 'ROUTE_TABLE lists routes the collector no longer serves');
      assert.equal(listed.size, ROUTE_TABLE.length, 'ROUTE_TABLE lists a route twice');
    });

    it('stores pulse answers without staff, device, tags, page or language', async () => {
      const rows = await collector.ctx.db.query<{ staff_ids: string[]; device_id: string | null; locale: string | null; body: { context: Record<string, unknown> } }>(
        "SELECT staff_ids, device_id, locale, body FROM submissions WHERE channel = 'employee'",
      );
      assert.equal(rows.length, pulse.length);
      for (const row of rows) {
        assert.deepEqual([row.staff_ids, row.device_id, row.locale], [[], null, null]);
        assert.deepEqual(Object.keys(row.body.context).sort(), ['brand', 'channel', 'region', 'store']);
      }
    });

    for (const role of ROLES) {
      it(`${role}: no probed route says anything about a group below the minimum`, async () => {
        const probed = ROUTE_TABLE.filter((r) => r.anonymity === 'probe');
        assert.ok(probed.length > 0);
        for (const route of probed) {
          assert.equal(route.method, 'GET', `${route.method} ${route.path}: add a probe for this method to this test`);
          for (const selection of SELECTIONS) {
            const query = [RANGE, selection].filter(Boolean).join('&');
            const where = `${role} GET ${route.path}?${query}`;
            const res = await get(collector.url, `${route.path}?${query}`, sessions[role]);
            const text = await res.text();
            const individual = selection.includes('staff=') || role === 'ann' || role === 'eve';
            const pulseSelection = selection.includes('channel=employee');
            const protectedSelection = individual || pulseSelection;
            if (res.status !== 200) {
              assert.ok([400, 403].includes(res.status), `${where}: ${res.status} ${text}`);
            } else {
              // Per-response exports of a protected group would rebuild what the rule withholds.
              if (selection.includes('rows=responses') && route.path.endsWith('.csv')) assert.ok(!protectedSelection, `${where}: a per-response export of a protected group`);
              if (route.path.endsWith('/comments') && selection.includes('store=n1') && !protectedSelection && text.includes(EVE_SMALL)) seen.eveSmallInTeam++;
              if (pulseSelection && selection.includes('region=north') && route.path === '/v1/stats' && /"smiley":\{"value":\d/.test(text)) seen.regionPulseScore++;
            }
            checkAnswer(text, res.headers.get('content-type') ?? '', protectedSelection, selection.includes('staff=eve') || role === 'eve', pulse, where);
          }
        }
      });
    }

    it('looked at real data: every protected case was present and handled', () => {
      assert.ok(seen.pulseOk > 0, 'pulse comments of a group above the minimum were shown somewhere');
      assert.ok(seen.dayOnlyPulse > 0, 'pulse comments were dated by day');
      assert.ok(seen.withheld > 0, 'some scores were withheld');
      assert.ok(seen.eveSmallInTeam > 0, "feedback about eve counted in her store's team results");
      assert.ok(seen.scorelessKudos > 0, 'kudos of a person below the minimum were shown without a score');
      assert.ok(seen.regionPulseScore > 0, 'a region above the minimum showed its pulse score');
    });
  });
}
