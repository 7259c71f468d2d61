import { Hono } from 'hono';
import * as z from 'zod';
import type { AppContext } from '../context.js';
import { corsPolicy } from '../http/cors.js';
import { ApiError } from '../http/errors.js';
import { brandOfWriteKey, writeKeyOf } from '../ingest/write-keys.js';
import { HierarchyIdSchema } from '../auth/roles.js';

/** `GET /v1/places/:store`: the names a kiosk shows its customers. */
export const PlaceResponseSchema = z.object({
  brand: z.object({ id: z.string(), name: z.string() }),
  store: z.object({ id: z.string(), name: z.string() }),
});
export type PlaceResponse = z.infer<typeof PlaceResponseSchema>;

/** Names change rarely; a kiosk asks again after this long. */
const CACHE_CONTROL = 'private, max-age=300';

/**
 * `GET /v1/places/:store` with the brand's write key: the brand's and the store's names, which a
 * kiosk shows on its screen ("Acme · Brighton"). The names are what the shop front says anyway;
 * the write key picks the brand (and a store of another brand is not found), as on ingest.
 */
export function placeRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  const cors = corsPolicy(ctx.config);
  app.options('/v1/places/:store', cors.preflight(['GET']));
  app.get('/v1/places/:store', cors.request(['GET']), async (c) => {
    const brandId = await brandOfWriteKey(ctx, writeKeyOf(c));
    const parsed = HierarchyIdSchema.safeParse(c.req.param('store'));
    if (!parsed.success) throw new ApiError(400, 'validation_failed', 'Invalid store id', { issues: [{ path: ['store'], message: parsed.error.issues[0]?.message ?? 'invalid' }] });
    const [row] = await ctx.db.query<{ brand_name: string; store_name: string }>(
      'SELECT b.name AS brand_name, s.name AS store_name FROM stores s JOIN brands b ON b.id = s.brand_id WHERE s.brand_id = $1 AND s.id = $2',
      [brandId, parsed.data],
    );
    if (!row) throw new ApiError(404, 'store_not_found', `No store "${parsed.data}" in this brand`);
    c.header('cache-control', CACHE_CONTROL);
    const body: PlaceResponse = { brand: { id: brandId, name: row.brand_name }, store: { id: parsed.data, name: row.store_name } };
    return c.json(body);
  });
  return app;
}
