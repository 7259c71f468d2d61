import { Hono } from 'hono';
import { alertRoutes, alertSessionRoutes } from './alerts/index.js';
import type { AppContext } from './context.js';
import { hierarchyRoutes } from './hierarchy/routes.js';
import { installErrorHandlers } from './http/errors.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security-headers.js';
import { hideSourceMaps } from './http/source-maps.js';
import { isProduction } from './production-checks.js';
import { rejectNulInUrl } from './http/storable-url.js';
import { ingestRoutes } from './ingest/routes.js';
import { surveyRoutes } from './surveys/routes.js';
import { pageRoutes } from './pages/routes.js';
import { authRoutes } from './auth/routes.js';
import { preferenceRoutes } from './auth/preferences.js';
import { directoryRoutes } from './directory/routes.js';
import { statsRoutes } from './stats/routes.js';
import { targetRoutes } from './targets/routes.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { caseRoutes } from './cases/routes.js';
import { eventRoutes } from './events/routes.js';
import { settingsRoutes } from './settings/routes.js';

/**
 * The collector's HTTP API as a Hono app: one route module per concern, each in its own folder.
 * Kept free of listening and process concerns so tests can call it over real HTTP via server.ts.
 */
export function createApp(ctx: AppContext): Hono {
  const app = new Hono();
  // First, so every request (also 404s and errors) gets one log line and a request id.
  app.use(requestLog(ctx.log));
  app.use(securityHeaders(ctx.config));
  installErrorHandlers(app, ctx);
  app.use(rejectNulInUrl());
  app.use(hideSourceMaps(isProduction(ctx.config)));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    try {
      await ctx.db.query('SELECT 1');
      return c.json({ ok: true, database: ctx.db.kind });
    } catch (error) {
      ctx.log.error('readiness check failed', { error: String(error) });
      return c.json({ ok: false, database: ctx.db.kind }, 503);
    }
  });
  // Route modules are mounted here (ingest, surveys, hierarchy, alerts, auth, stats).
  app.route('/', ingestRoutes(ctx));
  app.route('/', surveyRoutes(ctx));
  app.route('/', hierarchyRoutes(ctx));
  app.route('/v1/admin/alerts', alertRoutes(ctx));
  app.route('/', authRoutes(ctx));
  app.route('/', preferenceRoutes(ctx));
  app.route('/', directoryRoutes(ctx));
  app.route('/', statsRoutes(ctx));
  app.route('/', settingsRoutes(ctx));
  app.route('/', caseRoutes(ctx));
  app.route('/', eventRoutes(ctx));
  app.route('/', alertSessionRoutes(ctx));
  app.route('/', targetRoutes(ctx));
  app.route('/', dashboardRoutes());
  // The demo pages last: API routes win over static files.
  app.route('/', pageRoutes());
  return app;
}
