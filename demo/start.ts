import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../packages/collector/src/cli.js';

/**
 * The collector from the repository: the same command as the `storevoice-collector` package
 * (packages/collector/src/cli.ts), run by tsx. `npm start` passes `--seed-demo`: the demo
 * surveys and pages, and on first start the demo retailer with its public write key `pk_demo`
 * and one login per role. Bare, it creates no demo data and no demo credentials; `--no-seed`
 * keeps the demo surveys and pages but seeds nothing; `migrate` only migrates. See docs/collector.md.
 *
 * `--build` (also what `npm start` passes, and the only flag the package does not have) builds the
 * browser bundles that changed (build/demo-bundles.mjs) in a second process while this one opens
 * the database and seeds: on two cores a fresh start takes the longer of the two, not their sum.
 */
const argv = process.argv.slice(2);
const built = argv.includes('--build') ? buildBundles() : undefined;
// Awaited by main before the banner; until then a failed build must not count as unhandled.
built?.catch(() => undefined);
await main(
  argv.filter((arg) => arg !== '--build'),
  built ? { announceAfter: built } : {},
);

function buildBundles(): Promise<void> {
  // The collector's static routes are made before the first bundle is written: let them find dist/.
  mkdirSync(fileURLToPath(new URL('../dist/', import.meta.url)), { recursive: true });
  const script = fileURLToPath(new URL('../build/demo-bundles.mjs', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Building the browser bundles failed (exit code ${code}): see above.`))));
  });
}
