import type { Queryable } from '../db/database.js';

const WINDOW_MS = 60_000;

/** Whether a login attempt may proceed, and if not, when the caller may try again. */
export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one login attempt for `key` (IP + e-mail) in a fixed one-minute window, in the database
 * so that every collector instance enforces the same budget. One atomic upsert: concurrent
 * attempts cannot both slip under the limit.
 */
export async function countLoginAttempt(db: Queryable, key: string, now: Date, limit: number): Promise<LimitResult> {
  const windowFloor = new Date(now.getTime() - WINDOW_MS);
  // Keys hold a client address: keep them no longer than the window that needs them. The table
  // only ever holds the last minute's failed logins, so this delete stays small.
  await db.query('DELETE FROM login_attempts WHERE window_start <= $1 AND key <> $2', [windowFloor, key]);
  const rows = await db.query<{ attempts: number; window_start: Date }>(
    `INSERT INTO login_attempts AS a (key, window_start, attempts) VALUES ($1, $2, 1)
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN a.window_start <= $3 THEN 1 ELSE a.attempts + 1 END,
       window_start = CASE WHEN a.window_start <= $3 THEN excluded.window_start ELSE a.window_start END
     RETURNING attempts, window_start`,
    [key, now, windowFloor],
  );
  const row = rows[0];
  if (!row || row.attempts <= limit) return { allowed: true };
  const retryAfterMs = row.window_start.getTime() + WINDOW_MS - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** Forgets the attempts for `key` after a successful login. */
export async function resetLoginAttempts(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM login_attempts WHERE key = $1', [key]);
}
