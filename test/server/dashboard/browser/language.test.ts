import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { USERS } from '../../stats/fixtures.js';
import { axeViolations, horizontalOverflow, logIn, openDashboard, PHONE, pglite, settled, startDashboard, type DashboardEnvironment } from './support.js';

const heading = (page: Page) => page.locator('main h1').innerText().then((t) => t.replace(/\s+/g, ' '));
const html = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('dashboard languages: switch, remembered per user, right to left (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  before(async () => (env = await startDashboard()));
  after(() => env?.close());
  const savedLocale = async (email: string) => (await env.collector.ctx.db.query<{ locale: string | null }>('SELECT locale FROM users WHERE email = $1', [email]))[0]?.locale;

  it("opens in the browser's language, switches at once, and keeps the choice across a reload and a new login elsewhere", async () => {
    const first = await openDashboard(env, { locale: 'en-US' });
    try {
      await logIn(first.page, 'regional');
      assert.equal(await settled(first.page), 'figures');
      assert.deepEqual(await html(first.page), { lang: 'en', dir: 'ltr' });
      assert.equal(await heading(first.page), 'Customer feedback — North');

      const saved = first.page.waitForResponse((r) => r.url().endsWith('/v1/auth/me/preferences') && r.request().method() === 'PATCH');
      await first.page.getByLabel('Language', { exact: true }).selectOption('de');
      await first.page.waitForFunction(() => document.documentElement.lang === 'de');
      assert.equal(await heading(first.page), 'Kundenfeedback — North');
      assert.deepEqual(await first.page.getByRole('navigation', { name: 'Ansichten' }).getByRole('link').allInnerTexts(), ['Posteingang', 'Kundenfeedback', 'Vergleich', 'Gründe', 'Mitarbeiter-Puls', 'Lob', 'Ideen', 'Wochenbericht', 'Warnungen']);
      assert.equal(await first.page.getByRole('button', { name: 'Abmelden' }).count(), 1);
      // Numbers and dates in German: a decimal comma, a German date.
      assert.match(await first.page.locator('sv-kpis .kpi').first().innerText(), /NPS\s+[+-]?\d+(,\d)?\s+n = \d+/);
      assert.equal(await first.page.getByLabel('Von').inputValue(), '2026-02-06');
      assert.equal((await saved).status(), 200);
      assert.equal(await savedLocale(USERS.regional), 'de');

      await first.page.reload();
      await first.page.locator('nav.views').waitFor();
      assert.equal(await heading(first.page), 'Kundenfeedback — North');
      assert.deepEqual(await html(first.page), { lang: 'de', dir: 'ltr' });
      // The inbox's working texts too, not only its title.
      await first.page.evaluate(() => (location.hash = '#/inbox'));
      assert.match(await first.page.locator('.case-counts').innerText(), /^\d+ offen · \d+ überfällig · \d+ eskaliert$/);
    } finally {
      await first.context.close();
    }
    // Another browser (no cookies), whose own language is French: the user's choice wins after login.
    const second = await openDashboard(env, { locale: 'fr-FR' });
    try {
      assert.equal(await second.page.locator('sv-login button[type=submit]').innerText(), 'Se connecter');
      await logIn(second.page, 'regional');
      await second.page.waitForFunction(() => document.documentElement.lang === 'de');
      assert.equal(await heading(second.page), 'Kundenfeedback — North');
    } finally {
      await second.context.close();
    }
  });

  it('remembers a language picked on the login form once the user is signed in', async () => {
    const { context, page } = await openDashboard(env, { locale: 'en-US' });
    try {
      assert.equal(await savedLocale(USERS.store), null);
      await page.getByLabel('Language', { exact: true }).selectOption('ja');
      assert.equal(await page.locator('.login h1').innerText(), 'StoreVoice ダッシュボードにログイン');
      const saved = page.waitForResponse((r) => r.url().endsWith('/v1/auth/me/preferences') && r.request().method() === 'PATCH');
      await logIn(page, 'store');
      assert.equal(await heading(page), 'お客様の声 — North One');
      assert.equal((await saved).status(), 200);
      assert.equal(await savedLocale(USERS.store), 'ja');
    } finally {
      await context.close();
    }
  });

  it('lays Arabic out right to left, on a phone too, axe-clean', async () => {
    const { context, page } = await openDashboard(env, { locale: 'ar', viewport: PHONE });
    try {
      assert.deepEqual(await html(page), { lang: 'ar', dir: 'rtl' });
      await logIn(page, 'corporate');
      assert.equal(await settled(page), 'figures');
      assert.equal(await heading(page), 'آراء العملاء — Acme Outfitters');
      // The brand sits at the start of the line, which is the right in Arabic.
      const brand = await page.locator('.top .brand').boundingBox();
      assert.ok(brand && brand.x + brand.width > PHONE.width - 40, `brand at the right: ${JSON.stringify(brand)}`);
      assert.equal(await horizontalOverflow(page), 0);
      assert.deepEqual(await axeViolations(page), []);
      await page.getByLabel('اللغة').selectOption('he');
      await page.waitForFunction(() => document.documentElement.lang === 'he' && document.documentElement.dir === 'rtl');
      await page.getByLabel('שפה').selectOption('en');
      await page.waitForFunction(() => document.documentElement.lang === 'en' && document.documentElement.dir === 'ltr');
    } finally {
      await context.close();
    }
  });

  it("shows each comment at its store's local time, with the zone", async () => {
    const { context, page } = await openDashboard(env, { locale: 'en-GB' });
    try {
      await logIn(page, 'corporate');
      await page.evaluate(() => (location.hash = '#/overview/region/north/store/n1'));
      await settled(page);
      // 2026-03-01T09:00:00Z at North One (Europe/Oslo) is 10:00 CET.
      const ann = page.locator('.comments li', { hasText: 'Ann was wonderful' });
      assert.match(await ann.locator('time').innerText(), /^1 Mar 2026, 10:00 CET$/);
      assert.equal(await ann.locator('time').getAttribute('datetime'), '2026-03-01T09:00:00.000Z');
      await page.evaluate(() => (location.hash = '#/overview/region/south/store/s1'));
      await settled(page);
      // 2026-03-01T12:00:00Z at South One (Europe/London) is 12:00 GMT.
      assert.match(await page.locator('.comments li', { hasText: 'Dan ignored me' }).locator('time').innerText(), /^1 Mar 2026, 12:00 GMT$/);
    } finally {
      await context.close();
    }
  });
});
