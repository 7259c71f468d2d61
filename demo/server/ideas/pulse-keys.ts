import type { Context } from 'hono';

/** The store a pulse key opens, as the pulse feature knows it. */
export interface PulsePlace {
  brandId: string;
  storeId: string;
}

/**
 * Turns a per-store pulse key into its store, or null when the key is unknown or revoked.
 * The pulse feature (per-store pulse links, docs/collector.md "Pulse") owns the keys and
 * registers its resolver with {@link pulseKeyResolvers}; ideas only ask it. Kept as a hook so
 * ideas do not depend on how keys are stored, and tests can hand out keys of their own.
 */
export type PulseKeyResolver = (key: string) => Promise<PulsePlace | null>;

const resolvers = new WeakMap<object, PulseKeyResolver[]>();

/** The pulse key resolvers of a collector (`ctx`), asked in order; the first store found wins. */
export function pulseKeyResolvers(ctx: object): PulseKeyResolver[] {
  let list = resolvers.get(ctx);
  if (!list) resolvers.set(ctx, (list = []));
  return list;
}

/** The pulse key of a request: `Authorization: Bearer <key>`, or `?key=` as ingest accepts it. */
export function pulseKeyOf(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? c.req.query('key') ?? undefined;
}

export async function placeOfPulseKey(ctx: object, key: string): Promise<PulsePlace | null> {
  for (const resolve of pulseKeyResolvers(ctx)) {
    const place = await resolve(key);
    if (place) return place;
  }
  return null;
}
