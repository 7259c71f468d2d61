import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { logIn, openDashboard, pglite, responsesShown, settled, startDashboard, type DashboardEnvironment } from './support.js';

/** Customer responses in the default range (2026-02-06…03-07) of the stats fixture. */
const RESPONSES = { n1: '7', n2: '2' };

const heading = (page: Page) => page.locator('main h1').innerText().then((t) => t.replace(/\s+/g, ' '));
/** Anything that is a figure: KPI cards, table rows, chart, comments. */
const figures = (page: Page) => page.locator('main .view').locator('sv-kpis .kpi, table tbody tr, .chart canvas, .comments li').count();
const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

describe('dashboard states: every number is the answer to the current address (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  before(async () => (env = await startDashboard()));
  after(() => env?.close());

  it("drops the late answer of an address the user already left: the new place's figures stay", async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'regional');
      await settled(page);
      // North One's stats answer is held back for 2 s, as on a slow network.
      let held = 0;
      let released = 0;
      await page.route('**/v1/stats?*store=n1*', async (route) => {
        held += 1;
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 2000));
        // The page may have aborted the request meanwhile; fulfilling is then refused.
        await route.fulfill({ response }).then(() => (released += 1), () => {});
      });
      const requested = page.waitForRequest('**/v1/stats?*store=n1*');
      await go(page, '#/overview/region/north/store/n1');
      await requested;
      await page.locator('.state-loading').waitFor();
      assert.equal(held, 1, 'the request for North One is in flight');
      // Loading shows no figures at all, not the region's.
      assert.equal(await figures(page), 0);
      // The user moves on to North Two before North One's answer arrives.
      await go(page, '#/overview/region/north/store/n2');
      assert.equal(await settled(page), 'figures');
      assert.equal(await heading(page), 'Customer feedback — North Two');
      assert.equal(await responsesShown(page), RESPONSES.n2);
      // North One's answer comes in late, or is cut off: either way North Two's figures stay.
      await page.waitForTimeout(2500);
      assert.equal(await heading(page), 'Customer feedback — North Two');
      assert.equal(await responsesShown(page), RESPONSES.n2);
      // North Two's team, not North One's.
      const team = await page.locator('sv-groups-table tbody th').allTextContents();
      assert.ok(team.some((name) => name.includes('Cat Diaz')) && !team.some((name) => /Ann Lee|Bob Stone/.test(name)), team.join(', '));
      assert.ok(held === 1 && released <= 1);
      await page.unroute('**/v1/stats?*store=n1*');
      // Back: North One, with its own figures.
      await page.goBack();
      assert.equal(await settled(page), 'figures');
      assert.equal(await heading(page), 'Customer feedback — North One');
      assert.equal(await responsesShown(page), RESPONSES.n1);
    } finally {
      await context.close();
    }
  });

  it('a place outside the user\'s scope clears the figures and says why', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'store');
      assert.equal(await settled(page), 'figures');
      assert.equal(await responsesShown(page), RESPONSES.n1);
      await go(page, '#/overview/store/n2');
      assert.equal(await settled(page), 'error');
      // No name for a store outside the scope (the directory does not hold it): its id, said as such.
      assert.equal(await heading(page), 'Customer feedback — Store n2');
      assert.match(await page.getByRole('alert').filter({ hasText: 'access' }).innerText(), /You do not have access to Store n2\. No figures are shown\./);
      assert.equal(await figures(page), 0);
      assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0, 'retrying a 403 cannot help');
    } finally {
      await context.close();
    }
  });

  it('a bad date range in the address clears the figures and names the problem; the form refuses one before asking', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'store');
      assert.equal(await settled(page), 'figures');
      await go(page, '#/overview/store/n1?from=2026-03-07&to=2026-03-01');
      assert.equal(await settled(page), 'error');
      const alert = await page.locator('.state-error').innerText();
      assert.match(alert, /These figures cannot be shown for this address\./);
      assert.match(alert, /from: .*must not be after/);
      assert.equal(await figures(page), 0);

      await go(page, '#/overview/store/n1');
      assert.equal(await settled(page), 'figures');
      const before = page.url();
      await page.getByLabel('From').fill('2026-03-05');
      await page.getByLabel('To').fill('2026-03-02');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('The start date must not be after the end date.').waitFor();
      assert.equal(page.url(), before, 'no navigation');
      assert.equal(await responsesShown(page), RESPONSES.n1, 'the figures on screen still match the address');
      // A good range: the address and the figures follow it.
      await page.getByLabel('From').fill('2026-03-01');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForFunction(() => location.hash === '#/overview/store/n1?from=2026-03-01&to=2026-03-02');
      assert.equal(await settled(page), 'figures');
      assert.equal(await responsesShown(page), '4');
      assert.equal(await page.getByText('The start date must not be after the end date.').count(), 0);
    } finally {
      await context.close();
    }
  });

  it('loading and empty are different states, and neither shows numbers', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'store');
      await settled(page);
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/v1/stats?*', async (route) => {
        await gate;
        await route.fallback();
      });
      await go(page, '#/overview/store/n1?from=2025-01-01&to=2025-01-31');
      const loading = page.locator('.state-loading');
      await loading.waitFor();
      assert.equal(await loading.getAttribute('role'), 'status');
      assert.equal(await loading.innerText(), 'Loading figures…');
      assert.equal(await figures(page), 0);
      release();
      assert.equal(await settled(page), 'empty');
      assert.equal(await page.locator('.state-empty').first().innerText(), 'No responses between Jan 1, 2025 and Jan 31, 2025.');
      assert.equal(await figures(page), 0);
      await page.unroute('**/v1/stats?*');
    } finally {
      await context.close();
    }
  });

  it('an unreachable collector is said plainly, with a retry that works', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'store');
      await settled(page);
      await page.route('**/v1/stats/trend?*', (route) => route.abort('connectionrefused'));
      await go(page, '#/overview/store/n1?from=2026-03-01');
      assert.equal(await settled(page), 'error');
      assert.match(await page.locator('.state-error').innerText(), /The collector could not be reached/);
      assert.equal(await figures(page), 0);
      await page.unroute('**/v1/stats/trend?*');
      await page.getByRole('button', { name: 'Try again' }).click();
      assert.equal(await settled(page), 'figures');
    } finally {
      await context.close();
    }
  });

  it('says which field is wrong when the API answers in another shape (a collector of another version)', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'regional');
      await settled(page);
      // The real trend endpoint, with one field renamed on the way: what an older collector would send.
      await page.route('**/v1/stats/trend?*', async (route) => {
        const real = (await (await route.fetch()).json()) as Record<string, unknown>;
        await route.fulfill({ json: { ...real, points: undefined, series: real.points } });
      });
      await page.reload();
      assert.equal(await settled(page), 'error');
      assert.match(await page.locator('.state-error').innerText(), /\/v1\/stats\/trend answered in an unexpected shape \(points: .+\); are the dashboard and the collector the same version\?/);
      assert.equal(await figures(page), 0);
      await page.unroute('**/v1/stats/trend?*');
      await page.reload();
      assert.equal(await settled(page), 'figures', 'the real API passes the same check');
    } finally {
      await context.close();
    }
  });

  it('an ended session brings back the login form, saying so', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'store');
      await settled(page);
      await env.collector.ctx.db.query('DELETE FROM sessions');
      await go(page, '#/kudos/store/n1');
      await page.getByText('Your session has ended. Please log in again.').waitFor();
      assert.equal(await page.locator('nav.views').count(), 0);
      assert.equal(await figures(page), 0);
      // Logging in again returns to the same address.
      await logIn(page, 'store');
      assert.equal(new URL(page.url()).hash, '#/kudos/store/n1');
    } finally {
      await context.close();
    }
  });
});
