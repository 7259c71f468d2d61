import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { uuidv7 } from '../../../../sdk/index.js';
import { AlertRuleSchema } from '../../../../demo/server/alerts/rules/schema.js';
import { saveRule } from '../../../../demo/server/alerts/rules/repository.js';
import { importSurveysFromDir } from '../../../../demo/server/surveys/import.js';
import { postSubmissions } from '../../support/ingest.js';
import { axeViolations, DESKTOP, horizontalOverflow, logIn, openDashboard, PHONE, pglite, settled, smallTargets, startDashboard, type DashboardEnvironment } from './support.js';

const KEY = 'pk_inbox_test';
const CONTACT = 'pat.customer@example.com';

/** Presses Tab until the focused element's text or label matches (a keyboard-only path). */
async function tabTo(page: Page, target: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)}"` : 'body';
    });
    if (target.test(label)) return;
  }
  assert.fail(`no focusable element matches ${target} within ${max} presses`);
}

async function submit(env: DashboardEnvironment, body: Record<string, unknown>): Promise<string> {
  const at = new Date().toISOString();
  const id = uuidv7(Date.now());
  const res = await postSubmissions(env.collector.url, { id, schemaVersion: 1, createdAt: at, ...body }, { key: KEY });
  assert.equal(res.status, 202, await res.text());
  return id;
}

const managerNow = { surveyId: 'store-exit', context: { channel: 'kiosk', brand: 'acme', region: 'north', store: 'n1', tags: { managerRequested: true } }, answers: [{ questionId: 'mood', type: 'smiley', value: 1 }, { questionId: 'reasons', type: 'choice', value: ['queue'] }] };

describe('the inbox and the alerts view (Chromium)', { skip: pglite ? undefined : 'no PGlite target' }, () => {
  let env: DashboardEnvironment;
  before(async () => {
    env = await startDashboard();
    await env.collector.ctx.db.query(`INSERT INTO write_keys (key, brand_id) VALUES ('${KEY}', 'acme')`);
    await importSurveysFromDir(env.collector.ctx, fileURLToPath(new URL('../../../../demo/surveys/', import.meta.url)));
    await saveRule(env.collector.ctx.db, AlertRuleSchema.parse({ id: 'manager-now-n1', kind: 'score', name: 'Speak to a manager now', brand: 'acme', scope: { store: 'n1' }, when: { tag: { managerRequested: true } }, outsideHours: 'send' }), 'api', new Date());
    await submit(env, { surveyId: 'post-purchase', context: { channel: 'kiosk', brand: 'acme', region: 'north', store: 'n1' }, answers: [{ questionId: 'recommend', type: 'nps', value: 2 }, { questionId: 'comment', type: 'text', value: 'Rude <b>staff</b>' }, { questionId: 'contact-me', type: 'consent', value: true, contact: CONTACT }] });
    await submit(env, managerNow);
  });
  after(() => env?.close());

  it('a store manager lands on the inbox, urgent first, and works a case by keyboard alone: open, take, note, resolve', async () => {
    const { context, page, cspErrors, pageErrors } = await openDashboard(env, { hash: '' });
    try {
      await logIn(page, 'store');
      assert.equal(await settled(page), 'figures');
      assert.equal(new URL(page.url()).hash, '#/inbox/store/n1');
      const items = page.locator('.case-item');
      assert.equal(await items.count(), 2);
      assert.match(await items.first().innerText(), /Speak to a manager now/, 'the manager request comes first');
      assert.deepEqual(await axeViolations(page), []);

      await tabTo(page, /^a "Unhappy, wants to be contacted/);
      await page.keyboard.press('Enter');
      const detail = page.locator('sv-case-detail article');
      await detail.waitFor();
      assert.match(new URL(page.url()).hash, /[?&]case=/);
      const answers = await detail.locator('dl.case-answers').innerText();
      assert.match(answers, /How likely are you to recommend us/);
      assert.match(answers, /Rude <b>staff<\/b>/, 'feedback is shown as text');
      assert.equal(await detail.locator('dl.case-answers b').count(), 0);
      assert.equal(await detail.getByRole('link', { name: CONTACT }).getAttribute('href'), `mailto:${CONTACT}`);
      assert.deepEqual(await axeViolations(page), []);

      await tabTo(page, /^button "Take it"/);
      await page.keyboard.press('Enter');
      await detail.locator('.badge.status-in_progress').waitFor();
      await tabTo(page, /^textarea#case-note/);
      await page.keyboard.type('Called back, left a message');
      await tabTo(page, /^button "Add note"/);
      await page.keyboard.press('Enter');
      // Each entry says what it is in words, not the API's key (`note`, `assigned`).
      await detail.locator('.case-history li', { hasText: 'Note — Called back, left a message' }).waitFor();
      // …and what changed: to whom, between which statuses.
      const [me] = await env.collector.ctx.db.query<{ name: string }>("SELECT name FROM users WHERE store_id = 'n1' AND role = 'store'");
      assert.equal(await detail.locator('.case-history li', { hasText: `Assigned — ${me!.name}` }).count(), 1);
      assert.equal(await detail.locator('.case-history li', { hasText: 'Status changed — Open → In progress' }).count(), 1);
      await tabTo(page, /^select#case-cause/);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, /^textarea#case-resolution/);
      await page.keyboard.type('Apologised; coaching for the team');
      await tabTo(page, /^button "Resolve"/);
      await page.keyboard.press('Enter');
      await detail.locator('.badge.status-resolved').waitFor();
      await detail.locator('.case-history li', { hasText: 'Resolved — Queue — Apologised; coaching for the team' }).waitFor();
      const [row] = await env.collector.ctx.db.query<{ status: string; root_cause: string; assignee_id: number }>("SELECT c.status, c.root_cause, c.assignee_id FROM cases c JOIN submission_contacts k ON k.submission_id = c.submission_id WHERE k.value = $1", [CONTACT]);
      assert.equal(row?.status, 'resolved');
      assert.ok(row?.root_cause);
      assert.deepEqual(cspErrors, []);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  it('explains a conflict (409), reloads the case and keeps what was typed', async () => {
    const { context, page } = await openDashboard(env, { hash: '' });
    try {
      await logIn(page, 'store');
      await page.locator('.case-item a').first().click();
      const detail = page.locator('sv-case-detail article');
      await detail.waitFor();
      // Someone else changes it meanwhile.
      await env.collector.ctx.db.query("UPDATE cases SET version = version + 1 WHERE store_id = 'n1' AND status <> 'resolved'");
      await detail.getByLabel('Note').fill('My careful note');
      await detail.getByRole('button', { name: 'Add note' }).click();
      await page.locator('sv-case-detail .notice.error', { hasText: 'Someone else changed this case' }).waitFor();
      await detail.waitFor();
      assert.equal(await page.locator('sv-case-detail #case-note').inputValue(), 'My careful note');
    } finally {
      await context.close();
    }
  });

  it('on a phone: the inbox and a case fit 390 px, targets are 44 px, axe is clean', async () => {
    const { context, page } = await openDashboard(env, { viewport: PHONE, hash: '' });
    try {
      await logIn(page, 'store');
      assert.equal(await settled(page), 'figures');
      for (const step of ['inbox', 'case']) {
        if (step === 'case') {
          await page.locator('.case-item a').first().click();
          await page.locator('sv-case-detail article').waitFor();
        }
        assert.equal(await horizontalOverflow(page), 0, `${step}: scrolls sideways`);
        assert.deepEqual(await smallTargets(page), [], `${step}: targets under 44 px`);
        assert.deepEqual(await axeViolations(page), [], step);
      }
    } finally {
      await context.close();
    }
  });

  it('shows a "speak to a manager now" request live: an urgent banner that goes only by acting on it', async () => {
    const { context, page } = await openDashboard(env, { viewport: DESKTOP, hash: '' });
    try {
      await logIn(page, 'store');
      await page.locator('.live.live').waitFor();
      const before = await page.locator('.case-item').count();
      const sent = Date.now();
      await submit(env, managerNow);
      const banner = page.locator('sv-banners [role=alert] li.banner.urgent');
      await banner.waitFor({ timeout: 5_000 });
      await page.waitForFunction((n) => document.querySelectorAll('.case-item').length > n, before, { timeout: 5_000 });
      assert.ok(Date.now() - sent < 5_000);
      assert.match(await banner.innerText(), /asking for a manager now — North One/);
      assert.equal(await banner.getByRole('button', { name: 'Dismiss' }).count(), 0);
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('banner')), true, 'the banner takes focus');
      assert.deepEqual(await axeViolations(page), []);
      await banner.getByRole('button', { name: 'Acknowledge' }).click();
      await banner.waitFor({ state: 'detached' });
      const [acked] = await env.collector.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alert_events WHERE acknowledged_by_name IS NOT NULL');
      assert.equal(acked?.n, 1);
    } finally {
      await context.close();
    }
  });

  it('corporate edits the brand\'s root causes from the inbox', async () => {
    const { context, page } = await openDashboard(env, { hash: '' });
    try {
      await logIn(page, 'corporate');
      const editor = page.locator('sv-root-causes');
      await editor.locator('summary').click();
      const field = editor.locator('#root-causes');
      await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#root-causes')?.value ?? '').includes('queue: Queue'));
      await field.fill(`${await field.inputValue()}\nfitting-rooms: Fitting rooms`);
      await editor.getByRole('button', { name: 'Save' }).click();
      await editor.locator('.notice', { hasText: 'Saved' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      const [row] = await env.collector.ctx.db.query<{ settings: { cases: { rootCauses: Array<{ id: string }> } } }>("SELECT settings FROM brand_settings WHERE brand_id = 'acme'");
      assert.equal(row?.settings.cases.rootCauses.at(-1)?.id, 'fitting-rooms');
    } finally {
      await context.close();
    }
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it(`a regional manager writes and switches off a rule in the Alerts view (${viewport.width} px): axe-clean, no sideways scrolling`, async () => {
      const { context, page } = await openDashboard(env, { viewport, hash: '#/alerts' });
      try {
        await logIn(page, 'regional');
        assert.equal(await settled(page), 'figures');
        await page.getByRole('button', { name: 'New rule' }).click();
        const form = page.locator('sv-rule-form form');
        await form.getByLabel('Name').fill(`Low scores ${viewport.width}`);
        await form.getByLabel('Lowest rating at most (1–5)').fill('2');
        assert.deepEqual(await axeViolations(page), []);
        await form.getByRole('button', { name: 'Save rule' }).click();
        const rule = page.locator('.rule-item', { hasText: `Low scores ${viewport.width}` });
        await rule.waitFor();
        assert.match(await rule.innerText(), /On/);
        await rule.getByRole('button', { name: 'Switch off' }).click();
        await rule.getByRole('button', { name: 'Switch on' }).waitFor();
        assert.equal(await horizontalOverflow(page), 0);
        if (viewport === PHONE) assert.deepEqual(await smallTargets(page), []);
        assert.deepEqual(await axeViolations(page), []);
        // A rule naming a place outside the region is refused by the collector, named.
        const [stored] = await env.collector.ctx.db.query<{ definition: { scope: unknown } }>("SELECT definition FROM alert_rules WHERE definition->>'name' = $1", [`Low scores ${viewport.width}`]);
        assert.deepEqual(stored?.definition.scope, { region: 'north' });
      } finally {
        await context.close();
      }
    });
  }
});
