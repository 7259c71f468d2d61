import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { logIn, openDashboard, pglite, responsesShown, settled, startDashboard, type DashboardEnvironment } from './support.js';

const heading = (page: Page) => page.locator('main h1').innerText().then((t) => t.replace(/\s+/g, ' '));

describe('dashboard flows: drill-down, feedback as text, export, log out (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  before(async () => {
    env = await startDashboard();
    await env.collector.ctx.db.query("INSERT INTO write_keys (key, brand_id) VALUES ('pk_browser_test', 'acme')");
  });
  after(() => env?.close());

  it('a regional manager drills down brand → store → staff by name, with breadcrumbs back up and the back button', async () => {
    const { context, page, cspErrors, pageErrors } = await openDashboard(env);
    try {
      await logIn(page, 'regional');
      assert.equal(await settled(page), 'figures');
      // The region compares its stores, by name with the id as secondary text; no store of another region.
      const stores = page.getByRole('region', { name: 'Stores in this region' });
      assert.deepEqual(await stores.locator('tbody th').allInnerTexts().then((rows) => rows.map((r) => r.replace(/\s+/g, ' '))), ['North One n1', 'North Two n2']);
      assert.equal(await page.getByRole('link', { name: 'South One' }).count(), 0);

      await stores.getByRole('link', { name: 'North One' }).click();
      await page.waitForFunction(() => location.hash === '#/overview/region/north/store/n1');
      assert.equal(await settled(page), 'figures');
      assert.equal(await heading(page), 'Customer feedback — North One');
      const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
      assert.deepEqual(await trail.getByRole('link').allInnerTexts(), ['North', 'North One']);
      assert.equal(await trail.getByRole('link', { name: 'North One' }).getAttribute('aria-current'), 'page');

      // Staff are one click below the team's results, collapsed.
      const staff = page.locator('details.staff');
      assert.equal(await staff.getAttribute('open'), null);
      await staff.locator('summary').click();
      await staff.getByRole('link', { name: 'Ann Lee' }).click();
      await page.waitForFunction(() => location.hash === '#/overview/region/north/store/n1/staff/ann');
      assert.equal(await settled(page), 'figures');
      assert.equal(await heading(page), 'Customer feedback — Ann Lee');
      assert.equal(await page.getByRole('heading', { level: 2, name: 'Individual results' }).count(), 1);
      assert.deepEqual(await trail.getByRole('link').allInnerTexts(), ['North', 'North One', 'Ann Lee']);

      await trail.getByRole('link', { name: 'North', exact: true }).click();
      await page.waitForFunction(() => location.hash === '#/overview/region/north');
      await page.goBack();
      await page.waitForFunction(() => location.hash === '#/overview/region/north/store/n1/staff/ann');
      assert.equal(await heading(page), 'Customer feedback — Ann Lee');
      assert.deepEqual(cspErrors, []);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  it('shows feedback sent moments before, as text: markup in it is shown, never run', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'store');
      assert.equal(await settled(page), 'figures');
      const before = Number(await responsesShown(page));
      // A shopper at North One sends feedback through the collector's public API, with markup in it.
      const text = `Browser test ${randomUUID().slice(0, 8)}: <b>lovely</b> staff <img src=x onerror=alert(1)>`;
      const res = await fetch(`${env.collector.url}/v1/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer pk_browser_test' },
        body: JSON.stringify({
          id: randomUUID(),
          schemaVersion: 1,
          surveyId: 'post-visit',
          createdAt: '2026-03-06T15:30:00.000Z',
          context: { channel: 'kiosk', brand: 'acme', region: 'north', store: 'n1' },
          answers: [
            { questionId: 'mood', type: 'smiley', value: 5 },
            { questionId: 'why', type: 'text', value: text },
          ],
        }),
      });
      assert.equal(res.status, 202, await res.text());
      await page.reload();
      assert.equal(await settled(page), 'figures');
      assert.equal(Number(await responsesShown(page)), before + 1);
      const comment = page.locator('.comments blockquote', { hasText: text });
      assert.equal(await comment.textContent(), text);
      assert.equal(await comment.locator('b, img').count(), 0);
      // In the store's time (Oslo, UTC+1 in March), with its score.
      const meta = page.locator('.comments li', { hasText: text }).locator('.meta');
      assert.match(await meta.innerText(), /Lowest rating 5\/5 · high\s+Mar 6, 2026, 4:30 PM GMT\+1\s+North One/);
    } finally {
      await context.close();
    }
  });

  it('exports the CSV of exactly the place and dates on screen', async () => {
    const { context, page } = await openDashboard(env, { hash: '#/overview/store/n1?from=2026-03-01&to=2026-03-03' });
    try {
      await logIn(page, 'store');
      assert.equal(await settled(page), 'figures');
      const link = page.getByRole('link', { name: 'Export CSV' });
      const href = (await link.getAttribute('href')) ?? '';
      assert.equal(href, '/v1/stats/export.csv?level=staff&store=n1&from=2026-03-01&to=2026-03-03');
      const csv = await page.evaluate((url) => fetch(url).then((r) => r.text()), href);
      assert.match(csv, /^staff,name,responses/);
      assert.match(csv, /ann,Ann Lee,2,/);
    } finally {
      await context.close();
    }
  });

  it('opens bookmarks of the first dashboard on the same screen', async () => {
    const { context, page } = await openDashboard(env, { hash: '#/region/north/store/n1?tab=employee&from=2026-03-01&to=2026-03-07' });
    try {
      await logIn(page, 'regional');
      await page.waitForFunction(() => location.hash === '#/pulse/region/north/store/n1?from=2026-03-01&to=2026-03-07');
      assert.equal(await heading(page), 'Employee pulse — North One');
    } finally {
      await context.close();
    }
  });

  it('keeps working when names or the language cannot be loaded or saved, and says so in a banner', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await page.route('**/v1/directory', (route) => route.fulfill({ status: 503, json: { error: 'unavailable', message: 'try later' } }));
      await page.route('**/v1/auth/me/preferences', (route) => (route.request().method() === 'PATCH' ? route.fulfill({ status: 500, json: { error: 'internal_error', message: 'Internal server error' } }) : route.fallback()));
      await logIn(page, 'regional');
      assert.equal(await settled(page), 'figures');
      const notices = page.getByRole('region', { name: 'Notices' });
      await notices.getByText('The names of regions, stores and staff could not be loaded; ids are shown instead.').waitFor();
      // The area keeps its place (and its name follows the language, see below).
      const banners = page.locator('sv-banners');
      // Without the directory, the heading says what it is about by id; the stats API still names the stores.
      assert.equal(await heading(page), 'Customer feedback — Region north');
      assert.equal(await page.getByRole('region', { name: 'Stores in this region' }).getByRole('link', { name: 'North One' }).count(), 1);

      await page.getByLabel('Language', { exact: true }).selectOption('fr');
      await banners.getByText('Votre langue n’a pas pu être enregistrée', { exact: false }).waitFor();
      assert.equal(await heading(page), 'Avis clients — Région north');
      // The first banner follows the language too.
      await banners.getByText('Les noms des régions, magasins et membres du personnel', { exact: false }).waitFor();
      await banners.getByRole('button', { name: 'Fermer' }).first().click();
      assert.equal(await banners.getByRole('listitem').count(), 1);
    } finally {
      await context.close();
    }
  });

  it('shows banners and the live status that later views raise, urgent ones as alerts', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'store');
      await settled(page);
      // A manager's dashboard connects to the live events by itself.
      await page.locator('sv-live-status .live.live').waitFor();
      await page.evaluate(() => {
        const view = document.querySelector('main .view');
        view?.dispatchEvent(new CustomEvent('sv-banner', { bubbles: true, detail: { id: 'manager-now', tone: 'urgent', text: 'A customer asks for a manager at the exit' } }));
        view?.dispatchEvent(new CustomEvent('sv-live-status', { bubbles: true, detail: 'live' }));
      });
      const alert = page.getByRole('alert').filter({ hasText: 'A customer asks for a manager at the exit' });
      await alert.waitFor();
      assert.equal(await page.locator('sv-live-status .live').innerText(), 'Live');
      // Raising it again replaces it rather than stacking copies.
      await page.evaluate(() => document.querySelector('main .view')?.dispatchEvent(new CustomEvent('sv-banner', { bubbles: true, detail: { id: 'manager-now', tone: 'urgent', text: 'A customer asks for a manager at the exit' } })));
      assert.equal(await page.locator('.banner').count(), 1);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      assert.equal(await page.locator('.banner').count(), 0);
    } finally {
      await context.close();
    }
  });

  it('logs out and is back at the login form, with the session ended on the server', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await logIn(page, 'corporate');
      await settled(page);
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.locator('sv-login button[type=submit]').waitFor();
      assert.equal(await page.locator('nav.views').count(), 0);
      assert.equal(await page.evaluate(() => fetch('/v1/auth/me').then((r) => r.status)), 401);
    } finally {
      await context.close();
    }
  });
});
