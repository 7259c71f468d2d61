import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { escalateOverdueIdeas } from '../../../../demo/server/ideas/index.js';
import type { Collector } from '../../../../demo/server/server.js';
import { clockAt } from '../../cases/fixtures.js';
import { PASSWORD, seed, USERS } from '../../stats/fixtures.js';
import { startTestCollector } from '../../support/collector.js';
import { axeViolations, DESKTOP, ensureDashboardBuilt, horizontalOverflow, PHONE, pglite, TODAY, type Role } from './support.js';

const DAY = 86_400_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/**
 * Ideas upward and recognition in the dashboard, end to end in Chromium against a collector
 * whose clock the test moves: an idea travels staff → store manager → region after the
 * timeout, and its status comes back to staff; a manager forwards a kudos with thanks and the
 * staff member sees it. Axe on every screen, the staff's on a phone, forms by keyboard.
 */
describe('ideas and recognition in the dashboard (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  // The collector's clock starts at the real time, not the pages' fixed "today": the session
  // cookie's expiry is written from it, and the browser drops a cookie that expired in March.
  const clock = clockAt(new Date().toISOString());
  let collector: Collector;
  let browser: Browser;

  before(async () => {
    await ensureDashboardBuilt();
    collector = await startTestCollector(pglite!, { STAFF_MIN_RESPONSES: 2, CASE_WORKER_INTERVAL_MS: 0 }, { now: () => clock.now });
    await seed(collector.ctx.db);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  after(async () => {
    await browser?.close();
    await collector?.close();
  });

  /** A fresh profile, logged in as `role` on `hash`, the view settled. */
  async function as(role: Role, hash: string, viewport: { width: number; height: number } = DESKTOP): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
    const context = await browser.newContext({ viewport, locale: 'en-US', reducedMotion: 'reduce' });
    context.setDefaultTimeout(15_000);
    await context.clock.setFixedTime(TODAY);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) errors.push(message.text());
    });
    await page.goto(`${collector.url}/dashboard/${hash}`);
    await page.locator('#email').fill(USERS[role]);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('sv-login button[type=submit]').click();
    await page.locator('nav.views').waitFor();
    await page.waitForFunction(() => !document.querySelector('main .view .state-loading'));
    return { page, errors, close: () => context.close() };
  }

  it('an idea travels staff → store manager → region after the timeout, and its status comes back to staff', async () => {
    // Staff, on a phone: the form says how anonymity works before anything is written; sent by keyboard.
    const staff = await as('staff', '#/ideas', PHONE);
    try {
      await staff.page.locator('#idea-anonymity').waitFor();
      assert.match(await staff.page.locator('#idea-anonymity').innerText(), /anonymous: nobody, not even your manager/);
      assert.deepEqual(await axeViolations(staff.page), []);
      assert.equal(await horizontalOverflow(staff.page), 0);
      await staff.page.locator('#idea-text').focus();
      await staff.page.keyboard.type('Benches in the break room');
      await staff.page.keyboard.press('Tab');
      assert.equal(await staff.page.evaluate(() => (document.activeElement as HTMLInputElement).name), 'signed', 'signing is a choice, next on the way');
      assert.equal(await staff.page.locator('input[name=signed]').isChecked(), false, 'anonymous by default');
      await staff.page.keyboard.press('Tab');
      await staff.page.keyboard.press('Enter');
      await staff.page.getByText('Thank you. Your idea went to your store manager.').waitFor();
      const item = staff.page.locator('.ideas li', { hasText: 'Benches in the break room' });
      await item.waitFor();
      assert.match(await item.innerText(), /Waiting for an answer/);
      assert.match(await item.innerText(), /Anonymous/);
      assert.deepEqual(await axeViolations(staff.page), []);
      assert.deepEqual(staff.errors, []);
    } finally {
      await staff.close();
    }

    // The store manager has it at once; the region has nothing yet.
    const store = await as('store', '#/ideas');
    try {
      await store.page.locator('.ideas li', { hasText: 'Benches in the break room' }).waitFor();
      assert.match(await store.page.locator('.ideas li').first().innerText(), /Anonymous/);
      assert.deepEqual(await axeViolations(store.page), []);
    } finally {
      await store.close();
    }
    const early = await as('regional', '#/ideas');
    try {
      await early.page.getByText('No ideas yet.').waitFor();
    } finally {
      await early.close();
    }

    // Nobody at the store answered within the brand's 7 days: at the first midnight after, the
    // collector sends it up.
    clock.advance(8 * DAY);
    assert.equal((await escalateOverdueIdeas(collector.ctx)).length, 1);

    const region = await as('regional', '#/ideas');
    try {
      const item = region.page.locator('.ideas li', { hasText: 'Benches in the break room' });
      await item.waitFor();
      assert.match(await item.innerText(), /Sent to the region/);
      await region.page.locator('table.ideas-metrics').waitFor();
      assert.deepEqual(await axeViolations(region.page), []);
      // Answered by keyboard: status, reply, save.
      await item.locator('select').focus();
      await item.locator('select').selectOption('done');
      await region.page.keyboard.press('Tab');
      await region.page.keyboard.type('Done: two benches arrive on Monday.');
      await region.page.keyboard.press('Tab');
      await region.page.keyboard.press('Enter');
      await region.page.getByText('Answer saved. The team sees it.').waitFor();
      assert.deepEqual(region.errors, []);
    } finally {
      await region.close();
    }

    const back = await as('staff', '#/ideas', PHONE);
    try {
      const item = back.page.locator('.ideas li', { hasText: 'Benches in the break room' });
      await item.waitFor();
      await back.page.waitForFunction(() => document.querySelector('.ideas li .status')?.textContent === 'Done');
      assert.match(await item.innerText(), /Done: two benches arrive on Monday\./);
      assert.doesNotMatch(await back.page.locator('ul.ideas').innerHTML(), /\bann\b|Ann Lee/i, 'nothing in the list says who proposed it');
      assert.deepEqual(await axeViolations(back.page), []);
    } finally {
      await back.close();
    }
  });

  it('a manager forwards a kudos with thanks; the staff member sees their name, the kudos and the thanks', async () => {
    const store = await as('store', '#/kudos/store/n1');
    try {
      const form = store.page.locator('form.forward', { hasText: 'Ann Lee' }).first();
      await form.waitFor();
      await store.page.locator('table.recognition').waitFor();
      assert.deepEqual(await axeViolations(store.page), []);
      await form.locator('textarea').focus();
      await store.page.keyboard.type('Thank you, Ann: this is how we want every visit to feel.');
      await store.page.keyboard.press('Tab');
      await store.page.keyboard.press('Enter');
      await store.page.getByText('Sent. They will see it in their kudos.').waitFor();
      assert.deepEqual(store.errors, []);
    } finally {
      await store.close();
    }
    const staff = await as('staff', '#/kudos', PHONE);
    try {
      await staff.page.locator('h2.kudos-for').waitFor();
      assert.equal(await staff.page.locator('h2.kudos-for').innerText(), 'Kudos for Ann Lee');
      await staff.page.getByText('Ann was wonderful').waitFor();
      assert.match(await staff.page.locator('.kudos li').first().innerText(), /Thanks from Nils One: Thank you, Ann/);
      assert.equal(await horizontalOverflow(staff.page), 0);
      assert.deepEqual(await axeViolations(staff.page), []);
      assert.deepEqual(staff.errors, []);
    } finally {
      await staff.close();
    }
  });
});
