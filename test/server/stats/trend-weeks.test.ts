import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { upsertUser } from '../../../demo/server/auth/index.js';
import type { Collector } from '../../../demo/server/server.js';
import { toKpis } from '../../../demo/server/stats/counts.js';
import { MIN_ANSWERS_PER_POINT } from '../../../demo/server/stats/endpoints/trend.js';
import type { TrendResponse } from '../../../demo/server/stats/types.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { get, login, type Session } from './client.js';
import { insertSubmission, PASSWORD, USERS, type Row } from './fixtures.js';

/**
 * Weekly trend points are summed into ISO weeks by the database (a row per line and week, not
 * per day). They must be exactly the points of the days: each week of the store-local days
 * inside the range, the first and last week cut at `from` and `to`, keyed by its Monday even when
 * that Monday is before `from`. The expected bodies are worked out here from the submissions
 * themselves, day by day, independently of the collector's queries.
 */

const NOW = new Date('2026-04-01T12:00:00Z');
// A Wednesday to a Thursday: the first and last weeks are cut.
const FROM = '2026-03-04';
const TO = '2026-03-26';

const STORES = [
  { id: 'n1', region: 'north', name: 'North One', zone: 'UTC' },
  // UTC−8, then UTC−7 from Sunday 8 March: its Sunday evenings are Mondays in UTC.
  { id: 'n2', region: 'north', name: 'North Two', zone: 'America/Los_Angeles' },
  // UTC+13: its Monday mornings are Sundays in UTC.
  { id: 's1', region: 'south', name: 'South One', zone: 'Pacific/Auckland' },
] as const;
const REGION_NAMES: Record<string, string> = { north: 'North', south: 'South' };

/** A deterministic pseudo-random sequence (a 32-bit LCG), so the dataset is the same every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Submissions from 25 February to 29 March (UTC), spread over every hour so many fall on another
 * day (and week) in their store's time zone than in UTC; a tenth are employee pulse, which the
 * customer lines must not count.
 */
function dataset(): Row[] {
  const random = sequence(14);
  const start = Date.parse('2026-02-25T00:00:00Z');
  const span = Date.parse('2026-03-30T00:00:00Z') - start;
  const rows: Row[] = [];
  for (let i = 0; i < 260; i++) {
    const store = STORES[Math.floor(random() * STORES.length)]!;
    const pick = random();
    rows.push({
      region: store.region,
      store: store.id,
      channel: pick < 0.1 ? 'employee' : pick < 0.6 ? 'kiosk' : pick < 0.85 ? 'web' : 'qr',
      at: new Date(start + Math.floor(random() * span / 60_000) * 60_000).toISOString(),
      nps: random() < 0.9 ? Math.floor(random() * 11) : undefined,
      csat: random() < 0.6 ? 1 + Math.floor(random() * 5) : undefined,
      smiley: random() < 0.5 ? 1 + Math.floor(random() * 5) : undefined,
      stars: random() < 0.3 ? 1 + Math.floor(random() * 5) : undefined,
      comment: random() < 0.3 ? 'words' : undefined,
    });
  }
  // Sunday 8 March, 22:00 in Los Angeles: the week of 2 March there, of 9 March in UTC.
  rows.push({ region: 'north', store: 'n2', at: '2026-03-09T05:00:00Z', nps: 10, csat: 5 });
  // Monday 9 March, 01:00 in Auckland: the week of 9 March there, of 2 March in UTC.
  rows.push({ region: 'south', store: 's1', at: '2026-03-08T12:00:00Z', nps: 0, csat: 1 });
  return rows;
}

/** The store-local day of `at` in `zone`, `YYYY-MM-DD`. */
function localDay(at: string, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/** The Monday of `day`'s ISO week. */
function monday(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return new Date(ms - weekday * 86_400_000).toISOString().slice(0, 10);
}

/** Adds one submission to a rollup-shaped row of counts. */
function count(into: Record<string, number>, row: Row): void {
  const bump = (column: string) => (into[column] = (into[column] ?? 0) + 1);
  bump('responses');
  if (row.comment !== undefined) bump('comments');
  for (const metric of ['nps', 'csat', 'smiley', 'stars'] as const) if (row[metric] !== undefined) bump(`${metric}_${row[metric]}`);
}

/** Weekly points of the customer submissions for which `keep` holds: counted per local day, summed per week. */
function weeklyPoints(rows: readonly Row[], keep: (row: Row) => boolean): TrendResponse['points'] {
  const days = new Map<string, Record<string, number>>();
  for (const row of rows) {
    if (row.channel === 'employee' || !keep(row)) continue;
    const store = STORES.find((s) => s.id === row.store)!;
    const day = localDay(row.at, store.zone);
    if (day < FROM || day > TO) continue;
    count(days.get(day) ?? days.set(day, {}).get(day)!, row);
  }
  const weeks = new Map<string, Record<string, number>>();
  for (const day of [...days.keys()].sort()) {
    const week = weeks.get(monday(day)) ?? weeks.set(monday(day), {}).get(monday(day))!;
    for (const [column, n] of Object.entries(days.get(day)!)) week[column] = (week[column] ?? 0) + n;
  }
  return [...weeks].map(([period, counts]) => ({ period, ...toKpis(counts, MIN_ANSWERS_PER_POINT) }));
}

/** The lines of `ids` (stores or regions), by name, each from its own submissions. */
function lines(rows: readonly Row[], by: 'store' | 'region', keep: (row: Row) => boolean): TrendResponse['series'] {
  const ids = [...new Set(rows.filter((r) => r.channel !== 'employee' && keep(r)).map((r) => (by === 'store' ? r.store : r.region)!))];
  return ids
    .map((id) => ({ id, name: by === 'store' ? STORES.find((s) => s.id === id)!.name : REGION_NAMES[id]!, points: weeklyPoints(rows, (r) => keep(r) && (by === 'store' ? r.store : r.region) === id) }))
    .filter((line) => line.points.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

for (const target of databaseTargets) {
  describe(`stats: weekly trend lines summed by the database (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let ceo: Session;
    const rows = dataset();
    before(async () => {
      collector = await startTestCollector(target, {}, { now: () => NOW });
      const db = collector.ctx.db;
      await db.query("INSERT INTO brands (id, name) VALUES ('acme', 'Acme')");
      await db.query("INSERT INTO regions (brand_id, id, name) VALUES ('acme', 'north', 'North'), ('acme', 'south', 'South')");
      for (const s of STORES) await db.query("INSERT INTO stores (brand_id, id, region_id, name, time_zone) VALUES ('acme', $1, $2, $3, $4)", [s.id, s.region, s.name, s.zone]);
      await upsertUser(collector.ctx, { email: USERS.corporate, password: PASSWORD, role: 'corporate', brandId: 'acme', name: 'Chief' });
      for (const row of rows) await insertSubmission(db, row);
      ceo = await login(collector.url, USERS.corporate, PASSWORD);
    });
    after(() => collector.close());

    /** The response text, and the text the same body worked out from the submissions would have. */
    async function compare(query: string, by: 'store' | 'region', keep: (row: Row) => boolean = () => true): Promise<TrendResponse> {
      const res = await get(collector.url, `/v1/stats/trend?bucket=week&series=${by}&from=${FROM}&to=${TO}${query}`, ceo);
      const text = await res.text();
      assert.equal(res.status, 200, text);
      const body = JSON.parse(text) as TrendResponse;
      const brand = weeklyPoints(rows, () => true);
      const expected: TrendResponse = {
        filter: body.filter,
        bucket: 'week',
        minAnswersPerPoint: MIN_ANSWERS_PER_POINT,
        points: weeklyPoints(rows, keep),
        series: lines(rows, by, keep),
        benchmark: brand,
      };
      // Text against text: the same points, fields in the same order, nothing more.
      assert.equal(text, JSON.stringify(expected));
      return body;
    }

    it('checks its own reference: local days decide the week, and the first week is cut at from', () => {
      assert.equal(monday(localDay('2026-03-09T05:00:00Z', 'America/Los_Angeles')), '2026-03-02');
      assert.equal(monday(localDay('2026-03-08T12:00:00Z', 'Pacific/Auckland')), '2026-03-09');
      const points = weeklyPoints(rows, () => true);
      assert.deepEqual(points.map((p) => p.period), ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
      // Enough answers for scores in every week, so the values (not only the counts) are compared.
      assert.ok(points.every((p) => p.nps.value !== null));
    });

    it('gives each store the points of its days, in its own time zone, over a range starting mid-week', async () => {
      const body = await compare('', 'store');
      assert.deepEqual(body.series.map((line) => line.id), ['n1', 'n2', 's1']);
      assert.equal(body.series.find((line) => line.id === 'n2')?.points[0]?.period, '2026-03-02');
    });

    it('gives each region the points of its days', async () => {
      const body = await compare('', 'region');
      assert.deepEqual(body.series.map((line) => line.id), ['north', 'south']);
    });

    it('gives the stores of one region their points, with the brand as benchmark', async () => {
      const body = await compare('&region=north', 'store', (row) => row.region === 'north');
      assert.deepEqual(body.series.map((line) => line.id), ['n1', 'n2']);
    });
  });
}
