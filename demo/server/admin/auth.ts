import { timingSafeEqual, createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';

// Hashing both sides gives equal lengths, so the comparison is constant-time whatever was sent.
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Guards the admin API with `Authorization: Bearer <ADMIN_TOKEN>`. Without ADMIN_TOKEN the API
 * is off (403 `admin_disabled`): no default token can be left in production by accident.
 */
export function requireAdmin(ctx: Pick<AppContext, 'config'>): MiddlewareHandler {
  return async (c, next) => {
    const token = ctx.config.ADMIN_TOKEN;
    if (!token) throw new ApiError(403, 'admin_disabled', 'The admin API is disabled: set ADMIN_TOKEN to enable it');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match || !timingSafeEqual(digest(match[1]!), digest(token))) {
      throw new ApiError(401, 'unauthorized', 'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>"');
    }
    await next();
  };
}

/** The largest admin request body (a hierarchy file of a few thousand stores fits). */
export const MAX_ADMIN_BODY_BYTES = 5 * 1024 * 1024;
