// The demo kiosk page (/kiosk/?store=042&device=exit-1) through 20 customers, with the shop's
// Wi-Fi down for half of them: every customer's feedback is stored exactly once after the network
// comes back. The network is cut with Playwright's offline emulation (`context.setOffline`): the
// browser reports offline and every request fails, the service worker's included, which is what a
// dropped Wi-Fi does; and coming back fires `online`, the signal the SDK's outbox flushes on.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { describeProblems, launchChromium, newContext, watchProblems } from './support/browser.js';
import { startDemoCollector, type DemoCollector } from './support/collector.js';
import { waitUntil } from './support/wait.js';

const LOOPS = 20;
/** Loops 6–10 and 16–20 run offline: queued submissions must survive the online loops in between too. */
const offlineLoop = (loop: number) => (loop - 1) % 10 >= 5;
/** Moods that skip the "What went wrong?" branch (2 or less), so every loop has the same screens. */
const MOODS = ['Okay', 'Good', 'Very good'] as const;

type Outcome = 'storevoice-sent' | 'storevoice-queued' | 'storevoice-error';

declare global {
  interface Window {
    __e2eOutcomes?: Outcome[];
  }
}

/** The widget's outcome event of every customer, in order (they bubble out of its shadow root). */
async function recordOutcomes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__e2eOutcomes = [];
    for (const type of ['storevoice-sent', 'storevoice-queued', 'storevoice-error'] as const) {
      document.addEventListener(type, () => window.__e2eOutcomes?.push(type));
    }
  });
}

const outcomes = (page: Page): Promise<Outcome[]> => page.evaluate(() => window.__e2eOutcomes ?? []);

/** One shopper: a face on the attract screen, Next past "Who helped you today?", a comment, Send, and the outcome. */
async function customer(page: Page, widget: Locator, loop: number, text: string): Promise<Outcome> {
  // The attract screen is the survey's first question; it is back once the previous customer's reset ran.
  const mood = widget.getByRole('radiogroup', { name: /How was your visit today/ });
  await mood.waitFor({ timeout: 10_000 }).catch((error: unknown) => {
    throw new Error(`loop ${loop}: the attract screen did not come back: ${String(error).split('\n')[0]}`);
  });
  await mood.getByRole('radio', { name: MOODS[loop % MOODS.length], exact: true }).click();
  await widget.getByRole('radiogroup', { name: /Who helped you today/ }).waitFor();
  await widget.getByRole('button', { name: 'Next' }).click();
  await widget.getByRole('textbox', { name: /Anything else/ }).fill(text);
  await widget.getByRole('button', { name: 'Send' }).click();
  const seen = await waitUntil(async () => {
    const list = await outcomes(page);
    return list.length >= loop && list;
  }, { timeout: 10_000, message: `loop ${loop}: no storevoice-sent/-queued/-error event after Send`, describe: async () => `events so far: ${(await outcomes(page)).join(', ') || 'none'}` });
  assert.equal(seen.length, loop, `loop ${loop}: one outcome per customer, got ${seen.join(', ')}`);
  return seen[loop - 1]!;
}

describe('kiosk page: 20 customers, network down for half of them', () => {
  let collector: DemoCollector;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    collector = await startDemoCollector();
    browser = await launchChromium();
    context = await newContext(browser);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await collector?.close();
  });

  it('stores exactly 20 submissions for device exit-1 after recovery: none lost, none twice', async () => {
    const page = await context.newPage();
    // Network errors while offline are expected console noise; violations and page errors are not.
    const problems = await watchProblems(page);
    await recordOutcomes(page);
    const run = randomUUID().slice(0, 8);
    const textOf = (loop: number) => `e2e kiosk ${run} customer ${loop}`;
    const countStored = async () => {
      const [row] = await collector.db.query<{ n: number }>("SELECT count(*)::int AS n FROM submissions WHERE device_id = 'exit-1'");
      return row?.n ?? 0;
    };
    assert.equal(await countStored(), 0, 'the seed has no device exit-1');

    // Short timings through the page's URL parameters: a 200 ms thank-you, no idle reset during the
    // test, and no anti-misuse gap (customers here are faster than any real one).
    await page.goto(`${collector.url}/kiosk/?store=042&device=exit-1&reset-delay=200&idle-timeout=120000&min-interval=0`);
    const widget = page.locator('#kiosk storevoice-widget');

    const results: Array<{ loop: number; offline: boolean; outcome: Outcome }> = [];
    for (let loop = 1; loop <= LOOPS; loop++) {
      const offline = offlineLoop(loop);
      await context.setOffline(offline);
      results.push({ loop, offline, outcome: await customer(page, widget, loop, textOf(loop)) });
    }
    const summary = results.map((r) => `${r.loop}${r.offline ? ' offline' : ''}: ${r.outcome}`).join('; ');
    // Offline, nothing can be acknowledged: the widget must say "saved", never "sent" nor an error.
    assert.ok(results.filter((r) => r.offline).every((r) => r.outcome === 'storevoice-queued'), `offline customers are queued: ${summary}`);
    assert.ok(results.every((r) => r.outcome !== 'storevoice-error'), `no customer sees an error: ${summary}`);

    await context.setOffline(false);
    await waitUntil(async () => (await countStored()) >= LOOPS, {
      timeout: 30_000,
      message: `after recovery, ${LOOPS} submissions of device exit-1 in the database`,
      describe: async () => `${await countStored()} stored; ${summary}`,
    });
    // Then the device's outbox drains completely (the staff badge "Offline · n queued" goes away), so
    // no late resend can still arrive after the count below.
    await widget
      .locator('[part~="offline-indicator"]')
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(async () => {
        throw new Error(`the kiosk's outbox did not drain: ${await widget.locator('[part~="offline-indicator"]').textContent().catch(() => '?')}`);
      });

    const rows = await collector.db.query<{ comment: string | null; store_id: string | null; region_id: string | null; channel: string; survey_id: string }>(
      "SELECT comment, store_id, region_id, channel, survey_id FROM submissions WHERE device_id = 'exit-1' ORDER BY comment",
    );
    assert.equal(rows.length, LOOPS, 'exactly one row per customer');
    assert.deepEqual(
      rows.map((r) => r.comment).sort(),
      Array.from({ length: LOOPS }, (_, i) => textOf(i + 1)).sort(),
      'each customer’s comment once',
    );
    for (const row of rows) {
      // The store comes from the link; its region is filled in from the hierarchy.
      assert.deepEqual({ store: row.store_id, region: row.region_id, channel: row.channel, survey: row.survey_id }, { store: '042', region: 'emea-north', channel: 'kiosk', survey: 'store-exit' });
    }
    assert.deepEqual([...problems.violations, ...problems.errors], [], `the kiosk page under the demo's strict CSP:\n${describeProblems(problems)}`);
  });
});
