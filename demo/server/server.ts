import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { importStartupData } from './admin/startup.js';
import { installAlerts } from './alerts/index.js';
import { startDigestSchedule } from './digest/schedule.js';
import { installCases } from './cases/index.js';
import { installIdeas } from './ideas/index.js';
import { installEvents } from './events/index.js';
import { installRetention } from './retention/index.js';
import { createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import type { AppContext } from './context.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open.js';
import { createLogger, type Logger } from './log.js';
import { instrumentDatabase } from './metrics/database.js';
import { collectorMetrics } from './metrics/registry.js';
import { checkProductionSafety } from './production-checks.js';

export interface Collector {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  ctx: AppContext;
  /** Stops accepting connections, waits for in-flight requests, stops workers, closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  config?: Partial<Config>;
  /** An already open database (tests share one per file); otherwise opened from the config. */
  db?: Database;
  log?: Logger;
  now?: () => Date;
  /** Serve the demo's pages too (`--seed-demo`); see `AppOptions`. @default false */
  demoPages?: boolean;
}

/** Starts the collector: config → database (migrated) → HTTP server. */
export async function startCollector(options: StartOptions = {}): Promise<Collector> {
  const config = { ...loadConfig(), ...options.config };
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const db = options.db ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  const ctx: AppContext = { config, db, log, now: options.now ?? (() => new Date()), afterIngest: [], onClose: [], beforeClose: [] };
  // Every module's queries are timed for /metrics; `db` itself stays the one to close.
  ctx.db = instrumentDatabase(db, collectorMetrics(ctx));
  let server: ServerType;
  try {
    // Before anything is served: a production collector never starts with the demo's credentials.
    await checkProductionSafety(db, config, log);
    await installAlerts(ctx);
    await installEvents(ctx);
    installCases(ctx);
    installIdeas(ctx);
    if (config.DIGEST_INTERVAL_MS > 0) ctx.onClose.push(startDigestSchedule(ctx, config.DIGEST_INTERVAL_MS));
    installRetention(ctx);
    await importStartupData(ctx);
    const app = createApp(ctx, { demoPages: options.demoPages ?? false });
    server = await listen(app.fetch, config.PORT, config.HOST);
  } catch (error) {
    // Nothing half-started stays behind: workers stop and a database we opened is closed.
    for (const stop of ctx.onClose) await stop().catch(() => undefined);
    if (!options.db) await db.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST}:${port}`;
  log.info('collector listening', { url, database: db.kind });
  let closing: Promise<void> | undefined;
  return {
    url,
    ctx,
    close: () =>
      (closing ??= (async () => {
        // server.close() waits for in-flight requests; idle keep-alive sockets must not hold it open.
        await new Promise<void>((resolve) => {
          for (const end of ctx.beforeClose) end();
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        for (const stop of ctx.onClose) await stop();
        if (!options.db) await db.close();
      })()),
  };
}

/** Listens, or fails with a message that says what to do (a port in use is the common case). */
function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => {
      server.off('error', fail);
      resolve(server);
    });
    function fail(error: NodeJS.ErrnoException): void {
      const hint = error.code === 'EADDRINUSE' ? `port ${port} on ${hostname} is already in use: stop the other process or set PORT` : error.message;
      reject(new Error(`The collector could not listen: ${hint}`, { cause: error }));
    }
    server.once('error', fail);
  });
}

