import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../../demo/server/db/database.js';
import type { CaseFilter } from '../../../demo/server/cases/access.js';
import { caseDaySql, caseFactsSql, caseMonthSql } from '../../../demo/server/cases/facts.js';
import { caseMetrics, splitWindow } from '../../../demo/server/cases/metrics.js';
import type { CaseMetrics } from '../../../demo/server/cases/types.js';
import { databaseTargets } from '../support/databases.js';
import { random } from '../support/random.js';

/**
 * The case rollups of migration 088 and the metrics read from them, held to the cases
 * themselves over generated data: opened across month boundaries, resolved, reopened, escalated
 * and erased in multi-row statements, also by 20 transactions at once. The oracle works every
 * figure out in plain TypeScript from the cases' rows, as docs/collector.md defines it.
 */

const BRAND = 'acme';
const PLACES: Array<[store: string | null, region: string | null]> = [
  ['n1', 'north'],
  ['n2', 'north'],
  ['s1', 'south'],
  ['s1', 'north'], // a store that moved region keeps its older cases' region
  ['n2', null], // a store's case without a region: the store's region is still 'north'
  [null, 'south'],
  [null, null],
];
const CAUSES = ['staff', 'queue', 'stock'];
const NOW = new Date('2026-05-21T00:00:00Z');
const START = Date.UTC(2026, 0, 10);
const SPAN = Date.UTC(2026, 4, 20) - START;

/** Durations from a few seconds to ten days, spread evenly on a log scale. */
const duration = (next: () => number) => Math.round(Math.exp(Math.log(5_000) + next() * Math.log(864_000_000 / 5_000)));

/** Inserts `count` submissions with a case each, in one statement, as ingest does; returns the case ids. */
async function insertCases(db: Database, next: () => number, count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, () => {
    const [store, region] = PLACES[Math.floor(next() * PLACES.length)]!;
    const created = START + Math.floor(next() * SPAN);
    const due = created + [600_000, 86_400_000, 259_200_000][Math.floor(next() * 3)]!;
    return { id: randomUUID(), case_id: randomUUID(), store_id: store, region_id: region, created_at: new Date(created).toISOString(), due_at: new Date(due).toISOString() };
  });
  await db.query(
    `WITH x AS (SELECT * FROM jsonb_to_recordset($1::text::jsonb) AS x(id uuid, case_id uuid, store_id text, region_id text, created_at timestamptz, due_at timestamptz)),
     s AS (
       INSERT INTO submissions (id, brand_id, region_id, store_id, channel, survey_id, created_at, body)
       SELECT x.id, '${BRAND}', x.region_id, x.store_id, 'kiosk', 'visit', x.created_at, '{}'::jsonb FROM x RETURNING id
     )
     INSERT INTO cases (id, submission_id, brand_id, region_id, store_id, reason, status, created_at, due_at, updated_at)
     SELECT x.case_id, s.id, '${BRAND}', x.region_id, x.store_id, 'detractor', 'open', x.created_at, x.due_at, x.created_at FROM x JOIN s ON s.id = x.id`,
    [JSON.stringify(rows)],
  );
  return rows.map((r) => r.case_id);
}

/** Moves some cases in one statement each: responded to, resolved (some late), reopened, escalated. */
async function work(db: Database, next: () => number, ids: readonly string[]): Promise<void> {
  const some = (share: number) => ids.filter(() => next() < share);
  const times = (list: readonly string[]) => JSON.stringify(list.map((id) => ({ id, a: duration(next), b: duration(next) })));
  await db.query(
    `UPDATE cases c SET status = 'in_progress', first_response_at = c.created_at + x.a * interval '1 millisecond'
     FROM jsonb_to_recordset($1::text::jsonb) AS x(id uuid, a bigint, b bigint) WHERE c.id = x.id AND c.status = 'open'`,
    [times(some(0.7))],
  );
  const resolve = some(0.6);
  await db.query(
    `UPDATE cases c SET status = 'resolved', first_response_at = coalesce(c.first_response_at, c.created_at + x.a * interval '1 millisecond'),
       resolved_at = coalesce(c.first_response_at, c.created_at + x.a * interval '1 millisecond') + x.b * interval '1 millisecond',
       root_cause = (ARRAY[${CAUSES.map((c) => `'${c}'`).join(', ')}])[1 + (x.a % ${CAUSES.length})], resolution_note = 'done'
     FROM jsonb_to_recordset($1::text::jsonb) AS x(id uuid, a bigint, b bigint) WHERE c.id = x.id AND c.status <> 'resolved'`,
    [times(resolve)],
  );
  await db.query(`UPDATE cases SET status = 'in_progress', resolved_at = NULL, root_cause = NULL, resolution_note = NULL WHERE id = ANY($1::uuid[])`, [resolve.filter(() => next() < 0.15)]);
  await db.query(`UPDATE cases SET escalated_at = due_at WHERE id = ANY($1::uuid[]) AND escalated_at IS NULL`, [some(0.2)]);
  // Changes that touch no figure still run the trigger.
  await db.query(`UPDATE cases SET version = version + 1 WHERE id = ANY($1::uuid[])`, [some(0.1)]);
}

/** The rollups' rows with a count, and the same sums worked out from the cases now. */
async function rollupsAndCases(db: Database): Promise<Record<'store' | 'storeFromCases' | 'region' | 'regionFromCases' | 'days' | 'daysFromCases', string[]>> {
  const lines = (rows: Array<Record<string, unknown>>) => rows.map((r) => Object.values(r).join('|'));
  const fromCases = `SELECT c.brand_id, coalesce(c.region_id, '') AS region_id, ${caseMonthSql('c')}::text AS month, coalesce(c.store_id, '') AS store_id, f.fact, f.bucket, count(*)::int AS n
    FROM cases c ${caseFactsSql('c')} WHERE f.counted GROUP BY 1, 2, 3, 4, 5, 6`;
  const daysFromCases = `SELECT c.brand_id, ${caseDaySql('c')}::text AS day, coalesce(c.region_id, '') AS region_id, f.fact, f.bucket, count(*)::int AS n
    FROM cases c ${caseFactsSql('c')} WHERE f.counted GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
  return {
    store: lines(await db.query(`SELECT brand_id, region_id, month::text, store_id, fact, bucket, n FROM case_store_months WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6`)),
    storeFromCases: lines(await db.query(`${fromCases} ORDER BY 1, 2, 3, 4, 5, 6`)),
    region: lines(await db.query(`SELECT brand_id, month::text, region_id, fact, bucket, n FROM case_region_months WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`)),
    regionFromCases: lines(
      await db.query(`SELECT brand_id, month, region_id, fact, bucket, sum(n)::int AS n FROM (${fromCases}) s GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
    ),
    days: lines(await db.query(`SELECT brand_id, day::text, region_id, fact, bucket, n FROM case_region_days WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`)),
    daysFromCases: lines(await db.query(daysFromCases)),
  };
}

async function assertRollupsMatch(db: Database): Promise<void> {
  const sums = await rollupsAndCases(db);
  assert.ok(sums.store.length > 50, `enough rollup rows (${sums.store.length})`);
  assert.deepEqual(sums.store, sums.storeFromCases, 'store months');
  assert.deepEqual(sums.region, sums.regionFromCases, 'region months');
  assert.deepEqual(sums.days, sums.daysFromCases, 'region days');
}

interface CaseRow {
  store: string;
  region: string;
  status: string;
  created: number;
  due: number;
  firstResponse: number | null;
  resolved: number | null;
  escalated: boolean;
  cause: string | null;
}

async function readCases(db: Database): Promise<CaseRow[]> {
  const rows = await db.query<{ store: string; region: string; status: string; created: string; due: string; fr: string | null; res: string | null; esc: boolean; cause: string | null }>(
    `SELECT coalesce(store_id, '') AS store, coalesce(region_id, '') AS region, status, created_at::text AS created, due_at::text AS due,
       first_response_at::text AS fr, resolved_at::text AS res, escalated_at IS NOT NULL AS esc, root_cause AS cause FROM cases`,
  );
  const time = (t: string | null) => (t === null ? null : Date.parse(t.replace(' ', 'T').replace(/\+00$/, 'Z')));
  return rows.map((r) => ({ store: r.store, region: r.region, status: r.status, created: time(r.created)!, due: time(r.due)!, firstResponse: time(r.fr), resolved: time(r.res), escalated: r.esc, cause: r.cause }));
}

/** percentile_cont(0.5) of seconds, as minutes with one decimal, like the API. */
function medianMinutes(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  const seconds = sorted[Math.floor(mid)]! + (sorted[Math.ceil(mid)]! - sorted[Math.floor(mid)]!) * (mid - Math.floor(mid));
  return Math.round(seconds / 6) / 10;
}

/** Every figure of docs/collector.md's table, worked out from the cases. */
function oracle(cases: readonly CaseRow[]): CaseMetrics {
  const resolved = cases.filter((c) => c.status === 'resolved');
  const overdue = cases.filter((c) => c.status !== 'resolved' && c.due <= NOW.getTime()).length;
  const onTime = resolved.filter((c) => c.resolved! <= c.due).length;
  const causes = new Map<string, number>();
  for (const c of resolved) causes.set(c.cause!, (causes.get(c.cause!) ?? 0) + 1);
  const decided = resolved.length + overdue;
  return {
    opened: cases.length,
    open: cases.length - resolved.length,
    overdue,
    escalated: cases.filter((c) => c.escalated).length,
    resolved: resolved.length,
    medianFirstResponseMinutes: medianMinutes(cases.filter((c) => c.firstResponse !== null).map((c) => (c.firstResponse! - c.created) / 1000)),
    medianResolveMinutes: medianMinutes(resolved.map((c) => (c.resolved! - c.created) / 1000)),
    resolvedOnTimePct: decided === 0 ? null : Math.round((1000 * onTime) / decided) / 10,
    resolvedOnTime: onTime,
    decided,
    topRootCauses: [...causes]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([id, count]) => ({ id, label: id, count })),
  };
}

const WINDOWS: Array<[from: string, to: string]> = [
  ['2026-01-01', '2026-05-31'], // whole months, with empty days before and after the data
  ['2026-02-01', '2026-03-31'], // whole months only: no case is read
  ['2026-01-15', '2026-04-10'], // partial months at both ends
  ['2026-02-01', '2026-02-20'], // one partial month
  ['2026-03-12', '2026-03-12'], // a single day
  ['2026-03-20', '2026-04-30'], // partial start, whole end
];
const FILTERS: Array<Omit<CaseFilter, 'brandId'>> = [
  { regionId: undefined, storeId: undefined },
  { regionId: 'north', storeId: undefined },
  { regionId: undefined, storeId: 's1' },
  { regionId: 'north', storeId: 's1' },
];

/** The oracle's answer for a window, a scope and a level: the summary and the groups by id. */
function expected(cases: readonly CaseRow[], [from, to]: [string, string], scope: Omit<CaseFilter, 'brandId'>, level: 'store' | 'region') {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + 86_400_000;
  const selected = cases.filter((c) => c.created >= start && c.created < end && (scope.regionId === undefined || c.region === scope.regionId) && (scope.storeId === undefined || c.store === scope.storeId));
  const ids = [...new Set(selected.map((c) => (level === 'store' ? c.store : c.region)))].sort();
  return {
    summary: oracle(selected),
    groups: ids.map((id) => {
      const mine = selected.filter((c) => (level === 'store' ? c.store : c.region) === id);
      const regions = mine.map((c) => c.region).filter((r) => r !== '').sort();
      return { ...oracle(mine), id, regionId: level === 'store' ? (regions[0] ?? null) : null };
    }),
  };
}

/** A group of the answer without its name, which the oracle does not know. */
function withoutName<T extends { name: string | null }>(group: T): Omit<T, 'name'> {
  const copy: Partial<T> = { ...group };
  delete copy.name;
  return copy as Omit<T, 'name'>;
}

/** Within one duration bucket of the exact median (5 %), or a minute below a few minutes. */
function close(actual: number | null, exact: number | null): boolean {
  if (actual === null || exact === null) return actual === exact;
  return Math.abs(actual - exact) <= Math.max(0.051 * exact, 1.05);
}

describe('splitWindow', () => {
  const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  it('reads whole months from the rollups and the partial ones from the cases', () => {
    assert.deepEqual(splitWindow(t('2026-01-01'), t('2026-04-01')), { months: [t('2026-01-01'), t('2026-04-01')], edges: [] });
    assert.deepEqual(splitWindow(t('2026-01-15'), t('2026-04-11')), { months: [t('2026-02-01'), t('2026-04-01')], edges: [[t('2026-01-15'), t('2026-02-01')], [t('2026-04-01'), t('2026-04-11')]] });
    assert.deepEqual(splitWindow(t('2026-01-15'), t('2026-02-11')), { months: null, edges: [[t('2026-01-15'), t('2026-02-11')]] });
    assert.deepEqual(splitWindow(t('2026-12-02'), t('2027-01-01')), { months: null, edges: [[t('2026-12-02'), t('2027-01-01')]] });
  });
});

for (const target of databaseTargets) {
  describe(`case rollups (${target.name})`, { skip: target.skip }, () => {
    let db: Database;
    const ids: string[] = [];
    before(async () => {
      db = await target.open();
      await db.query(`INSERT INTO brands (id, name) VALUES ('${BRAND}', 'Acme')`);
      await db.query(`INSERT INTO regions (brand_id, id, name) VALUES ('${BRAND}', 'north', 'North'), ('${BRAND}', 'south', 'South')`);
      await db.query(`INSERT INTO stores (brand_id, id, region_id, name) VALUES ('${BRAND}', 'n1', 'north', 'N1'), ('${BRAND}', 'n2', 'north', 'N2'), ('${BRAND}', 's1', 'south', 'S1')`);
    });
    after(() => db.close());

    it('sum the facts of the cases after inserts and updates of many rows at once', async () => {
      const next = random(7);
      for (let batch = 0; batch < 12; batch++) ids.push(...(await insertCases(db, next, 1 + Math.floor(next() * 60))));
      await work(db, next, ids);
      await work(db, next, ids);
      await assertRollupsMatch(db);
    });

    it('give every figure exactly as worked out from the cases, per window, scope and level', async () => {
      const cases = await readCases(db);
      assert.ok(cases.filter((c) => c.status === 'resolved').length > 100 && cases.some((c) => c.status !== 'resolved'), 'both resolved and open cases');
      for (const window of WINDOWS) {
        for (const scope of FILTERS) {
          for (const level of ['store', 'region'] as const) {
            const answer = await caseMetrics(db, { brandId: BRAND, ...scope }, level, { from: window[0], to: window[1], now: NOW }, [], { exactUpTo: Infinity });
            const want = expected(cases, window, scope, level);
            const label = `${window.join('…')} ${JSON.stringify(scope)} by ${level}`;
            assert.deepEqual(answer.summary, want.summary, label);
            assert.deepEqual(
              answer.groups.map(withoutName),
              want.groups,
              label,
            );
          }
        }
      }
    });

    it('read medians from the duration buckets within a bucket of the exact ones, every count still exact', async () => {
      const cases = await readCases(db);
      let compared = 0;
      for (const window of WINDOWS) {
        for (const scope of FILTERS) {
          for (const level of ['store', 'region'] as const) {
            const answer = await caseMetrics(db, { brandId: BRAND, ...scope }, level, { from: window[0], to: window[1], now: NOW }, [], { exactUpTo: 0 });
            const want = expected(cases, window, scope, level);
            const label = `${window.join('…')} ${JSON.stringify(scope)} by ${level}`;
            for (const [got, exact] of [[answer.summary, want.summary], ...answer.groups.map((g, i) => [withoutName(g), want.groups[i]!] as const)] as Array<readonly [CaseMetrics, CaseMetrics]>) {
              const { medianFirstResponseMinutes: a, medianResolveMinutes: b, ...counts } = got;
              const { medianFirstResponseMinutes: x, medianResolveMinutes: y, ...exactCounts } = exact;
              assert.deepEqual(counts, exactCounts, label);
              assert.ok(close(a, x), `${label}: first response ${a} against ${x}`);
              assert.ok(close(b, y), `${label}: resolve ${b} against ${y}`);
              if (x !== null) compared++;
            }
          }
        }
      }
      assert.ok(compared > 100, `enough medians compared (${compared})`);
    });

    it('take erased cases away', async () => {
      const next = random(11);
      const erased = ids.filter(() => next() < 0.2);
      await db.query('DELETE FROM submissions WHERE id IN (SELECT submission_id FROM cases WHERE id = ANY($1::uuid[]))', [erased]);
      await assertRollupsMatch(db);
      const cases = await readCases(db);
      const answer = await caseMetrics(db, { brandId: BRAND, regionId: undefined, storeId: undefined }, 'store', { from: '2026-01-15', to: '2026-04-10', now: NOW }, [], { exactUpTo: Infinity });
      assert.deepEqual(answer.summary, expected(cases, ['2026-01-15', '2026-04-10'], FILTERS[0]!, 'store').summary);
    });

    it('stay right under 20 transactions writing at once', async () => {
      const next = random(13);
      const before = ids.length;
      await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const mine = await insertCases(db, random(100 + i), 5 + Math.floor(next() * 10));
          await work(db, random(200 + i), [...mine, ...ids.slice(i * 10, i * 10 + 10)]);
          ids.push(...mine);
        }),
      );
      assert.ok(ids.length > before + 100);
      await assertRollupsMatch(db);
    });
  });
}
