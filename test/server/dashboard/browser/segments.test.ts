import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { EXIT_COMMENTS } from './insights-data.js';
import { axeViolations, horizontalOverflow, logIn, openDashboard, PHONE, pglite, responsesShown, settled, smallTargets, startDashboard, type DashboardEnvironment } from './support.js';

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const bar = (page: Page) => page.locator('sv-segments');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Views' });

/** Customer responses of the brand in the default range: all, on the website, in Swedish. */
const RESPONSES = { all: '48', web: '12', sv: String(EXIT_COMMENTS.length) };

describe('dashboard segments: every view cut by channel, device, survey and language (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  before(async () => (env = await startDashboard({ insights: true })));
  after(() => env?.close());

  it('corporate cuts the figures by channel; the cut is in the address, follows to Compare, and shows staff are not split', async () => {
    const { context, page, pageErrors } = await openDashboard(env);
    try {
      await logIn(page, 'corporate');
      assert.equal(await settled(page), 'figures');
      assert.equal(await responsesShown(page), RESPONSES.all);
      assert.equal(clean(await bar(page).locator('summary').innerText()), 'Segments: All customers');
      await bar(page).locator('summary').click();
      await page.getByLabel('Channel').selectOption('web');
      await bar(page).getByRole('button', { name: 'Apply' }).click();
      await page.waitForFunction(() => location.hash === '#/overview?channel=web');
      assert.equal(await settled(page), 'figures');
      assert.equal(await responsesShown(page), RESPONSES.web);
      assert.equal(clean(await bar(page).locator('summary').innerText()), 'Segments: Website');
      // The focus stays on the bar the user is working in.
      assert.equal(await page.evaluate(() => document.activeElement?.closest('sv-segments') !== null), true);

      // Views that can be cut keep the cut; the others (kudos, pulse) do not take it.
      assert.match((await nav(page).getByRole('link', { name: 'Compare' }).getAttribute('href')) ?? '', /channel=web/);
      assert.doesNotMatch((await nav(page).getByRole('link', { name: 'Kudos' }).getAttribute('href')) ?? '', /channel/);
      await nav(page).getByRole('link', { name: 'Compare' }).click();
      await page.waitForFunction(() => location.hash === '#/compare?channel=web');
      assert.equal(await settled(page), 'figures');
      const rows = page.locator('table.leaderboard tbody:not(.benchmarks) tr');
      assert.deepEqual((await rows.locator('th bdi').allInnerTexts()), ['South One', 'North Two']);
      assert.deepEqual(await rows.locator('td:nth-child(3)').allInnerTexts(), ['4', '8']);

      // One store with a cut: no staff table, and it says why.
      await page.getByRole('link', { name: 'North Two' }).click();
      await page.waitForFunction(() => location.hash === '#/overview/region/north/store/n2?channel=web');
      assert.equal(await settled(page), 'figures');
      await page.getByText('Staff results are not split by segment: clear the segments to compare staff.').waitFor();
      assert.equal(await page.locator('sv-groups-table').count(), 0);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  it('cuts by customer language, refuses a malformed one before asking, and clears; on a phone', async () => {
    const { context, page } = await openDashboard(env, { viewport: PHONE });
    try {
      await logIn(page, 'corporate');
      assert.equal(await settled(page), 'figures');
      await bar(page).locator('summary').click();
      const language = page.getByLabel('Customer language');
      await language.fill('not a code!');
      await bar(page).getByRole('button', { name: 'Apply' }).click();
      await bar(page).getByRole('alert').filter({ hasText: 'Enter a language code such as sv or en-GB.' }).waitFor();
      assert.equal(await language.getAttribute('aria-invalid'), 'true');
      assert.equal(new URL(page.url()).hash, '#/overview');

      await language.fill('sv');
      await bar(page).getByRole('button', { name: 'Apply' }).click();
      await page.waitForFunction(() => location.hash === '#/overview?locale=sv');
      assert.equal(await settled(page), 'figures');
      assert.equal(await responsesShown(page), RESPONSES.sv);
      assert.equal(await horizontalOverflow(page), 0);
      assert.deepEqual(await smallTargets(page), []);
      assert.deepEqual(await axeViolations(page), []);

      await bar(page).getByRole('button', { name: 'Clear segments' }).click();
      await page.waitForFunction(() => location.hash === '#/overview');
      assert.equal(await settled(page), 'figures');
      assert.equal(await responsesShown(page), RESPONSES.all);
      // Back: the cut again, and the bar says so.
      await page.goBack();
      await page.waitForFunction(() => location.hash === '#/overview?locale=sv');
      assert.equal(await settled(page), 'figures');
      assert.equal(await responsesShown(page), RESPONSES.sv);
      assert.equal(await language.inputValue(), 'sv');
    } finally {
      await context.close();
    }
  });

  it("regional managers cut their region too; store managers and staff see no segments, and an address's cut is dropped for them", async () => {
    const regional = await openDashboard(env, { hash: '#/overview/region/north?device=kiosk' });
    try {
      await logIn(regional.page, 'regional');
      assert.equal(await settled(regional.page), 'figures');
      assert.equal(clean(await bar(regional.page).locator('summary').innerText()), 'Segments: Kiosk');
    } finally {
      await regional.context.close();
    }
    for (const [role, home] of [
      ['store', '#/overview/store/n1'],
      ['staff', '#/overview/staff/ann'],
    ] as const) {
      const { context, page } = await openDashboard(env, { hash: `${home}?channel=web` });
      try {
        await logIn(page, role);
        await page.waitForFunction((hash) => location.hash === hash, home);
        assert.equal(await settled(page), 'figures');
        assert.equal(await bar(page).count(), 0, role);
      } finally {
        await context.close();
      }
    }
  });
});
