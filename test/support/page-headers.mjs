// Serves some widget fixture pages with the headers a strict retailer site would send.
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  // Lit creates one Trusted Types policy, named lit-html, for its template HTML.
  'trusted-types lit-html',
].join('; ');

export function pageHeadersMiddleware() {
  return async (ctx, next) => {
    await next();
    if (ctx.path === '/test/widget/fixtures/csp.html') ctx.set('Content-Security-Policy', STRICT_CSP);
  };
}
