import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import type { User } from './roles.js';
import { toUser, userColumns, type UserColumns } from './users.js';

/** A logged-in user's session, as loaded for a request. */
export interface Session {
  /** SHA-256 of the cookie's token (the token itself is never stored). */
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
}

/** The cookie value: 256 random bits. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Starts a session for `userId` that ends at `now + ttlMs`. Returns the token for the cookie.
 * Expired sessions of every user are swept here: logins are rare, so this keeps the table small
 * without a background job.
 */
export async function createSession(db: Queryable, userId: number, now: Date, ttlMs: number): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  await db.query('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [hashToken(token), userId, csrfToken, now, expiresAt]);
  return { token, csrfToken, expiresAt };
}

interface SessionRow extends UserColumns {
  token_hash: string;
  csrf_token: string;
  expires_at: Date;
}

/** The unexpired session for a cookie token, with its user; undefined otherwise. */
export async function findSession(db: Queryable, token: string, now: Date): Promise<Session | undefined> {
  const rows = await db.query<SessionRow>(
    `SELECT s.token_hash, s.csrf_token, s.expires_at, ${userColumns('u')}
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [hashToken(token), now],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    tokenHash: row.token_hash,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    user: toUser(row),
  };
}

/** Ends a session (logout, or the old session when the same browser logs in again). */
export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}
