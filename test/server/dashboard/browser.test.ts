import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { rollup, type RollupOptions, type OutputOptions } from 'rollup';
import type { Collector } from '../../../demo/server/server.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { insertSubmission, PASSWORD, seed, USERS } from '../stats/fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const pglite = databaseTargets.find((t) => t.name === 'pglite');

/** Builds dist/dashboard/ from source with the rollup config's own entry, so the test sees current code. */
async function buildDashboard(): Promise<void> {
  // A computed specifier: the config is plain JavaScript without type declarations.
  const configUrl = new URL('../../../rollup.config.mjs', import.meta.url).href;
  const configs = ((await import(configUrl)) as { builds: Array<RollupOptions & { output: OutputOptions }> }).builds;
  const config = configs.find((c) => c.output.file === 'dist/dashboard/dashboard.js');
  assert.ok(config, 'rollup.config.mjs has a dashboard entry');
  const bundle = await rollup(config);
  await bundle.write(config.output);
  await bundle.close();
}

describe('dashboard in Chromium (pglite)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let collector: Collector;
  let browser: Browser;
  let page: Page;
  const cspErrors: string[] = [];

  before(async () => {
    assert.ok(pglite);
    await buildDashboard();
    collector = await startTestCollector(pglite, { RATE_LIMIT_PER_MINUTE: 0 });
    await seed(collector.ctx.db);
    await collector.ctx.db.query("INSERT INTO write_keys (key, brand_id) VALUES ('pk_browser_test', 'acme')");
    // The fixed dataset lies in March 2026; the dashboard opens on the last 30 days of the real clock.
    const recent = new Date(Date.now() - 86_400_000).toISOString();
    for (const store of ['n1', 'n2', 's1']) await insertSubmission(collector.ctx.db, { region: store === 's1' ? 'south' : 'north', store, staff: ['ann'], at: recent, nps: 9, csat: 4, smiley: 4 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspErrors.push(message.text());
    });
  });
  after(async () => {
    await browser?.close();
    await collector?.close();
  });

  it('logs in as a regional manager, drills down to a store and sees a submission made moments before', async () => {
    await page.goto(`${collector.url}/dashboard/`);
    await page.getByLabel('E-mail').fill(USERS.regional);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();

    await page.getByText('Regional manager').waitFor();
    await page.getByRole('heading', { level: 1, name: /region north/ }).waitFor();
    // The region view compares its stores; no store of another region is offered.
    const stores = page.getByRole('table', { name: 'Stores in this region' });
    await stores.waitFor();
    assert.equal(await stores.getByRole('link', { name: 'South One' }).count(), 0);

    // A shopper at store n1 sends feedback through the collector's public API, with markup in it.
    const text = `Browser test ${randomUUID().slice(0, 8)}: <b>lovely</b> staff`;
    const res = await fetch(`${collector.url}/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer pk_browser_test' },
      body: JSON.stringify({
        id: randomUUID(),
        schemaVersion: 1,
        surveyId: 'post-visit',
        createdAt: new Date().toISOString(),
        context: { channel: 'kiosk', brand: 'acme', region: 'north', store: 'n1' },
        answers: [
          { questionId: 'mood', type: 'smiley', value: 5 },
          { questionId: 'why', type: 'text', value: text },
        ],
      }),
    });
    assert.equal(res.status, 202, await res.text());

    await stores.getByRole('link', { name: 'North One' }).click();
    await page.getByRole('heading', { level: 1, name: /store n1/ }).waitFor();
    const comment = page.locator('.comments blockquote', { hasText: text });
    await comment.waitFor();
    // Rendered as text: the markup is visible, and no <b> element was created.
    assert.equal(await comment.textContent(), text);
    assert.equal(await comment.locator('b').count(), 0);

    // KPI cards show counts; the staff section is one click below the team results.
    await page.getByText(/n = \d+/).first().waitFor();
    const staffSection = page.locator('details.staff');
    assert.equal(await staffSection.getAttribute('open'), null);
    await staffSection.locator('summary').click();
    await staffSection.getByRole('table', { name: 'Team members' }).waitFor();
    assert.equal(cspErrors.length, 0, cspErrors.join('\n'));
  });

  it('passes an axe check (axe-core injected through the DevTools protocol, which the CSP does not block)', async () => {
    const require = createRequire(import.meta.url);
    const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(source);
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    assert.deepEqual(violations, []);
  });

  it('says which field is wrong when the API answers in another shape (a collector of another version)', async () => {
    // The real trend endpoint, with one field renamed on the way: what an older collector would send.
    await page.route('**/v1/stats/trend?*', async (route) => {
      const real = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...real, points: undefined, series: real.points } });
    });
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /\/v1\/stats\/trend answered in an unexpected shape \(points: .+\); are the dashboard and the collector the same version\?/);
    await page.unroute('**/v1/stats/trend?*');
    await page.reload();
    await page.getByRole('table').first().waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'the real API passes the same check');
  });

  it('logs out and is back at the login form', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    const me = await page.evaluate(() => fetch('/v1/auth/me').then((r) => r.status));
    assert.equal(me, 401);
  });
});
