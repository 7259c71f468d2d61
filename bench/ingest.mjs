// Ingest throughput of the reference collector, on loopback, against PGlite and PostgreSQL.
// Starts the collector (demo/start.ts, seeded demo brand with the pk_demo key) in a child process so
// the load generator and the server do not share an event loop, then for each database:
//   single: N concurrent clients POST one submission each, for --seconds;
//   batch:  N concurrent clients POST batches of 100 submissions, for --seconds.
// Prints accepted submissions/s, answers/s and p50/p99 latency. Bounded: each phase stops after
// --seconds (default 10). PostgreSQL: BENCH_DATABASE_URL (default: a throwaway database on the
// local server at postgres://postgres:postgres@127.0.0.1:5432); `--only pglite` skips it.
// Targets on a 2-core machine (issue 6): ≥ 2,000 single submissions/s and ≥ 20,000 answers/s in
// batches to PostgreSQL. Prints numbers only; never fails on a slow run.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandLine } from './support/cli.mjs';
import { createThrowawayDatabase } from './support/postgres.mjs';
import { startDemoCollector } from './support/collector.mjs';

const { args, fail, wholeNumber } = commandLine(
  'ingest',
  { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '32' }, only: { type: 'string' } },
  '--seconds S, --concurrency N, --only pglite|postgres',
);
const seconds = Number(args.seconds);
if (!(seconds > 0 && seconds <= 120)) fail('--seconds must be between 1 and 120');
const concurrency = wholeNumber('concurrency', 1, 512);

const PORT = 8799;


async function prepare(database) {
  if (database === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'storevoice-bench-'));
    return { vars: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (process.env.BENCH_DATABASE_URL) return { vars: { DATABASE_URL: process.env.BENCH_DATABASE_URL }, cleanup: async () => {} };
  const throwaway = await createThrowawayDatabase(`storevoice_bench_${process.pid}`).catch((error) => fail(`${error.message}; start it or run with --only pglite`));
  return { vars: { DATABASE_URL: throwaway.url }, cleanup: () => throwaway.drop() };
}

const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const stores = [['emea-north', '042'], ['emea-north', '017'], ['uk-south', '101'], ['uk-south', '108']];

function submission(i) {
  const [region, store] = stores[i % stores.length];
  return {
    id: randomUUID(),
    schemaVersion: 1,
    surveyId: 'store-exit',
    createdAt: new Date().toISOString(),
    context: { channel: 'kiosk', brand: 'acme', region, store, staff: ['emp-17'], device: `bench-${i % 50}` },
    answers: [
      { questionId: 'mood', type: 'smiley', value: 1 + (i % 5) },
      { questionId: 'comment', type: 'text', value: 'Quick checkout' },
    ],
  };
}

function post(body) {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port: PORT, path: '/v1/submissions', method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: 'Bearer pk_demo', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function load(phase) {
  const perRequest = phase === 'single' ? 1 : 100;
  const latencies = [];
  let accepted = 0;
  let errors = 0;
  let counter = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const body = perRequest === 1 ? submission(counter++) : { submissions: Array.from({ length: perRequest }, () => submission(counter++)) };
        const t0 = performance.now();
        const status = await post(body).catch(() => 0);
        latencies.push(performance.now() - t0);
        if (status === 202) accepted += perRequest;
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]?.toFixed(1);
  return {
    'submissions/s': Math.round(accepted / elapsed),
    'answers/s': Math.round((accepted * 2) / elapsed),
    'p50 ms': pct(0.5),
    'p99 ms': pct(0.99),
    'failed requests': errors,
  };
}

// Last, so every declaration above is initialised before the run starts.
const rows = [];
for (const database of ['pglite', 'postgres']) {
  if (args.only && args.only !== database) continue;
  const env = await prepare(database);
  // Rate limits would (rightly) throttle one IP sending thousands per second: lifted for the bench.
  const server = await startDemoCollector({ port: PORT, env: { ...env.vars, RATE_LIMIT_PER_MINUTE: '0' } }).catch((error) => fail(error.message));
  try {
    for (const phase of ['single', 'batch']) rows.push({ database, phase, ...(await load(phase)) });
  } finally {
    await server.stop();
    await env.cleanup();
  }
}
console.table(rows);
