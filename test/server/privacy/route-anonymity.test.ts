import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../../demo/server/app.js';
import { activePulseKey, rotatePulseKey } from '../../../demo/server/pulse/keys.js';
import { submitIdea } from '../../../demo/server/ideas/submit.js';
import { ROUTE_TABLE } from '../../../demo/server/route-table.js';
import { uuidv7 } from '../../../sdk/index.js';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { get, login, type Session } from '../stats/client.js';
import { postSubmissions } from '../support/ingest.js';
import { AlertRuleSchema } from '../../../demo/server/alerts/rules/schema.js';
import { saveRule } from '../../../demo/server/alerts/rules/repository.js';
import { SseClient } from '../events/sse-client.js';
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
  // The comments' search and filters (other routes accept and ignore them): narrowing a list never
  // reaches what the rule withholds.
  'store=n1&q=eve',
  'store=n1&score=low',
  'store=n1&question=mood&answer=1',
  'store=n1&question=helped-by',
  'staff=eve&q=ignored',
  'staff=ann&score=high&limit=1',
  'channel=employee&store=n1&q=PULSE',
  'channel=employee&store=n2&score=low&limit=2',
  'channel=employee&question=shift&answer=2',
];

/** Selections of the case routes: every status, place and filter a client can ask for. */
const CASE_SELECTIONS = ['', 'status=active', 'status=open', 'status=resolved', 'region=north', 'region=south', 'store=n1', 'store=n2', 'store=s1', 'escalated=true', 'escalated=false', 'assignee=none', 'limit=200'];
/** Selections of the ideas and recognition routes. */
const IDEA_SELECTIONS = ['', 'status=all', 'status=new', 'region=north', 'region=south', 'store=n1', 'store=n2', 'limit=500'];
const IDEA_METRICS_SELECTIONS = ['', 'level=region', 'level=store', 'region=north', 'store=n1', 'store=n2'];
const RECOGNITION_SELECTIONS = ['', 'region=north', 'region=south', 'store=n1', 'store=n2'];
/** An unsigned idea from n1's staff: nobody may learn who wrote it, nor when within the day. */
const IDEA_TEXT = 'IDEA-ANONYMOUS: a bench in the break room';
const METRICS_SELECTIONS = ['', 'level=region', 'level=store', 'region=north', 'store=n1', 'store=s1', 'level=store&region=north'];
/** Selections of the weekly digest: every place, the fixture's weeks (it takes no date range). */
const DIGEST_SELECTIONS = ['', 'region=north', 'region=south', 'store=n1', 'store=n2', 'store=s1', 'week=2026-W09', 'week=2026-W10', 'store=n1&week=2026-W10', 'region=north&week=2026-W10'];

/** A rule on every customer submission of the brand, with a webhook: its alerts and deliveries are probed. */
const PROBE_RULE = 'probe-every-answer';

/** Every request a probed route gets, as every role. `/v1/events` has its own probe below. */
function probesOf(path: string, caseIds: readonly string[]): Array<{ url: string; selection: string }> {
  const withRange = (selections: readonly string[]) => selections.map((selection) => ({ url: `${path}?${[RANGE, selection].filter(Boolean).join('&')}`, selection }));
  if (path === '/v1/cases') return CASE_SELECTIONS.map((selection) => ({ url: `${path}${selection ? `?${selection}` : ''}`, selection }));
  if (path === '/v1/cases/metrics') return withRange(METRICS_SELECTIONS);
  if (path === '/v1/cases/:id') return caseIds.map((id) => ({ url: `/v1/cases/${id}`, selection: '' }));
  if (path === '/v1/ideas') return IDEA_SELECTIONS.map((selection) => ({ url: `${path}${selection ? `?${selection}` : ''}`, selection }));
  if (path === '/v1/ideas/metrics') return withRange(IDEA_METRICS_SELECTIONS);
  if (path === '/v1/recognition/stores') return withRange(RECOGNITION_SELECTIONS);
  if (path === '/v1/digest') return DIGEST_SELECTIONS.map((selection) => ({ url: `${path}${selection ? `?${selection}` : ''}`, selection }));
  if (path === '/v1/alerts') return ['', 'acknowledged=false', 'acknowledged=true', 'limit=200'].map((selection) => ({ url: `${path}${selection ? `?${selection}` : ''}`, selection }));
  if (path === '/v1/alert-rules/:id/deliveries') return [{ url: `/v1/alert-rules/${PROBE_RULE}/deliveries?limit=500`, selection: '' }];
  return withRange(SELECTIONS);
}

/** Staff members below the minimum in the fixtures: a case must neither name nor identify them. */
const UNNAMED = ['"eve"', 'Eve Stone', '"dan"', 'Dan Wu'];

const ROLES = Object.keys(USERS) as Role[];
const isMetric = (v: Record<string, unknown>) => 'value' in v && 'n' in v && 'insufficientResponses' in v;
const SCALES = ['nps', 'csat', 'smiley', 'stars'] as const;

/** What the probes saw overall: proof that the data they look for is really there. */
const seen = { ideasShown: 0, pulseOk: 0, withheld: 0, eveSmallInTeam: 0, dayOnlyPulse: 0, scorelessKudos: 0, regionPulseScore: 0, commentNamesAnn: 0, staffNamedOnCase: 0, staffWithheldOnCase: 0, streamEvents: 0, alertsShown: 0 };

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
  if (Array.isArray(o.staff) && typeof o.text === 'string') {
    const named = (o.staff as Array<{ id?: unknown }>).map((p) => p.id);
    if ('channel' in o) {
      // A comment (kudos have no channel) names only people at the minimum: never eve.
      assert.ok(!named.includes('eve'), `${where}: a comment attributed to a person below the minimum`);
      if (named.includes('ann')) seen.commentNamesAnn++;
    } else if (o.text.startsWith('Eve was wonderful')) {
      assert.equal(o.nps, null, `${where}: kudos of a person below the minimum with a score`);
      seen.scorelessKudos++;
    }
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
    let caseIds: string[];
    const sessions = {} as Record<Role, Session>;

    before(async () => {
      collector = await startTestCollector(target, { STAFF_MIN_RESPONSES: MINIMUM, ALERT_WORKER_INTERVAL_MS: 0 }, { now: () => NOW });
      await saveRule(
        collector.ctx.db,
        AlertRuleSchema.parse({ id: PROBE_RULE, kind: 'score', brand: 'acme', when: { minScoreAtMost: 5 }, outsideHours: 'send', maxAgeMinutes: 10_080, webhook: { url: 'http://127.0.0.1:9/hook', secret: 'whsec_0123456789abcdef' } }),
        'api',
        NOW,
      );
      ({ pulse } = await seedAnonymity(collector.ctx));
      // The fixture stores without alert hooks; these go through ingest and raise the probe rule's alerts.
      for (const store of ['n1', 'n2', 's1']) {
        const at = new Date(NOW.getTime() - 3_600_000).toISOString();
        const submission = { id: uuidv7(Date.parse(at)), schemaVersion: 1, surveyId: 'store-exit', createdAt: at, context: { channel: 'kiosk', brand: 'acme', region: store === 's1' ? 'south' : 'north', store }, answers: [{ questionId: 'mood', type: 'smiley', value: 1 }] };
        assert.equal((await postSubmissions(collector.url, submission, { key: 'pk_anon' })).status, 202);
      }
      for (const role of ROLES) sessions[role] = await login(collector.url, USERS[role], PASSWORD);
      // Written by ann (n1) at 17:42:13 on the fixtures' last day; anonymous.
      await submitIdea({ ...collector.ctx, now: () => new Date('2026-03-07T17:42:13Z') }, { brandId: 'acme', storeId: 'n1', text: IDEA_TEXT, signature: null });
      caseIds = (await collector.ctx.db.query<{ id: string }>('SELECT id::text AS id FROM cases ORDER BY id')).map((r) => r.id);
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
        assert.ok(caseIds.length >= 3, 'the fixtures open cases');
        for (const route of probed) {
          assert.equal(route.method, 'GET', `${route.method} ${route.path}: add a probe for this method to this test`);
          if (route.path === '/v1/events') continue;
          for (const { url, selection } of probesOf(route.path, caseIds)) {
            const where = `${role} GET ${url}`;
            const res = await get(collector.url, url, sessions[role]);
            const text = await res.text();
            const individual = selection.includes('staff=') || role === 'ann' || role === 'eve';
            const pulseSelection = selection.includes('channel=employee');
            const protectedSelection = individual || pulseSelection;
            if (res.status !== 200) {
              // 404: a case outside the scope answers exactly as a missing one.
              assert.ok([400, 403].includes(res.status) || (res.status === 404 && ['/v1/cases/:id', '/v1/alert-rules/:id/deliveries'].includes(route.path)), `${where}: ${res.status} ${text}`);
            } else {
              // Per-response exports of a protected group would rebuild what the rule withholds.
              if (selection.includes('rows=responses') && route.path.endsWith('.csv')) assert.ok(!protectedSelection, `${where}: a per-response export of a protected group`);
              if (route.path.endsWith('/comments') && selection.includes('store=n1') && !protectedSelection && text.includes(EVE_SMALL)) seen.eveSmallInTeam++;
              if (pulseSelection && selection.includes('region=north') && route.path === '/v1/stats' && /"smiley":\{"value":\d/.test(text)) seen.regionPulseScore++;
            }
            if (route.path === '/v1/ideas') {
              // Ideas name no author unless signed, and carry no time finer than the day.
              for (const trace of ['"ann"', '"eve"', 'Ann Lee', 'Eve Stone', '17:42', 'T17:']) assert.ok(!text.includes(trace), `${where}: an idea's author or time (${trace})`);
              if (text.includes(IDEA_TEXT)) seen.ideasShown++;
            }
            if (route.path === '/v1/alerts' && res.status === 200 && text.includes(PROBE_RULE)) seen.alertsShown++;
            if (route.path.startsWith('/v1/cases') || route.path.includes('alert')) {
              // Cases are team feedback, but they name staff members only at the minimum.
              for (const name of UNNAMED) assert.ok(!text.includes(name), `${where}: a case identifies a staff member below the minimum (${name})`);
              if (text.includes('"staff":[{"id":"ann","name":"Ann Lee"}]')) seen.staffNamedOnCase++;
              if (text.includes('"staffWithheld":true')) seen.staffWithheldOnCase++;
            }
            checkAnswer(text, res.headers.get('content-type') ?? '', protectedSelection, selection.includes('staff=eve') || role === 'eve', pulse, where);
          }
        }
      });
    }

    for (const role of ROLES) {
      it(`${role}: the live event stream carries nothing about a protected group`, async () => {
        const stream = await SseClient.open(collector.url, sessions[role].cookie);
        try {
          // The pulse answer's time must not come back; the customers' may.
          const at = '2026-03-07T17:42:13.000Z';
          const customerAt = '2026-03-07T17:50:00.000Z';
          const base = { schemaVersion: 1, createdAt: customerAt, surveyId: 'store-exit' };
          const pulseNow = { ...base, createdAt: at, id: uuidv7(Date.parse(at)), context: { channel: 'employee', brand: 'acme', region: 'north', store: 'n1', staff: ['eve'], device: PULSE_DEVICE, tags: { shift: PULSE_TAG } }, answers: [{ questionId: 'shift', type: 'smiley', value: 1 }, { questionId: 'comment', type: 'text', value: `${PULSE_SMALL}-live` }] };
          const aboutEve = { ...base, id: uuidv7(Date.parse(customerAt)), context: { channel: 'kiosk', brand: 'acme', region: 'north', store: 'n1', staff: ['eve'] }, answers: [{ questionId: 'mood', type: 'smiley', value: 1 }, { questionId: 'helped-by', type: 'staff', value: 'eve' }, { questionId: 'comment', type: 'text', value: `${EVE_SMALL}: live` }] };
          const marker = { ...base, id: uuidv7(Date.parse(customerAt)), context: { channel: 'kiosk', brand: 'acme', region: 'north', store: 'n1' }, answers: [{ questionId: 'mood', type: 'smiley', value: 2 }] };
          // Pulse comes in with the store's pulse key (the collector takes it with no other), customers with the write key.
          const pulseKey = (await activePulseKey(collector.ctx.db, 'acme', 'n1')) ?? (await collector.ctx.db.transaction((tx) => rotatePulseKey(tx, 'acme', 'n1', NOW)));
          assert.equal((await postSubmissions(collector.url, pulseNow, { key: pulseKey.key })).status, 202);
          for (const submission of [aboutEve, marker]) assert.equal((await postSubmissions(collector.url, submission, { key: 'pk_anon' })).status, 202);
          const staff = role === 'ann' || role === 'eve';
          if (staff) await new Promise((resolve) => setTimeout(resolve, 500));
          else await stream.waitFor(() => stream.find('case', (d) => d['submissionId'] === marker.id).length === 1, 5_000, 'the marker case');
          const where = `${role} GET /v1/events`;
          const trace = { id: pulseNow.id, createdAt: at, timeOfDay: at.slice(11, 19) };
          checkAnswer(stream.raw, 'text/event-stream', true, true, [...pulse, trace], where);
          for (const forbidden of [...UNNAMED, 'staff', EVE_SMALL, 'live']) assert.ok(!stream.raw.includes(forbidden), `${where}: ${forbidden}`);
          if (staff) assert.deepEqual(stream.events, [], `${where}: staff accounts get no submission or case events`);
          else seen.streamEvents += stream.events.length;
        } finally {
          stream.close();
        }
      });
    }

    it('looked at real data: every protected case was present and handled', () => {
      assert.ok(seen.ideasShown > 0, 'an anonymous idea was shown to its store');
      assert.ok(seen.pulseOk > 0, 'pulse comments of a group above the minimum were shown somewhere');
      assert.ok(seen.dayOnlyPulse > 0, 'pulse comments were dated by day');
      assert.ok(seen.withheld > 0, 'some scores were withheld');
      assert.ok(seen.eveSmallInTeam > 0, "feedback about eve counted in her store's team results");
      assert.ok(seen.scorelessKudos > 0, 'kudos of a person below the minimum were shown without a score');
      assert.ok(seen.regionPulseScore > 0, 'a region above the minimum showed its pulse score');
      assert.ok(seen.commentNamesAnn > 0, 'comments named a person at the minimum');
      assert.ok(seen.staffNamedOnCase > 0, 'a case named a staff member at the minimum');
      assert.ok(seen.staffWithheldOnCase > 0, 'a case withheld a staff member below it');
      assert.ok(seen.streamEvents > 0, 'the event streams carried events');
      assert.ok(seen.alertsShown > 0, 'the alerts list showed alerts');
    });
  });
}
