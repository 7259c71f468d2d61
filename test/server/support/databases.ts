import postgres from 'postgres';
import type { Database } from '../../../demo/server/db/database.js';
import { openDatabase } from '../../../demo/server/db/open.js';

/**
 * The databases every server test runs against: embedded PGlite and a real PostgreSQL server.
 * PostgreSQL is required: without it the run fails, unless STOREVOICE_SKIP_POSTGRES=1 says to
 * skip it (locally only; CI installs and starts PostgreSQL in .ci/run).
 */
export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  /** A reason to skip, shown in the test report; undefined runs the suite. */
  skip: string | undefined;
  /** A fresh, migrated, empty database; `close()` also drops it (PostgreSQL). */
  open(): Promise<Database>;
}

/** Admin connection used to create one throwaway database per suite. */
export const postgresAdminUrl = process.env.STOREVOICE_TEST_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const skipPostgres = process.env.STOREVOICE_SKIP_POSTGRES === '1';

export const databaseTargets: DatabaseTarget[] = [
  { name: 'pglite', skip: undefined, open: () => openDatabase({}) },
  {
    name: 'postgres',
    skip: skipPostgres ? 'STOREVOICE_SKIP_POSTGRES=1' : undefined,
    open: openFreshPostgres,
  },
];

async function openFreshPostgres(): Promise<Database> {
  const name = `storevoice_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    throw new Error(
      `PostgreSQL is needed for the server tests (${postgresAdminUrl}): ${String(error)}\n` +
        'Start it (see .ci/run), set STOREVOICE_TEST_POSTGRES_URL, or set STOREVOICE_SKIP_POSTGRES=1 to skip it locally.',
      { cause: error },
    );
  }
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
