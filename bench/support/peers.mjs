// The peer feedback widgets the benchmarks compare StoreVoice with, installed from npm into
// bench/.cache/peers/ (gitignored) once and reused: bench/peers.mjs measures their sizes,
// bench/widget-load.mjs loads them in Chromium beside ours.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ROOT } from './cli.mjs';

export const PEERS_CACHE = `${ROOT}bench/.cache/peers/`;
/** Where the installed packages are: `${PEERS_MODULES}@sentry/browser/…`. */
export const PEERS_MODULES = `${PEERS_CACHE}node_modules/`;
/** npm gets this long to install the peers; a hung registry fails the install, not the benchmark. */
const INSTALL_TIMEOUT = 150_000;
const PEERS = ['@sentry/browser', 'posthog-js', '@formbricks/js', '@formbricks/surveys'];

/**
 * Installs the peers into the cache unless they are there; `refresh` reinstalls their latest
 * versions. Never throws: resolves `{ ok: true }` or `{ ok: false, reason }` (one line, why).
 */
export async function installPeers({ refresh = false } = {}) {
  if (!refresh && PEERS.every((name) => existsSync(`${PEERS_MODULES}${name}/package.json`))) return { ok: true };
  if (refresh) rmSync(PEERS_CACHE, { recursive: true, force: true });
  mkdirSync(PEERS_CACHE, { recursive: true });
  // Its own package.json, so npm does not walk up and install into the repository.
  writeFileSync(`${PEERS_CACHE}package.json`, `${JSON.stringify({ private: true, description: 'peer widgets for bench/peers.mjs and bench/widget-load.mjs' }, null, 2)}\n`);
  const command = ['install', '--prefix', PEERS_CACHE, '--no-audit', '--no-fund', '--ignore-scripts', '--fetch-retries=1', ...PEERS];
  console.log(`installing ${PEERS.join(', ')} into bench/.cache/peers/ …`);
  return new Promise((resolve) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', command, { cwd: PEERS_CACHE, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), INSTALL_TIMEOUT);
    child.on('error', (error) => resolve({ ok: false, reason: `could not run npm (${error.message})` }));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && PEERS.every((name) => existsSync(`${PEERS_MODULES}${name}/package.json`))) return resolve({ ok: true });
      const why = stderr.split('\n').find((line) => /npm (error|ERR!)/.test(line) && !/A complete log|^npm error\s*$/.test(line)) ?? (signal ? `timed out after ${INSTALL_TIMEOUT / 1000} s` : `exit code ${code}`);
      resolve({ ok: false, reason: `npm could not install the peer packages (${why.replace(/^npm (error|ERR!)\s*/, '').trim()})` });
    });
  });
}

/** The version field of a package.json. */
export function version(packageJson) {
  return JSON.parse(readFileSync(packageJson, 'utf8')).version;
}

/** The installed version of a peer package, e.g. `peerVersion('@sentry/browser')`. */
export const peerVersion = (name) => version(`${PEERS_MODULES}${name}/package.json`);

/**
 * `code` bundled the way an app's bundler would for production (tree-shaken, minified, browser,
 * `production` conditions) with esbuild, resolving packages from `resolveDir`; `format` `esm` or `iife`.
 */
export async function bundle(esbuild, code, { resolveDir = PEERS_CACHE, format = 'esm' } = {}) {
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format,
    platform: 'browser',
    target: 'es2020',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}
