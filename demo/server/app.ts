import { Hono } from 'hono';
import type { AppContext } from './context.js';

/**
 * The collector's HTTP API as a Hono app: one route module per concern, each in its own folder.
 * Kept free of listening and process concerns so tests can call it over real HTTP via server.ts.
 */
export function createApp(ctx: AppContext): Hono {
  const app = new Hono();
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
  // Route modules are mounted here (ingest, surveys, hierarchy, alerts, auth, stats, pages).
  return app;
}
