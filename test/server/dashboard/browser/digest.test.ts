import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, DESKTOP, horizontalOverflow, logIn, openDashboard, PHONE, pglite, settled, smallTargets, startDashboard, type DashboardEnvironment } from './support.js';

/**
 * The printable weekly digest (views/digest) on the stats fixture. Week 10 (2–8 March 2026):
 * five customer answers with an NPS (North One 8, 6, 0, 10; North Two 7), week 9 four (+50);
 * North One fell from +100 to −25 with at least two answers in both weeks.
 */
describe('weekly digest view (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  before(async () => (env = await startDashboard()));
  after(() => env?.close());

  const cells = (page: import('playwright-core').Page, row: string) => page.locator('#digest-scores ~ .table-scroll tbody tr', { has: page.locator(`th:text-is("${row}")`) }).locator('td').allInnerTexts();

  for (const viewport of [DESKTOP, PHONE]) {
    const size = viewport === PHONE ? 'phone 390×844' : 'desktop 1280×800';
    it(`${size}: shows the week's scores against the week before, the movers, topics and cases; axe-clean, no sideways scrolling`, async () => {
      const { context, page, cspErrors, pageErrors } = await openDashboard(env, { viewport, hash: '#/digest?week=2026-W10' });
      try {
        await logIn(page, 'corporate');
        await page.getByRole('link', { name: 'Weekly digest' }).click();
        await page.goto(`${env.collector.url}/dashboard/#/digest?week=2026-W10`);
        assert.equal(await settled(page), 'figures');
        assert.match(await page.locator('main h1').innerText(), /^Weekly digest/);
        assert.match(await page.locator('.digest-week').innerText(), /Week 10\s+Mar 2, 2026 – Mar 8, 2026/);
        assert.deepEqual(await cells(page, 'Responses'), ['5', '4', '+1']);
        const nps = await cells(page, 'NPS');
        assert.match(nps[0] ?? '', /20.*n = 5/s);
        assert.match(nps[1] ?? '', /\+50.*n = 4/s);
        const mover = page.locator('#digest-movers ~ .table-scroll tbody tr');
        assert.equal(await mover.count(), 1);
        assert.equal(await mover.locator('th').innerText(), 'North One');
        assert.match(await mover.locator('td').last().innerText(), /▼ −125/);
        assert.equal(await horizontalOverflow(page), 0);
        if (viewport === PHONE) assert.deepEqual(await smallTargets(page), []);
        assert.deepEqual(await axeViolations(page), []);
        assert.deepEqual([cspErrors, pageErrors], [[], []]);
      } finally {
        await context.close();
      }
    });
  }

  it('goes to the week before by link, and prints the digest without the dashboard around it', async () => {
    const { context, page } = await openDashboard(env, { hash: '#/digest/region/north?week=2026-W10' });
    try {
      await logIn(page, 'regional');
      await page.goto(`${env.collector.url}/dashboard/#/digest/region/north?week=2026-W10`);
      await settled(page);
      await page.getByRole('link', { name: 'Previous week' }).click();
      await page.waitForFunction(() => location.hash.includes('week=2026-W09'));
      await settled(page);
      assert.match(await page.locator('.digest-week').innerText(), /Week 9/);
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['nav.views', 'header.top', '.digest-weeks', '.trail']) assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} on paper`);
      assert.equal(await page.locator('#digest-scores').isVisible(), true);
      assert.equal(await page.locator('#digest-cases').isVisible(), true);
    } finally {
      await context.close();
    }
  });

  it('is not offered to staff, and an address outside the scope clears the figures and says why', async () => {
    const staff = await openDashboard(env);
    try {
      await logIn(staff.page, 'staff');
      assert.equal(await staff.page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Weekly digest' }).count(), 0);
    } finally {
      await staff.context.close();
    }
    const store = await openDashboard(env);
    try {
      await logIn(store.page, 'store');
      await store.page.goto(`${env.collector.url}/dashboard/#/digest/store/n1?week=2026-W10`);
      assert.equal(await settled(store.page), 'figures');
      await store.page.goto(`${env.collector.url}/dashboard/#/digest/store/n1?week=2026-W99`);
      assert.equal(await settled(store.page), 'error');
      assert.equal(await store.page.locator('.digest').count(), 0);
    } finally {
      await store.context.close();
    }
  });
});
