// Prints how long the script-tag widget takes from script load to interactive, and the longest
// tasks it puts on the main thread, in headless Chromium, beside peer feedback widgets (Sentry's
// feedback with its core, Formbricks) loaded the same way in the same run.
// Retailer-like pages are served from 127.0.0.1 by a server this script starts and stops itself;
// every run opens one in a fresh browser context (cold HTTP cache, empty localStorage).
// `node bench/widget-load.mjs --runs 30` sets the runs per page (default 15).
// `node bench/widget-load.mjs --throttle` adds rows with the CPU slowed 4× (mid-range phone, kiosk tablet).
// `node bench/widget-load.mjs --baseline /path/to/other/dist` loads a second build too (e.g. main's,
//   built into another folder), page for page, so the two are compared on the same machine in the same run.
// `--no-peers` leaves the peers out (they are installed from npm into bench/.cache/peers/ on first use).
// Needs `npm run build` first. It prints numbers only: no budgets, always exits 0 once it has measured.
/* global window, document, MutationObserver, requestAnimationFrame -- probe() and collect() run in the page */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpuBusy, launchChromium, machine } from './support/chromium.mjs';
import { BenchError, ROOT, commandLine, runBench } from './support/cli.mjs';
import { readBody, serveLoopback } from './support/http.mjs';
import { pageProblems } from './support/page.mjs';
import { tasksFromScript, traceMainThread } from './support/main-thread.mjs';
import { PEERS_MODULES, bundle, installPeers, peerVersion } from './support/peers.mjs';
import { kb, median, ms, percentile } from './support/stats.mjs';

/** One run (navigation, widget, survey fetch, heap) never takes longer than this; a hang fails loudly. */
const RUN_TIMEOUT = 30_000;
const THROTTLE_RATE = 4;
/** The long-task API reports tasks of 50 ms and more: the "long task" of RAIL and of the target. */
const LONG_TASK = 50;

const { args, wholeNumber, fail, requireBuild } = commandLine(
  'widget-load',
  {
    runs: { type: 'string', default: '15' },
    throttle: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    'no-peers': { type: 'boolean', default: false },
    settle: { type: 'string', default: '1000' },
  },
  '--runs N, --throttle, --baseline DIST_DIR, --no-peers, --settle MS',
);
const runs = wholeNumber('runs', 1, 1000);
/** How long a page is watched after it is interactive: on-demand code (delivery.js) loads then. */
const settleMs = wholeNumber('settle', 0, 10_000);
requireBuild('dist/storevoice.iife.js', 'dist/delivery.js');
warnIfStale();

/** The builds to load: this one, and optionally another (`--baseline`), each served from its own folder. */
const builds = [{ name: 'this build', dir: `${ROOT}dist/` }];
if (args.baseline) {
  const dir = `${resolve(args.baseline)}/`;
  if (!existsSync(`${dir}storevoice.iife.js`)) fail(`--baseline ${args.baseline}: no storevoice.iife.js there (give a build's dist/ folder)`);
  builds.push({ name: 'baseline', dir });
}
builds.forEach((build, i) => (build.prefix = `/b${i}`));

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

/**
 * A page variant: its script tags, the element that means "interactive" (`host`, then `inner` in
 * its shadow root or, without one, inside it; focusable), and the script whose `responseEnd` the
 * times count from.
 */
const ourVariants = [
  { name: 'inline', mode: 'inline', inner: '[role="radio"]', fetchesSurvey: true },
  { name: 'launcher', mode: 'launcher', inner: '[part~="launcher"]', fetchesSurvey: true },
  { name: 'inline, survey as JSON', mode: 'inline', inner: '[role="radio"]', fetchesSurvey: false, inlineSurvey: true },
];
const ours = builds.flatMap((build) =>
  ourVariants.map((v) => ({
    name: `${builds.length > 1 ? `${build.name}: ` : ''}${v.name}`,
    build,
    variant: v.name,
    path: `${build.prefix}/${v.name.replace(/\W+/g, '-')}`,
    scripts: [
      {
        src: `${build.prefix}/storevoice.iife.js`,
        defer: '',
        'data-endpoint': '/v1',
        'data-survey': v.inlineSurvey ? JSON.stringify(survey) : 'post-visit',
        'data-store': '042',
        'data-key': 'pk_bench',
        'data-mode': v.mode,
      },
    ],
    host: 'storevoice-widget',
    inner: v.inner,
    script: `${build.prefix}/storevoice.iife.js`,
    fetchesSurvey: v.fetchesSurvey,
  })),
);
/** The same page without any widget: the heap a widget adds is a page's heap minus this one's. */
const alone = { name: 'page alone (no widget)', path: '/alone', scripts: [] };

/**
 * Peers, as a retailer would add them. Sentry: `init()` with `feedbackIntegration()` (its button,
 * like our launcher), bundled with esbuild as an app would. Formbricks: its survey renderer as
 * shipped (`@formbricks/surveys`), rendering a one-question smiley survey inline, fetched as JSON
 * first (as its loader fetches a survey from its app).
 */
async function peerPages() {
  if (args['no-peers']) return { pages: [], files: new Map(), note: 'peers left out (--no-peers)' };
  const installed = await installPeers();
  if (!installed.ok) return { pages: [], files: new Map(), note: `peers left out: ${installed.reason}` };
  const esbuild = await import('esbuild');
  // The DSN points at this server, which accepts Sentry's envelopes, so nothing leaves the machine.
  const sentry = await bundle(
    esbuild,
    "import { init, feedbackIntegration } from '@sentry/browser';\ninit({ dsn: `http://public@${location.host}/1`, integrations: [feedbackIntegration({ autoInject: true })] });",
    { format: 'iife' },
  );
  const formbricksSurvey = {
    id: 'post-visit',
    name: 'Quick feedback',
    type: 'link',
    status: 'inProgress',
    questions: [{ id: 'mood', type: 'rating', headline: 'How was your visit today?', scale: 'smiley', range: 5, required: true, lowerLabel: 'Bad', upperLabel: 'Great', buttonLabel: 'Next', backButtonLabel: 'Back' }],
    welcomeCard: { enabled: false, headline: '', timeToFinish: false, showResponseCount: false },
    thankYouCard: { enabled: true, headline: 'Thank you!' },
    hiddenFields: { enabled: false, fieldIds: [] },
    languages: [],
    styling: null,
  };
  // A file, not an inline script: the same page works under a strict CSP.
  const formbricksInit = `fetch('/formbricks/survey.json').then((r) => r.json()).then((survey) => window.formbricksSurveys.renderSurveyInline({
  survey, containerId: 'formbricks', brandColor: '#0b5cad', isBrandingEnabled: false, languageCode: 'default',
  onDisplay() {}, onResponse() {}, onClose() {}, onFinished() {}, onRetry() {}, getSetIsError() {}, getSetIsResponseSendingFinished() {}, onFileUpload: async () => '',
}));`;
  const js = (body) => ({ type: 'text/javascript', body: gzipSync(body, { level: 9 }) });
  const files = new Map([
    ['/sentry/sentry.js', js(sentry)],
    ['/formbricks/surveys.js', js(readFileSync(`${PEERS_MODULES}@formbricks/surveys/dist/index.umd.js`))],
    ['/formbricks/init.js', js(formbricksInit)],
    ['/formbricks/survey.json', { type: 'application/json', body: JSON.stringify(formbricksSurvey), plain: true }],
  ]);
  const pages = [
    {
      name: `Sentry feedback ${peerVersion('@sentry/browser')} (button)`,
      path: '/sentry',
      scripts: [{ src: '/sentry/sentry.js', defer: '' }],
      host: '#sentry-feedback',
      inner: 'button',
      script: '/sentry/sentry.js',
      peer: true,
    },
    {
      name: `Formbricks surveys ${peerVersion('@formbricks/surveys')} (inline)`,
      path: '/formbricks',
      scripts: [
        { src: '/formbricks/surveys.js', defer: '' },
        { src: '/formbricks/init.js', defer: '' },
      ],
      container: 'formbricks',
      host: '#formbricks',
      inner: 'label[tabindex]',
      script: '/formbricks/surveys.js',
      fetchesSurvey: true,
      peer: true,
    },
  ];
  return { pages, files, note: '' };
}

const conditions = [
  { name: 'desktop (no throttle)', rate: 1 },
  ...(args.throttle ? [{ name: `phone/kiosk (${THROTTLE_RATE}× CPU)`, rate: THROTTLE_RATE }] : []),
];

const busy = await cpuBusy(); // before Chromium starts, so only other work counts
const peers = await peerPages();
const pages = [...ours, ...peers.pages, alone];
const server = await serve(pages, peers.files);
let browser;
await runBench('widget-load', async () => {
  browser = await launchChromium();
  const sizes = builds.map((build) => {
    const gzip = (file) => gzipSync(readFileSync(`${build.dir}${file}`), { level: 9 }).length;
    const delivery = existsSync(`${build.dir}delivery.js`) ? `, delivery.js ${kb(gzip('delivery.js'))} on demand` : '';
    return `${build.name}: storevoice.iife.js ${kb(gzip('storevoice.iife.js'))} gzip${delivery}`;
  });
  console.log(
    `widget load: Chromium ${browser.version()} headless, Node ${process.version}, ${machine()} ` +
      `(${busy}% busy before Chromium started); ${sizes.join('; ')}; ${runs} runs per page, each in a fresh context` +
      `${peers.note ? `; ${peers.note}` : ''}\n`,
  );
  // Chromium alone keeps several processes busy; other work on the machine shows up as noise in every column.
  if (busy > 25) console.warn(`warning: something else is using the CPU (${busy}% busy before Chromium started); expect noisy numbers\n`);

  const results = new Map();
  for (const condition of conditions) {
    for (const page of pages) results.set(`${page.name}|${condition.name}`, []);
    // A first, discarded round: the browser process and the OS file cache warm up on it, not on run 1.
    for (const page of pages) await measure(page, condition.rate);
    // Pages take turns, so a slow minute on the machine hits them all alike.
    for (let run = 0; run < runs; run++) {
      for (const page of pages) results.get(`${page.name}|${condition.name}`).push(await measure(page, condition.rate));
    }
  }
  report(results);
}, stop);

async function stop() {
  await browser?.close().catch(() => {});
  await server.close();
}

/** One cold load of a page; times are ms, from navigation start unless named `…AfterScript`. */
async function measure(page, rate) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    // The page alone gets the probe too, so every heap includes it.
    await context.addInitScript(probe, { host: page.host ?? 'storevoice-widget', inner: page.inner ?? '*' });
    const tab = await context.newPage();
    const problems = pageProblems(tab);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const trace = await traceMainThread(cdp);
    await tab.goto(server.origin + page.path, { waitUntil: 'load', timeout: RUN_TIMEOUT });
    let marks;
    if (page.script) {
      marks = await tab
        .evaluate((timeout) => Promise.race([window.__storevoiceBench.done, new Promise((resolve) => setTimeout(resolve, timeout, 'timeout'))]), RUN_TIMEOUT)
        .then((outcome) =>
          outcome === 'timeout' ? undefined : tab.evaluate(collect, { script: page.script, fetchesSurvey: page.fetchesSurvey, settle: settleMs * rate, timeout: RUN_TIMEOUT }),
        );
      if (!marks) throw new BenchError(`${page.name}: not interactive within ${RUN_TIMEOUT} ms${problems.length ? `; page errors: ${problems.join(' | ')}` : ''}`);
    } else {
      marks = await tab.evaluate(collect, { settle: settleMs * rate, timeout: RUN_TIMEOUT });
    }
    const tasks = page.script ? tasksFromScript(await trace.stop(), page.script) : (await trace.stop(), undefined);
    // The CPU time of the longest main-thread task from the script's evaluation on (see main-thread.mjs).
    marks.longestTaskCpu = tasks ? Math.max(0, ...tasks.map((t) => t.cpu)) : undefined;
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
 * `StoreVoice` is assigned, long tasks, and when `inner` first exists in `host`'s shadow root (or,
 * for a host without one, inside it) and is focusable. MutationObservers fire in the microtask after
 * the DOM change, so the time is exact where polling would be off by up to its interval.
 */
function probe({ host, inner }) {
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
  const inRoot = new MutationObserver(check);
  const inDocument = new MutationObserver(() => {
    // Lit attaches the shadow root in connectedCallback, before its first render (a microtask later).
    const element = document.querySelector(host);
    root = element?.shadowRoot ?? element ?? undefined;
    if (!root) return;
    inDocument.disconnect();
    inRoot.observe(root, { childList: true, subtree: true, attributes: true });
    check();
  });
  inDocument.observe(document, { childList: true, subtree: true });

  function check() {
    if (marks.interactive !== undefined) return;
    const element = root.querySelector(inner);
    if (!element) return;
    marks.found ??= performance.now();
    // Focusable: enabled, in the tab order, rendered. checkVisibility() computes style, as focus() would.
    if (element.disabled || element.tabIndex < 0 || !element.checkVisibility({ visibilityProperty: true })) {
      requestAnimationFrame(check); // e.g. still hidden by a stylesheet: look again next frame
      return;
    }
    marks.interactive = performance.now();
    inRoot.disconnect();
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

/**
 * Runs in the page once it is interactive (or loaded, for the page alone): waits for the survey
 * fetch, then `settle` ms for what loads on demand (StoreVoice's delivery.js loads when the browser
 * is idle), then reads. Long tasks count from the script's responseEnd: a task that ends before the
 * script arrived is the page's own.
 */
async function collect({ script, fetchesSurvey, settle, timeout }) {
  const resource = (part) => performance.getEntriesByType('resource').find((entry) => entry.name.includes(part));
  // The launcher is interactive before its survey arrives; wait for it so every heap includes a parsed survey.
  const deadline = performance.now() + timeout;
  const surveyPath = /\/v1\/surveys\/|\/survey\.json/;
  const surveyEntry = () => performance.getEntriesByType('resource').find((entry) => surveyPath.test(entry.name));
  while (fetchesSurvey && !surveyEntry() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, settle));
  // Long-task entries are queued after their task ends; two frames later they have all been delivered.
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const { marks } = window.__storevoiceBench;
  const scriptEntry = script && resource(script);
  const from = scriptEntry?.responseEnd ?? 0;
  const afterScript = (t) => (t === undefined || !scriptEntry ? undefined : t - from);
  const tasks = marks.longTasks.filter((task) => task.start + task.duration > from);
  return {
    scriptResponseEnd: scriptEntry?.responseEnd,
    storeVoice: marks.storeVoice,
    interactiveAfterScript: afterScript(marks.interactive),
    surveyAfterScript: afterScript(surveyEntry()?.responseEnd),
    paintedAfterScript: afterScript(marks.painted),
    deliveryAfterScript: afterScript(resource('/delivery.js')?.responseEnd),
    longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
    longTasks: tasks.reduce((sum, task) => sum + task.duration, 0),
    longTaskCount: tasks.length,
  };
}

function report(results) {
  const samples = (page, condition) => results.get(`${page.name}|${condition.name}`);
  const baseHeap = new Map(conditions.map((c) => [c.name, median(samples(alone, c).map((s) => s.heap))]));
  console.log('All times in ms, medians except p90/min/max/worst. "script → interactive": from the responseEnd of the');
  console.log("page's widget script (storevoice.iife.js, Sentry's bundle, Formbricks' renderer) until its first rating");
  console.log('radio (inline), launcher or feedback button exists and is focusable. "survey" and "painted" count from');
  console.log("the same responseEnd; \"script loaded\" from navigation start. \"longest task\": the longest main-thread task (the");
  console.log(`long-task API reports those of ${LONG_TASK} ms and more; "—" is none) from the script's responseEnd until ${settleMs} ms`);
  console.log(`(× the CPU slowdown) after the widget was painted, which covers what loads on demand (StoreVoice's`);
  console.log(`delivery.js, fetched when the browser is idle: "delivery.js" is when it arrived). "heap added": JS heap after`);
  console.log(`a full GC minus the same page without any widget (${[...baseHeap.values()].map((b) => mb(b)).join(' / ')} MB).`);
  console.log('"task CPU" and "worst CPU": the longest main-thread task from the one that evaluates the script to the end,');
  console.log("in the main thread's own CPU time (Chromium trace, thread time): unlike the long-task API's wall-clock");
  console.log('durations, it does not grow when other processes take the CPU, so it is the figure to judge on a busy machine.');
  if (args.throttle) console.log(`"${conditions[1].name}": Chromium's main thread slowed ${THROTTLE_RATE}× over CDP, like a mid-range phone or kiosk tablet.`);
  const summary = [];
  for (const condition of conditions) {
    const table = {};
    for (const page of pages) {
      const runsOf = samples(page, condition);
      const mid = (key) => median(runsOf.map((s) => s[key]));
      const longest = runsOf.map((s) => s.longestTask).sort((a, b) => a - b);
      const task = (value) => (value >= LONG_TASK ? ms(value) : '—');
      if (!page.script) {
        table[page.name] = { 'longest task': task(median(longest)), worst: task(longest.at(-1)), 'long tasks (total)': ms(mid('longTasks')) };
        continue;
      }
      const interactive = runsOf.map((s) => s.interactiveAfterScript).sort((a, b) => a - b);
      table[page.name] = {
        'script → interactive': ms(median(interactive)),
        p90: ms(percentile(interactive, 0.9)),
        min: ms(interactive[0]),
        max: ms(interactive.at(-1)),
        'script loaded': ms(mid('scriptResponseEnd')),
        survey: page.fetchesSurvey ? ms(mid('surveyAfterScript')) : '',
        painted: ms(mid('paintedAfterScript')),
        'delivery.js': page.peer ? '' : ms(mid('deliveryAfterScript')),
        'longest task': task(median(longest)),
        worst: task(longest.at(-1)),
        'long tasks (total)': ms(mid('longTasks')),
        'task CPU': ms(mid('longestTaskCpu')),
        'worst CPU': ms(Math.max(...runsOf.map((s) => s.longestTaskCpu))),
        'heap added (MB)': mb(mid('heap') - baseHeap.get(condition.name)),
      };
    }
    console.log(`\n${condition.name}: ${runs} runs per page`);
    console.table(table);
    summary.push(summarize(condition, samples));
  }
  console.log(`\n${summary.join('\n')}`);
}

/** One line per condition: ours against the baseline build, and the longest task against the target. */
function summarize(condition, samples) {
  const interactive = (page) => median(samples(page, condition).map((s) => s.interactiveAfterScript));
  const parts = ourVariants.map((v) => {
    const [current, base] = builds.map((build) => ours.find((p) => p.build === build && p.variant === v.name));
    const now = interactive(current);
    return base ? `${v.name} ${ms(now)} vs ${ms(interactive(base))} (${((now / interactive(base) - 1) * 100).toFixed(0)}%)` : `${v.name} ${ms(now)}`;
  });
  const longest = ours
    .filter((p) => p.build === builds[0])
    .flatMap((p) => samples(p, condition).map((s) => s.longestTask))
    .sort((a, b) => a - b);
  const over = longest.filter((t) => t >= LONG_TASK).length;
  const cpu = ours
    .filter((p) => p.build === builds[0])
    .flatMap((p) => samples(p, condition).map((s) => s.longestTaskCpu))
    .sort((a, b) => a - b);
  const cpuOver = cpu.filter((t) => t >= LONG_TASK).length;
  return (
    `${condition.name}: script → interactive, median ms, this build${builds.length > 1 ? ' vs baseline' : ''}: ${parts.join('; ')}. ` +
    `Tasks of ${LONG_TASK} ms or more from this build's script tag: ${over} of ${longest.length} loads had one (median longest ${longest[longest.length >> 1] >= LONG_TASK ? ms(longest[longest.length >> 1]) : `< ${LONG_TASK}`}, worst ${longest.at(-1) >= LONG_TASK ? ms(longest.at(-1)) : `< ${LONG_TASK}`} ms). ` +
    `In main-thread CPU time: ${cpuOver} of ${cpu.length} loads had a task of ${LONG_TASK} ms or more (median longest ${ms(cpu[cpu.length >> 1])}, worst ${ms(cpu.at(-1))} ms).`
  );
}

/** The retailer pages, each build's files, the peers', the survey, and a collector that accepts every submission. */
function serve(pageList, peerFiles) {
  const html = new Map(pageList.map((p) => [p.path, retailerPage(p.scripts, p.container)]));
  // Served compressed, as any CDN would; Chromium only offers brotli over HTTPS, so gzip. Read once, up front.
  const files = new Map(peerFiles);
  for (const build of builds) {
    for (const file of readdirSync(build.dir, { recursive: true })) {
      if (typeof file === 'string' && file.endsWith('.js') && !file.startsWith('dashboard')) {
        files.set(`${build.prefix}/${file.replaceAll('\\', '/')}`, { type: 'text/javascript', body: gzipSync(readFileSync(`${build.dir}${file}`), { level: 9 }) });
      }
    }
  }
  const route = (req, pathname, send) => {
    if (req.method === 'GET' && html.has(pathname)) {
      send(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, html.get(pathname));
    } else if (req.method === 'GET' && files.has(pathname)) {
      const file = files.get(pathname);
      send(200, { 'content-type': file.type, ...(!file.plain && { 'content-encoding': 'gzip' }), 'cache-control': 'public, max-age=3600' }, file.body);
    } else if (req.method === 'GET' && pathname === '/v1/surveys/post-visit') {
      send(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }, JSON.stringify(survey));
    } else if (req.method === 'POST' && (pathname === '/v1/submissions' || pathname.startsWith('/api/'))) {
      // Our submissions, and Sentry's envelopes (its DSN points here).
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
function retailerPage(scripts, container) {
  const tags = scripts
    .map((script) => `<script ${Object.entries(script).map(([name, value]) => (value === '' ? name : `${name}="${escapeHtml(value)}"`)).join(' ')}></script>`)
    .join('\n    ');
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
    ${tags}
  </head>
  <body>
    <header><strong>Northwind Outdoor</strong> <nav><a href="#">Shop</a><a href="#">Stores</a><a href="#">Account</a></nav></header>
    <main>
      <h1>Thank you, your order is confirmed</h1>
      <p>Order 042-118734 will be ready for pickup at Northwind Outdoor, store 042, tomorrow after 10:00.</p>
      <ul>${item('Trail running shoes, size 42', '€129.00')}${item('Merino socks, 2 pairs', '€24.00')}${item('Water bottle, 750 ml', '€18.00')}</ul>
      <p><strong>Total €171.00</strong> (paid by card ending 4242)</p>${container ? `\n      <div id="${container}"></div>` : ''}
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
  const built = statSync(`${ROOT}dist/storevoice.iife.js`).mtimeMs;
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
