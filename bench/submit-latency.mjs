// Prints submit → acknowledged latency against the reference collector, in headless Chromium.
// Starts the collector (`node --import tsx demo/start.ts`, PGlite in a temporary DATA_DIR, the demo
// seed with its pk_demo write key) in a child process on --port (default 8798), waits for its
// `login:` lines, and measures, for submissions made one after another:
//   - SDK, same origin: a page of the collector's origin (its landing page) loads the collector's
//     /storevoice.iife.js and times `await client.submit()` until it resolves with status `sent`;
//   - SDK, cross origin: the same from a page on another origin (a server this script starts), as a
//     retailer's shop page talking to its feedback collector would (CORS: a preflight, then cached);
//   - widget: on that cross-origin page, a `<storevoice-widget>` with a one-question smiley survey;
//     Playwright taps a face and the page times the tap's `click` event until `storevoice-sent`. A
//     fresh widget per run, with the `endpoint` attribute (so its SDK client and outbox are made at
//     the first tap, as on a shop page view) or with a host-made client in its `client` property.
//   node bench/submit-latency.mjs                      200 SDK runs per origin, 50 per widget variant
//   node bench/submit-latency.mjs --runs 500 --widget-runs 100 --port 8800
// Rate limits are lifted on this collector (one IP sends hundreds of submissions a minute).
// Needs `npm run build` first. Prints numbers only, no budgets; exits 1 with one line when the
// collector or Chromium does not start, or a run does not end within 30 s.
/* global window, document -- the page functions run in the page */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuBusy, launchChromium, machine } from './support/chromium.mjs';
import { ROOT, commandLine, runBench } from './support/cli.mjs';
import { startDemoCollector } from './support/collector.mjs';
import { serveLoopback } from './support/http.mjs';
import { pageProblems, withTimeout } from './support/page.mjs';
import { ms, percentile } from './support/stats.mjs';

const BUNDLE = `${ROOT}dist/storevoice.iife.js`;
/** One submission (or widget run) that takes longer than this fails the benchmark: something is broken, not slow. */
const RUN_TIMEOUT = 30_000;
/** PGlite's cold start and the 90-day demo seed take a while on 2 busy cores. */
const START_TIMEOUT = 150_000;
const WARMUP = 5;

const { wholeNumber, requireBuild } = commandLine(
  'submit-latency',
  { runs: { type: 'string', default: '200' }, 'widget-runs': { type: 'string', default: '50' }, port: { type: 'string', default: '8798' } },
  '--runs N, --widget-runs N, --port N',
);
const runs = wholeNumber('runs', 1, 10_000);
const widgetRuns = wholeNumber('widget-runs', 0, 10_000);
const port = wholeNumber('port', 1024, 65_535);
requireBuild('dist/storevoice.iife.js');
/** Bounds one page call that runs every submission of a phase (each run bounds itself inside the page). */
const PHASE_TIMEOUT = Math.max(RUN_TIMEOUT, (WARMUP + runs) * RUN_TIMEOUT);

/** The widget's survey: one required smiley, so one tap sends it (a "micro survey"). */
const survey = { id: 'store-exit', version: 1, title: 'Quick feedback', questions: [{ id: 'mood', type: 'smiley', prompt: 'How was your visit today?', required: true }], thankYou: 'Thank you!' };
const CONTEXT = { brand: 'acme', region: 'emea-north', store: '042', staff: ['emp-17'], device: 'bench-1', channel: 'web' };

const dataDir = mkdtempSync(join(tmpdir(), 'storevoice-latency-'));
let collector;
let site;
let browser;
const busy = await cpuBusy(); // before the collector and Chromium start, so only other work counts
await runBench('submit-latency', async () => {
  collector = await startDemoCollector({
    port,
    timeoutMs: START_TIMEOUT,
    env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', ALERT_WORKER_INTERVAL_MS: '0', DATABASE_URL: '' },
  });
  site = await serve();
  browser = await launchChromium();
  console.log(
    `submit latency: Chromium ${browser.version()} headless, Node ${process.version}, ${machine()} (${busy}% busy before the benchmark started); ` +
      `collector demo/start.ts on ${collector.origin} (PGlite, rate limits off); submissions one after another, ${WARMUP} warm-up runs first\n`,
  );
  const table = {};
  const notes = [];
  const sameOrigin = await sdkRuns(collector.origin, true);
  if (sameOrigin.skipped) notes.push(`SDK, same origin: skipped (${sameOrigin.skipped})`);
  else table['SDK, same origin'] = summarize(sameOrigin.samples, sameOrigin.statuses);
  const crossOrigin = await sdkRuns(site.origin, false);
  table['SDK, cross origin (CORS)'] = summarize(crossOrigin.samples, crossOrigin.statuses);
  if (widgetRuns > 0) {
    for (const variant of [
      { name: 'widget tap, endpoint attribute', hostClient: false },
      { name: 'widget tap, client property', hostClient: true },
    ]) {
      const result = await widgetTaps(variant.hostClient);
      table[variant.name] = summarize(result.samples, result.statuses);
    }
  }
  console.table(table);
  for (const note of notes) console.log(note);
  console.log(
    'ms from `client.submit()` to its promise resolving with status `sent` (the collector answered 202), or from the tap\'s click event to the\n' +
      'widget\'s `storevoice-sent` event; nearest-rank percentiles. "sent": runs that ended `sent` (others count in the times too, with their status\n' +
      'listed). Loopback network, PGlite on a shared 2-core machine: compare runs made one after the other.',
  );
}, stop);

async function stop() {
  await browser?.close().catch(() => {});
  await site?.close();
  await collector?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** `runs` submissions through one SDK client on a page of `origin`; the client posts to the collector. */
async function sdkRuns(origin, sameOrigin) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems = pageProblems(page, { warnings: true });
    await page.goto(`${origin}/`, { waitUntil: 'load', timeout: RUN_TIMEOUT });
    if (sameOrigin) {
      // The collector's own copy of the bundle, as its demo pages load it (script-src 'self' allows it).
      const status = await page.evaluate(() => fetch('/storevoice.iife.js', { method: 'HEAD' }).then((r) => r.status)).catch(() => 0);
      if (status !== 200) return { skipped: `the collector did not serve /storevoice.iife.js (HTTP ${status})` };
      await page.addScriptTag({ url: '/storevoice.iife.js' });
    }
    await page.waitForFunction(() => window.StoreVoice !== undefined, undefined, { timeout: RUN_TIMEOUT });
    return await withTimeout(
      page.evaluate(submitRuns, { endpoint: `${collector.origin}/v1`, runs, warmup: WARMUP, context: CONTEXT, timeout: RUN_TIMEOUT }),
      PHASE_TIMEOUT,
      `SDK, ${sameOrigin ? 'same' : 'cross'} origin`,
      problems,
    );
  } finally {
    await context.close();
  }
}

/** Runs in the page: one client, `warmup` + `runs` awaited submit() calls, each timed. */
async function submitRuns({ endpoint, runs, warmup, context, timeout }) {
  const client = window.StoreVoice.createClient({ endpoint, key: 'pk_demo', context, submitTimeoutMs: timeout });
  await client.flush(); // opens the outbox, so the first timed run does not pay for it
  const samples = [];
  const statuses = {};
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    const result = await client.submit({ surveyId: 'store-exit', surveyVersion: 1, answers: [{ questionId: 'mood', type: 'smiley', value: 1 + (i % 5) }] });
    const elapsed = performance.now() - started;
    if (i < warmup) continue;
    samples.push(elapsed);
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  }
  client.destroy();
  return { samples, statuses };
}

/** `widgetRuns` taps, each on a fresh widget on the cross-origin page. */
async function widgetTaps(hostClient) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems = pageProblems(page, { warnings: true });
    await page.goto(`${site.origin}/`, { waitUntil: 'load', timeout: RUN_TIMEOUT });
    await page.waitForFunction(() => window.StoreVoice !== undefined, undefined, { timeout: RUN_TIMEOUT });
    const setup = { endpoint: `${collector.origin}/v1`, survey: JSON.stringify(survey), context: CONTEXT, hostClient, timeout: RUN_TIMEOUT };
    const samples = [];
    const statuses = {};
    for (let i = 0; i < WARMUP + widgetRuns; i++) {
      await withTimeout(page.evaluate(mountWidget, setup), PHASE_TIMEOUT, 'widget: mounting', problems);
      const face = page.locator('storevoice-widget [role="radio"]').nth(i % 5);
      await face.waitFor({ state: 'visible', timeout: RUN_TIMEOUT });
      await face.click({ timeout: RUN_TIMEOUT });
      const { elapsed, status } = await withTimeout(page.evaluate(() => window.__latencyBench.done), PHASE_TIMEOUT, 'widget: waiting for the outcome', problems);
      if (i < WARMUP) continue;
      samples.push(elapsed);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    return { samples, statuses };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page before each tap: replaces the widget with a fresh one, and arms a probe that
 * takes the time of the tap's click (capturing, on window, so before the widget handles it) and of
 * the widget's outcome event.
 */
function mountWidget({ endpoint, survey, context, hostClient, timeout }) {
  document.querySelector('storevoice-widget')?.remove();
  const widget = document.createElement('storevoice-widget');
  const attributes = { survey, mode: 'inline', brand: context.brand, region: context.region, store: context.store, staff: context.staff.join(','), device: context.device };
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
  if (hostClient) {
    window.__latencyClient ??= window.StoreVoice.createClient({ endpoint, key: 'pk_demo', submitTimeoutMs: timeout });
    widget.client = window.__latencyClient;
  } else {
    widget.setAttribute('endpoint', endpoint);
    widget.setAttribute('key', 'pk_demo');
  }
  let tappedAt;
  const onClick = () => (tappedAt ??= performance.now());
  window.addEventListener('click', onClick, { capture: true });
  const done = new Promise((resolve) => {
    const finish = (status) => () => {
      const elapsed = performance.now() - tappedAt;
      window.removeEventListener('click', onClick, { capture: true });
      resolve({ elapsed, status });
    };
    widget.addEventListener('storevoice-sent', finish('sent'), { once: true });
    widget.addEventListener('storevoice-queued', finish('queued'), { once: true });
    widget.addEventListener('storevoice-error', finish('error'), { once: true });
  });
  window.__latencyBench = { done };
  document.body.append(widget);
}

function summarize(samples, statuses) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pct = (p) => percentile(sorted, p);
  const others = Object.entries(statuses).filter(([status]) => status !== 'sent');
  return {
    runs: samples.length,
    sent: statuses.sent ?? 0,
    ...(others.length > 0 && { other: others.map(([status, n]) => `${n} ${status}`).join(', ') }),
    'p50 (ms)': ms(pct(0.5)),
    'p95 (ms)': ms(pct(0.95)),
    'p99 (ms)': ms(pct(0.99)),
    'min (ms)': ms(sorted[0]),
    'max (ms)': ms(sorted.at(-1)),
    'mean (ms)': ms(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

/** The "retailer" origin: a blank page and the built script-tag bundle, nothing else. */
function serve() {
  const bundle = readFileSync(BUNDLE);
  const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Order confirmed</title><script src="/storevoice.iife.js"></script></head><body><h1>Thank you for your order</h1></body></html>';
  return serveLoopback((req, pathname, send) => {
    if (req.method === 'GET' && pathname === '/') send(200, { 'content-type': 'text/html; charset=utf-8' }, page);
    else if (req.method === 'GET' && pathname === '/storevoice.iife.js') send(200, { 'content-type': 'text/javascript' }, bundle);
    else send(404, { 'content-type': 'text/plain' }, 'Not found');
  });
}
