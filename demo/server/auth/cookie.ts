import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.js';

const PLAIN = 'sv_session';
// `__Host-` makes the browser refuse the cookie unless it is Secure, host-only and Path=/, so a
// sibling subdomain cannot plant or shadow it.
const HOST = '__Host-sv_session';

/**
 * Whether the session cookie is Secure. `auto`: when this request came over https, directly or
 * through a proxy that says so; a forged `X-Forwarded-Proto` can only make the cookie stricter.
 */
export function isSecureRequest(c: Context, config: Pick<Config, 'COOKIE_SECURE'>): boolean {
  if (config.COOKIE_SECURE === 'true') return true;
  if (config.COOKIE_SECURE === 'false') return false;
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** The session token from the request's cookie, if any. */
export function readSessionCookie(c: Context, config: Pick<Config, 'COOKIE_SECURE'>): string | undefined {
  return getCookie(c, isSecureRequest(c, config) ? HOST : PLAIN) || undefined;
}

/**
 * Sets the session cookie: HttpOnly (no script can read it), SameSite=Strict (never sent on
 * cross-site requests: the dashboard only calls its own origin), Path=/, Secure over https.
 */
export function writeSessionCookie(c: Context, config: Pick<Config, 'COOKIE_SECURE'>, token: string, expiresAt: Date): void {
  const secure = isSecureRequest(c, config);
  setCookie(c, secure ? HOST : PLAIN, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure, expires: expiresAt });
}

export function clearSessionCookie(c: Context, config: Pick<Config, 'COOKIE_SECURE'>): void {
  const secure = isSecureRequest(c, config);
  deleteCookie(c, secure ? HOST : PLAIN, { httpOnly: true, sameSite: 'Strict', path: '/', secure });
}
