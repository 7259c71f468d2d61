// Prints StoreVoice's bundle sizes beside peer feedback widgets installed from npm in the same run:
// Sentry's feedback integration (with the @sentry/browser core it needs), posthog-js and its lazily
// loaded surveys.js, and Formbricks (the @formbricks/js loader and the @formbricks/surveys renderer).
// Each peer is bundled minimally with esbuild (browser, ESM, minified, production conditions) or,
// where the peer ships a minified file the browser loads as is, that file is taken as shipped.
// Sizes: minified, gzip -9, brotli q11, and the ratio of each gzip size to dist/storevoice.iife.js's.
// The peers are installed into bench/.cache/peers/ (gitignored) and reused on later runs;
// `node bench/peers.mjs --refresh` installs their latest versions again.
// Needs `npm run build` first. When npm cannot install the peers it says so in one line, prints
// StoreVoice's own numbers and exits 0. Prints numbers only: no budgets.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT, commandLine } from './support/cli.mjs';
import { PEERS_MODULES as MODULES, bundle as bundleWith, installPeers, version } from './support/peers.mjs';
import { kb } from './support/stats.mjs';

const IIFE = `${ROOT}dist/storevoice.iife.js`;
const SDK = `${ROOT}dist/sdk.js`;
const DELIVERY = `${ROOT}dist/delivery.js`;

const { args, fail, requireBuild } = commandLine('peers', { refresh: { type: 'boolean', default: false } }, '--refresh');
requireBuild('dist/storevoice.iife.js', 'dist/delivery.js', 'dist/sdk.js');
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  fail('esbuild is not installed (it comes with the dev dependencies): run `npm install`');
}

const ours = measure(readFileSync(IIFE));
const rows = [
  row('StoreVoice: script tag (first question)', version(`${ROOT}package.json`), 'dist/storevoice.iife.js as shipped', ours),
  // What a page has downloaded once its first submission is acknowledged: the delivery code comes on demand.
  row('StoreVoice: + delivery.js (first submission)', version(`${ROOT}package.json`), 'the script tag + dist/delivery.js', sum(ours, measure(readFileSync(DELIVERY)))),
  row(
    'StoreVoice: SDK only (createClient + http)',
    version(`${ROOT}package.json`),
    'esbuild: dist/sdk.js + zod/mini',
    measure(await bundle(`import { createClient, http } from ${JSON.stringify(SDK)};\ncreateClient({ destinations: { main: http('https://feedback.example.com/v1', { batch: true }) } });`, ROOT)),
  ),
];

const installed = await installPeers({ refresh: args.refresh });
if (installed.ok) {
  const peer = (name) => version(`${MODULES}${name}/package.json`);
  const sentry = peer('@sentry/browser');
  const posthog = peer('posthog-js');
  const sentryCore = measure(await bundle("import { init } from '@sentry/browser';\ninit({ dsn: 'https://public@sentry.example.com/1' });"));
  const sentryFeedback = measure(
    await bundle("import { init, feedbackIntegration } from '@sentry/browser';\ninit({ dsn: 'https://public@sentry.example.com/1', integrations: [feedbackIntegration()] });"),
  );
  const posthogCore = measure(await bundle("import posthog from 'posthog-js';\nposthog.init('phc_bench', { api_host: 'https://posthog.example.com' });"));
  const posthogSurveys = measure(readFileSync(`${MODULES}posthog-js/dist/surveys.js`));
  rows.push(
    row('Sentry: init() only (the core feedback needs)', sentry, 'esbuild: @sentry/browser init', sentryCore),
    row('Sentry: init() + feedbackIntegration()', sentry, 'esbuild: + feedback widget, modal, screenshot', sentryFeedback),
    row('PostHog: posthog-js core', posthog, 'esbuild: posthog.init', posthogCore),
    row('PostHog: dist/surveys.js (lazy, on top of core)', posthog, 'shipped minified file', posthogSurveys),
    row('PostHog: core + surveys.js', posthog, 'sum of the two rows above', sum(posthogCore, posthogSurveys)),
    row('Formbricks: @formbricks/js (loader only)', peer('@formbricks/js'), 'esbuild: formbricks.setup', measure(await bundle("import formbricks from '@formbricks/js';\nvoid formbricks.setup({ appUrl: 'https://formbricks.example.com', workspaceId: 'bench' });"))),
    row('Formbricks: @formbricks/surveys renderer', peer('@formbricks/surveys'), 'shipped dist/index.umd.js', measure(readFileSync(`${MODULES}@formbricks/surveys/dist/index.umd.js`))),
  );
}

console.log(`peer sizes: bytes of JavaScript a page downloads for feedback, minified, gzip -9 and brotli q11; "× ours" is gzip ÷ ${kb(ours.gzip)} (dist/storevoice.iife.js)`);
if (!installed.ok) console.log(`bench/peers: ${installed.reason}; printing StoreVoice's numbers only`);
console.table(rows);

/** Minified, gzip -9 and brotli q11 byte counts of one file. */
function measure(code) {
  return {
    minified: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Two files a page downloads separately: each compressed on its own, as a browser receives them. */
function sum(a, b) {
  return { minified: a.minified + b.minified, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

function row(name, ver, how, size) {
  return { bundle: name, version: ver, measured: how, minified: kb(size.minified), gzip: kb(size.gzip), brotli: kb(size.brotli), '× ours': `${(size.gzip / ours.gzip).toFixed(2)}×` };
}

/** A minimal usage, bundled the way an app's bundler would for production: tree-shaken, minified. */
function bundle(code, resolveDir) {
  return bundleWith(esbuild, code, resolveDir && { resolveDir });
}
