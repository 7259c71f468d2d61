// Live events under load: how long a submission takes from its POST to the `submission` event on
// every open dashboard that may see it, with 1,000 event-stream clients connected, and what the
// listeners cost ingest. Starts the demo collector (demo/start.ts, seeded) in a child process; the
// clients run in worker threads, the load generator in this thread. For each database:
//   1. ingest at --rate submissions/s for --seconds, no listeners: ingest round trip p50/p95;
//   2. closed-loop ingest (--concurrency posters) for --max-seconds, no listeners: submissions/s;
//   3. --clients streams connect (10% corporate, 30% regional, 60% store managers, spread over the
//      demo's 2 regions and 6 stores), collector memory before and after;
//   4. ingest at --rate for --seconds: POST → event p50/p95/p99/max over every (client, event),
//      events expected vs received, ingest round trip, collector memory (peak);
//   5. closed-loop ingest with the listeners connected: submissions/s, compared with 2.
// Targets (issue 13): p95 < 1 s, and 5 within 10 % of 2. Prints numbers; never fails on a slow run.
// PostgreSQL: BENCH_DATABASE_URL, or a throwaway database on the local server (`--only pglite` skips it).
import { randomUUID } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import os, { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { startDemoCollector } from './support/collector.mjs';
import { createThrowawayDatabase } from './support/postgres.mjs';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '20' },
    'max-seconds': { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '32' },
    workers: { type: 'string', default: String(Math.max(1, Math.min(4, cpus().length))) },
    only: { type: 'string' },
  },
});
const clientCount = Number(args.clients);
const rate = Number(args.rate);
const seconds = Number(args.seconds);
const maxSeconds = Number(args['max-seconds']);
const concurrency = Number(args.concurrency);
const workerCount = Number(args.workers);
if (!(Number.isInteger(clientCount) && clientCount >= 1 && clientCount <= 10_000)) fail('--clients must be a whole number from 1 to 10000');
if (!(rate > 0 && rate <= 5_000)) fail('--rate must be between 1 and 5000');
if (!(seconds > 0 && seconds <= 300 && maxSeconds > 0 && maxSeconds <= 120)) fail('--seconds (1–300) and --max-seconds (1–120) must be positive');

const PORT = 8798;
const STORES = { '042': 'emea-north', '017': 'emea-north', '023': 'emea-north', 101: 'uk-south', 108: 'uk-south', 115: 'uk-south' };
const USERS = [
  { email: 'ceo@acme.example', password: 'demo-corporate', scope: 'brand', share: 0.1 },
  { email: 'nordics@acme.example', password: 'demo-regional', scope: 'region:emea-north', share: 0.15 },
  { email: 'uk-south@acme.example', password: 'demo-regional', scope: 'region:uk-south', share: 0.15 },
  ...Object.keys(STORES).map((store) => ({ email: `store${store}@acme.example`, password: 'demo-store', scope: `store:${store}`, share: 0.1 })),
];
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

function fail(message) {
  console.error(`bench/events: ${message}`);
  process.exit(1);
}

const sees = (scope, store) => scope === 'brand' || scope === `store:${store}` || scope === `region:${STORES[store]}`;
const pct = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]);
/** CPU seconds a process has used (user + system), from /proc (clock ticks of 1/100 s on Linux). */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

async function prepare(database) {
  if (database === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'storevoice-bench-events-'));
    return { vars: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (process.env.BENCH_DATABASE_URL) return { vars: { DATABASE_URL: process.env.BENCH_DATABASE_URL }, cleanup: async () => {} };
  const throwaway = await createThrowawayDatabase(`storevoice_bench_events_${process.pid}`).catch((error) => fail(`${error.message}; start it or run with --only pglite`));
  return { vars: { DATABASE_URL: throwaway.url }, cleanup: () => throwaway.drop() };
}

function send(method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port: PORT, path, method, agent, headers: { ...headers, ...(payload && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function login(user) {
  const res = await send('POST', '/v1/auth/login', { email: user.email, password: user.password });
  if (res.statusCode !== 200) fail(`login ${user.email}: ${res.statusCode}`);
  return String(res.headers['set-cookie']).split(';')[0];
}

let counter = 0;
function submission() {
  const stores = Object.keys(STORES);
  const store = stores[counter++ % stores.length];
  return {
    id: randomUUID(),
    schemaVersion: 1,
    surveyId: 'store-exit',
    createdAt: new Date().toISOString(),
    context: { channel: 'kiosk', brand: 'acme', region: STORES[store], store, device: `bench-${counter % 50}` },
    // One in five a detractor: the stream then carries a case event too, as in a real store.
    answers: [{ questionId: 'mood', type: 'smiley', value: 1 + (counter % 5) }],
  };
}

const post = (s) => send('POST', '/v1/submissions', s, { authorization: 'Bearer pk_demo' });

/** Posts `rate` submissions a second for `seconds`; returns what was sent (id → store, time) and the round trips. */
async function atRate(sent) {
  const trips = [];
  let accepted = 0;
  let failed = 0;
  const tickMs = 50;
  const perTick = rate / (1000 / tickMs);
  let owed = 0;
  const inFlight = [];
  const started = performance.now();
  for (let tick = 0; tick < (seconds * 1000) / tickMs; tick++) {
    owed += perTick;
    for (; owed >= 1; owed--) {
      const s = submission();
      const at = performance.timeOrigin + performance.now();
      sent?.set(s.id, { store: s.context.store, at });
      const t0 = performance.now();
      inFlight.push(
        post(s)
          .then((res) => (res.statusCode === 202 ? accepted++ : failed++))
          .catch(() => failed++)
          .finally(() => trips.push(performance.now() - t0)),
      );
    }
    const next = started + (tick + 1) * tickMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  trips.sort((a, b) => a - b);
  return { accepted, failed, perSecond: accepted / elapsed, tripP50: pct(trips, 0.5), tripP95: pct(trips, 0.95) };
}

/** As many single submissions as `concurrency` posters manage in `maxSeconds`. */
async function flatOut() {
  let accepted = 0;
  const deadline = performance.now() + maxSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) if ((await post(submission()).catch(() => ({ statusCode: 0 }))).statusCode === 202) accepted++;
    }),
  );
  return accepted / ((performance.now() - started) / 1000);
}

function workerCall(worker, message, type) {
  return new Promise((resolve) => {
    const on = (reply) => {
      if (reply.type !== type) return;
      worker.off('message', on);
      resolve(reply);
    };
    worker.on('message', on);
    worker.postMessage(message);
  });
}

async function run(database) {
  const env = await prepare(database);
  const server = await startDemoCollector({ port: PORT, env: { ...env.vars, RATE_LIMIT_PER_MINUTE: '0', LOGIN_RATE_LIMIT: '100', CASE_WORKER_INTERVAL_MS: '0' } }).catch((error) => fail(error.message));
  const workers = [];
  try {
    const cookies = new Map();
    for (const user of USERS) cookies.set(user.scope, await login(user));
    await atRate(undefined); // warm-up: JIT, connection pool, caches
    const quietCpuBefore = cpuSeconds(server.pid);
    const quiet = await atRate(undefined);
    const quietCpu = (cpuSeconds(server.pid) - quietCpuBefore) / seconds;
    const quietMax = await flatOut();
    const idleRss = rssMb(server.pid);

    // Clients, spread over the scopes by share, handed round-robin to the workers.
    const clients = [];
    for (const user of USERS) for (let i = 0; i < Math.round(clientCount * user.share); i++) clients.push({ cookie: cookies.get(user.scope), scope: user.scope });
    const shares = Array.from({ length: workerCount }, () => []);
    clients.forEach((client, i) => shares[i % workerCount].push(client));
    for (const share of shares) workers.push(new Worker(new URL('./support/sse-worker.mjs', import.meta.url), { workerData: { port: PORT, clients: share } }));
    const connected = (await Promise.all(workers.map((w) => workerCall(w, 'connect', 'connected')))).reduce((n, r) => n + r.connected, 0);
    const connectedRss = rssMb(server.pid);

    let peakRss = connectedRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid))), 500);
    const sent = new Map();
    const cpuBefore = cpuSeconds(server.pid);
    const benchCpuBefore = process.cpuUsage();
    const loaded = await atRate(sent);
    const collectorCpu = (cpuSeconds(server.pid) - cpuBefore) / seconds;
    const benchUsage = process.cpuUsage(benchCpuBefore);
    const benchCpu = (benchUsage.user + benchUsage.system) / 1e6 / seconds;
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // stragglers
    clearInterval(sampler);
    const reports = await Promise.all(workers.map((w) => workerCall(w, 'report', 'report')));

    const latencies = [];
    let received = 0;
    const reconnects = reports.reduce((n, r) => n + r.reconnects, 0);
    for (const report of reports) {
      for (const [id, times] of report.arrivals) {
        const origin = sent.get(id);
        if (!origin) continue; // from the warm-up
        for (const at of times) latencies.push(at - origin.at);
        received += times.length;
      }
    }
    const perScope = new Map();
    for (const c of clients) perScope.set(c.scope, (perScope.get(c.scope) ?? 0) + 1);
    let expected = 0;
    for (const { store } of sent.values()) for (const [scope, n] of perScope) if (sees(scope, store)) expected += n;
    latencies.sort((a, b) => a - b);

    peakRss = Math.max(peakRss, rssMb(server.pid));
    const loadedMax = await flatOut();
    return {
      database,
      clients: `${connected}/${clients.length}`,
      'ingest/s at the rate, quiet/listened': `${quiet.perSecond.toFixed(0)}/${loaded.perSecond.toFixed(0)} (target ${rate})`,
      'event p50 ms': pct(latencies, 0.5).toFixed(1),
      'event p95 ms': pct(latencies, 0.95).toFixed(1),
      'event p99 ms': pct(latencies, 0.99).toFixed(1),
      'event max ms': (latencies.at(-1) ?? NaN).toFixed(0),
      'events received/expected': `${received}/${expected}`,
      'streams cut off and resumed': reconnects,
      'POST p50/p95 ms, quiet': `${quiet.tripP50.toFixed(1)}/${quiet.tripP95.toFixed(1)}`,
      'POST p50/p95 ms, listened': `${loaded.tripP50.toFixed(1)}/${loaded.tripP95.toFixed(1)}`,
      'max ingest/s, quiet': quietMax.toFixed(0),
      'max ingest/s, listened': `${loadedMax.toFixed(0)} (${((loadedMax / quietMax - 1) * 100).toFixed(1)} %)`,
      'collector CPU at the rate, quiet/listened': `${(quietCpu * 100).toFixed(0)} %/${(collectorCpu * 100).toFixed(0)} % of a core`,
      'bench clients + load CPU, listened': `${(benchCpu * 100).toFixed(0)} % of a core`,
      'host load average (1 min) after': os.loadavg()[0].toFixed(1),
      'collector RSS MB idle/connected/peak': `${idleRss.toFixed(0)}/${connectedRss.toFixed(0)}/${peakRss.toFixed(0)}`,
    };
  } finally {
    await Promise.all(workers.map((w) => workerCall(w, 'close', 'closed').then(() => w.terminate())));
    await server.stop();
    await env.cleanup();
  }
}

// Last, so every declaration above is initialised before the run starts.
const rows = [];
for (const database of ['pglite', 'postgres']) {
  if (args.only && args.only !== database) continue;
  rows.push(await run(database));
}
for (const row of rows) {
  console.log(`\n${row.database}`);
  for (const [key, value] of Object.entries(row)) if (key !== 'database') console.log(`  ${key.padEnd(38)} ${value}`);
}
