/**
 * What `POST /v1/auth/login` and `GET /v1/auth/me` answer, as a zod schema shared with the
 * dashboard, which validates the answer with it (see stats/types.ts for why). zod/mini and no
 * other import: this file ends up in the browser bundle.
 */
import * as z from 'zod/mini';

export const SessionBodySchema = z.object({
  user: z.object({
    id: z.number(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['corporate', 'regional', 'store', 'staff']),
    brandId: z.string(),
    regionId: z.nullable(z.string()),
    storeId: z.nullable(z.string()),
    staffId: z.nullable(z.string()),
  }),
  /** Sent back as `X-CSRF-Token` on every state-changing request. */
  csrfToken: z.string(),
  expiresAt: z.string(),
  /** The minimum number of responses for individual (and employee-pulse) scores. */
  staffMinResponses: z.number(),
});
export type SessionBody = z.infer<typeof SessionBodySchema>;
