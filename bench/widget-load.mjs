// Prints how long the script-tag widget takes from script load to interactive, in headless Chromium.
// A retailer-like page is served from 127.0.0.1 by a server this script starts and stops itself;
// every run opens it in a fresh browser context (cold HTTP cache, empty localStorage).
// `node bench/widget-load.mjs --runs 30` sets the runs per variant (default 15).
// `node bench/widget-load.mjs --throttle` adds a row with the CPU slowed 4× (mid-range phone, kiosk tablet).
// Needs `npm run build` first. It prints numbers only: no budgets, always exits 0 once it has measured.
/* global window, document, MutationObserver, requestAnimationFrame -- probe() and collect() run in the page */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpuBusy, launchChromium, machine } from './support/chromium.mjs';
import { BenchError, ROOT, commandLine, runBench } from './support/cli.mjs';
import { readBody, serveLoopback } from './support/http.mjs';
import { pageProblems } from './support/page.mjs';
import { kb, median, ms, percentile } from './support/stats.mjs';

const BUNDLE = `${ROOT}dist/storevoice.iife.js`;
/** One run (navigation, widget, survey fetch, heap) never takes longer than this; a hang fails loudly. */
const RUN_TIMEOUT = 30_000;
const THROTTLE_RATE = 4;

const { args, wholeNumber, requireBuild } = commandLine(
  'widget-load',
  { runs: { type: 'string', default: '15' }, throttle: { type: 'boolean', default: false } },
  '--runs N, --throttle',
);
const runs = wholeNumber('runs', 1, 1000);
requireBuild('dist/storevoice.iife.js');
warnIfStale();

/** The survey every variant shows: the same three questions as the widget tests' `moodSurvey`. */
const survey = {
  id: 'post-visit',
  title: 'Quick feedback',
  questions: [
    { id: 'mood', type: 'smiley', prompt: 'How was your visit today?', required: true },
    { id: 'why', type: 'text', prompt: 'What could we do better?', showIf: { mood: { lte: 2 } } },
    { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us to a friend?', lowLabel: 'Not likely', highLabel: 'Very likely' },
  ],
  thankYou: 'Thank you!',
};

const SCRIPT = { src: '/storevoice.iife.js', defer: '', 'data-endpoint': '/v1', 'data-survey': 'post-visit', 'data-store': '042', 'data-key': 'pk_bench' };
/** `ready` is what "interactive" means for the variant: this element, focusable, in the widget's shadow root. */
const variants = [
  { name: 'inline', path: '/', script: { ...SCRIPT, 'data-mode': 'inline' }, ready: '[role="radio"]', fetchesSurvey: true },
  { name: 'launcher', path: '/launcher', script: { ...SCRIPT, 'data-mode': 'launcher' }, ready: '[part~="launcher"]', fetchesSurvey: true },
  {
    name: 'inline, survey as JSON',
    path: '/inline-json',
    script: { ...SCRIPT, 'data-survey': JSON.stringify(survey), 'data-mode': 'inline' },
    ready: '[role="radio"]',
    fetchesSurvey: false,
  },
];
/** The same page without the script tag: the heap the widget adds is a variant's heap minus this one. */
const baseline = { name: 'page without the widget', path: '/no-widget', script: undefined };
const conditions = [
  { name: 'desktop (no throttle)', rate: 1 },
  ...(args.throttle ? [{ name: `phone/kiosk (${THROTTLE_RATE}× CPU)`, rate: THROTTLE_RATE }] : []),
];

const busy = await cpuBusy(); // before Chromium starts, so only other work counts
const server = await serve();
let browser;
await runBench('widget-load', async () => {
  browser = await launchChromium();
  const bundle = readFileSync(BUNDLE);
  console.log(
    `widget load: Chromium ${browser.version()} headless, Node ${process.version}, ${machine()} ` +
      `(${busy}% busy before Chromium started); dist/storevoice.iife.js ${kb(bundle.length)} (${kb(gzipSync(bundle, { level: 9 }).length)} gzip); ` +
      `${runs} runs per variant, each in a fresh context\n`,
  );
  // Chromium alone keeps several processes busy; other work on the machine shows up as noise in every column.
  if (busy > 25) console.warn(`warning: something else is using the CPU (${busy}% busy before Chromium started); expect noisy numbers\n`);

  const results = new Map();
  for (const condition of conditions) {
    const pages = [...variants, baseline];
    for (const variant of pages) results.set(`${variant.name}|${condition.name}`, []);
    // A first, discarded round: the browser process and the OS file cache warm up on it, not on run 1.
    for (const variant of pages) await measure(variant, condition.rate);
    // Variants take turns, so a slow minute on the machine hits them all alike.
    for (let run = 0; run < runs; run++) {
      for (const variant of pages) results.get(`${variant.name}|${condition.name}`).push(await measure(variant, condition.rate));
    }
  }
  report(results);
}, stop);

async function stop() {
  await browser?.close().catch(() => {});
  await server.close();
}

/** One cold load of a page; times are ms, from navigation start unless named `…AfterScript`. */
async function measure(variant, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    // The baseline page gets the probe too, so both heaps include it.
    await context.addInitScript(probe, variant.ready ?? 'storevoice-widget');
    const page = await context.newPage();
    const problems = pageProblems(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(server.origin + variant.path, { waitUntil: 'load', timeout: RUN_TIMEOUT });
    let marks;
    if (variant.ready) {
      marks = await page
        .evaluate((timeout) => Promise.race([window.__storevoiceBench.done, new Promise((resolve) => setTimeout(resolve, timeout, 'timeout'))]), RUN_TIMEOUT)
        .then((outcome) => (outcome === 'timeout' ? undefined : page.evaluate(collect, { fetchesSurvey: variant.fetchesSurvey, timeout: RUN_TIMEOUT })));
      if (!marks) throw new BenchError(`${variant.name}: the widget was not interactive within ${RUN_TIMEOUT} ms${problems.length ? `; page errors: ${problems.join(' | ')}` : ''}`);
    }
    // Measured after a full GC, so the number is what the page keeps, not garbage awaiting collection.
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    return { ...marks, heap };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page before any of its scripts (harness only, never in the product). Records when
 * `StoreVoice` is assigned, long tasks, and when `selector` first exists in the widget's shadow
 * root and is focusable. MutationObservers fire in the microtask after the DOM change, so the
 * time is exact where polling would be off by up to its interval.
 */
function probe(selector) {
  const marks = { storeVoice: undefined, found: undefined, interactive: undefined, frame: undefined, painted: undefined, longTasks: [] };
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  window.__storevoiceBench = { marks, done };

  let storeVoice;
  Object.defineProperty(window, 'StoreVoice', {
    configurable: true,
    get: () => storeVoice,
    set(value) {
      marks.storeVoice ??= performance.now();
      storeVoice = value;
    },
  });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  let root;
  const inShadow = new MutationObserver(check);
  const inDocument = new MutationObserver(() => {
    // Lit attaches the shadow root in connectedCallback, before its first render (a microtask later).
    root = document.querySelector('storevoice-widget')?.shadowRoot ?? undefined;
    if (!root) return;
    inDocument.disconnect();
    inShadow.observe(root, { childList: true, subtree: true, attributes: true });
    check();
  });
  inDocument.observe(document, { childList: true, subtree: true });

  function check() {
    if (marks.interactive !== undefined) return;
    const element = root.querySelector(selector);
    if (!element) return;
    marks.found ??= performance.now();
    // Focusable: enabled, in the tab order, rendered. checkVisibility() computes style, as focus() would.
    if (element.disabled || element.tabIndex < 0 || !element.checkVisibility({ visibilityProperty: true })) {
      requestAnimationFrame(check); // e.g. still hidden by a stylesheet: look again next frame
      return;
    }
    marks.interactive = performance.now();
    inShadow.disconnect();
    // rAF callbacks run just before the frame is drawn; a task posted from one runs after it.
    requestAnimationFrame(() => {
      marks.frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks.painted = performance.now();
        finish();
      };
      channel.port2.postMessage(null);
    });
  }
}

/** Runs in the page once the widget is interactive: waits for the survey fetch and pending long tasks, then reads. */
async function collect({ fetchesSurvey, timeout }) {
  const resource = (part) => performance.getEntriesByType('resource').find((entry) => entry.name.includes(part));
  // The launcher is interactive before its survey arrives; wait for it so every heap includes a parsed survey.
  const deadline = performance.now() + timeout;
  while (fetchesSurvey && !resource('/v1/surveys/') && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  // Long-task entries are queued after their task ends; two frames later they have all been delivered.
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const { marks } = window.__storevoiceBench;
  const script = resource('/storevoice.iife.js');
  const surveyEntry = resource('/v1/surveys/');
  const afterScript = (t) => (t === undefined ? undefined : t - script.responseEnd);
  return {
    scriptResponseEnd: script.responseEnd,
    storeVoice: marks.storeVoice,
    interactiveAfterScript: afterScript(marks.interactive),
    surveyAfterScript: afterScript(surveyEntry?.responseEnd),
    paintedAfterScript: afterScript(marks.painted),
    longTasks: marks.longTasks.filter((task) => task.start < marks.painted).reduce((sum, task) => sum + task.duration, 0),
  };
}

function report(results) {
  const samples = (page, condition) => results.get(`${page.name}|${condition.name}`);
  const baseHeap = new Map(conditions.map((c) => [c.name, median(samples(baseline, c).map((s) => s.heap))]));
  console.log('All times in ms, medians except p90/min/max. "script → interactive": from the responseEnd of');
  console.log('storevoice.iife.js until the widget\'s first radio (inline) or launcher button exists and is focusable.');
  console.log('"script loaded" and "StoreVoice set" count from navigation start; "survey fetched" and "painted"');
  console.log('from the script\'s responseEnd. "long tasks": total time in tasks over 50 ms until painted. "heap added":');
  console.log(`JS heap after a full GC minus the same page without the widget (${[...baseHeap.values()].map((b) => mb(b)).join(' / ')} MB).`);
  if (args.throttle) console.log(`"${conditions[1].name}": Chromium's main thread slowed ${THROTTLE_RATE}× over CDP, like a mid-range phone or kiosk tablet.`);
  const summary = new Map(conditions.map((c) => [c.name, []]));
  for (const variant of variants) {
    const table = {};
    for (const condition of conditions) {
      const runsOf = samples(variant, condition);
      const interactive = runsOf.map((s) => s.interactiveAfterScript).sort((a, b) => a - b);
      const mid = (key) => median(runsOf.map((s) => s[key]));
      table[condition.name] = {
        'script → interactive': ms(median(interactive)),
        p90: ms(percentile(interactive, 0.9)),
        min: ms(interactive[0]),
        max: ms(interactive.at(-1)),
        'script loaded': ms(mid('scriptResponseEnd')),
        'StoreVoice set': ms(mid('storeVoice')),
        ...(variant.fetchesSurvey && { 'survey fetched': ms(mid('surveyAfterScript')) }),
        painted: ms(mid('paintedAfterScript')),
        'long tasks': ms(mid('longTasks')),
        'heap added (MB)': mb(mid('heap') - baseHeap.get(condition.name)),
      };
      summary.get(condition.name).push(`${variant.name} ${ms(median(interactive))} (${ms(percentile(interactive, 0.9))})`);
    }
    console.log(`\n${variant.name}: interactive = ${variant.ready} focusable; ${runs} runs`);
    console.table(table);
  }
  const line = [...summary].map(([condition, parts]) => `${condition}: ${parts.join(', ')}`).join('; ');
  console.log(`\nsummary: script load → interactive, median (p90) ms of ${runs} cold loads. ${line}.`);
}

/** The retailer pages, the bundle, the survey, and a collector that accepts every submission. */
function serve() {
  const bundle = gzipSync(readFileSync(BUNDLE), { level: 9 });
  const pages = new Map([...variants, baseline].map((v) => [v.path, retailerPage(v.script)]));
  const route = (req, pathname, send) => {
    if (req.method === 'GET' && pages.has(pathname)) {
      send(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, pages.get(pathname));
    } else if (req.method === 'GET' && pathname === '/storevoice.iife.js') {
      // Served compressed, as any CDN would; Chromium only offers brotli over HTTPS, so gzip.
      send(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip', 'cache-control': 'public, max-age=3600' }, bundle);
    } else if (req.method === 'GET' && pathname === '/v1/surveys/post-visit') {
      send(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }, JSON.stringify(survey));
    } else if (req.method === 'POST' && pathname === '/v1/submissions') {
      void readBody(req).then(({ tooLarge }) =>
        tooLarge ? send(413, { 'content-type': 'text/plain', connection: 'close' }, 'Too large') : send(202, { 'content-type': 'application/json' }, '{"accepted":1,"duplicates":0}'),
      );
    } else if (req.method === 'GET' && pathname === '/favicon.ico') {
      send(204, {});
    } else {
      send(404, { 'content-type': 'text/plain' }, 'Not found');
    }
  };
  return serveLoopback(route, { maxConnections: 32, keepAliveTimeout: 1_000 });
}

/** An order-confirmation page, the typical place a retailer asks for feedback. */
function retailerPage(script) {
  const tag = script
    ? `<script ${Object.entries(script).map(([name, value]) => (value === '' ? name : `${name}="${escapeHtml(value)}"`)).join(' ')}></script>`
    : '';
  const item = (name, price) => `<li><span>${name}</span><span>${price}</span></li>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Order confirmed · Northwind Outdoor</title>
    <style>
      body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1d1d1f; }
      header, footer { padding: 16px 32px; background: #123c2e; color: #fff; }
      nav a { color: inherit; margin-inline-end: 16px; }
      main { max-width: 720px; margin: 32px auto; padding: 0 16px; }
      ul { list-style: none; padding: 0; } li { display: flex; justify-content: space-between; border-bottom: 1px solid #ddd; padding: 8px 0; }
    </style>
    ${tag}
  </head>
  <body>
    <header><strong>Northwind Outdoor</strong> <nav><a href="#">Shop</a><a href="#">Stores</a><a href="#">Account</a></nav></header>
    <main>
      <h1>Thank you, your order is confirmed</h1>
      <p>Order 042-118734 will be ready for pickup at Northwind Outdoor, store 042, tomorrow after 10:00.</p>
      <ul>${item('Trail running shoes, size 42', '€129.00')}${item('Merino socks, 2 pairs', '€24.00')}${item('Water bottle, 750 ml', '€18.00')}</ul>
      <p><strong>Total €171.00</strong> (paid by card ending 4242)</p>
    </main>
    <footer>© Northwind Outdoor · <a href="#" style="color: inherit">Privacy</a></footer>
  </body>
</html>`;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function mb(bytes) {
  return Number((bytes / 1024 / 1024).toFixed(2));
}

/** A build older than the sources measures yesterday's widget; say so, but measure anyway. */
function warnIfStale() {
  const built = statSync(BUNDLE).mtimeMs;
  const newer = ['src', 'sdk'].flatMap((dir) =>
    readdirSync(`${ROOT}${dir}`, { recursive: true })
      .map((file) => `${dir}/${file}`)
      .filter((file) => {
        const stat = statSync(`${ROOT}${file}`);
        return stat.isFile() && stat.mtimeMs > built;
      }),
  );
  if (newer.length > 0) console.warn(`warning: ${newer[0]} (and ${newer.length - 1} more) changed after dist/storevoice.iife.js was built; run \`npm run build\` for current numbers\n`);
}
