import * as z from 'zod/mini';
import { IdSchema, LocaleSchema } from './primitives.js';

/** Where a piece of feedback was given. `employee` marks staff (Voice of Employee) pulse feedback. */
export const ChannelSchema = z.enum(['web', 'kiosk', 'app', 'qr', 'employee']);
export type Channel = z.infer<typeof ChannelSchema>;

/** The most tags one submission carries. */
export const MAX_TAGS = 32;

/** Free-form labels for slicing feedback later, e.g. `{ lane: 4, promo: "black-friday" }`. */
export const TagsSchema = z
  .record(
    z.string().check(z.minLength(1), z.maxLength(40)),
    // z.number() already rejects NaN and ±Infinity.
    z.union([z.string().check(z.maxLength(200)), z.number(), z.boolean()]),
  )
  // JSON Schema's `maxProperties` (added by schema/json-schema.ts): zod has no check for a record's size.
  .check(z.refine((tags) => Object.keys(tags).length <= MAX_TAGS, `must have at most ${MAX_TAGS} tags`));
export type Tags = z.infer<typeof TagsSchema>;

export const PageSchema = z.strictObject({
  url: z.string().check(z.maxLength(2048)),
});

const optionalFields = {
  brand: z.optional(IdSchema),
  region: z.optional(IdSchema),
  store: z.optional(IdSchema),
  /** The staff member(s) the feedback is about, e.g. the person at the till. */
  staff: z.optional(z.array(IdSchema).check(z.maxLength(20))),
  device: z.optional(IdSchema),
  locale: z.optional(LocaleSchema),
  page: z.optional(PageSchema),
  tags: z.optional(TagsSchema),
};

/**
 * Context a host app sets with `createClient({ context })`, `client.setContext()` or per submission.
 * Every field is optional; set values are merged (see `mergeContext`).
 */
export const ContextInputSchema = z.strictObject({ channel: z.optional(ChannelSchema), ...optionalFields });
export type ContextInput = z.infer<typeof ContextInputSchema>;

/** Context as it travels on the wire (v1): like the input, but the channel is always known. */
export const ContextSchema = z.strictObject({ channel: ChannelSchema, ...optionalFields });
export type Context = z.infer<typeof ContextSchema>;
