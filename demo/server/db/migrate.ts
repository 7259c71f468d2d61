import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Database } from './database.js';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * A migration: SQL with any number of statements, functions with `;` in their bodies included
 * (it runs through the simple query protocol, not one prepared statement at a time).
 * - `NNN_name.sql`: the SQL as written; recorded as `NNN_name.sql`.
 * - `NNN_name.ts` (`.js` once built): a module whose `sql` export is the SQL, for migrations
 *   generated from TypeScript (the rollups: stats/rollups/definition.ts); recorded as `NNN_name`,
 *   so the source and the built collector agree on what ran.
 */
export interface Migration {
  name: string;
  sql(): Promise<string>;
}

/** The migrations of `migrations/`, in file-name order. */
export async function listMigrations(dir = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql') || ((f.endsWith('.ts') || f.endsWith('.js')) && !f.endsWith('.d.ts'))).sort();
  return files.map((file) => {
    if (file.endsWith('.sql')) return { name: file, sql: () => readFile(dir + file, 'utf8') };
    return {
      name: file.replace(/\.(ts|js)$/, ''),
      sql: async () => {
        const module = (await import(pathToFileURL(dir + file).href)) as { sql?: unknown };
        if (typeof module.sql !== 'string') throw new Error(`migration ${file} must export its SQL as \`sql\``);
        return module.sql;
      },
    };
  });
}

/**
 * Applies the migrations in file-name order, each once, each in the same transaction as its
 * record in `schema_migrations`. Several collector instances may start at once against one
 * PostgreSQL: an advisory lock makes the others wait instead of racing to create the same tables.
 */
export async function migrate(db: Database): Promise<string[]> {
  const migrations = await listMigrations();
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(872364)');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await tx.exec(await migration.sql());
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      applied.push(migration.name);
    }
  });
  return applied;
}
