/**
 * `npm run privacy -- <command>`: the privacy command (command.ts) against the configured database
 * (DATABASE_URL or PGlite in DATA_DIR, migrated first), for a collector run from a checkout. The
 * package's `storevoice-collector` bin mounts the same command as `storevoice-collector privacy`.
 * With PGlite, stop the collector first: an embedded database has one process at a time.
 */
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { createLogger } from '../log.js';
import { privacyCommand } from './command.js';

const config = loadConfig();
// Logs go to stderr: stdout is the command's JSON, for a file or jq.
const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, (line) => process.stderr.write(line + '\n'));
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  process.exitCode = await privacyCommand(process.argv.slice(2), { db, log, config, now: () => new Date() }, {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
  });
} finally {
  await db.close();
}
