import type { Context, MiddlewareHandler } from 'hono';
import { corsOrigins, type Config } from '../config.js';
import { ApiError } from './errors.js';

/** What a browser may send and read on the public endpoints (see docs/wire-format.md). */
const ALLOW_HEADERS = 'authorization, content-type, idempotency-key';
// Without this, browsers hide Retry-After from the SDK and it cannot honour a 429.
const EXPOSE_HEADERS = 'retry-after, etag';
const MAX_AGE_SECONDS = '600';

export interface CorsPolicy {
  /** CORS headers for an actual request; throws 403 `origin_not_allowed` for a foreign origin. */
  request(methods: readonly string[]): MiddlewareHandler;
  /** The answer to a preflight: 204 with CORS headers, or 403 without any. */
  preflight(methods: readonly string[]): MiddlewareHandler;
}

/**
 * CORS for the public endpoints, restricted to CORS_ORIGINS. A disallowed origin gets no CORS
 * headers, and its requests are refused outright: `text/plain` beacons skip the preflight, so
 * withholding headers alone would still let a foreign page store submissions.
 * Requests without `Origin` (servers, curl) and same-origin requests are not CORS and pass.
 */
export function corsPolicy(config: Pick<Config, 'CORS_ORIGINS'>): CorsPolicy {
  const origins = corsOrigins(config);
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins);

  /** The value of Access-Control-Allow-Origin for this request, or null when it may not have one. */
  const allowOrigin = (c: Context, origin: string): string | null => {
    if (anyOrigin) return '*';
    if (allowed.has(origin) || isSameOrigin(c, origin)) return origin;
    return null;
  };

  return {
    request: () => async (c, next) => {
      const origin = c.req.header('origin');
      if (origin === undefined) return next();
      const value = allowOrigin(c, origin);
      if (value === null) throw new ApiError(403, 'origin_not_allowed', `Origin ${origin} is not allowed (CORS_ORIGINS)`);
      await next();
      c.res.headers.set('access-control-allow-origin', value);
      c.res.headers.set('access-control-expose-headers', EXPOSE_HEADERS);
      if (value !== '*') c.res.headers.append('vary', 'Origin');
    },
    preflight: (methods) => async (c) => {
      const origin = c.req.header('origin');
      const method = (c.req.header('access-control-request-method') ?? '').toUpperCase();
      const value = origin === undefined ? null : allowOrigin(c, origin);
      if (value === null) return c.json({ error: 'origin_not_allowed', message: `Origin ${origin ?? '(none)'} is not allowed (CORS_ORIGINS)` }, 403);
      if (!methods.includes(method)) return c.json({ error: 'method_not_allowed', message: `${method || '(none)'} is not allowed here; use ${methods.join(' or ')}` }, 403);
      c.header('access-control-allow-origin', value);
      c.header('access-control-allow-methods', methods.join(', '));
      c.header('access-control-allow-headers', ALLOW_HEADERS);
      c.header('access-control-max-age', MAX_AGE_SECONDS);
      if (value !== '*') c.header('vary', 'Origin');
      return c.body(null, 204);
    },
  };
}

/** A browser's `Origin` for a page served by this collector itself (the demo pages). */
function isSameOrigin(c: Context, origin: string): boolean {
  try {
    return new URL(origin).host === c.req.header('host');
  } catch {
    return false;
  }
}
