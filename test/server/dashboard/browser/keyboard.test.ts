import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PASSWORD, USERS } from '../../stats/fixtures.js';
import { openDashboard, pglite, settled, startDashboard, type DashboardEnvironment } from './support.js';

/** The focused element: a short description, and whether its focus is visible (an outline of 2 px or more). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { label: 'body', visible: false };
    const style = getComputedStyle(el);
    const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    // Chromium's calendar button inside a date field is a tab stop of its own, in the field's
    // closed shadow root: its ring (dashboard.css) is not in the field's computed style.
    const pickerButton = el instanceof HTMLInputElement && el.type === 'date' && !el.matches(':focus');
    return { label, visible: pickerButton || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) };
  });

/** Presses Tab until the focused element's description matches, checking every stop shows its focus. */
async function tabTo(page: Page, target: RegExp, { backwards = false, max = 60 } = {}): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    assert.ok(now.visible, `focus is visible on ${now.label}`);
    if (target.test(now.label)) return;
  }
  assert.fail(`no focusable element matches ${target} within ${max} presses`);
}

describe('dashboard by keyboard alone (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  before(async () => (env = await startDashboard()));
  after(() => env?.close());

  it('logs in, skips to the content, switches views, drills down, sets dates and goes back, with visible focus at every stop', async () => {
    const { context, page } = await openDashboard(env);
    try {
      await page.locator('sv-login').waitFor();
      await tabTo(page, /^input#email/);
      await page.keyboard.type(USERS.regional);
      await tabTo(page, /^input#password/);
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.locator('nav.views').waitFor();
      // Focus lands on the new page's heading, not on <body>.
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      assert.equal(await settled(page), 'figures');

      // A fresh page load, from the top: the skip link comes first, shows itself, and jumps to the content.
      await page.reload();
      assert.equal(await settled(page), 'figures');
      await page.keyboard.press('Tab');
      assert.match((await focused(page)).label, /^a "Skip to content"/);
      const skip = await page.locator('.skip-link').boundingBox();
      assert.ok(skip && skip.y >= 0, 'the skip link is on screen when focused');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      assert.equal(new URL(page.url()).hash, '#/overview/region/north', 'skipping does not change the address');

      // The navigation, by keyboard: Kudos, then back to customer feedback.
      await tabTo(page, /^a "Kudos"/, { backwards: true });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#/kudos/region/north');
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent?.startsWith('Kudos'));
      assert.equal(await page.getByRole('link', { name: 'Kudos' }).getAttribute('aria-current'), 'page');
      await tabTo(page, /^a "Customer feedback"/, { backwards: true });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#/overview/region/north');
      assert.equal(await settled(page), 'figures');

      // Drill down: the table's scroll box takes focus (so it can be scrolled by keys), then the store link.
      await tabTo(page, /^div "Stores in this region/);
      await tabTo(page, /^a "North Two/);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#/overview/region/north/store/n2');
      assert.equal(await settled(page), 'figures');

      // Dates typed into the fields (month, day, year in en-US), applied with Enter.
      await tabTo(page, /^input#range-from/);
      await page.keyboard.type('03012026');
      await tabTo(page, /^input#range-to/);
      await page.keyboard.type('03022026');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#/overview/region/north/store/n2?from=2026-03-01&to=2026-03-02');
      assert.equal(await settled(page), 'figures');

      // The back button walks the same way back.
      await page.goBack();
      await page.waitForFunction(() => location.hash === '#/overview/region/north/store/n2');
      await page.goBack();
      await page.waitForFunction(() => location.hash === '#/overview/region/north');
      assert.equal(await settled(page), 'figures');

      // Log out by keyboard.
      await tabTo(page, /^button "Log out"/, { backwards: true });
      await page.keyboard.press('Enter');
      await page.locator('sv-login').waitFor();
    } finally {
      await context.close();
    }
  });
});
