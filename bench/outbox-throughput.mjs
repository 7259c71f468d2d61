// Prints how fast the SDK's outbox takes submissions in and drains them after an offline period,
// in headless Chromium. A page served by this script's own HTTP server (127.0.0.1, a port the OS
// picks) loads the SDK, bundled from sdk/index.ts with esbuild (so never a stale build), and creates
// a client whose one destination is `http('/v1', { batch })` on that same server; the endpoint there
// answers 202 at once and counts the ids it receives, and duplicates. Each phase, in a fresh browser
// context (an empty IndexedDB): with the context offline (Playwright's setOffline), the page calls
// submit() N times (submitTimeoutMs: 0, so each resolves once its submission is in the outbox);
// then the context goes online, the SDK's `online` listener flushes, and the page times how long it
// takes until every submission was acknowledged (its `sent` event: 202 received, removed from the
// outbox). Phases: 10,000 with `batch: true` (100 per request) called all at once; 2,000 with
// `batch: false` (one per request); 10,000 with `batch: true` where each submit() is awaited before
// the next (how a kiosk submits), which shows what one submit() costs as the queue grows.
//   node bench/outbox-throughput.mjs                      the three phases above (about 1.5 min on 2 cores)
//   node bench/outbox-throughput.mjs --items 2000 --unbatched-items 500 --sequential-items 0
//   node bench/outbox-throughput.mjs --storage memory      the in-memory outbox instead of IndexedDB
// Then it judges issue #17's targets on these numbers (10,000 queued offline in under 10 s, the last
// tenth no slower than the first, a batched flush of at least 2,000 submissions/s, no duplicates):
// printed, never enforced (timings are too noisy for a gate). Exits 1 with one line when something
// does not work (Chromium does not start, a phase does not finish within --timeout seconds, a
// submission is lost).
/* global window -- drive() and drain() run in the page */
import { cpuBusy, launchChromium, machine } from './support/chromium.mjs';
import { BenchError, ROOT, commandLine, runBench } from './support/cli.mjs';
import { readBody, serveLoopback, submissionsIn } from './support/http.mjs';
import { pageProblems, pageSaid, withTimeout } from './support/page.mjs';
import { round } from './support/stats.mjs';

const { args, fail, wholeNumber } = commandLine(
  'outbox-throughput',
  {
    items: { type: 'string', default: '10000' },
    'unbatched-items': { type: 'string', default: '2000' },
    'sequential-items': { type: 'string', default: '10000' },
    storage: { type: 'string', default: 'auto' },
    timeout: { type: 'string', default: '120' },
  },
  '--items N, --unbatched-items N, --sequential-items N, --storage auto|memory, --timeout SECONDS',
);
const items = wholeNumber('items', 1, 100_000);
const unbatchedItems = wholeNumber('unbatched-items', 0, 100_000);
const sequentialItems = wholeNumber('sequential-items', 0, 100_000);
const timeoutMs = wholeNumber('timeout', 10, 600) * 1000;
if (!['auto', 'memory'].includes(args.storage)) fail(`--storage must be auto (IndexedDB) or memory, not "${args.storage}"`);

const sdk = await bundleSdk();
const busy = await cpuBusy(); // before Chromium starts, so only other work counts
const collector = { requests: 0, ids: new Set(), duplicates: 0, bad: 0 };
const server = await serve();
let browser;
await runBench('outbox-throughput', async () => {
  browser = await launchChromium();
  console.log(
    `outbox throughput: Chromium ${browser.version()} headless, Node ${process.version}, ${machine()} (${busy}% busy before Chromium started); ` +
      `outbox storage ${args.storage === 'auto' ? 'IndexedDB' : 'memory'}; local endpoint answers 202 at once\n`,
  );
  const phases = [
    { name: 'batch: true', batch: true, items, oneByOne: false },
    ...(unbatchedItems > 0 ? [{ name: 'batch: false', batch: false, items: unbatchedItems, oneByOne: false }] : []),
    ...(sequentialItems > 0 ? [{ name: 'batch: true, submit() awaited', batch: true, items: sequentialItems, oneByOne: true }] : []),
  ];
  const table = {};
  const raw = {};
  for (const phase of phases) [table[phase.name], raw[phase.name]] = await measure(phase);
  console.table(table);
  console.log(
    'enqueue: while offline, from the first submit() call until every submit() resolved (submitTimeoutMs: 0: once its submission is in the outbox), the calls made\n' +
      'all at once (a burst) or one by one, each awaited (how a kiosk submits). "first/last 10%": mean ms of one awaited submit() while the queue held its\n' +
      'first and its last tenth. flush: from the `online` event until the last `sent` event (acknowledged and removed from the outbox). requests: POSTs the\n' +
      'endpoint received. duplicates: ids received more than once (must be 0). Numbers vary with the machine\'s load; compare runs made one after the other.\n',
  );
  targets(raw);
}, stop);

async function stop() {
  await browser?.close().catch(() => {});
  await server.close();
}

/** One phase in a fresh browser context (so a fresh IndexedDB): enqueue offline, then time the drain. */
async function measure(phase) {
  Object.assign(collector, { requests: 0, ids: new Set(), duplicates: 0, bad: 0 });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems = pageProblems(page, { warnings: true });
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    // The SDK module is fetched now: offline, the page cannot load it.
    await page.waitForFunction(() => window.__sdk !== undefined, undefined, { timeout: 30_000 });
    await context.setOffline(true);
    const queued = await withTimeout(
      page.evaluate(drive, { items: phase.items, batch: phase.batch, storage: args.storage, oneByOne: phase.oneByOne }),
      timeoutMs,
      `${phase.name}: enqueueing ${phase.items} submissions`,
      problems,
      'raise --timeout',
    );
    if (queued.pending !== phase.items) throw new BenchError(`${phase.name}: ${queued.pending} of ${phase.items} submissions in the outbox after enqueueing${pageSaid(problems)}`);
    if (collector.requests > 0) throw new BenchError(`${phase.name}: the endpoint got ${collector.requests} requests while the context was offline`);
    await context.setOffline(false);
    const drained = await withTimeout(page.evaluate(drain), timeoutMs, `${phase.name}: flushing ${phase.items} submissions`, problems, 'raise --timeout');
    const lost = phase.items - collector.ids.size;
    if (drained.sent !== phase.items || lost !== 0 || drained.left !== 0) {
      throw new BenchError(`${phase.name}: ${drained.sent} sent and ${drained.dropped} dropped events, ${collector.ids.size} ids received, ${drained.left} left in the outbox, of ${phase.items}${pageSaid(problems)}`);
    }
    const row = {
      items: phase.items,
      'submit() calls': phase.oneByOne ? 'one by one' : 'all at once',
      'enqueue (s)': round(queued.enqueueMs / 1000, 2),
      'ms per submit()': round(queued.enqueueMs / phase.items, 2),
      'first/last 10% (ms)': phase.oneByOne ? `${round(queued.firstTenth, 2)} / ${round(queued.lastTenth, 2)}` : '—',
      'flush (s)': round(drained.flushMs / 1000, 2),
      'flush rate (submissions/s)': Math.round(phase.items / (drained.flushMs / 1000)),
      requests: collector.requests,
      duplicates: collector.duplicates,
      'bad requests': collector.bad,
      durable: queued.durable,
    };
    return [row, { items: phase.items, enqueueMs: queued.enqueueMs, firstTenth: queued.firstTenth, lastTenth: queued.lastTenth, flushRate: phase.items / (drained.flushMs / 1000), duplicates: collector.duplicates }];
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page, offline: creates the client, calls submit() `items` times one after another,
 * then lets the offline delivery passes settle. The `sent` counter and the `online` time are kept
 * on `window` for drain().
 */
async function drive({ items, batch, storage, oneByOne }) {
  const { createClient, http } = window.__sdk;
  const client = createClient({
    destinations: { main: http('/v1', { batch, key: 'pk_bench' }) },
    outbox: { name: 'bench', storage, maxItems: 100_000, maxBytes: 1_000_000_000 },
    submitTimeoutMs: 0,
    context: { brand: 'acme', region: 'emea-north', store: '042', staff: ['emp-17'], device: 'kiosk-3', channel: 'kiosk' },
  });
  const state = { client, sent: 0, dropped: 0, onlineAt: undefined, doneAt: undefined, finished: undefined };
  state.finished = new Promise((resolve) => {
    client.on('sent', () => {
      if (++state.sent === items) {
        state.doneAt = performance.now();
        resolve();
      }
    });
  });
  client.on('dropped', () => state.dropped++);
  window.addEventListener('online', () => (state.onlineAt ??= performance.now()), { once: true });
  window.__outboxBench = state;
  let durable = true;
  const started = performance.now();
  const submitOne = (i) =>
    client.submit({
      surveyId: 'post-visit',
      answers: [
        { questionId: 'mood', type: 'smiley', value: 1 + (i % 5) },
        { questionId: 'why', type: 'text', value: 'Quick checkout, friendly staff' },
      ],
    });
  const perSubmit = [];
  if (oneByOne) {
    for (let i = 0; i < items; i++) {
      const before = performance.now();
      durable &&= (await submitOne(i)).durable;
      perSubmit.push(performance.now() - before);
    }
  } else {
    for (const result of await Promise.all(Array.from({ length: items }, (_, i) => submitOne(i)))) durable &&= result.durable;
  }
  const enqueueMs = performance.now() - started;
  const tenth = Math.max(1, Math.floor(items / 10));
  const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
  // Offline, a pass sends nothing; waiting for one lets the passes the submits started finish first.
  const report = await client.flush();
  // Awaited calls only: the mean ms of one submit() while the queue held its first and its last tenth.
  // (A burst resolves in a few shared transactions, so per-call times say nothing there.)
  return { enqueueMs, durable, pending: report.pending, firstTenth: oneByOne ? mean(perSubmit.slice(0, tenth)) : undefined, lastTenth: oneByOne ? mean(perSubmit.slice(-tenth)) : undefined };
}

/** Runs in the page once it is online: waits for the last `sent` event, then checks the outbox is empty. */
async function drain() {
  const state = window.__outboxBench;
  await state.finished;
  const left = (await state.client.pending()).length;
  state.client.destroy();
  return { sent: state.sent, dropped: state.dropped, flushMs: state.doneAt - state.onlineAt, left };
}

/** The SDK as one ES module, from the sources (zod/mini included), so the numbers never come from a stale build. */
async function bundleSdk() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    fail('esbuild is not installed (it comes with the dev dependencies): run `npm install`');
  }
  try {
    const result = await esbuild.build({
      entryPoints: [`${ROOT}sdk/index.ts`],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      conditions: ['production'],
      logLevel: 'silent',
    });
    return result.outputFiles[0].contents;
  } catch (error) {
    return fail(`could not bundle sdk/index.ts: ${error.message.split('\n')[0]}`);
  }
}

/** The page, the SDK, and a collector endpoint that answers 202 and counts ids. */
function serve() {
  const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>outbox throughput</title></head><body><p>outbox throughput</p>' +
    '<script type="module">import * as sdk from "/sdk.js"; window.__sdk = sdk;</script></body></html>';
  return serveLoopback((req, pathname, send) => {
    if (req.method === 'GET' && pathname === '/') send(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, page);
    else if (req.method === 'GET' && pathname === '/sdk.js') send(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }, sdk);
    else if (req.method === 'POST' && pathname === '/v1/submissions') void receive(req, send);
    else if (req.method === 'GET' && pathname === '/favicon.ico') send(204, {});
    else send(404, { 'content-type': 'text/plain' }, 'Not found');
  });
}

/** POST /v1/submissions: one submission or `{ submissions: [...] }`, at most 64 KB; counts ids and duplicates. */
async function receive(req, send) {
  collector.requests++;
  const { body, tooLarge } = await readBody(req);
  if (tooLarge) return void (collector.bad++, send(413, { 'content-type': 'text/plain' }, 'Too large'));
  let list;
  try {
    list = submissionsIn(body);
  } catch {
    collector.bad++;
    return void send(400, { 'content-type': 'text/plain' }, 'Bad JSON');
  }
  let duplicates = 0;
  for (const submission of list) {
    if (collector.ids.has(submission.id)) duplicates++;
    else collector.ids.add(submission.id);
  }
  collector.duplicates += duplicates;
  send(202, { 'content-type': 'application/json' }, JSON.stringify({ accepted: list.length - duplicates, duplicates }));
}

/**
 * Issue #17's targets for an outbox a kiosk filled offline all day, judged on this run's numbers
 * (meaningful at the default sizes): 10,000 queued in under 10 s, the last tenth queued no slower
 * than the first, a batched flush of at least 2,000 submissions/s, and no duplicates.
 */
function targets(raw) {
  const burst = raw['batch: true'];
  const awaited = raw['batch: true, submit() awaited'];
  const rows = {
    [`enqueue ${burst.items} offline`]: ['< 10 s', `${round(burst.enqueueMs / 1000, 2)} s`, burst.enqueueMs < 10_000],
    ...(awaited && {
      [`one submit(), last vs first tenth of ${awaited.items} awaited`]: ['last ≤ first', `${round(awaited.lastTenth, 2)} vs ${round(awaited.firstTenth, 2)} ms`, awaited.lastTenth <= awaited.firstTenth],
    }),
    'flush, batched': ['≥ 2,000 submissions/s', `${Math.round(burst.flushRate)}/s`, burst.flushRate >= 2000],
    'duplicates (every phase)': ['0', String(Object.values(raw).reduce((sum, phase) => sum + phase.duplicates, 0)), Object.values(raw).every((phase) => phase.duplicates === 0)],
  };
  console.log('targets (issue #17):');
  console.table(Object.fromEntries(Object.entries(rows).map(([name, [target, measured, met]]) => [name, { target, measured, verdict: met ? 'met' : 'NOT met' }])));
}
