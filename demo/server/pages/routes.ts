import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const pages = `${repo}demo/pages`;
const dist = `${repo}dist`;

/**
 * The policy retailers are told to use (docs/troubleshooting): no inline script or style, no
 * eval. The demo pages run under it so any regression in the widget shows up here first.
 */
export const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The demo's pages and the built script-tag bundle, same origin as the collector:
 * `/` (index), `/shop/`, `/kiosk/`, `/sdk/`, `/pulse/` (the staff pulse page), and `/storevoice.iife.js` with its on-demand files.
 */
export function pageRoutes(): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.res.headers.set('Content-Security-Policy', strictCsp);
      c.res.headers.set('X-Content-Type-Options', 'nosniff');
      c.res.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    }
  });
  // A service worker may only control pages under its own path: the kiosk's lives in /kiosk/.
  app.get('/kiosk/sw.js', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-cache');
  });
  for (const section of ['shop', 'kiosk', 'sdk', 'pulse']) {
    app.get(`/${section}`, (c) => c.redirect(`/${section}/`, 301));
    app.get(`/${section}/*`, serveStatic({ root: pages }));
  }
  app.get('/', serveStatic({ root: pages, path: 'index.html' }));
  app.get('/index.css', serveStatic({ root: pages }));
  // The bundle a retailer would host; `no-cache` revalidates so a rebuilt demo is picked up at once.
  app.get('/storevoice.iife.js*', serveStatic({ root: dist, onFound: (_, c) => c.header('Cache-Control', 'no-cache') }));
  app.get('/kiosk.js*', serveStatic({ root: dist, onFound: (_, c) => c.header('Cache-Control', 'no-cache') }));
  app.get('/delivery.js*', serveStatic({ root: dist, onFound: (_, c) => c.header('Cache-Control', 'no-cache') }));
  app.get('/url-context.js', serveStatic({ root: dist, onFound: (_, c) => c.header('Cache-Control', 'no-cache') }));
  app.get('/locales/*', serveStatic({ root: dist, onFound: (_, c) => c.header('Cache-Control', 'no-cache') }));
  return app;
}
