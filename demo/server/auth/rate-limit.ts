import type { Queryable } from '../db/database.js';

/** Whether a login attempt may proceed, and if not, when the caller may try again. */
export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number; limit: LoginLimit };

/** One budget of login attempts: at most `limit` per fixed window of `windowMs` for `key`. */
export interface LoginLimit {
  /** What is counted, e.g. `ip:203.0.113.9` or `account:ceo@acme.example`. */
  key: string;
  limit: number;
  windowMs: number;
}

/** How often an instance deletes ended windows (each login used to, which a flood turned into load). */
const SWEEP_EVERY_MS = 5_000;
const MAX_REMEMBERED = 10_000;

interface InstanceState {
  /** Keys the database refused, until their window ends: a flood is answered without a query. */
  refused: Map<string, { until: number; limit: LoginLimit }>;
  lastSweep: number;
}

// Per database object (one per collector), so tests with several collectors stay apart.
const states = new WeakMap<object, InstanceState>();
const stateOf = (db: object): InstanceState => {
  let state = states.get(db);
  if (!state) states.set(db, (state = { refused: new Map(), lastSweep: Number.NEGATIVE_INFINITY }));
  return state;
};

const refusal = (until: number, now: number, limit: LoginLimit): LimitResult => ({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)), limit });

/**
 * Counts one attempt against each limit, in order, and stops at the first one exceeded (later
 * limits are then not counted: an address already refused does not also use up an account's
 * budget). Counts live in the database so that every collector instance enforces the same
 * budgets; each is one atomic upsert, so concurrent attempts cannot both slip under a limit.
 * A key the database refused is remembered by this instance until its window ends, so a flood
 * from one address costs no query per request (the database already said no).
 */
export async function countLoginAttempt(db: Queryable, limits: readonly LoginLimit[], now: Date): Promise<LimitResult> {
  const state = stateOf(db);
  const t = now.getTime();
  for (const limit of limits) {
    const known = state.refused.get(limit.key);
    if (known && known.until > t) return refusal(known.until, t, limit);
  }
  // Keys hold a client address or an e-mail: keep none much longer than the window that needs it.
  // The table only ever holds the current windows' attempts, so this delete stays small.
  const sinceSweep = t - state.lastSweep;
  if (!(sinceSweep >= 0 && sinceSweep < SWEEP_EVERY_MS)) {
    state.lastSweep = t;
    await db.query('DELETE FROM login_attempts WHERE expires_at <= $1 AND NOT (key = ANY($2::text[]))', [now, limits.map((l) => l.key)]);
    for (const [key, entry] of state.refused) if (entry.until <= t) state.refused.delete(key);
  }
  for (const limit of limits) {
    const rows = await db.query<{ attempts: number; expires_at: Date }>(
      `INSERT INTO login_attempts AS a (key, window_start, attempts, expires_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN a.expires_at <= $2 THEN 1 ELSE a.attempts + 1 END,
         window_start = CASE WHEN a.expires_at <= $2 THEN excluded.window_start ELSE a.window_start END,
         expires_at = CASE WHEN a.expires_at <= $2 THEN excluded.expires_at ELSE a.expires_at END
       RETURNING attempts, expires_at`,
      [limit.key, now, new Date(now.getTime() + limit.windowMs)],
    );
    const row = rows[0];
    if (row && row.attempts > limit.limit) {
      const until = row.expires_at.getTime();
      if (state.refused.size >= MAX_REMEMBERED) state.refused.clear();
      state.refused.set(limit.key, { until, limit });
      return refusal(until, t, limit);
    }
  }
  return { allowed: true };
}

/** Forgets the attempts counted under `keys` (after a successful login). */
export async function resetLoginAttempts(db: Queryable, keys: readonly string[]): Promise<void> {
  const { refused } = stateOf(db);
  for (const key of keys) refused.delete(key);
  await db.query('DELETE FROM login_attempts WHERE key = ANY($1::text[])', [keys]);
}

/**
 * Gives one attempt back to `key`: a successful login from an address does not use up that
 * address's budget, so only failures count; a correct password cannot be used to earn budget,
 * as it only returns what it spent.
 */
export async function refundLoginAttempt(db: Queryable, key: string): Promise<void> {
  await db.query('UPDATE login_attempts SET attempts = greatest(attempts - 1, 0) WHERE key = $1', [key]);
}
