// Browser tests run in Debian's Chromium (tools here cannot download browsers), against a real
// HTTP test collector served by this same dev server (test/support/collector-middleware.mjs).
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { collectorMiddleware } from './test/support/collector-middleware.mjs';
import { networkPlugin } from './test/support/network-plugin.mjs';
import { pageHeadersMiddleware } from './test/support/page-headers.mjs';

// /usr/lib/chromium/chromium is the real binary; /usr/bin/chromium is Debian's wrapper script.
const executablePath =
  process.env.CHROMIUM_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) => existsSync(path));

export default {
  files: ['test/sdk/**/*.test.ts', 'test/widget/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  middleware: [collectorMiddleware(), pageHeadersMiddleware()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), networkPlugin()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
