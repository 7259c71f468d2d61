/**
 * The weekly digest's shape: `GET /v1/digest` answers it, the webhook payload carries it, and the
 * dashboard's printable view validates it (zod/mini, like stats/types.ts whose parts it reuses).
 */
import * as z from 'zod/mini';
import { KpisSchema, MoverSchema } from '../stats/types.js';

const count = z.number().check(z.int(), z.nonnegative());

export const DigestScopeSchema = z.object({
  level: z.enum(['brand', 'region', 'store']),
  /** The region's or store's id; the brand's for a brand-wide digest. */
  id: z.string(),
  name: z.nullable(z.string()),
  /** A store's region. */
  regionId: z.optional(z.nullable(z.string())),
  regionName: z.optional(z.nullable(z.string())),
});
export type DigestScope = z.infer<typeof DigestScopeSchema>;

export const DigestTopicSchema = z.object({
  id: z.string(),
  /** Per language from the brand's dictionary; null for a topic no longer in it. */
  label: z.nullable(z.record(z.string(), z.string())),
  mentions: count,
  /** Mentions that came with a low score. */
  negative: count,
  /** Mentions the week before. */
  previous: count,
});

export const DigestResponseSchema = z.object({
  brand: z.object({ id: z.string(), name: z.nullable(z.string()) }),
  scope: DigestScopeSchema,
  /** ISO week, `2026-W10`, and its days (Monday to Sunday, store-local). */
  week: z.object({ id: z.string(), from: z.string(), to: z.string() }),
  previous: z.object({ id: z.string(), from: z.string(), to: z.string() }),
  /** Customer feedback only (never employee pulse), with no figure for any individual. */
  kpis: KpisSchema,
  previousKpis: KpisSchema,
  /** Stores of the scope whose NPS moved most from the week before (n ≥ minResponses in both weeks). */
  movers: z.object({ metric: z.literal('nps'), minResponses: count, down: z.array(MoverSchema), up: z.array(MoverSchema) }),
  /** The week's most mentioned topics, busiest first (at most 5). */
  topics: z.array(DigestTopicSchema),
  /** Cases of the scope now (`asOf`): still open, and of those past their due time. */
  cases: z.object({ open: count, overdue: count, openedThisWeek: count, resolvedThisWeek: count, asOf: z.string() }),
});
export type DigestResponse = z.infer<typeof DigestResponseSchema>;

/** The webhook body: one digest per POST, `StoreVoice-Delivery` the same on every retry. */
export interface DigestPayload {
  type: 'digest.weekly';
  /** The delivery id, as in the `StoreVoice-Delivery` header: receivers dedupe on it. */
  id: string;
  digest: DigestResponse;
}
