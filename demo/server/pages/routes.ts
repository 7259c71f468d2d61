import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { layout } from '../layout.js';

const pages = layout.pages;
const dist = layout.bundles;

/**
 * The policy retailers are told to use (docs/troubleshooting): no inline script or style, no
 * eval. The demo pages run under it so any regression in the widget shows up here first.
 */
export const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface PageOptions {
  /**
   * Serve the demo's own pages too: the index at `/`, the shop page and the SDK playground,
   * which use the demo's public write key. Only with `--seed-demo`; otherwise `/` leads to the
   * dashboard. @default false
   */
  demo?: boolean;
}

/**
 * The pages and the built script-tag bundle, same origin as the collector: the kiosk page
 * (`/kiosk/`, what provisioning links open), the staff pulse page (`/pulse/`, what pulse links and
 * QR codes open) and `/storevoice.iife.js` with its on-demand files, always; with `demo`, also
 * `/` (index), `/shop/` and `/sdk/`.
 */
export function pageRoutes(options: PageOptions = {}): Hono {
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
  for (const section of options.demo ? ['shop', 'kiosk', 'sdk', 'pulse'] : ['kiosk', 'pulse']) {
    app.get(`/${section}`, (c) => c.redirect(`/${section}/`, 301));
    app.get(`/${section}/*`, serveStatic({ root: pages }));
  }
  if (options.demo) {
    app.get('/', serveStatic({ root: pages, path: 'index.html' }));
    app.get('/index.css', serveStatic({ root: pages }));
  } else {
    app.get('/', (c) => c.redirect('/dashboard/', 302));
  }
  // The bundle a retailer would host; `no-cache` revalidates so a rebuilt demo is picked up at once.
  app.get('/storevoice.iife.js*', serveStatic({ root: dist, onFound: (_, c) => c.header('Cache-Control', 'no-cache') }));
  app.get('/kiosk.js*', serveStatic({ root: dist, onFound: (_, c) => c.header('Cache-Control', 'no-cache') }));
  app.get('/delivery.js*', serveStatic({ root: dist, onFound: (_, c) => c.header('Cache-Control', 'no-cache') }));
  app.get('/url-context.js', serveStatic({ root: dist, onFound: (_, c) => c.header('Cache-Control', 'no-cache') }));
  app.get('/locales/*', serveStatic({ root: dist, onFound: (_, c) => c.header('Cache-Control', 'no-cache') }));
  return app;
}
