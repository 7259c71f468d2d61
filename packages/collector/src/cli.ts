import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../../../demo/server/config.js';
import { migrate } from '../../../demo/server/db/migrate.js';
import { openPglite } from '../../../demo/server/db/pglite.js';
import { openPostgres } from '../../../demo/server/db/postgres.js';
import { isProduction } from '../../../demo/server/production-checks.js';
import { startCollector, type Collector } from '../../../demo/server/server.js';
import { collectorVersion } from '../../../demo/server/version.js';
import { createLogger } from '../../../demo/server/log.js';
import { openDatabase } from '../../../demo/server/db/open.js';
import { PRIVACY_USAGE, privacyCommand } from '../../../demo/server/retention/command.js';
import { activePulseKey } from '../../../demo/server/pulse/keys.js';
import { pulseUrl } from '../../../demo/server/pulse/routes.js';
import { demoSurveysDir, demoUsers, seedDemo } from '../../../demo/seed/index.js';

export const HELP = `Usage: storevoice-collector [command] [options]

Commands:
  start (default)   Migrate the database and serve the collector API, the dashboard and the kiosk page.
  migrate           Bring the database schema up to date, then exit (run it once before a rollout).
  privacy …         People's rights and retention: export, erase, audit, retention (privacy --help).

Options:
  --seed-demo       Demo mode: the demo surveys and pages, and on first start the demo retailer with
                    its public write key pk_demo and one login per role. Never in production.
  --no-seed         With --seed-demo: the demo surveys and pages, but no demo data.
  -v, --version     Print the version.
  -h, --help        Print this help.

Configuration is read from the environment (see docs/collector.md, "Configuration"):
  PORT, HOST                    where to listen (default 127.0.0.1:8787)
  DATABASE_URL                  PostgreSQL; without it, PGlite stores data in DATA_DIR
  DATA_DIR                      PGlite's data directory (default .storevoice-data)
  SURVEYS_DIR, HIERARCHY_FILE   survey definitions and the store hierarchy imported at start
  ADMIN_TOKEN                   bearer token of the admin API (unset: the admin API is off)
  METRICS_TOKEN                 bearer token required by GET /metrics (default: none)
  NODE_ENV=production           refuses demo credentials, warns about unsafe settings

Endpoints: /v1/submissions, /dashboard/, /kiosk/, /pulse/, /healthz, /readyz, /metrics, /v1/openapi.json
`;

/** Where the CLI writes; tests pass their own. */
export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** For the repository's `npm start`, which builds the browser bundles while the collector starts. */
export interface CliOptions {
  /** Announce the running collector (the banner with its addresses) only once this settles. */
  announceAfter?: Promise<unknown>;
}

const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** A bad command line or environment: printed as one line, exit code 2 (as for a usage error). */
class UsageError extends Error {}

/** A command that printed its own messages and ends the process with `exitCode`. */
class CommandExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit code ${exitCode}`);
  }
}

/**
 * The `storevoice-collector` command (also what `npm start` runs, with `--seed-demo`). Returns the
 * started collector for `start`, nothing for `migrate`, `--help` and `--version`; the caller owns
 * the process (signals, exit codes): see `main`.
 */
export async function runCli(argv: readonly string[], output: CliOutput = consoleOutput, options: CliOptions = {}): Promise<Collector | undefined> {
  // `privacy` has options of its own (--email, --actor…): it parses them itself.
  if (argv[0] === 'privacy') return void (await privacyOnly(argv.slice(1), output));
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'seed-demo': { type: 'boolean', default: false },
        'no-seed': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\nRun storevoice-collector --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return void output.out(HELP);
  if (values.version) return void output.out(collectorVersion);
  const [command = 'start', ...rest] = positionals;
  if (rest.length > 0 || (command !== 'start' && command !== 'migrate')) {
    throw new UsageError(`Unknown command: ${positionals.join(' ')}. Commands: start (default), migrate, privacy. Run storevoice-collector --help.`);
  }

  const config = readConfig();
  if (command === 'migrate') return void (await migrateOnly(config, output));

  const demo = values['seed-demo'];
  const seeding = demo && !values['no-seed'];
  if (seeding && isProduction(config)) {
    throw new UsageError("--seed-demo creates the demo's public credentials (write key pk_demo, demo logins): it cannot run with NODE_ENV=production. Start without --seed-demo.");
  }
  const collector = await startCollector({ config: demo ? { ...config, SURVEYS_DIR: config.SURVEYS_DIR ?? demoSurveysDir } : config, demoPages: demo });
  let lastShare = -1;
  const seed = seeding
    ? await seedDemo(collector.ctx, {
        // A first seed takes a while on PGlite: say how far it is, every tenth.
        onProgress: (stored, total) => {
          const share = Math.floor((stored / total) * 10);
          if (share === lastShare) return;
          lastShare = share;
          output.out(`seeding demo data… ${stored} of ${total} submissions`);
        },
      })
    : { seeded: false, submissions: 0 };
  try {
    await options.announceAfter;
  } catch (error) {
    await collector.close();
    throw error;
  }
  // The demo store's pulse link (pulse/keys.ts), read back so it prints after a restart too.
  const pulseKey = demo ? await activePulseKey(collector.ctx.db, 'acme', '042').catch(() => undefined) : undefined;
  const pulse = pulseKey ? pulseUrl(collector.url, pulseKey.key) : undefined;
  output.out(banner(collector, config, { demo, seeding, seeded: seed.seeded, submissions: seed.submissions, pulse }).join('\n'));
  return collector;
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

async function migrateOnly(config: Config, output: CliOutput): Promise<void> {
  const db = config.DATABASE_URL ? await openPostgres(config.DATABASE_URL) : await openPglite(config.DATA_DIR);
  try {
    const applied = await migrate(db);
    output.out(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database schema is up to date.');
  } finally {
    await db.close();
  }
}

/**
 * `storevoice-collector privacy …` (demo/server/retention/command.ts) against the configured
 * database, migrated first. Its JSON goes to `out`, logs and messages to `err`.
 */
async function privacyOnly(argv: readonly string[], output: CliOutput): Promise<void> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') return void output.out(PRIVACY_USAGE.replace('Usage: privacy', 'Usage: storevoice-collector privacy'));
  const config = readConfig();
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, (line) => output.err(line));
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  let code: number;
  try {
    code = await privacyCommand(argv, { db, log, config, now: () => new Date() }, { out: output.out, err: output.err });
  } finally {
    await db.close();
  }
  if (code !== 0) throw new CommandExit(code);
}

function banner(collector: Collector, config: Config, seed: { demo: boolean; seeding: boolean; seeded: boolean; submissions: number; pulse?: string | undefined }): string[] {
  const base = collector.url;
  const database = `  database       ${collector.ctx.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.DATA_DIR}`}`;
  if (seed.demo) {
    return [
      '',
      'StoreVoice demo is running',
      `  dashboard      ${base}/dashboard/`,
      `  shop page      ${base}/shop/`,
      `  kiosk          ${base}/kiosk/?store=042&device=exit-1`,
      `  SDK playground ${base}/sdk/`,
      `  collector API  ${base}/v1/submissions  (write key: pk_demo)`,
      database,
      seed.seeded ? `  seeded         ${seed.submissions} demo submissions over 90 days` : seed.seeding ? '  seeded         already (delete the data directory to start over)' : '  seeded         nothing (--no-seed)',
      '',
      ...(seed.seeding ? demoUsers.map((user) => `login: ${user.role} ${user.email} ${user.password}`) : []),
      ...(seed.pulse ? [`pulse: 042 ${seed.pulse}`] : []),
      '',
    ];
  }
  return [
    '',
    `StoreVoice collector ${collectorVersion} is running`,
    `  collector API  ${base}/v1/submissions`,
    `  dashboard      ${base}/dashboard/`,
    `  health         ${base}/readyz`,
    `  metrics        ${base}/metrics${config.METRICS_TOKEN ? '  (bearer METRICS_TOKEN)' : ''}`,
    `  API reference  ${base}/v1/openapi.json`,
    database,
    '  demo data      none (start with --seed-demo, as `npm start` does, for the demo retailer)',
    '',
  ];
}

/**
 * Runs the command as a process: usage and configuration errors exit 2, a failed start (a busy
 * port, an unreachable DATABASE_URL, demo credentials in production) exits 1 with one clear
 * message rather than a stack trace, and SIGINT/SIGTERM let in-flight requests finish.
 */
export async function main(argv: readonly string[] = process.argv.slice(2), options: CliOptions = {}): Promise<void> {
  let collector: Collector | undefined;
  try {
    collector = await runCli(argv, consoleOutput, options);
  } catch (error) {
    if (error instanceof CommandExit) process.exit(error.exitCode);
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  if (!collector) return;
  const running = collector;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.ctx.log.info('shutting down', { signal });
    // In-flight requests finish; 10 s later, exit anyway.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
