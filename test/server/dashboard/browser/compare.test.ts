import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, logIn, openDashboard, PHONE, pglite, settled, smallTargets, horizontalOverflow, startDashboard, type DashboardEnvironment } from './support.js';

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The store rows of the leaderboard, by name, in the order shown. */
const stores = (page: Page) => page.locator('table.leaderboard tbody:not(.benchmarks) th[scope="row"] bdi').allInnerTexts();
const benchmarks = (page: Page) => page.locator('table.leaderboard tbody.benchmarks th[scope="row"]').allInnerTexts();
/** The header cell of a column, and which way it sorts. */
const sortOf = (page: Page, label: string) => page.locator('table.leaderboard thead th', { has: page.getByRole('button', { name: label, exact: true }) }).getAttribute('aria-sort');
const cell = (page: Page, store: string, column: number) => page.locator('table.leaderboard tbody tr', { has: page.locator('th', { hasText: store }) }).locator('td').nth(column);

describe('dashboard compare: store leaderboard and targets (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  before(async () => (env = await startDashboard({ insights: true })));
  after(() => env?.close());

  it('corporate: every store with the brand and the regions to compare with, sorted by mouse and by keyboard, the order in the address', async () => {
    const { context, page, pageErrors } = await openDashboard(env, { hash: '#/compare' });
    try {
      await logIn(page, 'corporate');
      assert.equal(await settled(page), 'figures');
      assert.deepEqual(await benchmarks(page), ['Acme Outfitters (brand)', 'North (region)', 'South (region)']);
      // NPS, best first: South One +60, North One 0, North Two −62.5.
      assert.deepEqual(await stores(page), ['South One', 'North One', 'North Two']);
      assert.equal(await sortOf(page, 'NPS'), 'descending');
      assert.equal(clean(await cell(page, 'South One', 2).innerText()), '+60 n = 5');

      // Mouse: the same column again turns the order round.
      await page.getByRole('button', { name: 'NPS', exact: true }).click();
      assert.deepEqual(await stores(page), ['North Two', 'North One', 'South One']);
      assert.equal(await sortOf(page, 'NPS'), 'ascending');
      assert.match(page.url(), /dir=asc&sort=nps/);

      // Keyboard: the header buttons are in the tab order; Enter and Space sort; focus stays.
      const byName = page.getByRole('button', { name: 'Store', exact: true });
      await byName.focus();
      await page.keyboard.press('Enter');
      assert.deepEqual(await stores(page), ['North One', 'North Two', 'South One']);
      assert.equal(await sortOf(page, 'Store'), 'ascending');
      assert.equal(await sortOf(page, 'NPS'), null);
      await page.keyboard.press('Space');
      assert.deepEqual(await stores(page), ['South One', 'North Two', 'North One']);
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key), 'name');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key), 'nps');
      await page.keyboard.press('Enter');
      assert.deepEqual(await stores(page), ['South One', 'North One', 'North Two']);
      // Responses, most first; change columns sort too, stores without a comparable change last.
      await page.getByRole('button', { name: 'Responses', exact: true }).click();
      assert.deepEqual(await stores(page), ['North One', 'North Two', 'South One']);
      await page.getByRole('button', { name: 'NPS change', exact: true }).click();
      assert.equal(await sortOf(page, 'NPS change'), 'descending');
      assert.equal(clean(await cell(page, 'North One', 3).innerText()), '▼ -100');

      // A bookmark of the sorted table opens sorted.
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      assert.equal(await settled(page), 'figures');
      assert.equal(await sortOf(page, 'NPS change'), 'descending');
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  it('corporate sets a target, sees it in the table and the list, is refused a value off the scale at the field, and removes it', async () => {
    const { context, page } = await openDashboard(env, { hash: '#/compare' });
    try {
      await logIn(page, 'corporate');
      assert.equal(await settled(page), 'figures');
      await page.getByText('No targets yet.').waitFor();
      await page.getByLabel('Applies to').selectOption('store');
      await page.getByLabel('Store', { exact: true }).selectOption('n1');
      await page.locator('sv-targets').getByLabel('Score').selectOption('nps');
      const value = page.getByLabel('Target', { exact: true });
      await value.fill('150');
      await page.getByRole('button', { name: 'Save target' }).click();
      // The collector refuses it (400, `value`); the form says why, at the field, which gets the focus.
      await page.locator('#target-value-error', { hasText: 'Enter a number from -100 to +100.' }).waitFor();
      assert.equal(await value.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'target-value');

      await value.fill('20');
      await page.getByRole('button', { name: 'Save target' }).click();
      await page.getByRole('status').filter({ hasText: 'NPS target for North One saved.' }).waitFor();
      assert.equal(await value.getAttribute('aria-invalid'), null);
      assert.equal(await settled(page), 'figures');
      // The leaderboard was asked again: North One (NPS 0) is 20 short of its target.
      assert.equal(clean(await cell(page, 'North One', 2).innerText()), '0 n = 7 Target +20 · 20 to go');
      const list = page.getByRole('table', { name: 'Targets set' });
      assert.deepEqual((await list.locator('tbody tr').allInnerTexts()).map(clean), ['North One NPS +20 Remove']);

      await page.getByLabel('Applies to').selectOption('brand');
      await page.locator('sv-targets').getByLabel('Score').selectOption('csat');
      await value.fill('40');
      await page.getByRole('button', { name: 'Save target' }).click();
      await page.getByRole('status').filter({ hasText: 'CSAT target for Acme Outfitters (brand) saved.' }).waitFor();
      assert.equal(await settled(page), 'figures');
      // Inherited by every store without its own; the brand's row shows it reached.
      assert.equal(clean(await cell(page, 'South One', 4).innerText()), '0% n = 1 Target 40% · 40 pts to go');
      assert.match(clean(await page.locator('table.leaderboard tbody.benchmarks tr').first().locator('td').nth(4).innerText()), /Target 40% · reached$/);

      await list.getByRole('button', { name: 'Remove the NPS target of North One' }).click();
      await page.getByRole('status').filter({ hasText: 'NPS target for North One removed.' }).waitFor();
      await list.getByRole('button', { name: 'Remove the CSAT target of Acme Outfitters (brand)' }).click();
      await page.getByText('No targets yet.').waitFor();
      assert.equal(await settled(page), 'figures');
      assert.equal(clean(await cell(page, 'North One', 2).innerText()), '0 n = 7');
    } finally {
      await context.close();
    }
  });

  it("a regional manager compares their region's stores with the brand and the region, and sets targets for those stores only; on a phone too", async () => {
    const { context, page } = await openDashboard(env, { hash: '#/compare', viewport: PHONE });
    try {
      await logIn(page, 'regional');
      assert.equal(await settled(page), 'figures');
      assert.equal(clean(await page.locator('main h1').innerText()), 'Compare — North');
      assert.deepEqual(await benchmarks(page), ['Acme Outfitters (brand)', 'North (region)']);
      assert.deepEqual(await stores(page), ['North One', 'North Two']);
      // No region column: every store is in theirs.
      assert.equal(await page.getByRole('button', { name: 'Region', exact: true }).count(), 0);
      assert.equal(await page.getByLabel('Applies to').count(), 0);
      assert.deepEqual(await page.locator('#target-place option').allInnerTexts(), ['North One', 'North Two']);
      await page.locator('#target-place').selectOption('n2');
      await page.locator('sv-targets').getByLabel('Score').selectOption('csat');
      await page.getByLabel('Target', { exact: true }).fill('80');
      await page.getByRole('button', { name: 'Save target' }).click();
      await page.getByRole('status').filter({ hasText: 'CSAT target for North Two saved.' }).waitFor();
      assert.equal(await settled(page), 'figures');
      // Without the region column, CSAT is the fourth cell.
      assert.match(clean(await cell(page, 'North Two', 3).innerText()), /Target 80% · reached$/);
      assert.equal(await horizontalOverflow(page), 0);
      assert.deepEqual(await smallTargets(page), []);
      assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('button', { name: 'Remove the CSAT target of North Two' }).click();
      await page.getByText('No targets yet.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('store managers and staff have no compare view: its address opens their own', async () => {
    for (const [role, landing] of [
      // A store manager lands on their inbox; staff on their own feedback.
      ['store', '#/inbox/store/n1'],
      ['staff', '#/overview/staff/ann'],
    ] as const) {
      const { context, page } = await openDashboard(env, { hash: '#/compare' });
      try {
        await logIn(page, role);
        await page.waitForFunction((hash) => location.hash === hash, landing);
        assert.equal(await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Compare' }).count(), 0);
      } finally {
        await context.close();
      }
    }
  });
});
