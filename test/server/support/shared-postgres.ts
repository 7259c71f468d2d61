import postgres from 'postgres';
import type { Database } from '../../../demo/server/db/database.js';
import { openDatabase } from '../../../demo/server/db/open.js';
import { postgresAdminUrl } from './databases.js';

/**
 * One fresh PostgreSQL database opened twice, as two collector instances behind a load balancer
 * would: separate pools (and separate LISTEN connections) on the same data. `close()` closes
 * both and drops the database.
 */
export async function openSharedPostgres(): Promise<{ first: Database; second: Database; close(): Promise<void> }> {
  const name = `storevoice_shared_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  // One after the other: migrate.ts creates schema_migrations before it takes its advisory lock,
  // so two instances migrating a new database at the same instant can collide.
  const first = await openDatabase({ databaseUrl: url.toString() });
  const second = await openDatabase({ databaseUrl: url.toString() });
  return {
    first,
    second,
    async close() {
      await Promise.all([first.close(), second.close()]);
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
