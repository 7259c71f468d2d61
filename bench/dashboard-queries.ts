/**
 * Dashboard benchmark at scale (issue 14): 10,000,000 submissions over two years in 500 stores,
 * loaded into PostgreSQL, then every request the managers' dashboard makes, sent over HTTP to the
 * real collector as a corporate, a regional and a store manager, for the default 30 days and for
 * a year. Target: every request's p95 under 300 ms.
 *
 *   node --import tsx bench/dashboard-queries.ts
 *
 * Environment:
 * - BENCH_ROWS (default 10,000,000), BENCH_STORES (500), BENCH_REGIONS (12), BENCH_RUNS (20 timed
 *   runs per request, after 2 warm-up runs).
 * - STOREVOICE_BENCH_POSTGRES_URL: an admin connection (default postgres://postgres:postgres@127.0.0.1:5432/postgres).
 *   Database `storevoice_bench_dashboard` (BENCH_DATABASE) is created (dropped first) and dropped at the end unless
 *   BENCH_KEEP=1. With BENCH_REUSE=1 a kept database of the same shape is measured again without
 *   loading (the load of 10 million rows took 26 minutes on a shared 2-core machine);
 *   BENCH_LOAD_ONLY=1 loads, keeps the database and stops before measuring.
 * - BENCH_ONLY: measure only the requests whose name contains one of these comma-separated parts
 *   (`BENCH_ONLY='trend: per,cases: metrics'`), to compare one change before and after without the rest.
 *
 * The load bypasses ingest (which the ingest benchmark measures): chunks are generated in SQL,
 * inserted with the rollup triggers off and added to the rollups with the trigger's own upserts.
 */
import { loadavg, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import postgres from 'postgres';
import { upsertUser } from '../demo/server/auth/users.js';
import { openDatabase } from '../demo/server/db/open.js';
import { startCollector } from '../demo/server/server.js';
import { loadHierarchy, loadSubmissions, triggerCost, type Shape } from './support/dashboard-data.js';
import { dashboardRequests, type BenchRange, type BenchUser } from './support/dashboard-requests.js';
import { postgresAdminUrl } from './support/postgres.mjs';
import { percentile } from './support/stats.mjs';
import type { TimedGetAnswer, TimedGetRequest } from './support/timed-gets.mjs';

const NAME = process.env.BENCH_DATABASE ?? 'storevoice_bench_dashboard';
const TARGET_MS = 300;
const WARM_UP = 2;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const SHAPE: Shape = {
  rows: Number(process.env.BENCH_ROWS ?? 10_000_000),
  stores: Number(process.env.BENCH_STORES ?? 500),
  regions: Number(process.env.BENCH_REGIONS ?? 12),
  staffPerStore: 10,
  days: 730,
  end: '2026-11-30',
  generator: 2,
};
/** The collector's clock: the evening of the last day, so the default 30 days end on it. */
const NOW = new Date(`${SHAPE.end}T18:00:00Z`);
const PASSWORD = 'bench-password-1';
const USERS: BenchUser[] = [
  { role: 'corporate', email: 'corporate@bench.test' },
  { role: 'regional', email: 'regional@bench.test', regionId: 'r3' },
  { role: 'store', email: 'store@bench.test', storeId: 's42' },
];
const day = (offset: number) => new Date(Date.parse(`${SHAPE.end}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10);
const ONLY = process.env.BENCH_ONLY?.split(',').map((p) => p.trim()).filter(Boolean);
const RANGES: BenchRange[] = [
  { name: '30 days', params: {} },
  // Ending mid-month, as most ranges do: the monthly rollups' partial months at both ends are read too.
  { name: '1 year', params: { from: day(364 + 15), to: day(15) } },
];

/**
 * The client in a worker thread (support/timed-gets.mjs), not in the collector's event loop: a
 * dashboard's browser is never in the collector's process, and reading a CSV export of several
 * megabytes there took the collector's own time.
 */
function startTimer() {
  const worker = new Worker(new URL('./support/timed-gets.mjs', import.meta.url));
  worker.unref(); // a failed run still exits
  const waiting = new Map<number, (answer: TimedGetAnswer) => void>();
  worker.on('message', (answer: TimedGetAnswer) => {
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  let next = 0;
  return {
    time(request: Omit<TimedGetRequest, 'id'>): Promise<TimedGetAnswer> {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ ...request, id });
      });
    },
    stop: () => worker.terminate(),
  };
}

const load = () => loadavg().map((n) => n.toFixed(1)).join(' / ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

/** The bench database: reused when BENCH_REUSE=1 finds one loaded with the same shape, else made anew. */
async function prepareDatabase(): Promise<{ url: string; reused: boolean; drop: () => Promise<void> }> {
  const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${NAME}`;
  const drop = async () => {
    if (process.env.BENCH_KEEP !== '1' && process.env.BENCH_REUSE !== '1' && process.env.BENCH_LOAD_ONLY !== '1') await admin.unsafe(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    await admin.end();
  };
  if (process.env.BENCH_REUSE === '1') {
    const kept = postgres(url.toString(), { max: 1, onnotice: () => {} });
    // Stored as text: jsonb would reorder the keys, and the comparison is of the JSON text.
    const shape = await kept.unsafe<Array<{ shape: string }>>('SELECT shape::text AS shape FROM bench_shape').catch(() => []);
    await kept.end();
    // Key by key both ways: a key the kept database lacks (made before it existed) is a difference.
    const same = (stored: string | undefined) => {
      if (stored === undefined) return false;
      const kept = JSON.parse(stored) as Record<string, unknown>;
      const keys = new Set([...Object.keys(kept), ...Object.keys(SHAPE)]);
      return [...keys].every((k) => kept[k] === SHAPE[k as keyof Shape]);
    };
    if (same(shape[0]?.shape)) return { url: url.toString(), reused: true, drop };
    // Never drop a kept database by surprise: its load may have taken an hour.
    await admin.end();
    throw new Error(`BENCH_REUSE=1: ${NAME} is missing or holds another shape (${shape[0]?.shape ?? 'none'}); run without BENCH_REUSE to load it`);
  }
  await admin.unsafe(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${NAME}`);
  return { url: url.toString(), reused: false, drop };
}

const database = await prepareDatabase();
try {
  console.log(`machine: ${cpus().length} CPUs, load average (1/5/15 min) ${load()}`);
  if (!database.reused) {
    const db = await openDatabase({ databaseUrl: database.url });
    try {
      await loadHierarchy(db, SHAPE);
      console.log(`loading ${SHAPE.rows.toLocaleString('en')} submissions, ${SHAPE.days} days to ${SHAPE.end}, ${SHAPE.stores} stores in ${SHAPE.regions} regions…`);
      let lastPrint = 0;
      const times = await loadSubmissions(db, SHAPE, NOW, (done, elapsed) => {
        if (elapsed - lastPrint < 15_000 && done < SHAPE.rows) return;
        lastPrint = elapsed;
        console.log(`  ${done.toLocaleString('en')} rows, ${seconds(elapsed)} (load average ${load()})`);
      });
      await db.exec(`CREATE TABLE bench_shape (shape jsonb NOT NULL); INSERT INTO bench_shape VALUES ('${JSON.stringify(SHAPE)}')`);
      const [sizes] = await db.query<{ submissions: string; rollups: string; store_daily: number; answers: number; topics: number }>(
        `SELECT pg_size_pretty(pg_total_relation_size('submissions')) AS submissions,
           pg_size_pretty((SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relname LIKE 'stats\\_%' AND c.relkind = 'r')::bigint) AS rollups,
           (SELECT count(*)::int FROM stats_store_daily) AS store_daily, (SELECT count(*)::int FROM stats_answers_daily) AS answers, (SELECT count(*)::int FROM stats_topics_daily) AS topics`,
      );
      const total = times.insertMs + times.rollupMs + times.indexMs;
      console.log(
        `loaded in ${seconds(total)}: generate and insert ${seconds(times.insertMs)}, rollups ${seconds(times.rollupMs)}, indexes and ANALYZE ${seconds(times.indexMs)}; ` +
          `${times.cases.toLocaleString('en')} cases; submissions ${sizes?.submissions}, rollups ${sizes?.rollups} ` +
          `(store-day rows ${sizes?.store_daily.toLocaleString('en')}, answer rows ${sizes?.answers.toLocaleString('en')}, topic rows ${sizes?.topics.toLocaleString('en')})`,
      );
    } finally {
      await db.close();
    }
  } else {
    console.log(`reusing the kept database ${NAME} (${SHAPE.rows.toLocaleString('en')} submissions)`);
  }

  if (process.env.BENCH_LOAD_ONLY === '1') {
    console.log(`BENCH_LOAD_ONLY=1: loaded and kept ${NAME}; measure it with BENCH_REUSE=1`);
    process.exit(0);
  }
  const collector = await startCollector({
    config: { DATABASE_URL: database.url, PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: 0, CASE_WORKER_INTERVAL_MS: 0, ALERT_WORKER_INTERVAL_MS: 0 },
    now: () => NOW,
  });
  try {
    const cost = await triggerCost(collector.ctx.db, NOW);
    console.log(`ingest of 100 submissions: ${cost.withTrigger.toFixed(1)} ms with the rollup trigger, ${cost.withoutTrigger.toFixed(1)} ms without`);
    const sessions = new Map<BenchUser, string>();
    for (const user of USERS) {
      await upsertUser(collector.ctx, { email: user.email, password: PASSWORD, role: user.role, brandId: 'bench', regionId: user.regionId, storeId: user.storeId, name: `Bench ${user.role}` });
      const res = await fetch(`${collector.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: PASSWORD }) });
      if (res.status !== 200) throw new Error(`login as ${user.role}: ${res.status} ${await res.text()}`);
      sessions.set(user, (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
    }

    const timer = startTimer();
    console.log(`\n${RUNS} timed runs per request after ${WARM_UP} warm-up runs, one at a time, over HTTP from a worker thread; target p95 < ${TARGET_MS} ms`);
    console.log(`${'request'.padEnd(26)} ${'role'.padEnd(10)} ${'range'.padEnd(8)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}  result`);
    let failed = 0;
    let measured = 0;
    let worst = { ms: 0, what: '' };
    for (const user of USERS) {
      for (const [i, range] of [{ name: '—', params: {} }, ...RANGES].entries()) {
        for (const request of dashboardRequests(user, range, i > 0)) {
          if (ONLY && !ONLY.some((part) => request.name.includes(part))) continue;
          const answer = await timer.time({ url: `${collector.url}${request.path}`, cookie: sessions.get(user) ?? '', warmUp: WARM_UP, runs: RUNS });
          const row = `${request.name.padEnd(26)} ${user.role.padEnd(10)} ${range.name.padEnd(8)}`;
          if (!('times' in answer)) {
            if (answer.timed) throw new Error(`${request.path} as ${user.role}: ${answer.status} ${answer.body}`);
            console.log(`${row} ${'—'.padStart(7)} ${'—'.padStart(7)} ${'—'.padStart(7)}  not measured: ${answer.status} ${answer.body}`);
            continue;
          }
          const times = [...answer.times];
          times.sort((a, b) => a - b);
          const p95 = percentile(times, 0.95) ?? NaN;
          const pass = p95 < TARGET_MS;
          measured++;
          if (!pass) failed++;
          if (p95 > worst.ms) worst = { ms: p95, what: `${request.name}, ${user.role}, ${range.name}` };
          const cell = (v: number) => v.toFixed(1).padStart(7);
          console.log(`${row} ${cell(percentile(times, 0.5) ?? NaN)} ${cell(p95)} ${cell(times.at(-1) ?? NaN)}  ${pass ? 'PASS' : 'FAIL'}`);
        }
      }
    }
    console.log(`\n${measured - failed} of ${measured} requests PASS (p95 < ${TARGET_MS} ms); slowest p95 ${worst.ms.toFixed(1)} ms (${worst.what}); load average now ${load()}`);
    if (failed > 0) process.exitCode = 1;
    await timer.stop();
  } finally {
    await collector.close();
  }
} finally {
  await database.drop();
}
