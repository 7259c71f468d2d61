/**
 * What the recognition API answers (docs/collector.md, "Recognition"), shared with the
 * dashboard. zod/mini, and nothing else imported: this file ends up in the browser.
 */
import * as z from 'zod/mini';
import { KudosThanksSchema } from '../stats/types.js';

export const ThanksResponseSchema = z.object({ thanks: KudosThanksSchema });
export type ThanksResponse = z.infer<typeof ThanksResponseSchema>;

/**
 * Recognition of one store: how many kudos its staff received and how many were forwarded with
 * thanks. Per store only, never per person: recognition is not a brand-wide ranking.
 */
export const StoreRecognitionSchema = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  regionId: z.string(),
  /** Kudos attributed to the store's staff in the window (one per kudos, however many it names). */
  kudos: z.number(),
  /** Of those, forwarded by a manager with thanks. */
  thanked: z.number(),
});
export type StoreRecognition = z.infer<typeof StoreRecognitionSchema>;

export const RecognitionResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Every store of the selection, by name (not ranked). */
  stores: z.array(StoreRecognitionSchema),
});
export type RecognitionResponse = z.infer<typeof RecognitionResponseSchema>;
