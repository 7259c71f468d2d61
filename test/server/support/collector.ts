import type { Config } from '../../../demo/server/config.js';
import { startCollector, type Collector, type StartOptions } from '../../../demo/server/server.js';
import type { DatabaseTarget } from './databases.js';

/**
 * A real collector on a free loopback port over a fresh database of the given kind.
 * `close()` stops the server and drops the database. Rate limiting is off unless a test turns it
 * on (RATE_LIMIT_PER_MINUTE): suites post far faster than any kiosk.
 */
export async function startTestCollector(target: DatabaseTarget, config: Partial<Config> = {}, options: Omit<StartOptions, 'db' | 'config'> = {}): Promise<Collector> {
  const db = await target.open();
  let collector: Collector;
  try {
    collector = await startCollector({ ...options, db, config: { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: 0, ...config } });
  } catch (error) {
    // An open PGlite or pool would keep the test process alive until the file times out.
    await db.close();
    throw error;
  }
  return {
    ...collector,
    async close() {
      await collector.close();
      await db.close();
    },
  };
}
