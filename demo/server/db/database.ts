/**
 * The one database interface the collector uses, over PGlite (embedded) or PostgreSQL (server).
 * Both speak the same SQL with `$1` placeholders, so every query is written once.
 *
 * Portability rules for queries (both drivers must return the same JavaScript values):
 * - cast `count(*)`, `sum()` and other bigint/numeric results: `count(*)::int`, `avg(x)::float8`;
 * - timestamps come back as `Date`; `jsonb` as parsed objects; `text[]` as string arrays.
 */
export type Row = Record<string, unknown>;

/** Runs SQL. Inside a transaction this is the transaction's connection. */
export interface Queryable {
  /** One statement with `$1…$n` parameters; returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A connection inside a transaction. */
export interface Transaction extends Queryable {
  /** Several statements without parameters, in the transaction (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** `pglite` (embedded, the default) or `postgres` (`DATABASE_URL`). */
  readonly kind: 'pglite' | 'postgres';
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * `LISTEN channel`: `onNotify` gets each NOTIFY payload on it, from any connection to this
   * database, once the notifying transaction committed. PostgreSQL listens on one dedicated
   * connection that reconnects by itself; `onListen` runs each time listening (re)starts, so a
   * caller can catch up on what was sent while the connection was down. PGlite listens in-process.
   * Resolves, once listening, with a function that stops it.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListen?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
