// Ingest throughput of the reference collector, on loopback, against PGlite and PostgreSQL.
// Starts the collector (demo/start.ts, seeded demo brand with the pk_demo key) in a child process so
// the load generator and the server do not share an event loop, then for each database:
//   single: N concurrent clients POST one submission each, for --seconds;
//   batch:  N concurrent clients POST batches of 100 submissions, for --seconds.
// Prints accepted submissions/s, answers/s and p50/p99 latency. Bounded: each phase stops after
// --seconds (default 10). PostgreSQL: BENCH_DATABASE_URL (default: a throwaway database on the
// local server at postgres://postgres:postgres@127.0.0.1:5432); `--only pglite` skips it.
// --instances N (N ≥ 2, PostgreSQL only; issue 16): the built package's bin (`storevoice-collector`,
// no tsx, no demo seed; a bench hierarchy with the key pk_bench is imported at start), N instances
// behind a small round-robin proxy (bench/support/proxy.mjs), each in its own process.
// Targets on a 2-core machine (issue 6): ≥ 2,000 single submissions/s and ≥ 20,000 answers/s in
// batches to PostgreSQL. Prints numbers only; never fails on a slow run.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandLine, ROOT } from './support/cli.mjs';
import { startPackageCollector, startProxy } from './support/package-collector.mjs';
import { createThrowawayDatabase } from './support/postgres.mjs';
import { startDemoCollector } from './support/collector.mjs';

const { args, fail, wholeNumber } = commandLine(
  'ingest',
  { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '32' }, only: { type: 'string' }, instances: { type: 'string', default: '1' } },
  '--seconds S, --concurrency N, --only pglite|postgres, --instances N (N ≥ 2: the package behind a proxy, PostgreSQL)',
);
const instances = wholeNumber('instances', 1, 8);
const seconds = Number(args.seconds);
if (!(seconds > 0 && seconds <= 120)) fail('--seconds must be between 1 and 120');
const concurrency = wholeNumber('concurrency', 1, 512);

const PORT = 8799;
/** The write key: the demo's with one instance (demo/start.ts --seed-demo), the bench hierarchy's with several. */
const KEY = instances > 1 ? 'pk_bench' : 'pk_demo';

/** The stores and staff the submissions name, as a hierarchy file for the package's HIERARCHY_FILE. */
const benchHierarchy = {
  brands: [
    {
      id: 'acme',
      name: 'Acme',
      writeKeys: ['pk_bench'],
      regions: [
        { id: 'emea-north', name: 'Nordics', stores: [{ id: '042', name: 'Stockholm', staff: [{ id: 'emp-17', name: 'Astrid' }] }, { id: '017', name: 'Oslo' }] },
        { id: 'uk-south', name: 'UK South', stores: [{ id: '101', name: 'London' }, { id: '108', name: 'Brighton' }] },
      ],
    },
  ],
};

/** N package instances on one PostgreSQL database behind the proxy on PORT; resolves with `stop`. */
async function startInstances(vars) {
  execFileSync(process.execPath, ['packages/collector/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'storevoice-bench-'));
  const hierarchyFile = join(dir, 'hierarchy.json');
  writeFileSync(hierarchyFile, JSON.stringify(benchHierarchy));
  const env = { ...vars, RATE_LIMIT_PER_MINUTE: '0', HIERARCHY_FILE: hierarchyFile, SURVEYS_DIR: join(ROOT, 'packages/collector/dist/surveys'), TRUSTED_PROXIES: '127.0.0.1' };
  const ports = Array.from({ length: instances }, (_, i) => PORT + 1 + i);
  // One after the other: the first migrates, the others find nothing to do.
  const collectors = [];
  for (const port of ports) collectors.push(await startPackageCollector({ port, env }));
  const proxy = await startProxy(PORT, ports);
  return {
    stop: async () => {
      await proxy.stop();
      await Promise.all(collectors.map((c) => c.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}


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
      { host: '127.0.0.1', port: PORT, path: '/v1/submissions', method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, 'content-length': Buffer.byteLength(payload) } },
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
    'p95 ms': pct(0.95),
    'p99 ms': pct(0.99),
    'failed requests': errors,
  };
}

// Last, so every declaration above is initialised before the run starts.
const rows = [];
for (const database of instances > 1 ? ['postgres'] : ['pglite', 'postgres']) {
  if (args.only && args.only !== database) continue;
  const env = await prepare(database);
  // Rate limits would (rightly) throttle one IP sending thousands per second: lifted for the bench.
  const server = await (instances > 1 ? startInstances(env.vars) : startDemoCollector({ port: PORT, env: { ...env.vars, RATE_LIMIT_PER_MINUTE: '0' } })).catch((error) => fail(error.message));
  try {
    const setup = instances > 1 ? `${instances} × package + proxy` : 'demo/start.ts';
    for (const phase of ['single', 'batch']) rows.push({ database, setup, phase, ...(await load(phase)) });
  } finally {
    await server.stop();
    await env.cleanup();
  }
}
console.table(rows);
