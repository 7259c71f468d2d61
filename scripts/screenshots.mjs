// Writes screenshots of the widget to docs/screenshots/ (linked from the README): light, dark,
// right-to-left (Arabic) and kiosk mode (attract screen and a question), from dist/ in headless
// Chromium, then of the managers' dashboard on a desktop and on a phone, its inbox, Compare and Reasons views. Not part of the test run:
// regenerate after a visual change and commit the PNGs.
//
//   npm run build && npm run screenshots              # every picture
//   npm run build && npm run screenshots -- dashboard # only those whose file name starts so
//
// The dashboard pictures come from the real demo: `demo/start.ts` on a free port with a fresh PGlite
// directory (seeded as `npm start` seeds it, ~40 s), logged in as the demo users.
//
// The pages are served by this script from 127.0.0.1 with the script-tag bundle and the demo's
// survey definitions (demo/surveys/); submissions go to a stub that answers 202, and none is made
// before a picture is taken. Each picture is clipped to the widget (plus a margin) at 1× scale.
// CHROMIUM_PATH overrides /usr/lib/chromium/chromium. Exits 1 with one line when something is missing.
/* global document, window, HTMLElement -- the page functions run in the page */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${ROOT}dist/`;
const OUT = `${ROOT}docs/screenshots/`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
/** Every wait gives up after this: a picture that does not render is a broken build, not a slow one. */
const TIMEOUT = 15_000;

/** Only the pictures whose file name starts with this (`npm run screenshots -- dashboard`). */
const only = process.argv[2] ?? '';

for (const file of ['storevoice.iife.js', 'kiosk.js', 'dashboard/dashboard.js']) {
  if (!existsSync(DIST + file)) fail(`dist/${file} is missing: run \`npm run build\` first`);
}

const survey = (id) => JSON.parse(readFileSync(`${ROOT}demo/surveys/${id}.json`, 'utf8'));

/** The right-to-left picture needs survey texts in Arabic too (the demo surveys are English only). */
const arabicSurvey = {
  id: 'post-visit',
  version: 1,
  title: { en: 'Quick feedback', ar: 'رأيك يهمنا' },
  display: 'page',
  questions: [
    { id: 'mood', type: 'smiley', prompt: { en: 'How was your visit today?', ar: 'كيف كانت زيارتك اليوم؟' }, required: true },
    { id: 'why', type: 'text', prompt: { en: 'Tell us why', ar: 'أخبرنا بالسبب' }, placeholder: { en: 'Optional', ar: 'اختياري' } },
  ],
  thankYou: { en: 'Thank you!', ar: 'شكرًا لك!' },
};

/**
 * One picture: a page with one widget (attributes as given), `prepare` answers a little so the
 * picture shows a widget in use, then a screenshot of `clip` (a selector) or the whole viewport.
 */
const SHOTS = [
  {
    file: 'widget-light.png',
    viewport: { width: 720, height: 560 },
    background: '#f4f5f7',
    attributes: { mode: 'inline', theme: 'light', locale: 'en', survey: survey('post-purchase') },
    prepare: async (widget) => widget.getByRole('radio', { name: '9', exact: true }).click(),
    clip: '.frame',
  },
  {
    file: 'widget-dark.png',
    viewport: { width: 720, height: 560 },
    background: '#0d0f12',
    attributes: { mode: 'inline', theme: 'dark', locale: 'en', survey: survey('post-purchase') },
    prepare: async (widget) => {
      await widget.getByRole('radio', { name: '9', exact: true }).click();
      await widget.getByRole('button', { name: 'Next' }).click();
      await widget.getByRole('radio', { name: 'Satisfied', exact: true }).click();
    },
    clip: '.frame',
  },
  {
    file: 'widget-rtl.png',
    viewport: { width: 720, height: 640 },
    background: '#f4f5f7',
    attributes: { mode: 'inline', theme: 'light', locale: 'ar', survey: arabicSurvey },
    prepare: async (widget) => {
      await widget.getByRole('radio').nth(3).click();
      await widget.getByRole('textbox').fill('كان الموظفون لطفاء جدًا');
    },
    clip: '.frame',
  },
  {
    file: 'kiosk-attract.png',
    viewport: { width: 1024, height: 768 },
    background: '#ffffff',
    attributes: { mode: 'kiosk', locale: 'en', survey: survey('store-exit'), store: '042', device: 'exit-1', languages: 'en,fr,ar', 'idle-timeout': '600000' },
    prepare: async () => {},
  },
  {
    file: 'kiosk-question.png',
    viewport: { width: 1024, height: 768 },
    background: '#ffffff',
    attributes: { mode: 'kiosk', locale: 'en', survey: survey('store-exit'), store: '042', device: 'exit-1', 'idle-timeout': '600000' },
    // A low score opens the follow-up "What went wrong?" question.
    prepare: async (widget) => widget.getByRole('radio', { name: 'Bad', exact: true }).click(),
  },
];

/**
 * The managers' dashboard, logged in as a demo user (demo/seed/users.ts), at a desktop's and a
 * phone's size. `view` is the address after `#`; `ready` what must be on screen (figures, a
 * chart, a table) before the picture of the viewport is taken.
 */
const DASHBOARD_SHOTS = [
  { file: 'dashboard-desktop.png', viewport: { width: 1280, height: 900 }, email: 'nordics@acme.example', password: 'demo-regional', view: '/overview/region/emea-north', ready: ['sv-kpis .kpi', '.chart canvas', 'ol.movers li'] },
  { file: 'dashboard-phone.png', viewport: { width: 390, height: 844 }, email: 'store042@acme.example', password: 'demo-store', view: '/overview/store/042', ready: ['sv-kpis .kpi', '.chart canvas'] },
  // The inbox: a regional manager's cases and closing-the-loop figures; Oslo's manager (a slow store, so overdue cases) on a phone.
  { file: 'dashboard-inbox-desktop.png', viewport: { width: 1280, height: 900 }, email: 'nordics@acme.example', password: 'demo-regional', view: '/inbox/region/emea-north', ready: ['table.loop-metrics', '.case-list'] },
  { file: 'dashboard-inbox-phone.png', viewport: { width: 390, height: 844 }, email: 'store017@acme.example', password: 'demo-store', view: '/inbox/store/017', ready: ['.case-list'] },
  // Corporate's leaderboard, sorted by the change of NPS: Brighton's fall at the top.
  { file: 'dashboard-compare.png', viewport: { width: 1280, height: 900 }, email: 'ceo@acme.example', password: 'demo-corporate', view: '/compare?dir=asc&sort=npsChange', ready: ['table.leaderboard tbody tr'] },
  // Why Oslo's customers (the demo's problem store) answered as they did: the follow-up's answers, then comments.
  {
    file: 'dashboard-reasons.png',
    viewport: { width: 1280, height: 900 },
    email: 'nordics@acme.example',
    password: 'demo-regional',
    view: '/reasons/region/emea-north/store/017',
    ready: ['sv-answers table', 'sv-reasons-view .comments li'],
    // The store-exit survey, whose follow-up "What went wrong?" is the story, at the top.
    scrollTo: 'sv-answers section.survey:last-of-type h3',
  },
];

/** Starts the demo collector (`demo/start.ts`) in a fresh data directory; resolves with its base URL. */
function startDemo() {
  const dataDir = mkdtempSync(`${tmpdir()}/storevoice-screenshots-`);
  // Always PGlite in its own directory: a picture never touches a real database.
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/start.ts', '--seed-demo'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    child.kill('SIGTERM');
    return new Promise((resolve) => child.once('exit', resolve)).then(() => rmSync(dataDir, { recursive: true, force: true }));
  };
  const url = new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /dashboard\s+(http:\/\/\S+)\/dashboard\//.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`demo/start.ts exited (${code}) before printing its address`)));
    setTimeout(() => reject(new Error('the demo did not start within 180 s')), 180_000).unref();
  });
  return { url, stop };
}

async function dashboardShots(browser) {
  const shots = DASHBOARD_SHOTS.filter((shot) => shot.file.startsWith(only));
  if (shots.length === 0) return;
  const demo = startDemo();
  try {
    const base = await demo.url;
    for (const shot of shots) {
      const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: 1, reducedMotion: 'reduce', locale: 'en-GB' });
      context.setDefaultTimeout(TIMEOUT);
      try {
        const page = await context.newPage();
        await page.goto(`${base}/dashboard/#${shot.view}`);
        await page.locator('#email').fill(shot.email);
        await page.locator('#password').fill(shot.password);
        await page.locator('sv-login button[type=submit]').click();
        for (const selector of shot.ready ?? ['sv-kpis .kpi', '.chart canvas']) {
          await page.locator(selector).first().waitFor().catch((error) => {
            throw new Error(`${shot.file}: ${selector} did not appear at ${page.url()} (${error.message.split('\n')[0]})`);
          });
        }
        if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
        await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
        await page.mouse.move(0, 0);
        await page.waitForTimeout(300);
        const path = `${OUT}${shot.file}`;
        await page.screenshot({ path, animations: 'disabled' });
        console.log(`${shot.file.padEnd(20)} ${(statSync(path).size / 1024).toFixed(1)} KB`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await demo.stop();
  }
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function page(shot) {
  const attributes = Object.entries({ endpoint: '/v1', key: 'pk_demo', ...shot.attributes })
    .map(([name, value]) => `${name}="${escape(typeof value === 'string' ? value : JSON.stringify(value))}"`)
    .join(' ');
  const kiosk = shot.attributes.mode === 'kiosk';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${shot.file}</title><link rel="icon" href="data:,">
<style>html,body{margin:0;background:${shot.background}}.frame{display:inline-block;padding:24px;background:${shot.background}}.frame storevoice-widget{display:block;inline-size:560px}${kiosk ? 'storevoice-widget{display:block;block-size:100vh}' : ''}</style>
<script src="/storevoice.iife.js"></script></head><body>${kiosk ? `<storevoice-widget ${attributes}></storevoice-widget>` : `<div class="frame"><storevoice-widget ${attributes}></storevoice-widget></div>`}</body></html>`;
}

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  const shot = SHOTS.find((s) => pathname === `/${s.file}`);
  if (req.method === 'POST' && pathname === '/v1/submissions') return void res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":1,"duplicates":0}');
  if (shot) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(shot));
  // The bundle and what it loads on demand (kiosk.js, locales/*.js), from dist/ only.
  const file = /^\/(storevoice\.iife\.js|kiosk\.js|locales\/[a-z-]+\.js)$/.exec(pathname)?.[1];
  if (file && existsSync(DIST + file)) return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(DIST + file));
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
});
await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

let browser;
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars', '--font-render-hinting=none'],
  });
} catch (error) {
  server.close();
  fail(`could not launch Chromium at ${CHROMIUM} (set CHROMIUM_PATH): ${error.message.split('\n')[0]}`);
}

try {
  mkdirSync(OUT, { recursive: true });
  for (const shot of SHOTS.filter((s) => s.file.startsWith(only))) {
    const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: 1, reducedMotion: 'reduce', colorScheme: shot.attributes.theme === 'dark' ? 'dark' : 'light' });
    context.setDefaultTimeout(TIMEOUT);
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/${shot.file}`);
      const widget = page.locator('storevoice-widget');
      // Rendered: the survey's first rating is on screen.
      await widget.getByRole('radio').first().waitFor();
      await shot.prepare(widget);
      // The focus ring of the last tap would be in the picture: move focus away, then let it settle.
      await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      const path = `${OUT}${shot.file}`;
      if (shot.clip) await page.locator(shot.clip).screenshot({ path, animations: 'disabled' });
      else await page.screenshot({ path, animations: 'disabled' });
      console.log(`${shot.file.padEnd(20)} ${(statSync(path).size / 1024).toFixed(1)} KB`);
    } finally {
      await context.close();
    }
  }
  await dashboardShots(browser);
} catch (error) {
  console.error(`scripts/screenshots: ${error.message.split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}

function fail(message) {
  console.error(`scripts/screenshots: ${message}`);
  process.exit(1);
}
