// End to end, as a retailer runs it: the demo shop page (one script tag, under the collector's
// strict CSP) → a shopper answers the post-purchase survey → the row in the database carries the
// brand, region, store and staff of the page → the store manager sees the comment on the dashboard.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { describeProblems, launchChromium, newContext, watchProblems } from './support/browser.js';
import { demoLogin, startDemoCollector, type DemoCollector } from './support/collector.js';

interface StoredRow extends Record<string, unknown> {
  brand_id: string;
  region_id: string | null;
  store_id: string | null;
  staff_ids: string[];
  channel: string;
  survey_id: string;
  nps: number | null;
  csat: number | null;
  flags: string[];
  comment: string | null;
  body: { context: { page?: { url?: string } } };
}

describe('shop page → collector → dashboard', () => {
  let collector: DemoCollector;
  let browser: Browser;
  // Unique per run, and with markup: it must come back on the dashboard as text.
  const comment = `Quick pickup, thanks <b>Astrid</b> · e2e ${randomUUID().slice(0, 8)}`;

  before(async () => {
    collector = await startDemoCollector();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await collector?.close();
  });

  it('a shopper answers the launcher survey; the submission is stored with the page’s context, with no CSP violation', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const problems = await watchProblems(page);
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      const response = await page.goto(`${collector.url}/shop/`);
      // The point of this page: the widget under the policy retailers are told to use.
      assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'; style-src 'self'/, 'the shop page is served with the strict CSP');

      await page.getByRole('button', { name: 'Give feedback' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tell us about your order' });
      await dialog.waitFor();
      await dialog.getByRole('radiogroup', { name: /recommend us/ }).getByRole('radio', { name: '9', exact: true }).click();
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('radiogroup', { name: /How satisfied/ }).getByRole('radio', { name: 'Very satisfied' }).click();
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('textbox', { name: /main reason/ }).fill(comment);
      await dialog.getByRole('button', { name: 'Send' }).click();
      // The survey's own thank-you is only shown once the collector acknowledged it (not "saved for later").
      await dialog.getByRole('status').filter({ hasText: 'Thanks for helping us improve!' }).waitFor();

      const rows = await collector.db.query<StoredRow>('SELECT brand_id, region_id, store_id, staff_ids, channel, survey_id, nps, csat, flags, comment, body FROM submissions WHERE comment = $1', [comment]);
      assert.equal(rows.length, 1, 'exactly one row for this shopper');
      const row = rows[0]!;
      assert.deepEqual(
        { brand: row.brand_id, region: row.region_id, store: row.store_id, staff: row.staff_ids, channel: row.channel, survey: row.survey_id, nps: row.nps, csat: row.csat, flags: row.flags },
        // From the script tag's data-* attributes; known ids of the demo hierarchy, so no flags.
        { brand: 'acme', region: 'emea-north', store: '042', staff: ['emp-17'], channel: 'web', survey: 'post-purchase', nps: 9, csat: 5, flags: [] },
      );
      assert.equal(row.body.context.page?.url, `${collector.url}/shop/`, 'the page the feedback came from');
      // data-context-from-url costs nothing on an address without sv_* parameters.
      assert.ok(!requested.includes('/url-context.js'), 'url-context.js is not loaded without sv_* parameters');

      assert.deepEqual(problems.violations, [], `CSP violations on the shop page:\n${describeProblems(problems)}`);
      assert.deepEqual([...problems.errors, ...problems.console], [], `problems on the shop page:\n${describeProblems(problems)}`);
    } finally {
      await context.close();
    }
  });

  it('the store manager logs in and finds the comment under store 042', async () => {
    // Another device: the manager's own browser, not the shopper's session.
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const problems = await watchProblems(page);
      const { email, password } = demoLogin('store');
      assert.equal(email, 'store042@acme.example');
      await page.goto(`${collector.url}/dashboard/`);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();

      await page.getByText('Store manager').waitFor();
      // A store manager starts at their store's inbox, named in the heading (not "store 042"), and
      // finds the comment under Customer feedback.
      await page.getByRole('heading', { level: 1, name: 'Inbox — Stockholm Drottninggatan' }).waitFor();
      assert.equal(new URL(page.url()).hash, '#/inbox/store/042');
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Customer feedback' }).click();
      await page.getByRole('heading', { level: 1, name: 'Customer feedback — Stockholm Drottninggatan' }).waitFor();
      assert.equal(new URL(page.url()).hash, '#/overview/store/042');

      const quote = page.locator('.comments blockquote', { hasText: comment });
      await quote.waitFor();
      // Shown as text: the shopper's markup is visible, not rendered.
      assert.equal(await quote.textContent(), comment);
      assert.equal(await quote.locator('b').count(), 0);
      assert.deepEqual(problems.violations, [], `CSP violations on the dashboard:\n${describeProblems(problems)}`);
      assert.deepEqual(problems.errors, [], `page errors on the dashboard:\n${describeProblems(problems)}`);
    } finally {
      await context.close();
    }
  });
});
