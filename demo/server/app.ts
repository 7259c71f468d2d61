import { Hono } from 'hono';
import { alertRoutes, alertSessionRoutes } from './alerts/index.js';
import type { AppContext } from './context.js';
import { hierarchyRoutes } from './hierarchy/routes.js';
import { installErrorHandlers } from './http/errors.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security-headers.js';
import { hideSourceMaps } from './http/source-maps.js';
import { isProduction } from './production-checks.js';
import { recordRequests } from './metrics/http.js';
import { collectorMetrics } from './metrics/registry.js';
import { metricsRoutes } from './metrics/routes.js';
import { openApiRoutes } from './openapi/routes.js';
import { rejectNulInUrl } from './http/storable-url.js';
import { ingestRoutes } from './ingest/routes.js';
import { surveyRoutes } from './surveys/routes.js';
import { placeRoutes } from './places/routes.js';
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
import { pulseRoutes } from './pulse/routes.js';
import { ideaRoutes } from './ideas/routes.js';
import { recognitionRoutes } from './recognition/routes.js';
import { digestRoutes } from './digest/routes.js';
import { retentionRoutes } from './retention/routes.js';

/**
 * The collector's HTTP API as a Hono app: one route module per concern, each in its own folder.
 * Kept free of listening and process concerns so tests can call it over real HTTP via server.ts.
 */
export interface AppOptions {
  /** Serve the demo's pages (index, shop page, SDK playground): `--seed-demo`. @default false */
  demoPages?: boolean;
}

export function createApp(ctx: AppContext, options: AppOptions = {}): Hono {
  const app = new Hono();
  // Outermost, so its latency covers everything else and it sees every final status.
  app.use(recordRequests(collectorMetrics(ctx)));
  // Then, so every request (also 404s and errors) gets one log line and a request id.
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
  app.route('/', metricsRoutes(ctx));
  app.route('/', openApiRoutes());
  // Route modules are mounted here (ingest, surveys, hierarchy, alerts, auth, stats).
  app.route('/', ingestRoutes(ctx));
  app.route('/', surveyRoutes(ctx));
  app.route('/', placeRoutes(ctx));
  app.route('/', hierarchyRoutes(ctx));
  app.route('/v1/admin/alerts', alertRoutes(ctx));
  app.route('/', authRoutes(ctx));
  app.route('/', preferenceRoutes(ctx));
  app.route('/', directoryRoutes(ctx));
  app.route('/', statsRoutes(ctx));
  app.route('/', settingsRoutes(ctx));
  app.route('/', digestRoutes(ctx));
  app.route('/', caseRoutes(ctx));
  app.route('/', eventRoutes(ctx));
  app.route('/', ideaRoutes(ctx));
  app.route('/', recognitionRoutes(ctx));
  app.route('/', alertSessionRoutes(ctx));
  app.route('/', targetRoutes(ctx));
  app.route('/', pulseRoutes(ctx));
  app.route('/', retentionRoutes(ctx));
  app.route('/', dashboardRoutes());
  // The demo pages last: API routes win over static files.
  app.route('/', pageRoutes({ demo: options.demoPages ?? false }));
  return app;
}
