import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, logIn, openAllDetails, openDashboard, PHONE, pglite, settled, startDashboard, type DashboardEnvironment } from './support.js';

/** The legend's entries and whether each line is shown. */
const legend = (page: Page) =>
  page.locator('.legend button').evaluateAll((buttons) => buttons.map((b) => `${(b.textContent ?? '').trim()}:${b.getAttribute('aria-pressed')}`));
const card = (page: Page, name: string) => page.locator('sv-kpis .kpi').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) });
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('dashboard trends, key figures and movers (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  before(async () => (env = await startDashboard({ insights: true })));
  after(() => env?.close());

  it('corporate: one line per region besides the brand, a legend that hides and shows lines by keyboard and mouse, the same numbers as a table', async () => {
    const { context, page, pageErrors } = await openDashboard(env);
    try {
      await logIn(page, 'corporate');
      assert.equal(await settled(page), 'figures');
      await page.locator('.chart canvas').first().waitFor();
      // The brand is the selection itself: drawn once, bold, not again as a benchmark.
      assert.deepEqual(await legend(page), ['Acme Outfitters:true', 'North:true', 'South:true']);
      assert.equal(await page.getByRole('img', { name: /^Chart of NPS over time for Acme Outfitters; the table below has the same numbers\.$/ }).count(), 1);

      const north = page.getByRole('button', { name: 'North', exact: true });
      await north.focus();
      await page.keyboard.press('Space');
      assert.deepEqual(await legend(page), ['Acme Outfitters:true', 'North:false', 'South:true']);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'South', exact: true }).click();
      assert.deepEqual(await legend(page), ['Acme Outfitters:true', 'North:true', 'South:false']);

      await page.getByText('Trend as a table').click();
      const table = page.getByRole('table', { name: 'NPS per period, with the number of answers' });
      assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['7 days to', 'Acme Outfitters', 'North', 'South']);
      // A rolling week with one answer is "too few", with its count, never a score of ±100.
      const march1 = table.locator('tbody tr', { has: page.locator('th', { hasText: 'Mar 1, 2026' }) });
      assert.equal(clean(await march1.locator('td').nth(2).innerText()), 'Not enough responses n = 1');
      assert.equal(clean(await march1.locator('td').nth(0).innerText()), 'Not enough responses n = 4');
      const march3 = table.locator('tbody tr', { has: page.locator('th', { hasText: 'Mar 3, 2026' }) });
      assert.equal(clean(await march3.locator('td').nth(0).innerText()), '+11.1 n = 9');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  it("regional: the region's line, one per store and the brand's as a benchmark; weeks instead of rolling days, by keyboard, kept in the address", async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'regional');
      assert.equal(await settled(page), 'figures');
      assert.deepEqual(await legend(page), ['North:true', 'North One:true', 'North Two:true', 'Acme Outfitters (brand):true']);
      const periods = page.getByLabel('Periods');
      await periods.focus();
      await periods.selectOption('week');
      await page.waitForFunction(() => location.hash.includes('bucket=week'));
      assert.equal(await settled(page), 'figures');
      // The chart reloaded; the control the user is on stayed, with the focus.
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.value), 'week');
      await openAllDetails(page);
      assert.equal(await page.locator('table.trend thead th').first().innerText(), 'Week from');
      await page.reload();
      assert.equal(await settled(page), 'figures');
      assert.equal(await page.getByLabel('Periods').inputValue(), 'week');
      await page.getByLabel('Score').selectOption('smiley');
      await page.waitForFunction(() => location.hash.includes('metric=smiley'));
      assert.equal(await page.getByRole('img', { name: /^Chart of Smiley score over time for North;/ }).count(), 1);
    } finally {
      await context.close();
    }
  });

  it('each key figure shows its change against the previous period with its n, or says there are too few answers to compare', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'regional');
      assert.equal(await settled(page), 'figures');
      // North: 15 NPS answers now (−33.3); 12 promoters in the 30 days before (+100).
      const nps = card(page, 'NPS');
      assert.equal(clean(await nps.locator('.reading').innerText()), '-33.3 n = 15');
      assert.equal(clean(await nps.locator('.change').innerText()), '▼ -133.3 vs Jan 7 – Feb 5, 2026');
      assert.match(clean(await nps.locator('.benchmark').innerText()), /^Brand: /);
      // CSAT had no answers before: no change is made up.
      assert.equal(clean(await card(page, 'CSAT').locator('.change').innerText()), 'Too few answers to compare (n = 0)');
      assert.match(clean(await card(page, 'Responses').locator('.change').innerText()), /^\+\d+ vs Jan 7 – Feb 5, 2026$/);
    } finally {
      await context.close();
    }
  });

  it("corporate's landing lists the stores that fell and rose most, each linking to its own view; the window changes with the address", async () => {
    const { context, page } = await openDashboard(env, { viewport: PHONE });
    try {
      await logIn(page, 'corporate');
      assert.equal(await settled(page), 'figures');
      const falling = page.locator('ol.movers.down li');
      const rising = page.locator('ol.movers.up li');
      assert.deepEqual((await falling.allInnerTexts()).map(clean), ['North Two North ▼ -162.5 +100 → -62.5 n = 6 / 8', 'North One North ▼ -100 +100 → 0 n = 6 / 7']);
      assert.deepEqual((await rising.allInnerTexts()).map(clean), ['South One South ▲ +160 -100 → +60 n = 4 / 5']);
      assert.deepEqual(await axeViolations(page), []);

      await page.getByLabel('Window').selectOption('7');
      await page.waitForFunction(() => location.hash.includes('window=7'));
      assert.equal(await settled(page), 'figures');
      // Over the last 7 days no store has enough answers in both weeks.
      assert.equal(await falling.count(), 0);
      assert.equal(await page.getByText('No store moved with enough answers to tell.').count(), 2);
      await page.getByLabel('Window').selectOption('28');
      await settled(page);
      await falling.first().getByRole('link', { name: 'North Two' }).click();
      await page.waitForFunction(() => location.hash.startsWith('#/overview/region/north/store/n2'));
      assert.equal(await settled(page), 'figures');
      assert.equal(clean(await page.locator('main h1').innerText()), 'Customer feedback — North Two');
      // A store compares with no movers of its own.
      assert.equal(await page.locator('sv-movers').count(), 0);
    } finally {
      await context.close();
    }
  });

  it('store managers and staff get no movers, and the staff page has no lines per place', async () => {
    for (const role of ['store', 'staff'] as const) {
      const { context, page } = await openDashboard(env);
      try {
        await logIn(page, role);
        assert.equal(await settled(page), 'figures');
        assert.equal(await page.locator('sv-movers').count(), 0, role);
        const expected = role === 'store' ? ['North One:true', 'Acme Outfitters (brand):true'] : [];
        assert.deepEqual(await legend(page), expected, role);
      } finally {
        await context.close();
      }
    }
  });
});
