import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * The Origin check, a first CSRF line that needs no state: a browser states where a request
 * comes from, and a page elsewhere cannot hide it. Without `Origin`, `Sec-Fetch-Site` decides;
 * without either the caller is not a (modern) browser, and the token check below still applies.
 * `Origin: null` (sandboxed frames, some redirects) is refused.
 */
export function isSameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) {
    const site = c.req.header('sec-fetch-site');
    return site === undefined || site === 'same-origin' || site === 'none';
  }
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false;
  }
}

/** The synchronizer-token check: `X-CSRF-Token` must equal the session's token. */
export function hasCsrfToken(c: Context, expected: string): boolean {
  const given = c.req.header('x-csrf-token');
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
