import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';

/** How long a key lookup is remembered. Revocations reach other instances within this time. */
export const WRITE_KEY_CACHE_MS = 10_000;
const MAX_CACHED = 10_000;

/**
 * What an ingest key is: a brand's customer write key, or a store's pulse key (pulse/keys.ts), whose
 * store is the key's and never the page's.
 */
export type IngestKey = { kind: 'write'; brandId: string } | { kind: 'pulse'; brandId: string; store: string };

interface Cached {
  brandId: string | null;
  store: string | null;
  revoked: boolean;
  until: number;
}

// Per collector (per AppContext), so tests with several collectors in one process stay apart.
const caches = new WeakMap<object, Map<string, Cached>>();
const cacheOf = (ctx: object): Map<string, Cached> => {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  return cache;
};

/**
 * Forgets cached write keys (all, or one) after the admin API created or revoked one, so this
 * instance sees the change at once.
 */
export function invalidateWriteKeys(ctx: Pick<AppContext, 'db'>, key?: string): void {
  if (key === undefined) cacheOf(ctx).clear();
  else cacheOf(ctx).delete(key);
}

/** The write key of a request: `Authorization: Bearer <key>`, else `?key=` (beacons cannot set headers). */
export function writeKeyOf(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new ApiError(401, 'invalid_write_key', 'Authorization must be "Bearer <write key>"');
    return match[1];
  }
  return c.req.query('key') || undefined;
}

/**
 * The brand a write key belongs to, or a 401 that says what is wrong. Lookups are cached for
 * {@link WRITE_KEY_CACHE_MS}: ingest is the hot path and keys change rarely.
 */
export async function brandOfWriteKey(ctx: Pick<AppContext, 'db' | 'now'>, key: string | undefined): Promise<string> {
  return (await resolveIngestKey(ctx, key)).brandId;
}

/**
 * The brand (and, for a pulse key, the store) of an ingest key, or a 401 that says what is wrong.
 * Write keys and pulse keys live in separate tables (one per kind of holder) but share one cache.
 */
export async function resolveIngestKey(ctx: Pick<AppContext, 'db' | 'now'>, key: string | undefined): Promise<IngestKey> {
  if (!key) throw new ApiError(401, 'missing_write_key', 'A write key is required: send "Authorization: Bearer <key>" or ?key=<key>');
  const cache = cacheOf(ctx);
  const now = ctx.now().getTime();
  let entry = cache.get(key);
  if (!entry || entry.until <= now) {
    const [row] = await ctx.db.query<{ brand_id: string; store_id: string | null; revoked: boolean }>(
      `SELECT brand_id, NULL::text AS store_id, revoked_at IS NOT NULL AS revoked FROM write_keys WHERE key = $1
       UNION ALL SELECT brand_id, store_id, revoked_at IS NOT NULL FROM pulse_keys WHERE key = $1`,
      [key],
    );
    entry = { brandId: row?.brand_id ?? null, store: row?.store_id ?? null, revoked: row?.revoked ?? false, until: now + WRITE_KEY_CACHE_MS };
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, entry);
  }
  if (entry.brandId === null) throw new ApiError(401, 'unknown_write_key', 'Unknown write key');
  if (entry.revoked && entry.store !== null) throw new ApiError(401, 'revoked_pulse_key', 'This pulse link has been revoked: ask your store manager for the current one');
  if (entry.revoked) throw new ApiError(401, 'revoked_write_key', 'This write key has been revoked');
  return entry.store === null ? { kind: 'write', brandId: entry.brandId } : { kind: 'pulse', brandId: entry.brandId, store: entry.store };
}
