import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './server/config.js';
import { startCollector } from './server/server.js';
import { demoUsers, seedDemo } from './seed/index.js';

/**
 * `npm start`: the reference collector with the demo pages, on one origin.
 * First start seeds a demo retailer (skip with `npm start -- --no-seed`); data lives in
 * DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL). See docs/collector.md.
 */
const { values } = parseArgs({ options: { 'no-seed': { type: 'boolean', default: false } }, strict: true });

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

let collector;
try {
  collector = await startCollector({ config });
} catch (error) {
  // A busy port or an unreachable DATABASE_URL: one clear line, not a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const seed = values['no-seed'] ? { seeded: false, submissions: 0 } : await seedDemo(collector.ctx);
const base = collector.url;
const lines = [
  '',
  'StoreVoice demo is running',
  `  dashboard      ${base}/dashboard/`,
  `  shop page      ${base}/shop/`,
  `  kiosk          ${base}/kiosk/?store=042&device=exit-1`,
  `  SDK playground ${base}/sdk/`,
  `  collector API  ${base}/v1/submissions  (write key: pk_demo)`,
  `  database       ${collector.ctx.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.DATA_DIR}`}`,
  seed.seeded ? `  seeded         ${seed.submissions} demo submissions over 90 days` : values['no-seed'] ? '  seeded         nothing (--no-seed)' : '  seeded         already (delete the data directory to start over)',
  '',
  ...(values['no-seed'] ? [] : demoUsers.map((user) => `login: ${user.role} ${user.email} ${user.password}`)),
  '',
];
console.log(lines.join('\n'));

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  collector.ctx.log.info('shutting down', { signal });
  // In-flight requests finish; a second signal or 10 s later, exit anyway.
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  void collector.close().then(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
