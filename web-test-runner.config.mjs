// Browser tests run in Debian's Chromium (tools here cannot download browsers), against a real
// HTTP test collector served by this same dev server (test/support/collector-middleware.mjs).
import { existsSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { collectorMiddleware } from './test/support/collector-middleware.mjs';
import { networkPlugin } from './test/support/network-plugin.mjs';
import { pageHeadersMiddleware } from './test/support/page-headers.mjs';

// /usr/lib/chromium/chromium is the real binary; /usr/bin/chromium is Debian's wrapper script.
const executablePath =
  process.env.CHROMIUM_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) => existsSync(path));

// React ships CommonJS only; test/widget/react-host.test.ts imports it, so those three packages (and
// nothing else) are converted to ES modules on the fly. Their entry files pick a build with
// `process.env.NODE_ENV`, which does not exist in a browser: it is replaced by a string literal
// *before* the CommonJS conversion, so the conversion sees a constant condition, skips the dead
// branch and only the chosen build is served. The development build is the default because it
// reports hydration mismatches and invalid props on the console (STOREVOICE_REACT_ENV=production
// runs the same tests against the production build).
const reactPackages = ['react', 'react-dom', 'scheduler'];
const reactNodeEnv = process.env.STOREVOICE_REACT_ENV === 'production' ? 'production' : 'development';
const isReactFile = (path) => reactPackages.some((name) => path.includes(`/node_modules/${name}/`));
const commonjsPlugin = fromRollup(commonjs);

/** Replaces `process.env.NODE_ENV` in React's files only. */
function reactNodeEnvPlugin() {
  return {
    name: 'storevoice-react-node-env',
    transform(context) {
      if (!isReactFile(context.path) || typeof context.body !== 'string' || !context.body.includes('process.env.NODE_ENV')) return undefined;
      return { body: context.body.replaceAll('process.env.NODE_ENV', JSON.stringify(reactNodeEnv)) };
    },
  };
}

export default {
  files: ['test/sdk/**/*.test.ts', 'test/widget/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  middleware: [collectorMiddleware(), pageHeadersMiddleware()],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    networkPlugin(),
    // Order matters: NODE_ENV first, then the CommonJS conversion. Under the dev server the plugin
    // cannot see the module graph, so: `strictRequires: false`, or each module would only export
    // a lazy `__require` wrapper and no default (modernweb-dev/web#2386); and
    // `requireReturnsDefault: true`, or `require('react')` inside react-dom would get an ES
    // namespace object instead of React's `module.exports`. Each package has a default export (its
    // `module.exports`) and no named exports: `import React from 'react'`.
    reactNodeEnvPlugin(),
    commonjsPlugin({
      include: reactPackages.map((name) => `**/node_modules/${name}/**`),
      strictRequires: false,
      requireReturnsDefault: true,
    }),
  ],
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
