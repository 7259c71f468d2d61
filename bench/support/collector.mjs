// Starts the demo collector (`demo/start.ts`) in a child process, for benchmarks that must not share
// an event loop with it, and waits for the `login:` lines it prints once seeded and listening.
import { spawn } from 'node:child_process';
import { BenchError, ROOT } from './cli.mjs';

/**
 * Resolves with `{ origin, pid, stop }` once the collector is ready, or rejects with a one-line
 * BenchError (timeout, early exit, busy port) quoting its last line of output.
 * `env` adds to the environment, e.g. `{ DATA_DIR, DATABASE_URL, RATE_LIMIT_PER_MINUTE: '0' }`.
 */
export function startDemoCollector({ port, env = {}, timeoutMs = 150_000 }) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/start.ts', '--seed-demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const lastLine = () => output.trim().split('\n').filter(Boolean).at(-1) ?? 'no output';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => void stop().then(() => reject(new BenchError(`the collector did not print its login: lines within ${timeoutMs / 1000} s; last line: ${lastLine()}`))), timeoutMs);
    const collect = (chunk) => {
      output = (output + chunk).slice(-20_000);
      if (/^login: /m.test(output)) {
        clearTimeout(timer);
        resolve({ origin: `http://127.0.0.1:${port}`, pid: child.pid, stop });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
    void exited.then((code) => {
      clearTimeout(timer);
      const inUse = /EADDRINUSE|already in use/.test(output) ? ` (port ${port} is in use: pass --port)` : '';
      reject(new BenchError(`the collector exited with code ${code} before it was ready${inUse}; last line: ${lastLine()}`));
    });
  });
}
