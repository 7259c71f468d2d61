/**
 * What the dashboard's browser tests share: a current build of the dashboard, a collector on
 * PGlite with the stats fixture (names, time zones), Chromium, and measurements (axe, target
 * sizes, sideways scrolling). The pages' clock is fixed on the fixture's "today", so the default
 * range (the last 30 days) covers the fixture and every number is known in advance.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { rollup, type OutputOptions, type RollupOptions } from 'rollup';
import { seedDemo } from '../../../../demo/seed/index.js';
import { upsertUser } from '../../../../demo/server/auth/index.js';
import { openDatabase } from '../../../../demo/server/db/open.js';
import { startCollector, type Collector } from '../../../../demo/server/server.js';
import { startTestCollector } from '../../support/collector.js';
import { databaseTargets } from '../../support/databases.js';
import { PASSWORD, seed, USERS } from '../../stats/fixtures.js';
import { seedInsights } from './insights-data.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const BUNDLE = `${ROOT}dist/dashboard/dashboard.js`;

export const pglite = databaseTargets.find((t) => t.name === 'pglite');
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
/** "Today" in the pages: the fixture's last day, so the default 30 days cover all of it. */
export const TODAY = new Date('2026-03-07T12:00:00Z');
export type Role = 'corporate' | 'regional' | 'store' | 'staff';

/** Newest modification time of a file or of every file in a folder, recursively. */
async function newest(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newest(`${path}/${entry}`)));
  return Math.max(info.mtimeMs, ...times);
}

/**
 * Builds dist/dashboard/ with the rollup config's own entry when a source is newer than the
 * bundle, so the tests always see current code (`npm test` has just built it; a test run on its
 * own rebuilds after an edit). Written to a temporary file and renamed: test files running in
 * parallel never read half a bundle.
 */
export async function ensureDashboardBuilt(): Promise<void> {
  const sources = [
    'demo/pages/dashboard',
    'sdk/transport',
    'demo/server/stats/types.ts',
    'demo/server/ideas/types.ts',
    'demo/server/recognition/types.ts',
    'demo/server/auth/session-body.ts',
    'demo/server/directory/types.ts',
    'demo/server/cases/types.ts',
    'demo/server/events/types.ts',
    'demo/server/settings/schema.ts',
    'demo/server/alerts/session/types.ts',
    'rollup.config.mjs',
  ];
  const built = await stat(BUNDLE).then((s) => s.mtimeMs, () => 0);
  const changed = Math.max(...(await Promise.all(sources.map((s) => newest(ROOT + s)))));
  if (built > changed) return;
  // A computed specifier: the config is plain JavaScript without type declarations.
  const configUrl = new URL('../../../../rollup.config.mjs', import.meta.url).href;
  const configs = ((await import(configUrl)) as { builds: Array<RollupOptions & { output: OutputOptions }> }).builds;
  const config = configs.find((c) => c.output.file === 'dist/dashboard/dashboard.js');
  assert.ok(config, 'rollup.config.mjs has a dashboard entry');
  const bundle = await rollup(config);
  const { output } = await bundle.generate(config.output);
  await bundle.close();
  const [chunk] = output;
  assert.ok(chunk && chunk.type === 'chunk');
  const temporary = `${BUNDLE}.${process.pid}.tmp`;
  // A clone that was never built has no dist/dashboard/ yet.
  await mkdir(new URL('.', `file://${BUNDLE}`), { recursive: true });
  await writeFile(temporary, `${chunk.code}\n//# sourceMappingURL=dashboard.js.map\n`);
  if (chunk.map) await writeFile(`${BUNDLE}.map`, chunk.map.toString());
  await rename(temporary, BUNDLE);
}

export interface DashboardEnvironment {
  collector: Collector;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * A collector on PGlite with the stats fixture: acme → North (North One: Ann Lee, Bob Stone;
 * North Two: Cat Diaz), South (South One: Dan Wu). North One keeps Oslo time, South One London
 * time. Individual scores show from 2 responses. With `insights`, also the data of
 * insights-data.ts (movers, a previous period, the store-exit survey's answers and comments).
 */
export async function startDashboard(options: { insights?: boolean } = {}): Promise<DashboardEnvironment> {
  assert.ok(pglite, 'PGlite target');
  await ensureDashboardBuilt();
  const collector = await startTestCollector(pglite, { RATE_LIMIT_PER_MINUTE: 0, STAFF_MIN_RESPONSES: 2 });
  await seed(collector.ctx.db);
  if (options.insights) await seedInsights(collector.ctx);
  await collector.ctx.db.query("UPDATE stores SET time_zone = 'Europe/Oslo' WHERE id = 'n1'");
  await collector.ctx.db.query("UPDATE stores SET time_zone = 'Europe/London' WHERE id = 's1'");
  await collector.ctx.db.query("UPDATE brands SET name = 'Acme Outfitters' WHERE id = 'acme'");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  return {
    collector,
    browser,
    async close() {
      await browser.close();
      await collector.close();
    },
  };
}

/** A uk-south regional manager: the demo seed has a regional login for the Nordics only. */
export const UK_SOUTH = { email: 'uksouth@acme.example', password: 'demo-uk-south-regional' } as const;

/**
 * The demo as `npm start` seeds it (demo/seed/: Acme Outfitters, 6 stores, ~5,000 submissions
 * over 90 days), in-process on an in-memory PGlite, seeded up to the pages' "today" so the story
 * ends where the pages look (Brighton's last two weeks). Plus a regional login for UK South.
 */
export async function startDemoDashboard(): Promise<DashboardEnvironment> {
  await ensureDashboardBuilt();
  const db = await openDatabase({});
  let collector: Collector;
  try {
    collector = await startCollector({ db, config: { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: 0, ALERT_WORKER_INTERVAL_MS: 0 } });
  } catch (error) {
    await db.close();
    throw error;
  }
  // Only the seed runs on the pages' clock: session cookies expire by the browser's real one.
  await seedDemo({ ...collector.ctx, now: () => TODAY });
  await upsertUser(collector.ctx, { ...UK_SOUTH, role: 'regional', brandId: 'acme', regionId: 'uk-south', name: 'Morgan Reid' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  return {
    collector,
    browser,
    async close() {
      await browser.close();
      await collector.close();
      await db.close();
    },
  };
}

/** Logs in with any e-mail and password (the demo's users). */
export async function logInAs(page: Page, email: string, password: string): Promise<void> {
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('sv-login button[type=submit]').click();
  await page.locator('nav.views').waitFor();
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Console messages about the Content-Security-Policy: must stay empty. */
  cspErrors: string[];
  /** Uncaught errors in the page: must stay empty. */
  pageErrors: string[];
}

/** A fresh browser profile (no cookies) at a size and in a language, on the dashboard's login. */
export async function openDashboard(env: DashboardEnvironment, options: { viewport?: { width: number; height: number }; locale?: string; hash?: string } = {}): Promise<OpenPage> {
  // `hash: ''` opens the bare dashboard (where each role lands).
  const context = await env.browser.newContext({ viewport: options.viewport ?? DESKTOP, locale: options.locale ?? 'en-US', reducedMotion: 'reduce' });
  context.setDefaultTimeout(15_000);
  await context.clock.setFixedTime(TODAY);
  const page = await context.newPage();
  const cspErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Managers land on their inbox; the stats tests start on the customer-feedback view unless they say otherwise.
  await page.goto(`${env.collector.url}/dashboard/${options.hash ?? '#/overview'}`);
  return { context, page, cspErrors, pageErrors };
}

/** Logs in through the form (labels in any language: the fields are found by id). */
export async function logIn(page: Page, role: Role): Promise<void> {
  await page.locator('#email').fill(USERS[role]);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('sv-login button[type=submit]').click();
  // The navigation exists only once signed in.
  await page.locator('nav.views').waitFor();
}

/**
 * Waits until the view shows its answer (figures, an empty state or an error), not "Loading".
 * Returns which.
 */
export async function settled(page: Page): Promise<'figures' | 'empty' | 'error'> {
  const handle = await page.waitForFunction(() => {
    const view = document.querySelector('main .view');
    if (!view || view.querySelector('.state-loading')) return false;
    if (view.querySelector('.state-error')) return 'error';
    if (view.querySelector('sv-kpis .kpi, sv-comments .comments, sv-leaderboard table, sv-answers table, ul.kudos, ul.ideas, table.ideas-metrics, table.recognition, .digest')) return 'figures';
    if (view.querySelector('.case-counts, sv-case-detail article, sv-alerts-view .alert-list, sv-alerts-view .rule-list')) return 'figures';
    if (view.querySelector('.state-empty')) return 'empty';
    return false;
  });
  return (await handle.jsonValue()) as 'figures' | 'empty' | 'error';
}

let axeSource: string | undefined;

/**
 * axe-core's violations on the whole page (every rule of its default set, WCAG 2.2 A and AA
 * included), as `rule (count): first target`. Injected through the DevTools protocol, which the
 * page's CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> };
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes[0]?.target)}`);
  });
}

/** Interactive elements smaller than `min` px on either side (every one on the page, scrolled or not). */
export async function smallTargets(page: Page, min = 44): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < min - 0.5 || box.height < min - 0.5)
      .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
  }, min);
}

/** How far the page scrolls sideways (0 is right). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Every heading level on the page, in document order (1, 2, 2, 3…). */
export async function headingLevels(page: Page): Promise<number[]> {
  return page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => h.getClientRects().length > 0).map((h) => Number(h.tagName[1])));
}

/** Opens every `<details>` so checks cover the tables inside them too. */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

/** The "Responses" key figure, as shown. */
export async function responsesShown(page: Page): Promise<string> {
  return page.locator('sv-kpis .kpi').last().locator('.value').innerText();
}
