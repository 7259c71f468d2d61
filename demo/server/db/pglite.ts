import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, Row, Transaction } from './database.js';

/**
 * Embedded PostgreSQL (WASM). `dataDir` undefined keeps everything in memory (tests).
 * Cold start takes a few seconds: open it once per process.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (fn) =>
      pg.transaction((tx) => {
        const inTransaction: Transaction = { ...wrap(tx), exec: async (sql) => void (await tx.exec(sql)) };
        return fn(inTransaction);
      }),
    async listen(channel, onNotify, onListen) {
      const stop = await pg.listen(channel, onNotify);
      // In-process: nothing can interrupt it, so listening starts exactly once.
      onListen?.();
      return () => stop();
    },
    close: () => pg.close(),
  };
}
