// Voice of the employee, end to end on the seeded demo: a staff member opens store 023's pulse
// link on a phone, reads how anonymity works, answers; the store's manager sees nothing but
// "not enough answers yet" until the team reaches STAFF_MIN_RESPONSES, then the aggregate and
// day-dated comments only. Keys stay in their lane (customer ↔ pulse), and a revoked link is refused.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uuidv7, type Submission } from '../../sdk/index.js';
import { login } from '../server/stats/client.js';
import { axeViolations } from './support/axe.js';
import { describeProblems, launchChromium, newContext, watchProblems } from './support/browser.js';
import { demoLogin, startDemoCollector, type DemoCollector } from './support/collector.js';
import { waitUntil } from './support/wait.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** Copenhagen: seeded with a pulse key and no pulse answers, so the rule shows from zero. */
const STORE = '023';
const KEY = `pk_pulse_demo_${STORE}`;

const pulseAnswer = (comment: string): Submission => ({
  id: uuidv7(),
  schemaVersion: 1,
  surveyId: 'employee-pulse',
  createdAt: new Date().toISOString(),
  context: { channel: 'employee', brand: 'acme', store: STORE },
  answers: [
    { questionId: 'shift', type: 'smiley', value: 4 },
    { questionId: 'comment', type: 'text', value: comment },
  ],
});

const post = (url: string, key: string, body: unknown) =>
  fetch(`${url}/v1/submissions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function logInAsStoreManager(page: Page, url: string): Promise<void> {
  const { email, password } = demoLogin('store');
  // The first store manager of the demo is 042's; 023's has the same password.
  await page.goto(`${url}/dashboard/`);
  await page.locator('#email').fill(email.replace('042', STORE));
  await page.locator('#password').fill(password);
  await page.locator('sv-login button[type=submit]').click();
  await page.locator('nav.views').waitFor();
  // Their landing place first (the inbox, with the store's name from the directory): an address
  // typed while the dashboard is still placing them could be replaced by that landing place.
  await page.getByRole('heading', { level: 1, name: /^Inbox — / }).waitFor();
  await page.goto(`${url}/dashboard/#/pulse/store/${STORE}`);
  await page.locator('sv-pulse-view .kpis, sv-pulse-view .state-empty').first().waitFor();
}

describe('employee pulse from a phone to the manager, under the anonymity rule (Chromium)', () => {
  let collector: DemoCollector;
  let browser: Browser;
  let phone: BrowserContext;
  let desktop: BrowserContext;
  const run = randomUUID().slice(0, 8);
  const first = `e2e pulse ${run} first answer`;

  before(async () => {
    collector = await startDemoCollector();
    browser = await launchChromium();
    phone = await newContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true, locale: 'en-GB' });
    desktop = await newContext(browser, { viewport: DESKTOP, locale: 'en-GB' });
  });
  after(async () => {
    await phone?.close();
    await desktop?.close();
    await browser?.close();
    await collector?.close();
  });

  const employeeCount = async () => {
    const [row] = await collector.db.query<{ n: number }>("SELECT count(*)::int AS n FROM submissions WHERE channel = 'employee' AND store_id = $1", [STORE]);
    return row?.n ?? 0;
  };

  it('a staff member reads the anonymity note, then answers by keyboard and touch on a phone', async () => {
    assert.equal(await employeeCount(), 0, 'store 023 starts without pulse answers');
    const page = await phone.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${collector.url}/pulse/#k=${KEY}`);
    const note = page.getByRole('region', { name: 'How your answers stay anonymous' });
    await note.waitFor();
    assert.match(await note.innerText(), /never stored/);
    assert.match(await note.innerText(), /at least 10 colleagues/);
    assert.match(await page.locator('.store').innerText(), /Copenhagen Strøget/);
    assert.deepEqual(await axeViolations(page), [], 'the pulse page before the first question');
    assert.equal(await page.locator('storevoice-widget').count(), 0, 'no question before the note was read');

    // Keyboard: the first stop is the start button, after the note.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Start the pulse');
    await page.keyboard.press('Enter');
    const widget = page.locator('storevoice-widget');
    await widget.getByRole('radiogroup', { name: /How was your shift/ }).getByRole('radio', { name: 'Good', exact: true }).click();
    await widget.getByRole('button', { name: 'Next' }).click();
    await widget.getByRole('radiogroup', { name: /recommend working here/ }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the pulse page on a question');
    await widget.getByRole('button', { name: 'Next' }).click();
    await widget.getByRole('textbox', { name: /Anything your manager should know/ }).fill(first);
    await widget.getByRole('button', { name: 'Send' }).click();
    await waitUntil(async () => (await employeeCount()) === 1, { timeout: 10_000, message: 'the answer is stored' });
    const [stored] = await collector.db.query<{ staff_ids: string[]; device_id: string | null; locale: string | null; body: { context: Record<string, unknown> } }>(
      "SELECT staff_ids, device_id, locale, body FROM submissions WHERE channel = 'employee' AND store_id = $1",
      [STORE],
    );
    assert.deepEqual([stored?.staff_ids, stored?.device_id, stored?.locale], [[], null, null]);
    assert.deepEqual(Object.keys(stored!.body.context).sort(), ['brand', 'channel', 'region', 'store']);

    // Once per week on this phone, without telling anyone.
    await page.reload();
    await page.getByText(/You have already answered this week/).waitFor();
    assert.deepEqual(problems.violations.concat(problems.errors), [], describeProblems(problems));
    await page.close();
  });

  it('a staff member sends an idea from the pulse page, anonymous; it reaches the store manager without a name', async () => {
    const page = await phone.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${collector.url}/pulse/#k=${KEY}`);
    const ideas = page.getByRole('region', { name: 'An idea for your store' });
    await ideas.waitFor();
    // Nothing typed: the form says so and sends nothing.
    await ideas.getByRole('button', { name: 'Send the idea' }).click();
    await ideas.getByText('Write your idea first.').waitFor();
    const text = `e2e idea ${run}: a second card terminal at the fitting rooms`;
    await ideas.getByRole('textbox', { name: 'Your idea' }).fill(text);
    await ideas.getByRole('button', { name: 'Send the idea' }).click();
    await ideas.getByText(/Your idea was sent/).waitFor();
    assert.equal(await ideas.getByRole('textbox', { name: 'Your idea' }).inputValue(), '', 'the form is ready for the next idea');
    assert.deepEqual(await axeViolations(page), [], 'the pulse page with its idea form');

    // Over the store's ideas per hour (the collector's 429, injected here: its limit is tested in
    // test/server/pulse/rate-limits.test.ts), the page says when to try again and keeps the text.
    await page.route('**/v1/ideas/pulse', (route) =>
      route.fulfill({ status: 429, headers: { 'retry-after': '1798', 'content-type': 'application/json' }, body: '{"error":"rate_limited","message":"Too many ideas","retryAfter":1798}' }),
    );
    await ideas.getByRole('textbox', { name: 'Your idea' }).fill('One idea too many');
    await ideas.getByRole('button', { name: 'Send the idea' }).click();
    await ideas.getByText('Your store has sent many ideas this hour. Try again in 30 min: your text is still here.').waitFor();
    assert.equal(await ideas.getByRole('textbox', { name: 'Your idea' }).inputValue(), 'One idea too many');
    await page.unroute('**/v1/ideas/pulse');

    const { email, password } = demoLogin('store');
    const manager = await login(collector.url, email.replace('042', STORE), password);
    const res = await fetch(`${collector.url}/v1/ideas`, { headers: { cookie: manager.cookie } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { ideas: Array<{ text: string; storeId: string; signedBy: unknown; createdOn: string }> };
    const idea = body.ideas.find((i) => i.text === text);
    assert.ok(idea, 'the store manager sees the idea');
    assert.deepEqual([idea.storeId, idea.signedBy], [STORE, null]);
    assert.match(idea.createdOn, /^\d{4}-\d{2}-\d{2}$/, 'a day, never a time');
    assert.deepEqual(problems.violations.concat(problems.errors), [], describeProblems(problems));
    await page.close();
  });

  it('the manager sees "not enough answers yet" until the minimum, then the aggregate and day-dated comments', async () => {
    const page = await desktop.newPage();
    const problems = await watchProblems(page);
    await logInAsStoreManager(page, collector.url);
    const view = page.locator('sv-pulse-view');
    await view.getByText('Not enough answers yet — 1 of 10').first().waitFor();
    assert.ok(!(await view.innerText()).includes(first), 'no comment below the minimum');
    assert.doesNotMatch(await view.locator('.kpis').innerText(), /\d[.,]\d/, 'no mood score below the minimum');
    assert.deepEqual(await axeViolations(page), [], 'the pulse dashboard below the minimum');

    // Nine colleagues answer from their phones.
    const rest = Array.from({ length: 9 }, (_, i) => pulseAnswer(`e2e pulse ${run} colleague ${i}`));
    assert.equal((await post(collector.url, KEY, { submissions: rest })).status, 202);
    await page.reload();
    await view.locator('sv-comments').waitFor();
    const text = await view.innerText();
    assert.ok(text.includes(first), 'comments show from the minimum');
    assert.match(await view.locator('.kpis').innerText(), /4[.,]0/, 'the team mood, 4.0');
    const times = await view.locator('sv-comments time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
    assert.ok(times.length >= 10 && times.every((t) => /^\d{4}-\d{2}-\d{2}$/.test(t ?? '')), `comments dated by day only: ${times.join(', ')}`);
    await view.getByRole('heading', { name: 'Answers to every question' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the pulse dashboard at the minimum');

    // The same view on a phone: usable, no sideways scrolling, axe-clean.
    await page.setViewportSize(PHONE);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    assert.deepEqual(await axeViolations(page), [], 'the pulse dashboard on a phone');
    assert.deepEqual(problems.violations.concat(problems.errors), [], describeProblems(problems));
    await page.close();
  });

  it('keeps keys in their lane: no pulse with the customer key, no customer feedback with the pulse key', async () => {
    const withWriteKey = await post(collector.url, 'pk_demo', pulseAnswer('sneaky'));
    assert.equal(withWriteKey.status, 403);
    assert.equal(((await withWriteKey.json()) as { error: string }).error, 'pulse_key_required');
    const customer = { ...pulseAnswer('customer'), surveyId: 'store-exit', context: { channel: 'web', brand: 'acme', store: STORE } };
    const withPulseKey = await post(collector.url, KEY, customer);
    assert.equal(withPulseKey.status, 403);
    assert.equal(((await withPulseKey.json()) as { error: string }).error, 'write_key_required');
  });

  it('the manager revokes the link from the dashboard; the page and the collector refuse it', async () => {
    // A fresh profile: the login form, whatever ran before.
    const manager = await newContext(browser, { viewport: DESKTOP, locale: 'en-GB' });
    const page = await manager.newPage();
    await logInAsStoreManager(page, collector.url);
    const card = page.locator('.pulse-link', { hasText: 'Copenhagen' });
    assert.equal(await card.locator('.pulse-qr').evaluate((img) => (img as HTMLImageElement).naturalWidth > 0), true, 'the QR code is drawn');
    // Keyboard only: Tab reaches the card's Revoke button, Enter presses it.
    page.once('dialog', (dialog) => void dialog.accept());
    const revoke = card.getByRole('button', { name: 'Revoke' });
    for (let tabs = 0; tabs < 80 && !(await revoke.evaluate((el) => el === document.activeElement)); tabs++) await page.keyboard.press('Tab');
    assert.ok(await revoke.evaluate((el) => el === document.activeElement), 'Revoke is reachable with Tab');
    await page.keyboard.press('Enter');
    await card.getByRole('button', { name: 'Make a pulse link' }).waitFor();
    assert.equal((await post(collector.url, KEY, pulseAnswer('after revoke'))).status, 401);
    await manager.close();

    const staff = await phone.newPage();
    await staff.goto(`${collector.url}/pulse/#k=${KEY}`);
    await staff.getByRole('alert').getByText(/no longer valid/).waitFor();
    assert.deepEqual(await axeViolations(staff), []);
    await staff.close();
  });

  it("speaks the employee's language, right to left in Arabic, and says when a closed pulse opens next", async () => {
    const corporate = await login(collector.url, demoLogin('corporate').email, demoLogin('corporate').password);
    const put = (settings: unknown) =>
      fetch(`${collector.url}/v1/settings`, {
        method: 'PUT',
        headers: { cookie: corporate.cookie, 'x-csrf-token': corporate.csrf, origin: collector.url, 'content-type': 'application/json' },
        body: JSON.stringify(settings),
      });
    // Open only on a day that is not today in Stockholm: closed now, whatever day the test runs.
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
    const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Stockholm' })).getDay();
    assert.equal((await put({ pulse: { days: [days[(today + 2) % 7]] } })).status, 200);
    const arabic = await newContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true, locale: 'ar' });
    try {
      const page = await arabic.newPage();
      const problems = await watchProblems(page);
      await page.goto(`${collector.url}/pulse/#k=pk_pulse_demo_042`);
      await page.getByRole('region', { name: 'كيف تبقى إجاباتك مجهولة الهوية' }).waitFor();
      assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
      await page.getByText(/النبض مغلق الآن/).waitFor();
      // The idea form stays (ideas have no schedule); only the pulse cannot be started.
      assert.equal(await page.getByRole('button', { name: 'ابدأ', exact: true }).count(), 0, 'no way to start a closed pulse');
      assert.equal(await page.locator('storevoice-widget').count(), 0);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems.violations.concat(problems.errors), [], describeProblems(problems));
    } finally {
      await arabic.close();
      await put({});
    }
  });
});
