// Kiosk soak test: runs thousands of customer loops on <storevoice-widget mode="kiosk"> in headless
// Chromium with real touch taps, and prints the JS heap after each 1,000 loops (after forced GC)
// and its growth per 1,000 loops once warmed up. Target: under 1 MB per 1,000 loops (issue 5).
//
//   npm run build && node bench/kiosk-soak.mjs                # 5,000 loops
//   node bench/kiosk-soak.mjs --loops 2000 --every 500        # shorter
//   node bench/kiosk-soak.mjs --check                         # exit 1 when growth is over the target
//
// One loop is what a shopper does: the attract screen (tap Start if the survey opens with one),
// one tap on a smiley (a one-question survey is sent with that tap), the thank-you screen, and the
// automatic reset to the attract screen after `reset-delay`. The page and a stub collector (202 for
// every submission) are served from 127.0.0.1 by this script; the bundle comes from dist/.
// Needs CHROMIUM_PATH or /usr/lib/chromium/chromium. Without --check it prints numbers only.
/* global window */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { launchChromium, machine } from './support/chromium.mjs';
import { BenchError, ROOT, commandLine, runBench } from './support/cli.mjs';
import { readBody, serveLoopback, submissionsIn } from './support/http.mjs';
import { pageProblems } from './support/page.mjs';

const DIST = join(ROOT, 'dist');
const TARGET_BYTES_PER_1000 = 1024 * 1024;

const { args, wholeNumber, requireBuild } = commandLine(
  'kiosk-soak',
  {
    loops: { type: 'string', default: '5000' },
    every: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '1000' },
    'reset-delay': { type: 'string', default: '50' },
    'min-interval': { type: 'string', default: '0' },
    'loop-timeout': { type: 'string', default: '15000' },
    check: { type: 'boolean', default: false },
  },
  '--loops N, --every N, --warmup N, --reset-delay MS, --min-interval MS, --loop-timeout MS, --check',
);
const loops = wholeNumber('loops', 1, 1_000_000);
const every = wholeNumber('every', 1, loops);
const warmup = wholeNumber('warmup', 0, loops);
const resetDelay = wholeNumber('reset-delay', 0, 60_000);
const minInterval = wholeNumber('min-interval', 0, 60_000);
const loopTimeout = wholeNumber('loop-timeout', 100, 600_000);

/** The survey of the soak: one smiley, so a tap is a whole customer. */
const survey = {
  id: 'store-exit',
  title: 'Store exit',
  questions: [{ id: 'mood', type: 'smiley', prompt: 'How was your visit today?', required: true }],
  thankYou: 'Thank you!',
};

const WIDGET = {
  mode: 'kiosk',
  endpoint: '/v1',
  key: 'pk_soak',
  survey: survey.id,
  store: '042',
  device: 'soak-1',
  'reset-delay': String(resetDelay),
  'min-interval': String(minInterval),
  'idle-timeout': '600000',
};

/** Counts the widget's outcomes in the page (the events bubble out of the shadow root). */
const SOAK_JS = `window.__soak = { outcomes: 0 };
for (const type of ['storevoice-sent', 'storevoice-queued', 'storevoice-error']) document.addEventListener(type, () => window.__soak.outcomes++);`;

const collector = { submissions: 0, requests: 0 };
requireBuild('dist/storevoice.iife.js');
let server;
let browser;
await runBench('kiosk-soak', async () => {
  server = await serve();
  browser = await launchChromium(['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--js-flags=--expose-gc']);
  console.log(
    `kiosk soak: Chromium ${browser.version()} headless, Node ${process.version}, ${machine()}; ` +
      `${loops} loops, reset-delay ${resetDelay} ms, min-interval ${minInterval} ms, heap after forced GC every ${every} loops\n`,
  );
  await soak();
}, stop);

async function stop() {
  await browser?.close().catch(() => {});
  await server?.close();
}

async function soak() {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false });
  const page = await context.newPage();
  const problems = pageProblems(page);
  const cdp = await context.newCDPSession(page);
  await page.goto(`${server.origin}/`);

  const widget = page.locator('storevoice-widget');
  const radios = widget.locator('[role="radio"]');
  const start = widget.locator('button.start');
  const status = widget.locator('[part~="status"]');

  const rows = [];
  const started = Date.now();
  rows.push({ loop: 0, ...(await measure(cdp, page)), seconds: 0 });
  printRow(rows[0], undefined);
  for (let loop = 1; loop <= loops; loop++) {
    await customer(loop);
    if (problems.length > 0) throw new BenchError(`the page reported an error in loop ${loop}: ${problems[0]}`);
    if (loop % every === 0 || loop === loops) {
      const row = { loop, ...(await measure(cdp, page)), seconds: (Date.now() - started) / 1000 };
      printRow(row, rows.at(-1));
      rows.push(row);
    }
  }
  await page.waitForTimeout(500); // let the last submission reach the stub collector
  report(rows);
  await context.close();

  /**
   * One shopper: wait for the attract screen, (Start,) tap a face, wait until the widget has an
   * outcome (its sent/queued/error event, counted by /soak.js: a 50 ms thank-you screen is too brief
   * to catch reliably by polling), then wait for the reset to the attract screen.
   */
  async function customer(loop) {
    const timeout = loopTimeout;
    try {
      await radios.or(start).first().waitFor({ state: 'visible', timeout });
      if (await start.isVisible()) await tap(start);
      await radios.first().waitFor({ state: 'visible', timeout });
      // Faces 3–5 in turn: no "speak to a manager" offer (off here anyway), every score exercised.
      await tap(radios.nth(2 + (loop % 3)));
      await page.waitForFunction((n) => window.__soak.outcomes >= n, loop, { timeout });
      await status.waitFor({ state: 'detached', timeout });
    } catch (error) {
      const outcomes = await page.evaluate(() => window.__soak.outcomes).catch(() => '?');
      const where = outcomes >= loop ? 'the thank-you screen never went away (no reset to the attract screen: is kiosk mode built into dist/?)' : 'the tap gave no outcome (sent, queued or error event)';
      throw new BenchError(`loop ${loop}: ${where} (${error.message.split('\n')[0]})`);
    }
  }

  /** A real touch on the centre of the element, as a finger would make it. */
  async function tap(locator) {
    const box = await locator.boundingBox();
    if (!box) throw new BenchError('an element to tap has no box on screen');
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  }
}

/** JS heap in use after full collections, and the DOM counters that betray leaked nodes or listeners. */
async function measure(cdp, page) {
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => window.gc?.());
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { heap: usedSize, nodes, listeners: jsEventListeners, submissions: collector.submissions };
}

function printRow(row, previous) {
  const delta = previous ? `${signed(row.heap - previous.heap)} since loop ${previous.loop}` : 'start';
  console.log(
    `loop ${String(row.loop).padStart(7)}  heap ${mb(row.heap).padStart(8)}  (${delta})  DOM nodes ${row.nodes}  listeners ${row.listeners}  ` +
      `submissions ${row.submissions}  ${row.seconds.toFixed(0)} s`,
  );
}

/** Growth per 1,000 loops after warm-up: the least-squares slope of heap over loops, so one noisy sample does not decide. */
function report(rows) {
  const after = rows.filter((row) => row.loop >= warmup);
  console.log('');
  if (after.length < 2) {
    console.log(`growth per 1,000 loops after warm-up: not enough samples (run more than --warmup ${warmup} + --every ${every} loops)`);
  } else {
    const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
    const x = after.map((row) => row.loop);
    const y = after.map((row) => row.heap);
    const mx = mean(x);
    const my = mean(y);
    const slope = x.reduce((sum, xi, i) => sum + (xi - mx) * (y[i] - my), 0) / x.reduce((sum, xi) => sum + (xi - mx) ** 2, 0);
    const per1000 = slope * 1000;
    const ok = per1000 < TARGET_BYTES_PER_1000;
    console.log(
      `growth per 1,000 loops after warm-up (loops ${warmup}–${after.at(-1).loop}): ${signed(per1000)} ` +
        `(target < ${mb(TARGET_BYTES_PER_1000)}): ${ok ? 'OK' : 'OVER target'}`,
    );
    console.log(`DOM nodes ${after[0].nodes} → ${after.at(-1).nodes}, listeners ${after[0].listeners} → ${after.at(-1).listeners}`);
    if (args.check && !ok) process.exitCode = 1;
  }
  const last = rows.at(-1);
  console.log(`submissions received by the stub collector: ${collector.submissions} for ${last.loop} loops (${collector.requests} requests)`);
}

function serve() {
  const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Kiosk soak</title>
    <script src="/storevoice.iife.js" defer></script>
    <script src="/soak.js" defer></script>
  </head>
  <body style="margin:0">
    <storevoice-widget ${Object.entries(WIDGET)
      .map(([name, value]) => `${name}="${value}"`)
      .join(' ')}></storevoice-widget>
  </body>
</html>`;
  const types = { '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json' };
  return serveLoopback(
    (req, pathname, send) => {
      if (req.method === 'GET' && pathname === '/') return send(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, page);
      if (req.method === 'GET' && pathname === '/soak.js') return send(200, { 'content-type': 'text/javascript' }, SOAK_JS);
      if (req.method === 'GET' && pathname === `/v1/surveys/${survey.id}`) return send(200, { 'content-type': 'application/json' }, JSON.stringify(survey));
      if (req.method === 'POST' && pathname === '/v1/submissions') return void receive(req, send);
      if (req.method === 'GET' && pathname === '/favicon.ico') return send(204, {});
      // Static files of the build (the bundle, its kiosk chunk and languages), never outside dist/.
      const file = normalize(join(DIST, decodeURIComponent(pathname)));
      if (req.method === 'GET' && file.startsWith(DIST + sep) && existsSync(file)) {
        return send(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }, readFileSync(file));
      }
      return send(404, { 'content-type': 'text/plain' }, 'Not found');
    },
    { keepAliveTimeout: 5_000 },
  );
}

/** The stub collector: counts the submissions of each body (one, or a batch) and answers 202. */
async function receive(req, send) {
  const { body, tooLarge } = await readBody(req);
  collector.requests++;
  if (tooLarge) return send(413, { 'content-type': 'application/json' }, '{"error":"over 64 KB"}');
  let accepted;
  try {
    accepted = submissionsIn(body).length;
  } catch {
    return send(400, { 'content-type': 'application/json' }, '{"error":"not JSON"}');
  }
  collector.submissions += accepted;
  send(202, { 'content-type': 'application/json' }, JSON.stringify({ accepted, duplicates: 0 }));
}

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function signed(bytes) {
  const size = Math.abs(bytes);
  return `${bytes >= 0 ? '+' : '−'}${size >= 1024 * 1024 ? mb(size) : `${(size / 1024).toFixed(1)} KB`}`;
}
