// What the browser benchmarks watch in their pages, so a failure says what the page said.
import { BenchError } from './cli.mjs';

/** Collects what `page` reports from now on: uncaught errors and console errors (warnings too, with `warnings`). */
export function pageProblems(page, { warnings = false } = {}) {
  const problems = [];
  const types = warnings ? ['error', 'warning'] : ['error'];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => types.includes(message.type()) && problems.push(message.text()));
  return problems;
}

/** "; page said: a | b | c" (the first three, once each), or nothing when the page said nothing. */
export function pageSaid(problems) {
  return problems.length ? `; page said: ${[...new Set(problems)].slice(0, 3).join(' | ')}` : '';
}

/**
 * `promise`'s value, unless it takes longer than `limitMs` or fails: then a BenchError naming `what`
 * and quoting what the page said; `hint` tells how to allow more time ("raise --timeout").
 */
export async function withTimeout(promise, limitMs, what, problems = [], hint = '') {
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new BenchError(`${what}: no answer within ${limitMs / 1000} s${hint ? ` (${hint})` : ''}${pageSaid(problems)}`)), limitMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } catch (error) {
    if (error instanceof BenchError) throw error;
    throw new BenchError(`${what}: ${error.message.split('\n')[0]}${pageSaid(problems)}`);
  } finally {
    clearTimeout(timer);
  }
}
