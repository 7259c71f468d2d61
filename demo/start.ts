import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './server/config.js';
import { isProduction } from './server/production-checks.js';
import { startCollector } from './server/server.js';
import { demoSurveysDir, demoUsers, seedDemo } from './seed/index.js';

/**
 * Starts the collector. Bare (no flag), it creates no demo data and no demo credentials, and
 * imports surveys only from SURVEYS_DIR. `--seed-demo` (what `npm start` passes) is the demo:
 * the demo surveys, and on first start the demo retailer with its public write key `pk_demo`
 * and one login per role, printed below; `--no-seed` keeps the demo surveys but seeds nothing.
 * Data lives in DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL). See docs/collector.md.
 */
const { values } = parseArgs({
  options: {
    'seed-demo': { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
  },
  strict: true,
});
const demo = values['seed-demo'];
const seeding = demo && !values['no-seed'];

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
if (seeding && isProduction(config)) {
  console.error('--seed-demo creates the demo\'s public credentials (write key pk_demo, demo logins): it cannot run with NODE_ENV=production. Start without --seed-demo.');
  process.exit(2);
}

let collector;
try {
  collector = await startCollector({ config: demo ? { ...config, SURVEYS_DIR: config.SURVEYS_DIR ?? demoSurveysDir } : config, demoPages: demo });
} catch (error) {
  // A busy port, an unreachable DATABASE_URL, demo credentials in production: one clear message, not a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const seed = seeding ? await seedDemo(collector.ctx) : { seeded: false, submissions: 0 };
const base = collector.url;
const database = `  database       ${collector.ctx.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.DATA_DIR}`}`;
const lines = demo
  ? [
      '',
      'StoreVoice demo is running',
      `  dashboard      ${base}/dashboard/`,
      `  shop page      ${base}/shop/`,
      `  kiosk          ${base}/kiosk/?store=042&device=exit-1`,
      `  SDK playground ${base}/sdk/`,
      `  collector API  ${base}/v1/submissions  (write key: pk_demo)`,
      database,
      seed.seeded ? `  seeded         ${seed.submissions} demo submissions over 90 days` : seeding ? '  seeded         already (delete the data directory to start over)' : '  seeded         nothing (--no-seed)',
      '',
      ...(seeding ? demoUsers.map((user) => `login: ${user.role} ${user.email} ${user.password}`) : []),
      '',
    ]
  : [
      '',
      'StoreVoice collector is running',
      `  collector API  ${base}/v1/submissions`,
      `  dashboard      ${base}/dashboard/`,
      `  health         ${base}/readyz`,
      database,
      '  demo data      none (start with --seed-demo, as `npm start` does, for the demo retailer)',
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
