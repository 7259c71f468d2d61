import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';

/**
 * Every pulse key starts with this, so a key pasted in the wrong place (a write key field, a
 * support ticket) says what it is, and ingest can tell a pulse link from a customer page at a glance.
 */
export const PULSE_KEY_PREFIX = 'pk_pulse_';

/** One store's pulse key, as the dashboard and the admin API list it. */
export interface PulseKey {
  key: string;
  store: string;
  createdAt: string;
  /** `null` while the key is active. */
  revokedAt: string | null;
}

type KeyRow = {
  key: string;
  store_id: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
};

const iso = (value: Date | string): string => new Date(value).toISOString();
const toKey = (r: KeyRow): PulseKey => ({ key: r.key, store: r.store_id, createdAt: iso(r.created_at), revokedAt: r.revoked_at === null ? null : iso(r.revoked_at) });

/**
 * A new random key: 128 bits, URL-safe. The key is a capability (whoever holds the link can answer
 * for that store), so it must not be guessable from the store id.
 */
export const newPulseKey = (): string => PULSE_KEY_PREFIX + randomBytes(16).toString('base64url');

/** The pulse keys of `stores` (every store of the brand when omitted), newest first per store. */
export async function listPulseKeys(db: Queryable, brandId: string, stores?: readonly string[]): Promise<PulseKey[]> {
  const rows = await db.query<KeyRow>(
    `SELECT key, store_id, created_at, revoked_at FROM pulse_keys
     WHERE brand_id = $1 AND ($2::text[] IS NULL OR store_id = ANY($2::text[]))
     ORDER BY store_id, created_at DESC, key`,
    [brandId, stores === undefined ? null : [...stores]],
  );
  return rows.map(toKey);
}

/** The active key of one store, if it has one. */
export async function activePulseKey(db: Queryable, brandId: string, storeId: string): Promise<PulseKey | undefined> {
  const [row] = await db.query<KeyRow>('SELECT key, store_id, created_at, revoked_at FROM pulse_keys WHERE brand_id = $1 AND store_id = $2 AND revoked_at IS NULL', [brandId, storeId]);
  return row && toKey(row);
}

/** The store a pulse key opens: `undefined` for an unknown key, `revoked` for a revoked one. */
export async function placeOfPulseKey(db: Queryable, key: string): Promise<{ brandId: string; storeId: string; revoked: boolean } | undefined> {
  const [row] = await db.query<{ brand_id: string; store_id: string; revoked: boolean }>('SELECT brand_id, store_id, revoked_at IS NOT NULL AS revoked FROM pulse_keys WHERE key = $1', [key]);
  return row && { brandId: row.brand_id, storeId: row.store_id, revoked: row.revoked };
}

/**
 * Gives a store a new pulse key and revokes the one it had (rotation). Run it in a transaction:
 * revoking first keeps "at most one active key per store" (a unique index) true at every moment.
 * `key` is for the demo seed and the admin API; otherwise a random one is made.
 */
export async function rotatePulseKey(db: Queryable, brandId: string, storeId: string, now: Date, key: string = newPulseKey()): Promise<PulseKey> {
  const [store] = await db.query('SELECT 1 FROM stores WHERE brand_id = $1 AND id = $2', [brandId, storeId]);
  if (!store) throw new ApiError(404, 'store_not_found', `No store "${storeId}" in brand "${brandId}"`);
  if (!key.startsWith(PULSE_KEY_PREFIX)) throw new ApiError(400, 'invalid_pulse_key', `A pulse key must start with "${PULSE_KEY_PREFIX}"`);
  const [clash] = await db.query('SELECT 1 FROM write_keys WHERE key = $1 UNION ALL SELECT 1 FROM pulse_keys WHERE key = $1', [key]);
  if (clash) throw new ApiError(409, 'pulse_key_exists', `The key "${key}" is already in use`);
  await db.query('UPDATE pulse_keys SET revoked_at = $3 WHERE brand_id = $1 AND store_id = $2 AND revoked_at IS NULL', [brandId, storeId, now.toISOString()]);
  const [row] = await db.query<KeyRow>('INSERT INTO pulse_keys (key, brand_id, store_id, created_at) VALUES ($1, $2, $3, $4) RETURNING key, store_id, created_at, revoked_at', [key, brandId, storeId, now.toISOString()]);
  return toKey(row!);
}

/** Revokes a key of the brand (idempotent); `undefined` when the brand has no such key. */
export async function revokePulseKey(db: Queryable, brandId: string, key: string, now: Date): Promise<PulseKey | undefined> {
  const [row] = await db.query<KeyRow>(
    'UPDATE pulse_keys SET revoked_at = COALESCE(revoked_at, $3) WHERE brand_id = $1 AND key = $2 RETURNING key, store_id, created_at, revoked_at',
    [brandId, key, now.toISOString()],
  );
  return row && toKey(row);
}
