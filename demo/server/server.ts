import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { importStartupData } from './admin/startup.js';
import { installAlerts } from './alerts/index.js';
import { createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import type { AppContext } from './context.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open.js';
import { createLogger, type Logger } from './log.js';

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
}

/** Starts the collector: config → database (migrated) → HTTP server. */
export async function startCollector(options: StartOptions = {}): Promise<Collector> {
  const config = { ...loadConfig(), ...options.config };
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const db = options.db ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  const ctx: AppContext = { config, db, log, now: options.now ?? (() => new Date()), afterIngest: [], onClose: [] };
  await installAlerts(ctx);
  await importStartupData(ctx);
  const app = createApp(ctx);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
  });
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
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        for (const stop of ctx.onClose) await stop();
        if (!options.db) await db.close();
      })()),
  };
}
