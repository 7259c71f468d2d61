// Login flood: what a stream of password guesses does to everyone else on the collector.
// Starts a collector (demo/start.ts with the demo seed, PGlite in a temporary DATA_DIR, ingest rate
// limits off) in a child process, then measures, one request after another, a static file (GET /,
// read from disk on libuv's worker pool), an ingest POST (pk_demo) and a real login:
//   quiet:        nothing else running;
//   distributed:  --flood concurrent loops of logins with random e-mails, each from its own
//                 address (X-Forwarded-For through a trusted proxy), so no per-address limit helps;
//   one address:  the same flood from a single address.
// Prints p50/p95/max per request kind and what the flood got (401/429/503 and logins/s).
// `--dir <checkout>` measures another checkout (e.g. `git archive main` unpacked, node_modules
// linked) to compare before and after. Prints numbers only; never fails on a slow run.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: fileURLToPath(new URL('..', import.meta.url)) },
    flood: { type: 'string', default: '16' },
    samples: { type: 'string', default: '30' },
    port: { type: 'string', default: '8797' },
  },
});
const DIR = resolve(args.dir);
const FLOOD = Number(args.flood);
const SAMPLES = Number(args.samples);
const PORT = Number(args.port);
if (!(Number.isInteger(FLOOD) && FLOOD > 0 && FLOOD <= 256)) fail('--flood must be a whole number from 1 to 256');
if (!(Number.isInteger(SAMPLES) && SAMPLES >= 5 && SAMPLES <= 1000)) fail('--samples must be a whole number from 5 to 1000');

function fail(message) {
  console.error(`login-flood: ${message}`);
  process.exit(1);
}

/** Starts demo/start.ts of DIR with the demo seed; resolves once its `login:` lines are printed. */
function startCollector(dataDir) {
  // Checkouts from before --seed-demo seed without being asked, and refuse the flag.
  const seedFlag = readFileSync(join(DIR, 'demo/start.ts'), 'utf8').includes("'seed-demo'") ? ['--seed-demo'] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/start.ts', ...seedFlag], {
    cwd: DIR,
    env: {
      ...process.env,
      NODE_ENV: '',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: '0',
      // The load generator is the proxy: each flood request may name its own client address.
      TRUSTED_PROXIES: '127.0.0.1',
      TRUST_PROXY_HOPS: '1',
      ALERT_WORKER_INTERVAL_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`no login: lines within 180 s; last output: ${output.slice(-500)}`)), 180_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (/^login: /m.test(output)) {
        clearTimeout(timer);
        resolveStart({ stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the collector exited with ${code}: ${output.slice(-500)}`));
    });
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request; resolves with status and milliseconds. */
function send(method, path, { body, headers = {} } = {}) {
  const started = performance.now();
  return new Promise((done, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port: PORT, method, path, agent, headers: { ...headers, ...(payload && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) } },
      (res) => {
        res.resume();
        res.on('end', () => done({ status: res.statusCode, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const submission = () => ({
  id: randomUUID(),
  schemaVersion: 1,
  surveyId: 'store-exit',
  createdAt: new Date().toISOString(),
  context: { channel: 'kiosk', brand: 'acme', region: 'emea-north', store: '042', device: 'exit-1' },
  answers: [{ questionId: 'mood', type: 'smiley', value: 4 }],
});

// A manager from the office: an address of its own, so the flood's per-address budget is not theirs.
const probes = {
  'static file (GET /)': () => send('GET', '/'),
  'ingest (POST /v1/submissions)': () => send('POST', '/v1/submissions', { body: submission(), headers: { authorization: 'Bearer pk_demo' } }),
  'real login': () => send('POST', '/v1/auth/login', { body: { email: 'ceo@acme.example', password: 'demo-corporate' }, headers: { 'x-forwarded-for': '203.0.113.200' } }),
};

async function measure() {
  const rows = {};
  for (const [name, probe] of Object.entries(probes)) {
    const times = [];
    const statuses = new Map();
    for (let i = 0; i < SAMPLES; i++) {
      const { status, ms } = await probe();
      times.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    times.sort((a, b) => a - b);
    const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
    rows[name] = { p50: at(0.5), p95: at(0.95), max: times.at(-1), statuses: [...statuses].map(([s, n]) => `${s}×${n}`).join(' ') };
  }
  return rows;
}

/** FLOOD loops of logins with random e-mails until stopped; `address(i)` picks each request's client address. */
function flood(address) {
  let running = true;
  const outcome = new Map();
  let answered = 0;
  const started = performance.now();
  const loops = Array.from({ length: FLOOD }, async (_, loop) => {
    for (let i = 0; running; i++) {
      const { status } = await send('POST', '/v1/auth/login', { body: { email: `guess-${randomUUID()}@random.test`, password: 'guess' }, headers: { 'x-forwarded-for': address(loop, i) } }).catch(() => ({ status: 'error' }));
      outcome.set(status, (outcome.get(status) ?? 0) + 1);
      answered++;
    }
  });
  return async () => {
    running = false;
    await Promise.all(loops);
    const seconds = (performance.now() - started) / 1000;
    return `${(answered / seconds).toFixed(0)} logins/s answered: ${[...outcome].sort().map(([s, n]) => `${s}×${n}`).join(' ')}`;
  };
}

const fmt = (ms) => ms.toFixed(1);
const dataDir = mkdtempSync(join(tmpdir(), 'storevoice-login-flood-'));
let collector;
try {
  console.log(`login flood against ${DIR} (demo seed, PGlite), ${FLOOD} concurrent login loops, ${SAMPLES} probes of each kind, one after another\n`);
  collector = await startCollector(dataDir);
  await measure(); // warm-up
  const table = [];
  const floods = {};
  const scenarios = {
    quiet: null,
    distributed: (loop, i) => `198.18.${loop}.${i % 250}`,
    'one address': () => '198.51.100.66',
  };
  for (const [scenario, address] of Object.entries(scenarios)) {
    const stop = address ? flood(address) : null;
    if (stop) await new Promise((r) => setTimeout(r, 1000)); // let the flood build up
    const rows = await measure();
    if (stop) floods[scenario] = await stop();
    for (const [name, row] of Object.entries(rows)) table.push({ scenario, request: name, 'p50 ms': fmt(row.p50), 'p95 ms': fmt(row.p95), 'max ms': fmt(row.max), statuses: row.statuses });
  }
  console.table(table);
  for (const [scenario, summary] of Object.entries(floods)) console.log(`flood (${scenario}): ${summary}`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  await collector?.stop();
  agent.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
