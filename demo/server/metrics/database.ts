import type { Database, Row } from '../db/database.js';
import type { CollectorMetrics } from './registry.js';

/**
 * The same database, timed: each statement and transaction is observed in
 * `storevoice_db_query_duration_seconds` and counted in `storevoice_db_queries_in_flight` while it
 * runs (or waits for one of the pool's connections). Statements inside a transaction are part of
 * the transaction's time, not counted again.
 */
export function instrumentDatabase(db: Database, metrics: CollectorMetrics): Database {
  const labels = { database: db.kind };
  // Seen as 0 from the first scrape, not absent until the first query.
  metrics.dbInFlight.set(labels, 0);
  const timed = async <T>(run: () => Promise<T>): Promise<T> => {
    metrics.dbInFlight.inc(labels);
    const end = metrics.dbDuration.startTimer(labels);
    try {
      return await run();
    } finally {
      end();
      metrics.dbInFlight.dec(labels);
    }
  };
  return {
    kind: db.kind,
    query: <T extends Row = Row>(sql: string, params?: readonly unknown[]) => timed(() => db.query<T>(sql, params)),
    exec: (sql) => timed(() => db.exec(sql)),
    transaction: (fn) => timed(() => db.transaction(fn)),
    // Listening is a long-lived connection, not a query: nothing to time.
    listen: (channel, onNotify, onListen) => db.listen(channel, onNotify, onListen),
    close: () => db.close(),
  };
}
