import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { EXIT_COMMENTS } from './insights-data.js';
import { axeViolations, horizontalOverflow, logIn, openDashboard, PHONE, pglite, settled, smallTargets, startDashboard, type DashboardEnvironment } from './support.js';

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const comments = (page: Page) => page.locator('sv-reasons-view .comments > li blockquote').allInnerTexts();
/** The answers table of a question, as "label count share" rows. */
const answerRows = (page: Page, question: string) =>
  page
    .getByRole('table', { name: question })
    .locator('tbody tr')
    .allInnerTexts()
    .then((rows) => rows.map(clean));
/** Waits until the comments show the answer to the current address. */
const commentsSettled = (page: Page) => page.waitForFunction(() => !document.querySelector('sv-reasons-view .state-loading'));

/** Comments at North One in the default range: the 28 kiosk comments and 5 from the stats fixture. */
const AT_NORTH_ONE = EXIT_COMMENTS.length + 5;
const SIZE = EXIT_COMMENTS.filter((c) => c.reasons.includes('stock')).length;

describe('dashboard reasons: every answer, comments searched and filtered (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  before(async () => (env = await startDashboard({ insights: true })));
  after(() => env?.close());

  it("shows every question's answers, the follow-up's labels in the reader's language, and a page of comments at a time", async () => {
    const { context, page, pageErrors } = await openDashboard(env, { hash: '#/reasons' });
    try {
      await logIn(page, 'store');
      assert.equal(await settled(page), 'figures');
      assert.equal(clean(await page.locator('main h1').innerText()), 'Reasons — North One');
      // "What went wrong?", asked after a low score: each option by its label, with its count and share of the 28 answers.
      assert.deepEqual(await answerRows(page, 'What went wrong?'), ['Long queue at the till — Comments 19 68%', 'No one to help me — Comments 9 32%', 'Item out of stock — Comments 9 32%']);
      assert.deepEqual(await answerRows(page, 'How was your visit today?'), ['1 — Comments 14 50%', '2 — Comments 14 50%']);
      await page.getByText('Answered in words: 28 (see the comments below).').waitFor();

      // 25 at a time; "Load more" adds the rest after them and disappears on the last page.
      assert.equal((await comments(page)).length, 25);
      await page.getByRole('button', { name: 'Load more comments' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('sv-reasons-view .comments > li').length === n, AT_NORTH_ONE);
      assert.equal(new Set(await comments(page)).size, AT_NORTH_ONE, 'no comment twice');
      assert.equal(await page.getByRole('button', { name: 'Load more comments' }).count(), 0);
      assert.equal(await page.getByRole('status').filter({ hasText: `Comments shown: ${AT_NORTH_ONE}` }).count(), 1);

      // (On the second page:) each comment with its score and what it means, its other answers, and the store's local time.
      const second = page.locator('sv-reasons-view .comments > li').filter({ has: page.locator('blockquote', { hasText: /^Queue at the till, visit 2$/ }) });
      assert.deepEqual((await second.locator('.answers li').allInnerTexts()).map(clean), ['How was your visit today?: 2', 'What went wrong?: Long queue at the till and No one to help me']);
      assert.equal(clean(await second.locator('.meta').innerText()), 'Lowest rating 2/5 · low Feb 11, 2026, 10:15 AM GMT+1 North One');

      // In German: the survey's German texts, the dashboard's German words.
      await page.getByLabel('Language', { exact: true }).selectOption('de');
      await page.getByRole('table', { name: 'Was lief schief?' }).waitFor();
      assert.deepEqual((await answerRows(page, 'Was lief schief?')).map((row) => row.split(' — ')[0]), ['Lange Schlange an der Kasse', 'Niemand konnte mir helfen', 'Artikel nicht vorrätig']);
      assert.match(clean(await second.locator('.answers').innerText()), /^Wie war Ihr Besuch heute\?: 2 Was lief schief\?: Lange Schlange an der Kasse und Niemand konnte mir helfen$/);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  it('searches and filters comments by text, score, question and answer, staff and store; each search is an address', async () => {
    const { context, page } = await openDashboard(env, { hash: '#/reasons' });
    try {
      await logIn(page, 'regional');
      assert.equal(await settled(page), 'figures');
      await page.getByLabel('Search in comments').fill('SIZE');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForFunction(() => location.hash.includes('q=SIZE'));
      await commentsSettled(page);
      assert.equal((await comments(page)).length, SIZE);
      assert.ok((await comments(page)).every((text) => text.startsWith('Nothing in my size')));
      // The search keeps the focus on the form: the results are announced.
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim()), 'Search');
      await page.getByRole('status').filter({ hasText: `Comments shown: ${SIZE}` }).waitFor();

      // The answer "Long queue at the till" links to the comments that gave it, and moves there.
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.waitForFunction(() => !location.hash.includes('q='));
      await page.getByRole('link', { name: 'Long queue at the till — Comments' }).click();
      await page.waitForFunction(() => location.hash.includes('answer=queue') && location.hash.includes('question=reasons'));
      await commentsSettled(page);
      assert.equal((await comments(page)).length, 19);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'comments-h');
      assert.equal(await page.getByLabel('Question').inputValue(), 'reasons');
      assert.equal(await page.getByLabel('Answer', { exact: true }).inputValue(), 'queue');

      // NPS detractors at North One, by score band and store.
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByLabel('Score').selectOption('detractor');
      await page.getByLabel('Store', { exact: true }).selectOption('n1');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForFunction(() => location.hash.startsWith('#/reasons/region/north/store/n1') && location.hash.includes('score=detractor'));
      await commentsSettled(page);
      assert.deepEqual(await comments(page), ['Slow, "very" slow\nand rude', '=HYPERLINK("http://evil.test","click")', 'Old news']);

      // One staff member (at the minimum): only feedback that names them.
      await page.getByLabel('Score').selectOption('');
      await page.getByLabel('Staff member').selectOption('ann');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForFunction(() => location.hash.startsWith('#/reasons/region/north/store/n1/staff/ann'));
      await commentsSettled(page);
      assert.deepEqual(await comments(page), ['Ann was wonderful']);
      assert.match(clean(await page.locator('sv-reasons-view .comments .meta').innerText()), /Staff: Ann Lee$/);

      // Back: the previous search, with its figures.
      await page.goBack();
      await page.waitForFunction(() => location.hash.includes('score=detractor'));
      await commentsSettled(page);
      assert.equal((await comments(page)).length, 3);
      assert.equal(await page.getByLabel('Score').inputValue(), 'detractor');
    } finally {
      await context.close();
    }
  });

  it('says when nothing matches, and is usable on a phone', async () => {
    const { context, page } = await openDashboard(env, { hash: '#/reasons?q=nothing-like-this', viewport: PHONE });
    try {
      await logIn(page, 'corporate');
      await commentsSettled(page);
      await page.getByText('No comments match these filters.').waitFor();
      assert.equal(await horizontalOverflow(page), 0);
      assert.deepEqual(await smallTargets(page), []);
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });
});
