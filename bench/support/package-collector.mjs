// Starts the built `storevoice-collector` package's bin (packages/collector/dist, from
// `npm run build:collector`) in a child process, as an operator would run it: no tsx, no demo
// seed. Resolves with `{ origin, stop }` once it answers GET /readyz.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BenchError, ROOT } from './cli.mjs';

export const packageBin = join(ROOT, 'packages/collector/dist/bin/storevoice-collector.js');

export async function startPackageCollector({ port, env = {}, timeoutMs = 120_000 }) {
  if (!existsSync(packageBin)) throw new BenchError('the collector package is not built: run `npm run build:collector`');
  const child = spawn(process.execPath, [packageBin], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new BenchError(`the collector exited with code ${child.exitCode}: ${output.trim().split('\n').at(-1)}`);
    const ready = await fetch(`${origin}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { origin, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new BenchError(`the collector did not answer /readyz within ${timeoutMs / 1000} s`);
}

/** Starts the proxy (bench/support/proxy.mjs) on `port` in front of `upstreams` (ports). */
export function startProxy(port, upstreams) {
  const child = spawn(process.execPath, [join(ROOT, 'bench/support/proxy.mjs'), String(port), ...upstreams.map(String)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      if (/proxy listening/.test(String(chunk))) resolve({ stop: async () => (child.kill('SIGTERM'), await exited) });
    });
    void exited.then((code) => reject(new BenchError(`the proxy exited with code ${code}`)));
  });
}
