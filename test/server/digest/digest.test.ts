import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifySignature } from '../../../demo/server/alerts/index.js';
import type { AppContext } from '../../../demo/server/context.js';
import { runDigestSchedule } from '../../../demo/server/digest/schedule.js';
import type { DigestPayload, DigestResponse } from '../../../demo/server/digest/types.js';
import { storeSubmissions } from '../../../demo/server/ingest/store.js';
import type { Collector } from '../../../demo/server/server.js';
import type { SettingsResponse } from '../../../demo/server/settings/schema.js';
import { uuidv7, type Submission } from '../../../sdk/index.js';
import { startReceiver } from '../alerts/support/receiver.js';
import { get, getJson, login, type Session } from '../stats/client.js';
import { PASSWORD, seed, USERS } from '../stats/fixtures.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';

/**
 * The weekly digest of the stats fixture (test/server/stats/fixtures.ts), worked out by hand.
 * Week 10 (2 to 8 March 2026), customers only: North One has NPS answers 8, 6, 0, 10 (−25) and
 * North Two a 7; week 9 had 10, 9 at North One, 10 at North Two and 3 at South One (+50).
 * Two low smileys with comments (queue; queue and payment) arrive on 5 March through ingest, so
 * they are tagged and open two cases due 72 hours later.
 */
const SECRET = 'digest-secret-0123456789';

function smiley(store: string, region: string, day: string, value: number, text: string): Submission {
  const at = `${day}T12:00:00.000Z`;
  return {
    id: uuidv7(Date.parse(at)),
    schemaVersion: 1,
    surveyId: 'post-visit',
    createdAt: at,
    context: { channel: 'kiosk', brand: 'acme', region, store, locale: 'en-GB' },
    answers: [
      { questionId: 'mood', type: 'smiley', value },
      { questionId: 'comment', type: 'text', value: text },
    ],
  };
}

for (const target of databaseTargets) {
  describe(`weekly digest (${target.name})`, { skip: target.skip }, () => {
    let now = new Date('2026-03-05T12:00:00Z');
    let collector: Collector;
    const sessions = {} as Record<keyof typeof USERS, Session>;
    const ctx = (): AppContext => collector.ctx;
    const digest = (who: keyof typeof USERS, query = '') => get(collector.url, `/v1/digest${query ? `?${query}` : ''}`, sessions[who]);
    const putSettings = (body: unknown) =>
      fetch(`${collector.url}/v1/settings`, {
        method: 'PUT',
        headers: { cookie: sessions.corporate.cookie, 'x-csrf-token': sessions.corporate.csrf, origin: collector.url, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    before(async () => {
      collector = await startTestCollector(target, { STAFF_MIN_RESPONSES: 2, DIGEST_INTERVAL_MS: 0, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: 2000 }, { now: () => now });
      await seed(collector.ctx.db);
      await storeSubmissions(collector.ctx, 'acme', [smiley('n1', 'north', '2026-03-05', 1, 'The queue was endless'), smiley('n2', 'north', '2026-03-05', 2, 'Queue again, and the card terminal failed')]);
      now = new Date('2026-03-09T12:00:00Z');
      for (const who of Object.keys(USERS) as Array<keyof typeof USERS>) sessions[who] = await login(collector.url, USERS[who], PASSWORD);
    });
    after(() => collector.close());

    it("gives corporate the brand's last complete week: KPIs against the week before, movers, topics, cases", async () => {
      const body = await getJson<DigestResponse>(collector.url, '/v1/digest', sessions.corporate);
      assert.deepEqual(body.week, { id: '2026-W10', from: '2026-03-02', to: '2026-03-08' });
      assert.deepEqual(body.previous, { id: '2026-W09', from: '2026-02-23', to: '2026-03-01' });
      assert.deepEqual(body.scope, { level: 'brand', id: 'acme', name: 'Acme' });
      assert.deepEqual([body.kpis.nps.value, body.kpis.nps.n, body.previousKpis.nps.value, body.previousKpis.nps.n], [-20, 5, 50, 4]);
      assert.equal(body.kpis.volume, 7);
      // North One fell from +100 (2 answers) to −25 (4); North Two had one answer: too few to move.
      assert.deepEqual(body.movers.down.map((m) => [m.id, m.name, m.change]), [['n1', 'North One', -125]]);
      assert.deepEqual(body.movers.up, []);
      assert.deepEqual(body.topics.map((t) => [t.id, t.mentions, t.negative, t.previous, t.label?.en]), [['queue', 2, 2, 0, 'Queue'], ['payment', 1, 1, 0, 'Payment']]);
      // Opened on 5 March, due 72 hours later: overdue on the 9th.
      assert.deepEqual(body.cases, { open: 2, overdue: 2, openedThisWeek: 2, resolvedThisWeek: 0, asOf: now.toISOString() });
    });

    it('narrows to a region or a store within the scope, and counts only customers, never pulse', async () => {
      const north = await getJson<DigestResponse>(collector.url, '/v1/digest?region=north&week=2026-W10', sessions.regional);
      assert.deepEqual([north.scope.level, north.scope.name, north.kpis.nps.value, north.cases.open], ['region', 'North', -20, 2]);
      const store = await getJson<DigestResponse>(collector.url, '/v1/digest', sessions.store);
      assert.deepEqual(store.scope, { level: 'store', id: 'n1', name: 'North One', regionId: 'north', regionName: 'North' });
      // North One's pulse smileys (4 and 2 on 2 and 3 March) are not in its customer figures.
      assert.deepEqual([store.kpis.nps.value, store.kpis.smiley.n, store.cases.open], [-25, 5, 1]);
      const south = await getJson<DigestResponse>(collector.url, '/v1/digest?store=s1&week=2026-W09', sessions.corporate);
      assert.deepEqual([south.kpis.nps.value, south.kpis.nps.n, south.topics, south.cases.open], [-100, 1, [], 0]);
      const text = JSON.stringify([north, store, south]);
      for (const word of ['Good team', 'employee', 'ann', 'Ann Lee', 'bob']) assert.ok(!text.includes(word), `no ${word} in a digest`);
    });

    it('refuses staff, places outside the scope and bad parameters, naming them', async () => {
      assert.equal((await digest('staff')).status, 403);
      assert.equal((await digest('regional', 'region=south')).status, 403);
      assert.equal((await digest('store', 'store=n2')).status, 403);
      // Another brand's corporate user reaches only their own brand: a store id of Acme's is none of theirs.
      const other = (await (await digest('otherBrand', 'store=n1&week=2026-W10')).json()) as DigestResponse;
      assert.deepEqual([other.brand, other.scope.name, other.kpis.volume, other.cases.open], [{ id: 'other', name: 'Other' }, null, 0, 0]);
      for (const [query, field] of [['week=2026-W54', 'week'], ['week=2026-10', 'week'], ['from=2026-03-01', ''], ['store=n1&store=n2', 'store']] as const) {
        const res = await digest('corporate', query);
        assert.equal(res.status, 400, query);
        const body = (await res.json()) as { issues: Array<{ path: string[]; message: string }> };
        assert.ok(body.issues.some((i) => i.path.join('.') === field), `${query}: ${JSON.stringify(body.issues)}`);
      }
    });

    it('keeps digest webhook secrets on the server, and validates the schedule naming each field', async () => {
      const receiver = await startReceiver();
      try {
        const res = await putSettings({ digest: { enabled: true, timeZone: 'Europe/Stockholm', webhooks: [{ url: `${receiver.url}/secret-path`, secret: SECRET }] } });
        assert.equal(res.status, 200, await res.clone().text());
        const read = await getJson<SettingsResponse>(collector.url, '/v1/settings', sessions.store);
        assert.deepEqual(read.settings.digest.webhooks, [{ url: 'http://127.0.0.1:' + new URL(receiver.url).port + '/…', secret: '••••••••••••••••' }]);
        assert.ok(!JSON.stringify(read).includes(SECRET));
        // Saved back as read: the stored URL and secret stay.
        assert.equal((await putSettings({ ...read.settings, digest: { ...read.settings.digest, time: '07:30' } })).status, 200);
        const [row] = await ctx().db.query<{ settings: { digest: { time: string; webhooks: Array<{ url: string; secret: string }> } } }>("SELECT settings FROM brand_settings WHERE brand_id = 'acme'");
        assert.deepEqual(row?.settings.digest.webhooks, [{ url: `${receiver.url}/secret-path`, secret: SECRET }]);
        assert.equal(row?.settings.digest.time, '07:30');
        const bad: Array<[unknown, string]> = [
          [{ day: 'monday' }, 'digest.day'],
          [{ time: '8:00' }, 'digest.time'],
          [{ timeZone: 'Mars/Olympus' }, 'digest.timeZone'],
          [{ levels: [] }, 'digest.levels'],
          [{ webhooks: [{ url: 'ftp://example.com/x', secret: SECRET }] }, 'digest.webhooks.0.url'],
          [{ webhooks: [{ url: 'https://hooks.example.com/x', secret: 'short' }] }, 'digest.webhooks.0.secret'],
          [{ webhooks: [{ url: 'https://hooks.example.com/new', secret: '••••••••••••••••' }] }, 'digest.webhooks.0.secret'],
          [{ webhooks: [{ url: 'http://10.0.0.7/hook', secret: SECRET }] }, 'digest.webhooks.0.url'],
        ];
        for (const [digest, field] of bad) {
          const answer = await putSettings({ digest });
          const body = (await answer.json()) as { issues: Array<{ path: Array<string | number> }> };
          assert.equal(answer.status, 400, JSON.stringify(digest));
          assert.ok(body.issues.some((i) => i.path.join('.') === field), `${JSON.stringify(digest)} names ${field}: ${JSON.stringify(body.issues)}`);
        }
      } finally {
        await receiver.close();
      }
    });

    it('sends each region and store its digest once per week, signed, across two instances; retries a failed one with the same id', async () => {
      const receiver = await startReceiver((request, index, res) => {
        // The first POST of week 11 fails once.
        const payload = JSON.parse(request.body) as DigestPayload;
        res.writeHead(payload.digest.week.id === '2026-W11' && receiver.requests.filter((r) => r.body.includes('2026-W11')).length === 1 ? 503 : 200).end();
        void index;
      });
      try {
        assert.equal((await putSettings({ digest: { enabled: true, day: 'mon', time: '08:00', timeZone: 'Europe/Stockholm', webhooks: [{ url: receiver.url, secret: SECRET }] } })).status, 200);
        // Another instance: its own context, the same database.
        const other: AppContext = { ...ctx() };
        now = new Date('2026-03-16T06:59:00Z'); // 07:59 in Stockholm
        assert.deepEqual(await runDigestSchedule(ctx()), { scheduled: 0, attempted: 0, succeeded: 0, retrying: 0, failed: 0 }, "last week's Monday is more than a day ago");
        now = new Date('2026-03-16T07:00:30Z');
        const runs = await Promise.all([runDigestSchedule(ctx(), { random: () => 0.5 }), runDigestSchedule(other, { random: () => 0.5 })]);
        // Two regions and three stores, one receiver: five deliveries, made once whichever instance made them.
        assert.equal(runs[0].scheduled + runs[1].scheduled, 5);
        assert.equal(runs[0].attempted + runs[1].attempted, 5);
        assert.equal(runs[0].retrying + runs[1].retrying, 1);
        assert.equal(receiver.requests.length, 5);
        const payloads = receiver.requests.map((r) => JSON.parse(r.body) as DigestPayload);
        assert.deepEqual(payloads.map((p) => `${p.digest.scope.level}:${p.digest.scope.id}`).sort(), ['region:north', 'region:south', 'store:n1', 'store:n2', 'store:s1']);
        assert.ok(payloads.every((p) => p.type === 'digest.weekly' && p.digest.week.id === '2026-W11'));
        for (const request of receiver.requests) {
          assert.equal(request.headers['storevoice-delivery'], (JSON.parse(request.body) as DigestPayload).id);
          assert.ok(verifySignature(String(request.headers['storevoice-signature']), request.body, SECRET, Math.floor(now.getTime() / 1000)));
        }
        // Nothing more this week, on either instance.
        now = new Date('2026-03-16T09:00:00Z');
        const again = await Promise.all([runDigestSchedule(ctx(), { random: () => 0.5 }), runDigestSchedule(other, { random: () => 0.5 })]);
        assert.equal(again[0].scheduled + again[1].scheduled, 0);
        // The failed one was retried once its delay (about 30 s) was over, with the same delivery id.
        assert.equal(again[0].succeeded + again[1].succeeded, 1);
        assert.equal(receiver.requests.length, 6);
        assert.equal(receiver.requests[5]!.headers['storevoice-delivery'], receiver.requests[0]!.headers['storevoice-delivery']);
        const rows = await ctx().db.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM digest_deliveries WHERE week = '2026-W11' GROUP BY status");
        assert.deepEqual(rows.map((r) => [r.status, r.n]), [['succeeded', 5]]);
        // The next Monday brings the next week's.
        now = new Date('2026-03-23T07:05:00Z');
        assert.equal((await runDigestSchedule(ctx())).scheduled, 5);
      } finally {
        await receiver.close();
      }
    });

    it("counts the cases resolved in a week by each store's own calendar", async () => {
      now = new Date('2026-03-23T12:00:00Z');
      sessions.corporate = await login(collector.url, USERS.corporate, PASSWORD); // the earlier session has expired by now
      await ctx().db.query("UPDATE stores SET time_zone = 'Europe/Stockholm' WHERE brand_id = 'acme' AND id = 'n1'");
      // North One's case at 23:30 UTC on Sunday 8 March is 00:30 on Monday the 9th in Stockholm:
      // week 11 there. North Two's (UTC) stays in week 10.
      await ctx().db.query(
        `UPDATE cases SET status = 'resolved', root_cause = 'queue', resolution_note = 'A second till opened',
           resolved_at = CASE store_id WHEN 'n1' THEN '2026-03-08T23:30:00Z'::timestamptz ELSE '2026-03-08T12:00:00Z'::timestamptz END
         WHERE brand_id = 'acme'`,
      );
      const week = async (id: string) => (await getJson<DigestResponse>(collector.url, `/v1/digest?week=${id}`, sessions.corporate)).cases;
      assert.deepEqual(await week('2026-W10'), { open: 0, overdue: 0, openedThisWeek: 2, resolvedThisWeek: 1, asOf: now.toISOString() });
      assert.deepEqual(await week('2026-W11'), { open: 0, overdue: 0, openedThisWeek: 0, resolvedThisWeek: 1, asOf: now.toISOString() });
      assert.deepEqual((await getJson<DigestResponse>(collector.url, '/v1/digest?store=n1&week=2026-W11', sessions.corporate)).cases.resolvedThisWeek, 1);
    });
  });
}
