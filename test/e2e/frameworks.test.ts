// <storevoice-widget> inside host apps built with React 19 and Vue 3, as a retailer's own site
// would bundle them (esbuild, `import 'storevoice'`), served from another origin than the collector
// (CORS): the shopper answers, the framework hears the widget's event, the collector stores it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { describeProblems, launchChromium, newContext, watchProblems } from './support/browser.js';
import { bundleFixture } from './support/bundle.js';
import { startDemoCollector, type DemoCollector } from './support/collector.js';
import { hostPage, serveFiles, type StaticServer } from './support/static-server.js';

const HOSTS = [
  { name: 'React 19', entry: 'react-host.js', path: '/react/', device: 'react-host' },
  { name: 'Vue 3', entry: 'vue-host.js', path: '/vue/', device: 'vue-host' },
] as const;

describe('host apps built with React and Vue', () => {
  let collector: DemoCollector;
  let site: StaticServer;
  let browser: Browser;

  before(async () => {
    collector = await startDemoCollector();
    const files: Parameters<typeof serveFiles>[0] = {};
    for (const host of HOSTS) {
      files[host.path] = { body: hostPage(`${host.name} checkout`, `${host.path}app.js`), type: 'text/html; charset=utf-8' };
      files[`${host.path}app.js`] = { body: await bundleFixture(host.entry), type: 'text/javascript; charset=utf-8' };
    }
    site = await serveFiles(files);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await collector?.close();
  });

  for (const host of HOSTS) {
    it(`${host.name}: the widget renders, submits to the collector and the app hears storevoice-sent`, async () => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        const problems = await watchProblems(page);
        const comment = `e2e ${host.device} ${randomUUID().slice(0, 8)}`;
        await page.goto(`${site.url}${host.path}?${new URLSearchParams({ endpoint: `${collector.url}/v1` })}`);
        await page.getByRole('heading', { name: `${host.name.split(' ')[0]} checkout` }).waitFor();

        const widget = page.locator('storevoice-widget');
        await widget.getByRole('radiogroup', { name: /How satisfied/ }).getByRole('radio', { name: 'Satisfied', exact: true }).click();
        await widget.getByRole('button', { name: 'Next' }).click();
        await widget.getByRole('textbox', { name: /main reason/ }).fill(comment);
        await widget.getByRole('button', { name: 'Send' }).click();
        // The framework's own state, updated from the widget's event.
        await page
          .locator('#host-status', { hasText: 'Feedback sent' })
          .waitFor()
          .catch(async (error: unknown) => {
            const shown = await page.locator('#host-status').textContent().catch(() => '?');
            const outcome = await widget.locator('[part~="status"]').allTextContents().catch(() => []);
            throw new Error(`${host.name}: the app never showed "Feedback sent" (it shows "${shown}"; the widget says ${JSON.stringify(outcome)}; page problems: ${describeProblems(problems)}): ${String(error).split('\n')[0]}`);
          });

        const rows = await collector.db.query<{ device_id: string; store_id: string; staff_ids: string[]; region_id: string; channel: string; survey_id: string; csat: number }>(
          'SELECT device_id, store_id, staff_ids, region_id, channel, survey_id, csat FROM submissions WHERE comment = $1',
          [comment],
        );
        assert.deepEqual(rows, [{ device_id: host.device, store_id: '042', staff_ids: ['emp-17'], region_id: 'emea-north', channel: 'web', survey_id: 'post-purchase', csat: 4 }]);
        assert.deepEqual([...problems.violations, ...problems.errors, ...problems.console], [], `problems in the ${host.name} host:\n${describeProblems(problems)}`);
      } finally {
        await context.close();
      }
    });
  }
});
