// The package in a browser with no bundler: an import map points the bare specifiers at the
// built files (as a CDN such as jsDelivr or esm.sh would) and the page uses `storevoice` and
// `storevoice/sdk` directly. Runs Debian's Chromium through playwright-core; needs `npm run build`.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) => existsSync(path));

/** What a page author writes; paths are where a CDN would serve the package and its dependencies. */
const importMap = {
  imports: {
    storevoice: '/dist/index.js',
    'storevoice/sdk': '/dist/sdk.js',
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    'zod/mini': '/node_modules/zod/mini/index.js',
    ky: '/node_modules/ky/distribution/index.js',
  },
};

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>import map</title><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify(importMap)}</script>
<script type="module">
  import { createClient } from 'storevoice/sdk';
  import { StoreVoiceWidget } from 'storevoice';
  const delivered = [];
  const widget = document.createElement('storevoice-widget');
  widget.client = createClient({ destinations: { main: async (batch) => { delivered.push(...batch); return { status: 'sent' }; } } });
  widget.survey = { id: 'import-map', title: 'Quick feedback', questions: [{ id: 'mood', type: 'smiley', prompt: 'How was your visit?', required: true }] };
  widget.addEventListener('storevoice-sent', () => { window.sent = delivered.map((s) => s.answers); });
  document.body.append(widget);
  window.ready = { isClass: widget instanceof StoreVoiceWidget, defined: customElements.get('storevoice-widget') === StoreVoiceWidget };
</script></head><body></body></html>`;

const types: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json' };

describe('the package in a browser through an import map', () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  before(async () => {
    assert.ok(existsSync(join(root, 'dist/index.js')), 'dist/index.js is missing: run `npm run build` first');
    assert.ok(executablePath, 'Chromium not found: install Debian chromium or set CHROMIUM_PATH');
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page);
      // Only the package's build and its dependencies are reachable, as from a CDN.
      const file = normalize(join(root, path));
      const allowed = ['dist/', 'node_modules/lit/', 'node_modules/lit-html/', 'node_modules/lit-element/', 'node_modules/@lit/reactive-element/', 'node_modules/zod/', 'node_modules/ky/'];
      if (!allowed.some((dir) => file.startsWith(join(root, dir)))) return void res.writeHead(404).end();
      readFile(file).then(
        (body) => res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('defines the element, renders the survey and delivers an answer', async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await tab.goto(base);
    await tab.waitForFunction(() => 'ready' in window, undefined, { timeout: 15_000 });
    assert.deepEqual(await tab.evaluate(() => (window as unknown as { ready: unknown }).ready), { isClass: true, defined: true });
    const good = tab.locator('storevoice-widget [role="radio"]').nth(3);
    await good.waitFor({ timeout: 15_000 });
    await good.click();
    await tab.waitForFunction(() => 'sent' in window, undefined, { timeout: 15_000 });
    assert.deepEqual(await tab.evaluate(() => (window as unknown as { sent: unknown }).sent), [[{ questionId: 'mood', type: 'smiley', value: 4 }]]);
    assert.deepEqual(errors, []);
  });
});
