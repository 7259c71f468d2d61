import * as z from 'zod/mini';
import { IdSchema, LocaleSchema } from './primitives.js';
import { boolean, listOf, literal, number, oneOf, optional, recordOf, strictObject, string, within } from './internal.js';

/** Where a piece of feedback was given. `employee` marks staff (Voice of Employee) pulse feedback. */
export const ChannelSchema = literal(['web', 'kiosk', 'app', 'qr', 'employee']);
export type Channel = z.infer<typeof ChannelSchema>;

/** Free-form labels for slicing feedback later, e.g. `{ lane: 4, promo: "black-friday" }`. */
export const TagsSchema = recordOf(
  string().check(within(1, 40)),
  // number() already rejects NaN and ±Infinity.
  oneOf([string().check(within(0, 200)), number(), boolean()]),
).check(z.refine((tags) => Object.keys(tags).length <= 32, 'must have at most 32 tags'));
export type Tags = z.infer<typeof TagsSchema>;

export const PageSchema = strictObject({
  url: string().check(within(0, 2048)),
});

const optionalFields = {
  brand: optional(IdSchema),
  region: optional(IdSchema),
  store: optional(IdSchema),
  /** The staff member(s) the feedback is about, e.g. the person at the till. */
  staff: optional(listOf(IdSchema, 0, 20)),
  device: optional(IdSchema),
  locale: optional(LocaleSchema),
  page: optional(PageSchema),
  tags: optional(TagsSchema),
};

// The shapes are written out rather than derived with z.partial()/z.extend(): those helpers
// cost ~0.8 KB gzip in the browser bundle for two schemas.

/**
 * Context a host app sets with `createClient({ context })`, `client.setContext()` or per submission.
 * Every field is optional; set values are merged (see `mergeContext`).
 */
export const ContextInputSchema = strictObject({ channel: optional(ChannelSchema), ...optionalFields });
export type ContextInput = z.infer<typeof ContextInputSchema>;

/** Context as it travels on the wire (v1): like the input, but the channel is always known. */
export const ContextSchema = strictObject({ channel: ChannelSchema, ...optionalFields });
export type Context = z.infer<typeof ContextSchema>;
