import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../context.js';
import { ApiError, errorResponse } from '../http/errors.js';
import { readSessionCookie } from './cookie.js';
import { hasCsrfToken, isSameOrigin, isStateChanging } from './csrf.js';
import type { AuthEnv } from './env.js';
import { findSession } from './sessions.js';

/**
 * Requires a valid session (401 otherwise) and, on every state-changing method, a same-origin
 * request carrying the session's CSRF token (403 otherwise). Other modules mount it in front of
 * any route that acts for a dashboard user.
 */
export function requireSession(ctx: AppContext): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c, ctx.config);
    const session = token ? await findSession(ctx.db, token, ctx.now()) : undefined;
    if (!session) return errorResponse(c, new ApiError(401, 'unauthenticated', 'Log in first (no valid session)'));
    if (isStateChanging(c.req.method)) {
      if (!isSameOrigin(c)) return errorResponse(c, new ApiError(403, 'cross_origin', 'Cross-origin request refused'));
      if (!hasCsrfToken(c, session.csrfToken)) return errorResponse(c, new ApiError(403, 'csrf', 'Missing or wrong X-CSRF-Token'));
    }
    c.set('session', session);
    // Per-user data: no shared cache may keep it.
    c.header('cache-control', 'no-store');
    await next();
  };
}
