/**
 * Dashboard query benchmark: 1,000,000 submissions in PostgreSQL, then each rollup the stats API
 * runs, timed with p50/p99 per rollup. Target: every rollup under 300 ms (issue 6).
 *
 *   node --import tsx bench/dashboard-queries.ts
 *
 * STOREVOICE_BENCH_POSTGRES_URL: an admin connection (default postgres://postgres:postgres@127.0.0.1:5432/postgres);
 * a database `storevoice_bench` is created (dropped first), and dropped again at the end unless
 * BENCH_KEEP=1. BENCH_ROWS changes the size (default 1,000,000). Loopback only; bounded to ~3 min.
 */
import { createThrowawayDatabase } from './support/postgres.mjs';
import { openDatabase } from '../demo/server/db/open.js';
import { pulseComments, recentComments } from '../demo/server/stats/queries/comments.js';
import { recentKudos } from '../demo/server/stats/queries/kudos.js';
import { dailyCounts, groupCounts, summaryCounts } from '../demo/server/stats/queries/rollup.js';
import { rebuildRollups } from '../demo/server/stats/rebuild.js';
import type { Filter } from '../demo/server/stats/scope.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = 25;
const DEADLINE = Date.now() + 170_000;
const NAME = 'storevoice_bench';
const REGIONS = 8;
const STORES = 200;
const STAFF_PER_STORE = 10;
const FIRST_NAMES = ['Ann', 'Bob', 'Cat', 'Dan', 'Eva', 'Finn', 'Gus', 'Hana', 'Ivo', 'Jo'];

const database = await createThrowawayDatabase(NAME);
const db = await openDatabase({ databaseUrl: database.url });

try {
  const now = new Date('2026-11-30T12:00:00Z');
  let t = performance.now();
  await db.query("INSERT INTO brands (id, name) VALUES ('bench', 'Bench')");
  await db.query(`INSERT INTO regions (brand_id, id, name) SELECT 'bench', 'r' || i, 'Region ' || i FROM generate_series(0, ${REGIONS - 1}) i`);
  await db.query(`INSERT INTO stores (brand_id, id, region_id, name) SELECT 'bench', 's' || i, 'r' || (i % ${REGIONS}), 'Store ' || i FROM generate_series(0, ${STORES - 1}) i`);
  await db.query(
    `INSERT INTO staff (brand_id, id, store_id, name)
     SELECT 'bench', 'p' || s || '-' || k, 's' || s, (ARRAY[${FIRST_NAMES.map((n) => `'${n}'`).join(',')}])[k + 1] || ' Person' || s
     FROM generate_series(0, ${STORES - 1}) s, generate_series(0, ${STAFF_PER_STORE - 1}) k`,
  );
  // Bulk load with the rollup triggers off, then one rebuild (a GROUP BY over everything): the
  // triggers cost ~130 µs per row in bulk, which would blow the time budget. Their cost on
  // ingest-sized batches is measured below.
  // Secondary indexes are dropped for the load and built afterwards, as for any bulk load.
  // The bulk load computes the derived columns itself (local_date, lang…) instead of the per-row trigger.
  await db.exec('ALTER TABLE submissions DISABLE TRIGGER submissions_rollup_insert; ALTER TABLE submissions DISABLE TRIGGER submissions_derive');
  const indexes = await db.query<{ indexname: string; indexdef: string }>(
    "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = 'submissions' AND i.indexname <> 'submissions_pkey'",
  );
  for (const { indexname } of indexes) await db.exec(`DROP INDEX ${indexname}`);
  const CHUNK = 100_000;
  for (let start = 0; start < ROWS; start += CHUNK) {
    const end = Math.min(ROWS, start + CHUNK) - 1;
    await db.query(
      `INSERT INTO submissions (id, brand_id, region_id, store_id, staff_ids, channel, survey_id, created_at, nps, csat, smiley, min_score, comment, body, local_date, lang, device_class, has_comment)
       SELECT id, brand_id, region_id, store_id, staff_ids, channel, survey_id, created_at, nps, csat, smiley, min_score, comment, body,
         (created_at AT TIME ZONE 'UTC')::date, 'en', CASE WHEN channel = 'kiosk' THEN 'kiosk' ELSE 'mobile' END, comment IS NOT NULL
       FROM (SELECT gen_random_uuid() AS id, 'bench' AS brand_id, 'r' || (st % ${REGIONS}) AS region_id, 's' || st AS store_id, ARRAY['p' || st || '-' || ((i / ${STORES}) % ${STAFF_PER_STORE})] AS staff_ids,
         CASE WHEN i % 20 = 0 THEN 'employee' WHEN i % 3 = 0 THEN 'web' ELSE 'kiosk' END AS channel, 'post-visit' AS survey_id,
         $1::timestamptz - (random() * 365 * interval '1 day') AS created_at,
         CASE WHEN i % 20 = 0 THEN NULL ELSE (i * 7) % 11 END AS nps, 1 + (i % 5) AS csat, 1 + ((i / 5) % 5) AS smiley, LEAST(1 + (i % 5), 1 + ((i / 5) % 5)) AS min_score,
         CASE WHEN i % 4 = 0 THEN 'Thanks ' || (ARRAY[${FIRST_NAMES.map((n) => `'${n}'`).join(',')}])[(i % 10) + 1] || ', visit ' || i ELSE NULL END AS comment, '{}'::jsonb AS body
       FROM (SELECT i, (i * 31) % ${STORES} AS st FROM generate_series(${start}, ${end}) i) g) r`,
      [now],
    );
    if (Date.now() > DEADLINE) throw new Error('time budget exceeded while loading');
  }
  for (const { indexdef } of indexes) await db.exec(indexdef);
  await db.exec('ALTER TABLE submissions ENABLE TRIGGER submissions_rollup_insert; ALTER TABLE submissions ENABLE TRIGGER submissions_derive');
  const insertMs = performance.now() - t;
  t = performance.now();
  await rebuildRollups(db);
  await db.exec('ANALYZE');
  const rebuildMs = performance.now() - t;
  const loadMs = insertMs + rebuildMs;
  const [{ team, staff } = { team: 0, staff: 0 }] = await db.query<{ team: number; staff: number }>(
    'SELECT (SELECT count(*)::int FROM stats_store_daily) AS team, (SELECT count(*)::int FROM stats_staff_daily) AS staff',
  );
  console.log(`loaded ${ROWS.toLocaleString('en')} submissions in ${(loadMs / 1000).toFixed(1)} s (insert and index ${(insertMs / 1000).toFixed(1)} s, rollup rebuild ${(rebuildMs / 1000).toFixed(1)} s; rollup rows: team ${team.toLocaleString('en')}, staff ${staff.toLocaleString('en')})`);

  // What the triggers add to ingest: batches of 100 (the largest batch the API takes), with and without.
  const batch = (n: number) =>
    db.query(
      `INSERT INTO submissions (id, brand_id, region_id, store_id, staff_ids, channel, survey_id, created_at, nps, csat, smiley, min_score, body)
       SELECT gen_random_uuid(), 'bench', 'r' || (i % ${REGIONS}), 's' || (i * 8 % ${STORES}), ARRAY['p' || (i * 8 % ${STORES}) || '-' || (i % 10)], 'kiosk', 'post-visit', $1, i % 11, 1 + i % 5, 1 + i % 5, 1 + i % 5, '{}'
       FROM generate_series(1, $2::int) i`,
      [now, n],
    );
  const timeBatches = async () => {
    const start = performance.now();
    for (let i = 0; i < 20; i++) await batch(100);
    return (performance.now() - start) / 20;
  };
  const withTrigger = await timeBatches();
  await db.exec('ALTER TABLE submissions DISABLE TRIGGER submissions_rollup_insert');
  const withoutTrigger = await timeBatches();
  await db.exec('ALTER TABLE submissions ENABLE TRIGGER submissions_rollup_insert');
  console.log(`insert of 100 submissions: ${withTrigger.toFixed(1)} ms with the rollup trigger, ${withoutTrigger.toFixed(1)} ms without`);

  const day = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
  const f = (over: Partial<Filter>, days = 90): Filter => ({ brandId: 'bench', regionId: undefined, storeId: undefined, staffId: undefined, from: day(days - 1), to: day(0), channel: 'customer', segments: {}, ...over });
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['corporate: summary, 90 days', () => summaryCounts(db, f({}))],
    ['corporate: per region, 90 days', () => groupCounts(db, f({}), 'region')],
    ['corporate: per store, 365 days', () => groupCounts(db, f({}, 365), 'store')],
    ['corporate: trend per day, 365 days', () => dailyCounts(db, f({}, 365))],
    ['corporate: trend per region, 365 days', () => dailyCounts(db, f({}, 365), 'region')],
    ['corporate: per staff, 90 days', () => groupCounts(db, f({}), 'staff')],
    ['regional: stores of a region, 90 days', () => groupCounts(db, f({ regionId: 'r3' }), 'store')],
    ['regional: trend per store, 90 days', () => dailyCounts(db, f({ regionId: 'r3' }), 'store')],
    ['store: summary, 90 days', () => summaryCounts(db, f({ storeId: 's42' }))],
    ['store: staff of a store, 90 days', () => groupCounts(db, f({ storeId: 's42' }), 'staff')],
    ['store: trend per day, 90 days', () => dailyCounts(db, f({ storeId: 's42' }))],
    ['staff: own summary, 365 days', () => summaryCounts(db, f({ staffId: 'p42-3' }, 365))],
    ['employee pulse: per store, 90 days', () => groupCounts(db, f({ channel: 'employee' }), 'store')],
    ['comments: brand, newest 50', () => recentComments(db, f({}), 50)],
    ['comments: store, newest 50', () => recentComments(db, f({ storeId: 's42' }), 50)],
    ['kudos: brand, newest 50', () => recentKudos(db, f({}), 50, 10)],
    ['kudos: store, newest 50', () => recentKudos(db, f({ storeId: 's42' }), 50, 10)],
    ['comments: one staff member, newest 50', () => recentComments(db, f({ staffId: 'p42-3' }, 365), 50)],
    ['pulse comments: brand, newest 50', () => pulseComments(db, f({ channel: 'employee' }), 50, 10)],
    ['kudos: one staff member, newest 50', () => recentKudos(db, f({ staffId: 'p42-3' }, 365), 50, 10)],
  ];
  console.log(`\n${'rollup'.padEnd(40)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  (${RUNS} runs, PostgreSQL)`);
  let worst = 0;
  for (const [name, run] of cases) {
    await run(); // warm the cache once
    const times: number[] = [];
    for (let i = 0; i < RUNS && Date.now() < DEADLINE; i++) {
      t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? NaN;
    worst = Math.max(worst, pct(99));
    console.log(`${name.padEnd(40)} ${pct(50).toFixed(1).padStart(8)} ${pct(99).toFixed(1).padStart(8)}${pct(99) > 300 ? '  OVER 300 ms' : ''}`);
  }
  console.log(`\nslowest p99: ${worst.toFixed(1)} ms (target < 300 ms)`);
} finally {
  await db.close();
  await database.drop({ keep: process.env.BENCH_KEEP === '1' });
}
