import postgres from 'postgres';
import type { Database, Queryable, Row, Transaction } from './database.js';

/** Connections each collector instance opens at most (size `max_connections` for every instance). */
export const POSTGRES_POOL_SIZE = 10;

/** A PostgreSQL server (`DATABASE_URL`), through a connection pool. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const sql = postgres(url, {
    max: options.max ?? POSTGRES_POOL_SIZE,
    onnotice: () => {},
    // No JIT for the collector's sessions: its queries are interactive and short, and on big
    // rollup scans PostgreSQL's cost estimate crosses jit_above_cost, so a 150 ms query would
    // spend 100+ ms compiling machine code first (bench/dashboard-queries.ts, docs/collector.md
    // "Performance: rollup tables"). The rollup trigger turns it off for the same reason.
    // Custom plans only: the queries are prepared (below), and after five runs PostgreSQL may keep
    // a generic plan, made without the values. For the dashboard's rollup reads, whose ranges run
    // from a day to a year, that plan can be ruinous: the busiest stores of a year (whole months
    // from the monthly rollup, edge days from the daily one) went from 50 ms to 0.5–2 s, reading
    // the year's daily rows to find none. Planning each run costs well under a millisecond.
    connection: { jit: 'off', plan_cache_mode: 'force_custom_plan' },
    // Same values as PGlite: int8/numeric stay strings unless a query casts them (see database.ts).
    types: {},
  });
  // Fail at start with a clear error rather than on the first request.
  await sql`select 1`;
  const wrap = (q: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<T extends Row = Row>(text: string, params: readonly unknown[] = []) {
      // Prepared: postgres.js sends an unprepared query with parameters in two round trips
      // (Parse + Describe, then Bind + Execute once the parameter types are known); a prepared
      // one is described once per connection and then takes one. The collector's SQL texts are
      // fixed strings with placeholders (values never spliced in), so the per-connection
      // statement cache stays small.
      const rows = await q.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
      return rows as unknown as T[];
    },
  });
  return {
    kind: 'postgres',
    ...wrap(sql),
    async exec(text) {
      await sql.unsafe(text).simple();
    },
    transaction: async (fn) =>
      (await sql.begin((tx) => {
        // The simple query protocol takes several statements in one round trip (migrations).
        const inTransaction: Transaction = { ...wrap(tx), exec: async (text) => void (await tx.unsafe(text).simple()) };
        return fn(inTransaction);
      })) as Awaited<ReturnType<typeof fn>>,
    async listen(channel, onNotify, onListen) {
      // postgres.js keeps one extra connection for every LISTEN of this pool and re-listens after
      // a reconnect, calling onListen again.
      const { unlisten } = await sql.listen(channel, onNotify, onListen);
      return () => unlisten();
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
