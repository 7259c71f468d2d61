/**
 * Response shapes of the stats API, as zod schemas shared with the dashboard: the server's types
 * come from them (`z.infer`), and the dashboard validates every response with them, so a
 * collector and a dashboard of different versions fail with a message that names the field
 * instead of drawing nonsense. zod/mini, and nothing else imported here: this file ends up in the
 * browser bundle.
 */
import * as z from 'zod/mini';

export type Level = 'brand' | 'region' | 'store' | 'staff';
export type Audience = 'customer' | 'employee';
/** Customer channels a view can be cut by (`channel=kiosk`…); `customer` is all of them. */
export const CUSTOMER_CHANNELS = ['web', 'kiosk', 'qr', 'app'] as const;
/** What kind of device a submission came from: kiosk channel, else from the browser's User-Agent. */
export const DEVICE_CLASSES = ['kiosk', 'mobile', 'tablet', 'desktop', 'unknown'] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

const count = z.number().check(z.int(), z.nonnegative());
const nullableString = z.nullable(z.string());

/** One score with the number of answers it was computed from. */
export const MetricSchema = z.object({
  /** null when there are no answers, or fewer than the minimum where the minimum applies. */
  value: z.nullable(z.number()),
  n: count,
  /** true when answers exist but fewer than the minimum (the value is withheld). */
  insufficientResponses: z.boolean(),
});
export type Metric = z.infer<typeof MetricSchema>;

const kpis = {
  /** Responses (submissions); always shown. */
  volume: count,
  /** Net Promoter Score, −100…100: % of 9–10 minus % of 0–6. */
  nps: MetricSchema,
  /** % of CSAT answers that are 4 or 5. */
  csat: MetricSchema,
  /** Average smiley, 1…5. */
  smiley: MetricSchema,
  /** Average stars, 1…5. */
  stars: MetricSchema,
  /** Responses with a comment. */
  comments: count,
  /** true when the minimum applies to this group and its volume is below it. */
  insufficientResponses: z.boolean(),
};
export const KpisSchema = z.object(kpis);
export type Kpis = z.infer<typeof KpisSchema>;

export const GroupSchema = z.object({
  ...kpis,
  /** Region, store or staff id; '' for submissions without one. */
  id: z.string(),
  name: nullableString,
});
export type Group = z.infer<typeof GroupSchema>;

/** The selection a response describes, after scope and parameters were combined. */
export const FilterEchoSchema = z.object({
  brand: z.string(),
  region: nullableString,
  store: nullableString,
  staff: nullableString,
  from: z.string(),
  to: z.string(),
  channel: z.enum(['customer', 'employee']),
  /** The segments the selection is cut by; null: all. */
  segments: z.object({
    channel: z.nullable(z.enum(CUSTOMER_CHANNELS)),
    survey: nullableString,
    device: z.nullable(z.enum(DEVICE_CLASSES)),
    locale: nullableString,
  }),
});
export type FilterEcho = z.infer<typeof FilterEchoSchema>;

export const StatsResponseSchema = z.object({
  level: z.enum(['brand', 'region', 'store', 'staff']),
  filter: FilterEchoSchema,
  /** The minimum number of responses for individual (and employee-pulse) scores. */
  minResponses: count,
  /** The whole selection (team results come first). */
  summary: KpisSchema,
  groups: z.array(GroupSchema),
});
export type StatsResponse = z.infer<typeof StatsResponseSchema>;

export const TrendPointSchema = z.object({
  ...kpis,
  /** First day of the period, YYYY-MM-DD (store-local days). */
  period: z.string(),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const TrendResponseSchema = z.object({
  filter: FilterEchoSchema,
  bucket: z.enum(['day', 'week']),
  points: z.array(TrendPointSchema),
});
export type TrendResponse = z.infer<typeof TrendResponseSchema>;

/** Answers per value: nps[0..10], the others [1..5] at index 0..4. Null when withheld. */
const counts = z.nullable(z.array(count));

export const DistributionResponseSchema = z.object({
  filter: FilterEchoSchema,
  nps: counts,
  csat: counts,
  smiley: counts,
  stars: counts,
  insufficientResponses: z.boolean(),
});
export type DistributionResponse = z.infer<typeof DistributionResponseSchema>;

/** What a comment and a kudos have in common: one piece of feedback with text. */
const feedbackItem = {
  /** The submission id; for employee pulse an opaque id instead (a UUID v7 carries its creation time). */
  id: z.string(),
  /** ISO instant; for employee pulse only the UTC day, `YYYY-MM-DD` (privacy/anonymity.ts). */
  createdAt: z.string(),
  storeId: nullableString,
  storeName: nullableString,
  /** Plain text as the customer wrote it: render as text, never as HTML. */
  text: z.string(),
  nps: z.nullable(z.number()),
  minScore: z.nullable(z.number()),
};

export const CommentItemSchema = z.object({
  ...feedbackItem,
  regionId: nullableString,
  channel: z.string(),
});
export type CommentItem = z.infer<typeof CommentItemSchema>;

export const CommentsResponseSchema = z.object({
  filter: FilterEchoSchema,
  comments: z.array(CommentItemSchema),
  /** true when the selection is protected (an individual, employee pulse) and below the minimum: no comments are shown. */
  insufficientResponses: z.boolean(),
});
export type CommentsResponse = z.infer<typeof CommentsResponseSchema>;

export const KudosItemSchema = z.object({
  ...feedbackItem,
  /** The staff members the feedback names (by id) or mentions (by first name). */
  staff: z.array(z.object({ id: z.string(), name: nullableString })),
});
export type KudosItem = z.infer<typeof KudosItemSchema>;

export const KudosResponseSchema = z.object({
  filter: FilterEchoSchema,
  kudos: z.array(KudosItemSchema),
});
export type KudosResponse = z.infer<typeof KudosResponseSchema>;
