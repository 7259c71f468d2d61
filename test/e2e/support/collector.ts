import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../../demo/server/db/database.js';
import { openDatabase } from '../../../demo/server/db/open.js';
import { startCollector, type Collector } from '../../../demo/server/server.js';
import { demoUsers, seedDemo } from '../../../demo/seed/index.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST = `${ROOT}dist/`;

/**
 * The collector pages load dist/ as a retailer would; a stale or missing build would test old code
 * or fail deep inside a page, so say it in one line instead.
 */
export function requireDist(): void {
  for (const file of ['storevoice.iife.js', 'kiosk.js', 'delivery.js', 'index.js', 'dashboard/dashboard.js']) {
    if (!existsSync(`${DIST}${file}`)) throw new Error(`dist/${file} is missing: run \`npm run build\` before the e2e tests`);
  }
}

export interface DemoCollector extends Collector {
  db: Database;
}

/**
 * What `npm start` runs (demo/start.ts), in this process: the real collector with its demo pages,
 * over an in-memory PGlite, seeded with the demo brand (write key `pk_demo`, the demo surveys and
 * users, ~5,000 submissions). In-process rather than a child so tests can query the database
 * directly; the full seed takes about 4 s here, cheap enough to keep the real data.
 * Rate limits are off: one loopback IP posts far faster than any shop.
 */
export async function startDemoCollector(): Promise<DemoCollector> {
  requireDist();
  const db = await openDatabase({});
  let collector: Collector;
  try {
    collector = await startCollector({
      db,
      config: { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: 0, ALERT_WORKER_INTERVAL_MS: 0, CORS_ORIGINS: '*' },
      // The shop page and the SDK playground, as with --seed-demo.
      demoPages: true,
    });
    await seedDemo(collector.ctx);
  } catch (error) {
    // An open PGlite keeps the test process alive until the file times out.
    await db.close();
    throw error;
  }
  return {
    ...collector,
    db,
    async close() {
      await collector.close();
      await db.close();
    },
  };
}

/** The demo login of a role, as `npm start` prints it. */
export function demoLogin(role: (typeof demoUsers)[number]['role']): { email: string; password: string } {
  const user = demoUsers.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with the role ${role}`);
  return { email: user.email, password: user.password };
}
