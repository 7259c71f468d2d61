import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, DESKTOP, horizontalOverflow, logIn, openDashboard, PHONE, pglite, settled, smallTargets, startDashboard, type DashboardEnvironment } from './support.js';

/**
 * Topics on the customer-feedback view, with the stats fixture's comments tagged by hand (the
 * fixture inserts rows without ingest): staff three times (two with a low score), queue once.
 */
describe('topics and the topic filter on comments (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  before(async () => {
    env = await startDashboard();
    const tag = (topics: string[], comment: string) => env.collector.ctx.db.query('UPDATE submissions SET topics = $1 WHERE comment = $2', [topics, comment]);
    await tag(['queue', 'staff'], 'Slow, "very" slow\nand rude');
    await tag(['staff'], 'Dan ignored me');
    await tag(['staff'], 'Great help from Cat');
  });
  after(() => env?.close());

  for (const viewport of [DESKTOP, PHONE]) {
    const size = viewport === PHONE ? 'phone 390×844' : 'desktop 1280×800';
    it(`${size}: counts topics per scope, filters the comments by a topic through the address, and back`, async () => {
      const { context, page, cspErrors, pageErrors } = await openDashboard(env, { viewport });
      try {
        await logIn(page, 'corporate');
        assert.equal(await settled(page), 'figures');
        const rows = page.locator('table.topics tbody tr');
        await rows.first().waitFor();
        assert.deepEqual(await rows.locator('th').allInnerTexts(), ['Staff', 'Queue']);
        assert.deepEqual(await rows.first().locator('td').first().innerText(), '3');
        assert.deepEqual(await rows.nth(1).locator('td').first().innerText(), '1');
        assert.deepEqual(await axeViolations(page), []);
        if (viewport === PHONE) assert.deepEqual(await smallTargets(page), []);
        assert.equal(await horizontalOverflow(page), 0);

        await page.getByRole('link', { name: 'Queue: Show its comments' }).click();
        await page.waitForFunction(() => location.hash.includes('topic=queue'));
        const filtered = page.locator('sv-topics sv-comments blockquote');
        await filtered.first().waitFor();
        assert.equal(await page.locator('#topic-comments-h').innerText(), 'Comments about Queue');
        assert.deepEqual((await filtered.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ')), ['Slow, "very" slow and rude']);
        assert.equal(await page.getByRole('link', { name: 'Queue: Show its comments' }).getAttribute('aria-current'), 'true');
        assert.deepEqual(await axeViolations(page), []);

        await page.goBack();
        await page.waitForFunction(() => !location.hash.includes('topic='));
        await page.locator('#topic-comments-h').waitFor({ state: 'detached' });
        // Narrowed to South: only Dan's comment, about staff.
        await page.goto(`${env.collector.url}/dashboard/#/overview/region/south?topic=staff`);
        await page.locator('sv-topics sv-comments blockquote').first().waitFor();
        assert.deepEqual(await page.locator('table.topics tbody tr th').allInnerTexts(), ['Staff']);
        assert.deepEqual(await page.locator('sv-topics sv-comments blockquote').allInnerTexts(), ['Dan ignored me']);
        assert.deepEqual([cspErrors, pageErrors], [[], []]);
      } finally {
        await context.close();
      }
    });
  }
});
