import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/**
 * Refuses a request whose path or query string holds an encoded NUL (`%00`) with 400
 * `invalid_url`. Route parameters and query values end up in SQL comparisons, and PostgreSQL
 * fails on a NUL in text: without this, `GET /v1/surveys/a%00b` would answer 500.
 */
export function rejectNulInUrl(): MiddlewareHandler {
  return async (c, next) => {
    // A NUL can only reach us percent-encoded (a raw one is not a valid URL), and no host holds one:
    // one substring test of the whole URL covers path and query without parsing it on every request.
    if (c.req.url.includes('%00')) {
      throw new ApiError(400, 'invalid_url', 'The URL contains a NUL character (%00), which no id or parameter may hold');
    }
    await next();
  };
}
