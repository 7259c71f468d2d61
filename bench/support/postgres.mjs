// Throwaway PostgreSQL databases for the benchmarks, made on the local server and dropped after.
import postgres from 'postgres';
import { BenchError } from './cli.mjs';

/** An admin connection to the server (its `postgres` database): it creates and drops the bench databases. */
export const postgresAdminUrl =
  process.env.STOREVOICE_BENCH_POSTGRES_URL ?? process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/**
 * Creates database `name` (dropping a leftover of the same name first) and resolves with its URL
 * and `drop()`, which also ends the admin connection. An unreachable server is a one-line BenchError.
 */
export async function createThrowawayDatabase(name) {
  const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    throw new BenchError(`PostgreSQL is not reachable at ${postgresAdminUrl} (${error.message.split('\n')[0]})`);
  }
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    /** Drops the database unless `keep`, then closes the admin connection. */
    async drop({ keep = false } = {}) {
      if (!keep) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
