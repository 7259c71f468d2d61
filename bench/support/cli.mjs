// The command line every benchmark shares: its options, one-line failures, the build it needs, and
// a run that cleans up however it ends.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The repository's root folder, ending in `/`. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A failure worth one clear line, not a stack trace. */
export class BenchError extends Error {}

/**
 * The command line of `bench/<name>.mjs`: its options (`parseArgs`, strict: an unknown option fails
 * with `usage`), and helpers that fail with one line naming the benchmark.
 *
 * @example const { args, wholeNumber } = commandLine('widget-load', { runs: { type: 'string', default: '15' } }, '--runs N');
 */
export function commandLine(name, options, usage) {
  /** Prints `bench/<name>: <message>` and exits 1. */
  const fail = (message) => {
    console.error(`bench/${name}: ${message}`);
    process.exit(1);
  };
  let args;
  try {
    args = parseArgs({ options, strict: true }).values;
  } catch (error) {
    fail(`${error.message} (options: ${usage})`);
  }
  return {
    args,
    fail,
    /** The option as a whole number from `min` to `max`, or a one-line failure. */
    wholeNumber(option, min, max) {
      const value = Number(args[option]);
      if (!Number.isInteger(value) || value < min || value > max) fail(`--${option} must be a whole number from ${min} to ${max}, not "${args[option]}"`);
      return value;
    },
    /** Fails unless every one of these build outputs (paths from the repository root) exists. */
    requireBuild(...files) {
      const missing = files.find((file) => !existsSync(ROOT + file));
      if (missing) fail(`${missing} is missing: run \`npm run build\` first`);
    },
  };
}

/**
 * Runs `main`, then `cleanup` however it ends (Ctrl-C included). A BenchError is one line on stderr
 * and exit code 1; anything else is a bug in the benchmark and keeps its stack trace.
 */
export async function runBench(name, main, cleanup) {
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    await main();
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    console.error(`bench/${name}: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}
