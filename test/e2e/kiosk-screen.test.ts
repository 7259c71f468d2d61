// What a customer sees on the demo kiosk page at the link `npm start` prints
// (/kiosk/?store=042&device=exit-1): the brand's and the store's names, language buttons for the
// seeded survey's two languages, and no "required" marker on the attract screen; axe-clean at a
// tablet's and a phone's size.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { describeProblems, launchChromium, newContext, watchProblems } from './support/browser.js';
import { startDemoCollector, type DemoCollector } from './support/collector.js';

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> };
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes[0]?.target)}`);
  });
}

describe('kiosk page: what customers see at the link npm start prints', () => {
  let collector: DemoCollector;
  let browser: Browser;
  before(async () => {
    collector = await startDemoCollector();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await collector?.close();
  });

  for (const viewport of [{ width: 1024, height: 768 }, { width: 390, height: 844 }]) {
    it(`${viewport.width} × ${viewport.height}: brand and store name, English and Svenska buttons, no required marker, axe-clean`, async () => {
      const context = await newContext(browser, { viewport });
      try {
        const page = await context.newPage();
        const problems = await watchProblems(page);
        await page.goto(`${collector.url}/kiosk/?store=042&device=exit-1`);
        const widget = page.locator('#kiosk storevoice-widget');
        const mood = widget.getByRole('radiogroup', { name: /How was your visit today/ });
        await mood.waitFor();
        await page.locator('#place:not([hidden])').waitFor();
        assert.equal((await page.locator('#place').innerText()).replace(/\s+/g, ' '), 'Acme Outfitters Stockholm Drottninggatan');
        const languages = widget.getByRole('group', { name: /language/i }).getByRole('button');
        assert.deepEqual(await languages.allInnerTexts(), ['English', 'Svenska']);
        assert.equal(await widget.locator('.attract .required').count(), 0);
        assert.deepEqual(await mood.getByRole('radio').allInnerTexts(), ['Very bad', 'Bad', 'Okay', 'Good', 'Very good']);
        assert.deepEqual(await axeViolations(page), []);
        await languages.nth(1).click();
        await widget.getByRole('radiogroup', { name: /Hur var ditt besök idag/ }).waitFor();
        assert.deepEqual([...problems.violations, ...problems.errors], [], describeProblems(problems));
      } finally {
        await context.close();
      }
    });
  }
});
