import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Collector } from '../../../demo/server/server.js';
import type { DistributionResponse, StatsResponse, TrendResponse } from '../../../demo/server/stats/types.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { get, getJson, login, type Session } from './client.js';
import { NOW, PASSWORD, RANGE, seed, USERS } from './fixtures.js';

// Every expected number below is worked out by hand from DATASET in fixtures.ts.
for (const target of databaseTargets) {
  describe(`stats rollups (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let ceo: Session;
    let manager: Session;
    before(async () => {
      collector = await startTestCollector(target, { STAFF_MIN_RESPONSES: 2 }, { now: () => NOW });
      await seed(collector.ctx.db);
      ceo = await login(collector.url, USERS.corporate, PASSWORD);
      manager = await login(collector.url, USERS.store, PASSWORD);
    });
    after(() => collector.close());

    it('computes NPS, CSAT, smiley and volume for the brand, per region', async () => {
      const body = await getJson<StatsResponse>(collector.url, `/v1/stats?level=region&${RANGE}`, ceo);
      // 9 customer responses in range (the duplicate, employee pulse, the other brand and the old one excluded).
      assert.equal(body.summary.volume, 9);
      // NPS: promoters 10,9,10,10 (4), detractors 6,0,3 (3) of 9 → 11.1
      assert.deepEqual(body.summary.nps, { value: 11.1, n: 9, insufficientResponses: false });
      // CSAT: 5,4,5,4 of 8 answers → 50 %
      assert.deepEqual(body.summary.csat, { value: 50, n: 8, insufficientResponses: false });
      // smiley: 5+4+3+2+1+5+4+2 = 26 over 8
      assert.deepEqual(body.summary.smiley, { value: 3.25, n: 8, insufficientResponses: false });
      assert.equal(body.summary.stars.value, null);
      assert.equal(body.summary.comments, 6);
      const north = body.groups.find((g) => g.id === 'north');
      const south = body.groups.find((g) => g.id === 'south');
      assert.equal(north?.name, 'North');
      assert.equal(north?.volume, 8);
      assert.equal(north?.nps.value, 25); // (4 − 2) / 8
      assert.equal(north?.csat.value, 57.1); // 4 / 7
      assert.equal(north?.smiley.value, 3.43); // 24 / 7
      assert.equal(south?.volume, 1);
      assert.equal(south?.nps.value, -100);
      assert.equal(south?.csat.value, 0);
      assert.deepEqual(body.groups.map((g) => g.id), ['north', 'south']);
    });

    it('compares the stores of a region', async () => {
      const body = await getJson<StatsResponse>(collector.url, `/v1/stats?level=store&region=north&${RANGE}`, ceo);
      assert.deepEqual(body.groups.map((g) => [g.id, g.name, g.volume, g.nps.value, g.csat.value, g.smiley.value]), [
        ['n1', 'North One', 6, 16.7, 40, 3.33],
        ['n2', 'North Two', 2, 50, 100, 4],
      ]);
    });

    it('shows staff scores with their counts once they reach the minimum (2 here)', async () => {
      const body = await getJson<StatsResponse>(collector.url, `/v1/stats?level=staff&store=n1&${RANGE}`, manager);
      const ann = body.groups.find((g) => g.id === 'ann');
      const bob = body.groups.find((g) => g.id === 'bob');
      assert.deepEqual([ann?.volume, ann?.nps, ann?.csat.value, ann?.smiley.value], [2, { value: 100, n: 2, insufficientResponses: false }, 100, 4.5]);
      assert.deepEqual([bob?.volume, bob?.nps.value, bob?.csat.value, bob?.smiley.value], [2, -50, 0, 2]);
      assert.deepEqual(body.groups.map((g) => g.id), ['ann', 'bob']);
      // Team results come first: the summary is the store's, not one person's.
      assert.equal(body.summary.volume, 6);
    });

    it('trends per day and per week, and never draws a score from fewer than 5 answers', async () => {
      const days = await getJson<TrendResponse>(collector.url, `/v1/stats/trend?store=n1&${RANGE}`, ceo);
      assert.equal(days.minAnswersPerPoint, 5);
      // Two answers a day: the count is there, the score is not (no swing of ±100).
      assert.deepEqual(days.points.map((p) => [p.period, p.volume, p.nps.value, p.nps.insufficientResponses]), [
        ['2026-03-01', 2, null, true],
        ['2026-03-02', 2, null, true],
        ['2026-03-03', 2, null, true],
      ]);
      const weeks = await getJson<TrendResponse>(collector.url, `/v1/stats/trend?bucket=week&${RANGE}`, ceo);
      // 2026-03-01 is a Sunday: it belongs to the week of Monday 23 February.
      assert.deepEqual(weeks.points.map((p) => [p.period, p.volume, p.nps.value]), [
        ['2026-02-23', 4, null], // #1, #2, n2's and s1's of 1 March
        ['2026-03-02', 5, -20], // 8, 6, 0, 10, 7: one promoter, two detractors
      ]);
    });

    it('trends over rolling 7-day windows, with a line per store and the brand as benchmark', async () => {
      const body = await getJson<TrendResponse>(collector.url, `/v1/stats/trend?bucket=rolling7&region=north&series=store&${RANGE}`, ceo);
      // One point per day; each sums the 7 days ending on it.
      assert.deepEqual(body.points.map((p) => [p.period, p.volume]), [
        ['2026-03-01', 3], ['2026-03-02', 6], ['2026-03-03', 8], ['2026-03-04', 8], ['2026-03-05', 8], ['2026-03-06', 8], ['2026-03-07', 8],
      ]);
      const n1 = body.series.find((line) => line.id === 'n1');
      assert.equal(n1?.name, 'North One');
      // n1 from 3 March: 10, 9, 8, 6, 0, 10 → 3 promoters, 2 detractors of 6.
      assert.deepEqual(n1?.points.map((p) => p.nps.value), [null, null, 16.7, 16.7, 16.7, 16.7, 16.7]);
      assert.deepEqual(body.series.map((line) => line.id), ['n1', 'n2']);
      // The brand line counts the south store too.
      assert.equal(body.benchmark?.at(-1)?.volume, 9);
      assert.equal((await get(collector.url, `/v1/stats/trend?series=store&staff=ann&${RANGE}`, ceo)).status, 400);
    });

    it('compares each card with the previous period, the brand and the region, and shows targets', async () => {
      const body = await getJson<StatsResponse>(collector.url, `/v1/stats?level=store&region=north&${RANGE}`, ceo);
      // The previous 7 days hold one north response: the old one of 20 February.
      assert.deepEqual([body.previous.from, body.previous.to, body.previous.summary.volume], ['2026-02-22', '2026-02-28', 0]);
      assert.equal(body.benchmarks.brand?.volume, 9);
      assert.equal(body.benchmarks.region?.volume, 8);
      assert.deepEqual(body.targets, { nps: null, csat: null, smiley: null, stars: null });
      const wide = await getJson<StatsResponse>(collector.url, `/v1/stats?level=store&from=2026-02-20&to=2026-03-07`, ceo);
      assert.deepEqual([wide.previous.from, wide.previous.to], ['2026-02-04', '2026-02-19']); // 16 days before 16 days
      assert.equal(wide.groups.find((g) => g.id === 'n1')?.volume, 7);
    });

    it('counts the distribution of answers', async () => {
      const body = await getJson<DistributionResponse>(collector.url, `/v1/stats/distribution?store=n1&${RANGE}`, ceo);
      assert.deepEqual(body.nps, [1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 2]);
      assert.deepEqual(body.csat, [1, 1, 1, 1, 1]);
      assert.deepEqual(body.smiley, [1, 1, 1, 1, 2]);
      assert.deepEqual(body.stars, [0, 0, 0, 0, 0]);
    });

    it('keeps employee pulse separate from customer feedback', async () => {
      const body = await getJson<StatsResponse>(collector.url, `/v1/stats?level=store&channel=employee&${RANGE}`, ceo);
      assert.equal(body.summary.volume, 2);
      assert.deepEqual(body.summary.smiley, { value: 3, n: 2, insufficientResponses: false });
      assert.equal(body.summary.nps.n, 0);
      assert.deepEqual(body.groups.map((g) => [g.id, g.volume]), [['n1', 2]]);
    });

    it('cuts every figure by segment: channel, survey, device, language', async () => {
      const volume = async (query: string) => (await getJson<StatsResponse>(collector.url, `/v1/stats?level=store&${RANGE}&${query}`, ceo)).summary.volume;
      const web = await getJson<StatsResponse>(collector.url, `/v1/stats?level=store&channel=web&${RANGE}`, ceo);
      // The two web responses of n2: NPS 10 and 7.
      assert.deepEqual([web.summary.volume, web.summary.nps.value, web.groups.map((g) => g.id)], [2, 50, ['n2']]);
      assert.deepEqual(web.filter.segments, { channel: 'web', survey: null, device: null, locale: null });
      assert.equal(await volume('channel=kiosk'), 7);
      assert.equal(await volume('survey=post-visit'), 9);
      assert.equal(await volume('survey=post-purchase'), 0);
      assert.equal(await volume('device=kiosk'), 7);
      assert.equal(await volume('device=unknown'), 2);
      // A language set after the fact moves the counts with it (the rollups follow UPDATEs).
      await collector.ctx.db.query("UPDATE submissions SET lang = 'sv' WHERE brand_id = 'acme' AND store_id = 'n2'");
      assert.equal(await volume('locale=sv-SE'), 2);
      assert.equal(await volume('locale=sv&channel=kiosk'), 0);
      const trend = await getJson<TrendResponse>(collector.url, `/v1/stats/trend?locale=sv&${RANGE}`, ceo);
      assert.deepEqual(trend.points.map((p) => [p.period, p.volume]), [['2026-03-01', 1], ['2026-03-02', 1]]);
    });

    it('uses the last 30 days up to today by default', async () => {
      const body = await getJson<StatsResponse>(collector.url, '/v1/stats', ceo);
      assert.equal(body.filter.from, '2026-02-06');
      assert.equal(body.filter.to, '2026-03-07');
      assert.equal(body.summary.volume, 10); // the old row of 20 February is now in range
    });

    it('updates the rollup as soon as a submission is stored, and ignores a duplicate', async () => {
      const { insertSubmission } = await import('./fixtures.js');
      const row = { region: 'south', store: 's1', at: '2026-03-04T09:00:00Z', nps: 10 } as const;
      const id = await insertSubmission(collector.ctx.db, row);
      await insertSubmission(collector.ctx.db, { ...row, id });
      const body = await getJson<StatsResponse>(collector.url, `/v1/stats?level=region&region=south&${RANGE}`, ceo);
      assert.equal(body.summary.volume, 2);
      assert.equal(body.summary.nps.value, 0); // one promoter, one detractor
    });
  });
}
