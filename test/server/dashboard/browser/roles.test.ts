import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  axeViolations,
  DESKTOP,
  headingLevels,
  horizontalOverflow,
  logIn,
  openAllDetails,
  openDashboard,
  PHONE,
  pglite,
  settled,
  smallTargets,
  startDashboard,
  type DashboardEnvironment,
  type Role,
} from './support.js';

/** What each role sees on landing: the place by name, their address, and their views. */
const ROLES: Record<Role, { heading: string; hash: string; views: string[] }> = {
  // Managers land on what needs them now: their inbox.
  corporate: { heading: 'Inbox — Acme Outfitters', hash: '#/inbox', views: ['Inbox', 'Customer feedback', 'Compare', 'Reasons', 'Employee pulse', 'Kudos', 'Ideas', 'Weekly digest', 'Alerts'] },
  regional: { heading: 'Inbox — North', hash: '#/inbox/region/north', views: ['Inbox', 'Customer feedback', 'Compare', 'Reasons', 'Employee pulse', 'Kudos', 'Ideas', 'Weekly digest', 'Alerts'] },
  store: { heading: 'Inbox — North One', hash: '#/inbox/store/n1', views: ['Inbox', 'Customer feedback', 'Reasons', 'Employee pulse', 'Kudos', 'Ideas', 'Weekly digest', 'Alerts'] },
  staff: { heading: 'Customer feedback — Ann Lee', hash: '#/overview/staff/ann', views: ['Customer feedback', 'Kudos', 'Ideas'] },
};

describe('dashboard per role, on a desktop and on a phone (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  // With the insight data, every view has something to show: lines, movers, answers, a page of comments.
  before(async () => (env = await startDashboard({ insights: true })));
  after(() => env?.close());

  for (const viewport of [DESKTOP, PHONE]) {
    const size = viewport === PHONE ? 'phone 390×844' : 'desktop 1280×800';
    for (const role of Object.keys(ROLES) as Role[]) {
      it(`${role}, ${size}: lands on their place by name; every view of their role is usable, axe-clean, headings in order, no sideways scrolling${viewport === PHONE ? ', targets ≥ 44 px' : ''}`, async () => {
        const { context, page, cspErrors, pageErrors } = await openDashboard(env, { viewport, hash: '' });
        try {
          await logIn(page, role);
          const expected = ROLES[role];
          assert.equal(await page.locator('main h1').innerText().then((t) => t.replace(/\s+/g, ' ')), expected.heading);
          assert.equal(new URL(page.url()).hash, expected.hash);
          assert.match(await page.title(), new RegExp(`^${expected.heading} · StoreVoice$`));
          const nav = page.getByRole('navigation', { name: 'Views' });
          assert.deepEqual(await nav.getByRole('link').allInnerTexts(), expected.views);

          for (const view of expected.views) {
            await nav.getByRole('link', { name: view }).click();
            const link = nav.getByRole('link', { name: view });
            await page.waitForFunction((name) => document.querySelector('nav.views a[aria-current="page"]')?.textContent === name, view);
            assert.equal(await nav.locator('a[aria-current="page"]').count(), 1);
            assert.equal(await link.getAttribute('aria-current'), 'page');
            const state = await settled(page);
            assert.notEqual(state, 'error', `${view}: ${await page.locator('.state-error').allInnerTexts()}`);
            assert.match(await page.locator('main h1').innerText(), new RegExp(`^${view}`));

            assert.equal(await horizontalOverflow(page), 0, `${view}: the page scrolls sideways`);
            assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= viewport.width, `${view}: wider than the screen`);
            if (viewport === PHONE) assert.deepEqual(await smallTargets(page), [], `${view}: targets under 44 px`);
            const levels = await headingLevels(page);
            assert.equal(levels.filter((l) => l === 1).length, 1, `${view}: one h1`);
            assert.ok(levels.every((level, i) => i === 0 || level <= (levels[i - 1] ?? 0) + 1), `${view}: headings skip a level: ${levels.join(',')}`);
            await openAllDetails(page);
            assert.equal(await horizontalOverflow(page), 0, `${view}: the page scrolls sideways with the tables open`);
            assert.deepEqual(await axeViolations(page), [], `${view}: axe`);
          }
          assert.deepEqual(cspErrors, []);
          assert.deepEqual(pageErrors, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('staff never reach the employee pulse: its address opens their own feedback', async () => {
    const { context, page } = await openDashboard(env, { hash: '#/pulse/store/n1' });
    try {
      await logIn(page, 'staff');
      await page.waitForFunction(() => location.hash === '#/overview/store/n1/staff/ann');
      assert.equal(await page.locator('main h1').innerText().then((t) => t.replace(/\s+/g, ' ')), 'Customer feedback — Ann Lee');
    } finally {
      await context.close();
    }
  });

  it('employee pulse stops at the store: a staff member in its address is dropped', async () => {
    const { context, page } = await openDashboard(env, { hash: '#/pulse/region/north/store/n1/staff/ann' });
    try {
      await logIn(page, 'regional');
      await page.waitForFunction(() => location.hash === '#/pulse/region/north/store/n1');
      assert.equal(await settled(page), 'figures');
    } finally {
      await context.close();
    }
  });
});
