import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { layout } from '../layout.js';

/**
 * The dashboard's files. The app is built by rollup into dist/dashboard/ (see rollup.config.mjs)
 * like the other bundles, so the collector needs no bundler at run time; the page shell and
 * styles are served from source, and uPlot's stylesheet from the package.
 */
const FILES: Record<string, { path: string; type: string }> = {
  '': { path: `${layout.pages}/dashboard/index.html`, type: 'text/html; charset=utf-8' },
  'dashboard.css': { path: `${layout.pages}/dashboard/dashboard.css`, type: 'text/css; charset=utf-8' },
  'favicon.svg': { path: `${layout.pages}/dashboard/favicon.svg`, type: 'image/svg+xml' },
  // The "speak to a manager now" sound, for managers who turned it on (same origin: CSP default-src 'self').
  'chime.wav': { path: `${layout.pages}/dashboard/chime.wav`, type: 'audio/wav' },
  'uPlot.min.css': { path: layout.uplotCss, type: 'text/css; charset=utf-8' },
  'dashboard.js': { path: `${layout.bundles}/dashboard/dashboard.js`, type: 'text/javascript; charset=utf-8' },
  'dashboard.js.map': { path: `${layout.bundles}/dashboard/dashboard.js.map`, type: 'application/json' },
};

/**
 * No inline script or style, no eval, same-origin API calls only, never framed. Lit's
 * constructable stylesheets and uPlot's CSSOM style writes are allowed under `style-src 'self'`.
 */
export const dashboardCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** `/dashboard/` and its assets. */
export function dashboardRoutes(): Hono {
  const app = new Hono();
  app.get('/dashboard', (c) => c.redirect('/dashboard/', 301));
  app.get('/dashboard/:file{[A-Za-z.]*}', async (c) => {
    const file = FILES[c.req.param('file')];
    if (!file) return c.json({ error: 'not_found', message: `No dashboard file ${c.req.path}` }, 404);
    let body: Buffer;
    try {
      body = await readFile(file.path);
    } catch {
      // Only the bundle can be missing (not built yet); say how to fix it.
      return c.text(`The dashboard is not built yet: ${layout.buildHint}.`, 503);
    }
    return c.body(new Uint8Array(body), 200, {
      'content-type': file.type,
      'content-security-policy': dashboardCsp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      // Rebuilt bundles are picked up at once; the files are small and served locally.
      'cache-control': 'no-cache',
    });
  });
  return app;
}
