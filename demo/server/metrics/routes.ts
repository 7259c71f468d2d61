import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { Gauge } from 'prom-client';
import { passwordHashing } from '../auth/hashing-queue.js';
import type { AppContext } from '../context.js';
import { POSTGRES_POOL_SIZE } from '../db/postgres.js';
import { ApiError } from '../http/errors.js';
import { insertQueueOf } from '../ingest/group-commit.js';
import { afterIngestRunning } from '../ingest/hooks.js';
import { collectorMetrics, type CollectorMetrics } from './registry.js';

// Hashing both sides gives equal lengths, so the comparison is constant-time whatever was sent.
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

const watched = new WeakSet<object>();

/**
 * Gauges read when Prometheus scrapes rather than kept up to date: the queues inside this
 * process, the database pool's size, and the webhook queue, which lives in the database and so
 * is the same on every instance (aggregate it with `max`, not `sum`).
 */
function watchQueues(ctx: AppContext, metrics: CollectorMetrics): void {
  if (watched.has(ctx)) return;
  watched.add(ctx);
  const registers = [metrics.registry];
  new Gauge({
    name: 'storevoice_queue_depth',
    help: 'Work waiting in this process, by queue: ingest_insert (requests waiting for the next group INSERT), after_ingest (alert evaluations running), password_hashing (logins waiting for a hashing slot)',
    labelNames: ['queue'],
    registers,
    collect() {
      this.set({ queue: 'ingest_insert' }, insertQueueOf(ctx).waiting);
      this.set({ queue: 'after_ingest' }, afterIngestRunning(ctx));
      this.set({ queue: 'password_hashing' }, passwordHashing.stats.queued);
    },
  });
  new Gauge({
    name: 'storevoice_db_pool_size',
    help: 'Connections this instance may open: the PostgreSQL pool, or 1 for PGlite',
    labelNames: ['database'],
    registers,
    collect() {
      this.set({ database: ctx.db.kind }, ctx.db.kind === 'postgres' ? POSTGRES_POOL_SIZE : 1);
    },
  });
  new Gauge({
    name: 'storevoice_webhook_queue',
    help: 'Webhook deliveries not finished yet, by status: pending (due or backing off), held (until the store opens), sending. Read from the database: the same on every instance',
    labelNames: ['status'],
    registers,
    async collect() {
      const counts = new Map<string, number>([['pending', 0], ['held', 0], ['sending', 0]]);
      try {
        const rows = await ctx.db.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM webhook_deliveries WHERE status IN ('held', 'pending', 'sending') GROUP BY status");
        for (const row of rows) counts.set(row.status, row.n);
      } catch (error) {
        // A scrape still answers while the database is down; /readyz is what reports that.
        ctx.log.warn('metrics: webhook queue not read', { error: String(error) });
        return;
      }
      for (const [status, n] of counts) this.set({ status }, n);
    },
  });
}

/**
 * `GET /metrics` in Prometheus text format (docs/collector.md, "Metrics"). Open unless
 * METRICS_TOKEN is set, then only with `Authorization: Bearer <METRICS_TOKEN>`: the counts say
 * how much feedback arrives, which some retailers treat as business data.
 */
export function metricsRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  const metrics = collectorMetrics(ctx);
  watchQueues(ctx, metrics);
  app.get('/metrics', async (c) => {
    const token = ctx.config.METRICS_TOKEN;
    if (token) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
      if (!match || !timingSafeEqual(digest(match[1]!), digest(token))) {
        throw new ApiError(401, 'unauthorized', 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>"', {}, { 'WWW-Authenticate': 'Bearer' });
      }
    }
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
  });
  return app;
}
