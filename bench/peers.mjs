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
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT, commandLine } from './support/cli.mjs';
import { kb } from './support/stats.mjs';

const CACHE = `${ROOT}bench/.cache/peers/`;
const MODULES = `${CACHE}node_modules/`;
const IIFE = `${ROOT}dist/storevoice.iife.js`;
const SDK = `${ROOT}dist/sdk.js`;
/** npm gets this long to install the peers; a hung registry fails the install, not the benchmark. */
const INSTALL_TIMEOUT = 150_000;
const PEERS = ['@sentry/browser', 'posthog-js', '@formbricks/js', '@formbricks/surveys'];

const { args, fail, requireBuild } = commandLine('peers', { refresh: { type: 'boolean', default: false } }, '--refresh');
requireBuild('dist/storevoice.iife.js', 'dist/sdk.js');
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  fail('esbuild is not installed (it comes with the dev dependencies): run `npm install`');
}

const ours = measure(readFileSync(IIFE));
const rows = [
  row('StoreVoice: script tag, widget + SDK', version(`${ROOT}package.json`), 'dist/storevoice.iife.js as shipped', ours),
  row(
    'StoreVoice: SDK only (createClient + http)',
    version(`${ROOT}package.json`),
    'esbuild: dist/sdk.js + zod/mini',
    measure(await bundle(`import { createClient, http } from ${JSON.stringify(SDK)};\ncreateClient({ destinations: { main: http('https://feedback.example.com/v1', { batch: true }) } });`, ROOT)),
  ),
];

const installed = await install();
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
async function bundle(code, resolveDir = CACHE) {
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

/** Installs the peers into the cache once; `--refresh` reinstalls them. Never throws: reports why it failed. */
async function install() {
  if (!args.refresh && PEERS.every((name) => existsSync(`${MODULES}${name}/package.json`))) return { ok: true };
  if (args.refresh) rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  // Its own package.json, so npm does not walk up and install into the repository.
  writeFileSync(`${CACHE}package.json`, `${JSON.stringify({ private: true, description: 'peer widgets for bench/peers.mjs' }, null, 2)}\n`);
  const command = ['install', '--prefix', CACHE, '--no-audit', '--no-fund', '--ignore-scripts', '--fetch-retries=1', ...PEERS];
  console.log(`installing ${PEERS.join(', ')} into bench/.cache/peers/ …`);
  return new Promise((resolve) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', command, { cwd: CACHE, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), INSTALL_TIMEOUT);
    child.on('error', (error) => resolve({ ok: false, reason: `could not run npm (${error.message})` }));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && PEERS.every((name) => existsSync(`${MODULES}${name}/package.json`))) return resolve({ ok: true });
      const why = stderr.split('\n').find((line) => /npm (error|ERR!)/.test(line) && !/A complete log|^npm error\s*$/.test(line)) ?? (signal ? `timed out after ${INSTALL_TIMEOUT / 1000} s` : `exit code ${code}`);
      resolve({ ok: false, reason: `npm could not install the peer packages (${why.replace(/^npm (error|ERR!)\s*/, '').trim()})` });
    });
  });
}

function version(packageJson) {
  return JSON.parse(readFileSync(packageJson, 'utf8')).version;
}
