// The widget on pages that enforce Trusted Types on top of a strict CSP. (The demo's own pages use
// the collector's strict CSP without Trusted Types; shop.test.ts checks the shop page under it.)
// The pages are a retailer's, on their own origin, with the script tag hosted beside them and the
// collector allowed in connect-src: launcher mode with an on-demand language file, and kiosk mode,
// whose code loads on demand too; both submit through delivery.js, loaded on demand as well. Any
// `securitypolicyviolation`, console error or page error fails.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { describeProblems, explainFailure, launchChromium, newContext, watchProblems } from './support/browser.js';
import { DIST, ROOT, startDemoCollector, type DemoCollector } from './support/collector.js';
import { serveFiles, type StaticFile, type StaticServer } from './support/static-server.js';

/** docs/widget.md's policy, with the collector's origin in connect-src. */
function strictPolicy(collector: string, trustedTypes = 'trusted-types lit-html'): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${collector}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    // Lit's one policy; any other createPolicy() call would be a violation.
    trustedTypes,
  ].join('; ');
}

describe('strict CSP with Trusted Types enforced', () => {
  let collector: DemoCollector;
  let site: StaticServer;
  let browser: Browser;

  before(async () => {
    collector = await startDemoCollector();
    const js = (path: string): StaticFile => ({ body: readFileSync(`${DIST}${path}`), type: 'text/javascript; charset=utf-8' });
    const page = (name: string, fill: { locale?: string; device?: string; trustedTypes?: string } = {}): StaticFile => ({
      body: readFileSync(`${ROOT}test/e2e/fixtures/${name}`, 'utf8')
        .replaceAll('%COLLECTOR%', collector.url)
        .replaceAll('%LOCALE%', fill.locale ?? 'en')
        .replaceAll('%DEVICE%', fill.device ?? ''),
      type: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': strictPolicy(collector.url, fill.trustedTypes) },
    });
    // The script tag's files as a retailer hosts them: the bundle, and beside it what it loads on
    // demand (kiosk mode, the delivery code, the receipt-QR reader, the language files).
    const files: Record<string, StaticFile> = {
      '/shop/': page('tt-shop.html', { locale: 'fr' }),
      '/kiosk/': page('tt-kiosk.html', { device: 'tt-kiosk' }),
      '/storevoice.iife.js': js('storevoice.iife.js'),
      '/kiosk.js': js('kiosk.js'),
      '/delivery.js': js('delivery.js'),
      '/url-context.js': js('url-context.js'),
    };
    for (const name of readdirSync(`${DIST}locales`)) if (name.endsWith('.js')) files[`/locales/${name}`] = js(`locales/${name}`);
    site = await serveFiles(files);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await collector?.close();
  });

  it('launcher in French (a language file loaded on demand), from a receipt QR code: a shopper answers, no violation', async () => {
    const context = await newContext(browser, { locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      const problems = await watchProblems(page);
      // A receipt QR code's address: data-context-from-url reads it with url-context.js, imported on demand.
      const response = await page.goto(`${site.url}/shop/?sv_store=017&sv_staff=emp-31`);
      assert.match(response?.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/);
      // The French label proves the language file was imported under script-src 'self'.
      await page.getByRole('button', { name: 'Donner mon avis' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radiogroup').getByRole('radio', { name: '10', exact: true }).click();
      await dialog.getByRole('button', { name: 'Suivant' }).click();
      await dialog.getByRole('radiogroup').getByRole('radio').nth(4).click();
      await dialog.getByRole('button', { name: 'Suivant' }).click();
      await dialog.getByRole('textbox').fill('Trusted Types shopper');
      await dialog.getByRole('button', { name: 'Envoyer' }).click();
      await dialog.getByRole('status').filter({ hasText: 'Thanks for helping us improve!' }).waitFor();

      const rows = await collector.db.query<{ store_id: string; staff_ids: string[]; locale: string | null; nps: number }>(
        "SELECT store_id, staff_ids, locale, nps FROM submissions WHERE device_id = 'tt-shop'",
      );
      // The QR code's store and staff member, not the tag's data-store="042" data-staff="emp-17".
      assert.deepEqual(rows, [{ store_id: '017', staff_ids: ['emp-31'], locale: 'fr', nps: 10 }]);
      assert.deepEqual([...problems.violations, ...problems.errors, ...problems.console], [], describeProblems(problems));
    } finally {
      await context.close();
    }
  });

  /** One kiosk customer on the page at `path`; the device id tells its row apart. */
  async function kioskCustomer(path: string, device: string): Promise<void> {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const problems = await watchProblems(page);
      await page.goto(`${site.url}${path}`);
      const widget = page.locator('storevoice-widget');
      await explainFailure(problems, async () => {
        await widget.getByRole('radiogroup', { name: /How was your visit today/ }).getByRole('radio', { name: 'Very good' }).click();
        await widget.getByRole('button', { name: 'Next' }).click();
        await widget.getByRole('button', { name: 'Send' }).click();
        await widget.locator('[part~="status"]', { hasText: 'Thank you! Have a great day.' }).waitFor();
        // reset-delay 200 ms: the attract screen comes back for the next customer.
        await widget.getByRole('radiogroup', { name: /How was your visit today/ }).waitFor();
      });
      const rows = await collector.db.query<{ store_id: string; channel: string; smiley: number }>('SELECT store_id, channel, smiley FROM submissions WHERE device_id = $1', [device]);
      assert.deepEqual(rows, [{ store_id: '042', channel: 'kiosk', smiley: 5 }]);
      assert.deepEqual([...problems.violations, ...problems.errors, ...problems.console], [], describeProblems(problems));
    } finally {
      await context.close();
    }
  }

  // kiosk.js borrows the bundle's Lit (src/kiosk/script-tag-lit.ts): a second copy would create a
  // second 'lit-html' Trusted Types policy, which `trusted-types lit-html` refuses.
  it('kiosk mode (kiosk.js loaded on demand) under `trusted-types lit-html`: one customer, no violation', async () => {
    await kioskCustomer('/kiosk/', 'tt-kiosk');
  });
});
