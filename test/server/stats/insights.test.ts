import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { uuidv7, type Answer, type Submission } from '../../../sdk/index.js';
import { upsertUser } from '../../../demo/server/auth/index.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import { storeSubmissions } from '../../../demo/server/ingest/store.js';
import type { Collector } from '../../../demo/server/server.js';
import type { AnswersResponse, MoversResponse, StatsResponse } from '../../../demo/server/stats/types.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { get, getJson, login, type Session } from './client.js';

/**
 * Where to look: movers between two rolling windows, every question's answers with their labels,
 * and targets (who sets them, how they are inherited). Numbers are worked out by hand below.
 */
const NOW = new Date('2026-03-07T18:00:00Z');
const PASSWORD = 'correct horse battery';
const MINIMUM = 5;

const hierarchy = {
  brands: [
    {
      id: 'acme',
      name: 'Acme',
      writeKeys: ['pk_insights'],
      regions: [
        { id: 'north', name: 'North', stores: [{ id: 'n1', name: 'North One', staff: [] }, { id: 'n2', name: 'North Two', staff: [] }] },
        { id: 'south', name: 'South', stores: [{ id: 's1', name: 'South One', staff: [] }] },
      ],
    },
  ],
};

const survey = {
  id: 'store-exit',
  version: 1,
  title: { en: 'How was your visit?', sv: 'Hur var ditt besök?' },
  questions: [
    { id: 'mood', type: 'smiley', prompt: 'How was your visit today?', required: true },
    {
      id: 'reasons',
      type: 'choice',
      prompt: { en: 'What went wrong?', sv: 'Vad gick fel?' },
      multiple: true,
      options: [
        { id: 'queue', label: { en: 'Long queue', sv: 'Lång kö' } },
        { id: 'help', label: 'No one to help me' },
        { id: 'stock', label: 'Out of stock' },
      ],
      other: true,
    },
    { id: 'comment', type: 'text', prompt: 'Anything else?' },
  ],
};

const region = (store: string) => (store === 's1' ? 'south' : 'north');

function submission(store: string, day: string, answers: Answer[], channel: 'web' | 'kiosk' | 'employee' = 'web', surveyId = 'post-purchase'): Submission {
  const at = `${day}T12:00:00.000Z`;
  return { id: uuidv7(Date.parse(at)), schemaVersion: 1, surveyId, createdAt: at, context: { channel, brand: 'acme', region: region(store), store }, answers };
}

const nps = (value: number): Answer => ({ questionId: 'recommend', type: 'nps', value });

/** Movers: n1 falls from NPS +100 to −100, n2 rises from −100 to +100, s1 has too few answers. */
function moversData(): Submission[] {
  const previous = ['2026-02-22', '2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28'];
  const current = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07'];
  const out: Submission[] = [];
  for (let i = 0; i < 10; i++) {
    out.push(submission('n1', previous[i % 7]!, [nps(10)]), submission('n1', current[i % 7]!, [nps(0)]));
    out.push(submission('n2', previous[i % 7]!, [nps(5)]), submission('n2', current[i % 7]!, [nps(9)]));
  }
  for (let i = 0; i < 3; i++) out.push(submission('s1', previous[i]!, [nps(10)]), submission('s1', current[i]!, [nps(0)]));
  return out;
}

/** Answers: 6 store-exit submissions at n1, 2 at s1, and 3 pulse answers at n1. */
function answersData(): Submission[] {
  const exit = (store: string, mood: number, reasons: string | string[] | undefined, comment?: string) =>
    submission(store, '2026-03-05', [
      { questionId: 'mood', type: 'smiley', value: mood },
      ...(reasons === undefined ? [] : [{ questionId: 'reasons', type: 'choice', value: reasons, ...(Array.isArray(reasons) && reasons.includes('other') ? { other: 'music too loud' } : {}) } as Answer]),
      ...(comment ? [{ questionId: 'comment', type: 'text', value: comment } as Answer] : []),
    ], 'kiosk', 'store-exit');
  return [
    exit('n1', 1, ['queue', 'help'], 'Slow'),
    exit('n1', 2, 'queue'),
    exit('n1', 2, ['stock', 'other']),
    exit('n1', 4, undefined, 'Fine'),
    exit('n1', 5, undefined),
    exit('n1', 5, undefined),
    exit('s1', 1, 'help'),
    exit('s1', 3, undefined),
    submission('n1', '2026-03-05', [{ questionId: 'shift', type: 'smiley', value: 2 }], 'employee', 'employee-pulse'),
    submission('n1', '2026-03-05', [{ questionId: 'shift', type: 'smiley', value: 3 }], 'employee', 'employee-pulse'),
    submission('n1', '2026-03-05', [{ questionId: 'shift', type: 'smiley', value: 4 }], 'employee', 'employee-pulse'),
  ];
}

for (const target of databaseTargets) {
  describe(`movers, answers and targets (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    const s = {} as Record<'corporate' | 'regional' | 'store' | 'staff', Session>;
    before(async () => {
      collector = await startTestCollector(target, { STAFF_MIN_RESPONSES: MINIMUM }, { now: () => NOW });
      const ctx = collector.ctx;
      await importHierarchy(ctx, { brands: [{ ...hierarchy.brands[0]!, regions: hierarchy.brands[0]!.regions.map((r) => ({ ...r, stores: r.stores.map((st) => ({ ...st, staff: st.id === 'n1' ? [{ id: 'ann', name: 'Ann' }] : [] })) })) }] });
      await ctx.db.query("INSERT INTO surveys (id, version, definition) VALUES ('store-exit', 1, $1::text::jsonb) ON CONFLICT (id) DO UPDATE SET definition = excluded.definition", [JSON.stringify(survey)]);
      await storeSubmissions(ctx, 'acme', [...moversData(), ...answersData()]);
      const users = [
        ['corporate', { role: 'corporate' }],
        ['regional', { role: 'regional', regionId: 'north' }],
        ['store', { role: 'store', storeId: 'n1' }],
        ['staff', { role: 'staff', staffId: 'ann' }],
      ] as const;
      for (const [role, anchor] of users) {
        await upsertUser(ctx, { email: `${role}@insights.test`, password: PASSWORD, brandId: 'acme', name: role, ...anchor });
        s[role] = await login(collector.url, `${role}@insights.test`, PASSWORD);
      }
    });
    after(() => collector.close());

    it('lists the stores whose rolling NPS moved most, with enough answers in both windows', async () => {
      const body = await getJson<MoversResponse>(collector.url, '/v1/stats/movers?window=7&metric=nps', s.corporate);
      assert.deepEqual([body.current, body.previous], [{ from: '2026-03-01', to: '2026-03-07' }, { from: '2026-02-22', to: '2026-02-28' }]);
      assert.deepEqual(body.down.map((m) => [m.id, m.name, m.regionName, m.previous.value, m.current.value, m.change]), [['n1', 'North One', 'North', 100, -100, -200]]);
      assert.deepEqual(body.up.map((m) => [m.id, m.previous.value, m.current.value, m.change]), [['n2', -100, 100, 200]]);
      // s1 moved as much, on 3 answers a window: below the minimum, not listed.
      assert.ok(![...body.down, ...body.up].some((m) => m.id === 's1'));
      // Within scope only, and not for staff.
      const regional = await getJson<MoversResponse>(collector.url, '/v1/stats/movers?window=7', s.regional);
      assert.deepEqual([...regional.down, ...regional.up].map((m) => m.id).sort(), ['n1', 'n2']);
      assert.equal((await get(collector.url, '/v1/stats/movers?window=7', s.staff)).status, 403);
      assert.equal((await get(collector.url, '/v1/stats/movers?window=14', s.corporate)).status, 400);
    });

    it("counts every question's answers with its prompt and option labels, follow-up questions included", async () => {
      const brand = await getJson<AnswersResponse>(collector.url, '/v1/stats/answers?from=2026-03-05&to=2026-03-05&survey=store-exit', s.corporate);
      const exit = brand.surveys.find((x) => x.id === 'store-exit');
      assert.deepEqual(exit?.title, survey.title);
      const mood = exit?.questions.find((q) => q.id === 'mood');
      assert.deepEqual(mood?.counts?.map((c) => [c.value, c.n]), [['1', 2], ['2', 2], ['3', 1], ['4', 1], ['5', 2]]);
      const reasons = exit?.questions.find((q) => q.id === 'reasons');
      assert.deepEqual(reasons?.prompt, { en: 'What went wrong?', sv: 'Vad gick fel?' });
      // 4 submissions answered it; options in the definition's order, "other" (not an option) last.
      assert.equal(reasons?.answered, 4);
      assert.deepEqual(reasons?.counts?.map((c) => [c.value, c.n, c.label]), [
        ['queue', 2, { en: 'Long queue', sv: 'Lång kö' }],
        ['help', 2, 'No one to help me'],
        ['stock', 1, 'Out of stock'],
        ['other', 1, null],
      ]);
      assert.equal(JSON.stringify(brand).includes('music too loud'), false, 'the free text of Other is not counted');
      assert.deepEqual(exit?.questions.map((q) => q.id), ['mood', 'reasons', 'comment']);
      assert.equal(exit?.questions.find((q) => q.id === 'comment')?.answered, 2);
      // A store's answers come from raw rows, the region's from the rollup: the same counts.
      const store = await getJson<AnswersResponse>(collector.url, '/v1/stats/answers?from=2026-03-05&to=2026-03-05&store=n1', s.store);
      const n1Reasons = store.surveys.find((x) => x.id === 'store-exit')?.questions.find((q) => q.id === 'reasons');
      assert.deepEqual(n1Reasons?.counts?.map((c) => [c.value, c.n]), [['queue', 2], ['help', 1], ['stock', 1], ['other', 1]]);
      const north = await getJson<AnswersResponse>(collector.url, '/v1/stats/answers?from=2026-03-05&to=2026-03-05&region=north&survey=store-exit', s.regional);
      assert.deepEqual(north.surveys[0]?.questions.find((q) => q.id === 'reasons')?.counts?.map((c) => [c.value, c.n]), [['queue', 2], ['help', 1], ['stock', 1], ['other', 1]]);
      // Pulse below the minimum: each question withheld, its count shown.
      const pulse = await getJson<AnswersResponse>(collector.url, '/v1/stats/answers?from=2026-03-05&to=2026-03-05&channel=employee&store=n1', s.store);
      const shift = pulse.surveys[0]?.questions[0];
      assert.deepEqual([shift?.answered, shift?.counts, shift?.insufficientResponses], [3, null, true]);
    });

    it('sets targets (corporate anywhere, regional for their stores) and inherits them store → region → brand', async () => {
      const put = (session: Session, body: unknown) =>
        fetch(`${collector.url}/v1/targets`, { method: 'PUT', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: collector.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal((await put(s.corporate, { level: 'brand', metric: 'nps', value: 20 })).status, 200);
      assert.equal((await put(s.corporate, { level: 'region', id: 'north', metric: 'nps', value: 30 })).status, 200);
      assert.equal((await put(s.regional, { level: 'store', id: 'n2', metric: 'csat', value: 80 })).status, 200);
      // Outside their region, their region itself, a store manager, a bad value, an unknown store.
      assert.equal((await put(s.regional, { level: 'store', id: 's1', metric: 'nps', value: 10 })).status, 403);
      assert.equal((await put(s.regional, { level: 'region', id: 'north', metric: 'nps', value: 10 })).status, 403);
      assert.equal((await put(s.store, { level: 'store', id: 'n1', metric: 'nps', value: 10 })).status, 403);
      const bad = await put(s.corporate, { level: 'store', id: 'n1', metric: 'nps', value: 150 });
      assert.equal(bad.status, 400);
      assert.match(JSON.stringify(await bad.json()), /"value".*between -100 and 100/);
      assert.equal((await put(s.corporate, { level: 'store', id: 'nope', metric: 'nps', value: 10 })).status, 400);
      assert.equal((await put(s.corporate, { level: 'brand', id: 'acme', metric: 'nps', value: 10 })).status, 400);

      const stats = await getJson<StatsResponse>(collector.url, '/v1/stats?level=store', s.corporate);
      const targets = Object.fromEntries(stats.groups.map((g) => [g.id, g.targets]));
      assert.deepEqual(targets.n1, { nps: 30, csat: null, smiley: null, stars: null });
      assert.deepEqual(targets.n2, { nps: 30, csat: 80, smiley: null, stars: null });
      assert.deepEqual(targets.s1, { nps: 20, csat: null, smiley: null, stars: null });
      assert.deepEqual(stats.targets.nps, 20);
      const visible = (await getJson<{ targets: Array<{ level: string; id: string | null }> }>(collector.url, '/v1/targets', s.store)).targets;
      assert.deepEqual(visible.map((t) => `${t.level}:${t.id}`).sort(), ['brand:null', 'region:north']);
      assert.equal((await get(collector.url, '/v1/targets', s.staff)).status, 403);
      const del = await fetch(`${collector.url}/v1/targets?level=store&id=n2&metric=csat`, { method: 'DELETE', headers: { cookie: s.regional.cookie, 'x-csrf-token': s.regional.csrf, origin: collector.url } });
      assert.equal(del.status, 204);
    });
  });
}
