import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import { isHttpsRequest, proxyTrust } from './client-ip.js';

/** One year: browsers keep using https for the collector's host that long after a visit. */
export const HSTS = 'max-age=31536000';

/**
 * Headers every response carries: `X-Content-Type-Options: nosniff` (a JSON error or an uploaded
 * text is never sniffed into HTML or script), and on https requests — direct TLS, or a trusted
 * proxy's X-Forwarded-Proto — `Strict-Transport-Security`, so a browser that reached the
 * dashboard once over https never falls back to plain http on that host. Not `includeSubDomains`:
 * the collector cannot know what else runs under its domain.
 */
export function securityHeaders(config: Pick<Config, 'TRUSTED_PROXIES' | 'TRUST_PROXY_HOPS'>): MiddlewareHandler {
  const trust = proxyTrust(config);
  return async (c, next) => {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    if (isHttpsRequest(c, trust)) c.res.headers.set('strict-transport-security', HSTS);
  };
}
