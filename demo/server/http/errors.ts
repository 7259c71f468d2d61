import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppContext } from '../context.js';

/**
 * An error with a stable machine-readable `code` and a message written for the developer who
 * sent the request. Handlers throw it; {@link installErrorHandlers} turns it into JSON:
 * `{ "error": code, "message": message, ...details }`.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Extra fields of the body, e.g. `issues`. */
    readonly details: Record<string, unknown> = {},
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The JSON response for an {@link ApiError}. */
export function errorResponse(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json({ error: error.code, message: error.message, ...error.details }, error.status);
}

/**
 * JSON for unknown routes and for errors. Unexpected errors are logged with their stack and
 * answered with a generic message: stack traces and SQL never reach the client.
 */
export function installErrorHandlers(app: Hono, ctx: Pick<AppContext, 'log'>): void {
  app.notFound((c) => c.json({ error: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof HTTPException) {
      return c.json({ error: 'http_error', message: error.message || 'Request failed' }, error.status);
    }
    ctx.log.error('unhandled error', { method: c.req.method, path: c.req.path, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    return c.json({ error: 'internal_error', message: 'Internal server error' }, 500);
  });
}
