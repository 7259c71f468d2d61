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
/** The scores a view can show, compare and set targets for. */
export const SCORE_METRICS = ['nps', 'csat', 'smiley', 'stars'] as const;
export type ScoreMetric = (typeof SCORE_METRICS)[number];
/** Trend periods: calendar days, ISO weeks, or a window of 7 or 28 days ending on each day. */
export const BUCKETS = ['day', 'week', 'rolling7', 'rolling28'] as const;
export type Bucket = (typeof BUCKETS)[number];

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

/** Targets that apply to a group, per score (a store's own, else its region's, else the brand's); null: none. */
export const TargetsSchema = z.object({ nps: z.nullable(z.number()), csat: z.nullable(z.number()), smiley: z.nullable(z.number()), stars: z.nullable(z.number()) });
export type Targets = z.infer<typeof TargetsSchema>;

export const GroupSchema = z.object({
  ...kpis,
  /** Region, store or staff id; '' for submissions without one. */
  id: z.string(),
  name: nullableString,
  /** The same group in the previous period of equal length (for change columns). */
  previous: KpisSchema,
  targets: TargetsSchema,
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

/** Inclusive days, YYYY-MM-DD. */
const PeriodSchema = z.object({ from: z.string(), to: z.string() });

export const StatsResponseSchema = z.object({
  level: z.enum(['brand', 'region', 'store', 'staff']),
  filter: FilterEchoSchema,
  /** The minimum number of responses for individual (and employee-pulse) scores. */
  minResponses: count,
  /** The whole selection (team results come first). */
  summary: KpisSchema,
  /** Targets that apply to the whole selection. */
  targets: TargetsSchema,
  /** The previous period of equal length, for every card's change: `from`…`to` just before the filter's. */
  previous: z.object({ ...PeriodSchema.shape, summary: KpisSchema }),
  /**
   * The same figures for the whole brand and for the selection's region (same period, channel and
   * segments), to compare with; null where they do not apply (staff accounts, a brand-wide view's region).
   */
  benchmarks: z.object({ brand: z.nullable(KpisSchema), region: z.nullable(KpisSchema) }),
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
  bucket: z.enum(BUCKETS),
  /**
   * The fewest answers a point's score is drawn from (points below it keep their `n` and have no
   * value): a day with two answers is not a swing of ±100.
   */
  minAnswersPerPoint: count,
  /** The selection. */
  points: z.array(TrendPointSchema),
  /** One line per region (`series=region`) or per store (`series=store`) of the selection. */
  series: z.array(z.object({ id: z.string(), name: nullableString, points: z.array(TrendPointSchema) })),
  /** The whole brand's line (same channel and segments), to compare with; null for staff accounts. */
  benchmark: z.nullable(z.array(TrendPointSchema)),
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

/** How a comment's score reads in the comments filter: NPS bands, or the lowest 1–5 rating's. */
export const SCORE_BANDS = ['detractor', 'passive', 'promoter', 'low', 'mid', 'high'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/**
 * One of a comment's other answers (ratings, choices, consent), as the survey recorded it: option
 * ids and ratings, never free text (no "Other" text, no contact details); staff answers are left
 * out (a person is named only through `staff`, under the anonymity rule).
 */
export const CommentAnswerSchema = z.object({
  questionId: z.string(),
  type: z.enum(['smiley', 'stars', 'nps', 'csat', 'choice', 'consent']),
  /** A rating, an option id (or several for a multiple choice), or the consent given. */
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]),
});
export type CommentAnswer = z.infer<typeof CommentAnswerSchema>;

export const CommentItemSchema = z.object({
  ...feedbackItem,
  regionId: nullableString,
  channel: z.string(),
  surveyId: z.string(),
  /** The store's IANA time zone (its local time is how the dashboard shows `createdAt`); UTC for an unknown store. */
  timeZone: z.string(),
  /** The submission's other answers, in the order given. */
  answers: z.array(CommentAnswerSchema),
  /**
   * The staff members the feedback names, **only** those who reach the minimum of responses in the
   * window (privacy/anonymity.ts): nobody below it is ever attributed a comment. Always empty for
   * employee pulse.
   */
  staff: z.array(z.object({ id: z.string(), name: nullableString })),
  /** Topic ids tagged at ingest from the brand's dictionary (`GET /v1/stats/topics` has their labels). */
  topics: z.array(z.string()),
});
export type CommentItem = z.infer<typeof CommentItemSchema>;

export const CommentsResponseSchema = z.object({
  filter: FilterEchoSchema,
  comments: z.array(CommentItemSchema),
  /** true when the selection is protected (an individual, employee pulse) and below the minimum: no comments are shown. */
  insufficientResponses: z.boolean(),
  /** Pass as `cursor` for the next page ("load more"); null on the last page. */
  nextCursor: nullableString,
});
export type CommentsResponse = z.infer<typeof CommentsResponseSchema>;

/** A manager's thanks, forwarded with a kudos to the staff member it is for (recognition/). */
export const KudosThanksSchema = z.object({
  staffId: z.string(),
  /** Plain text: render as text, never as HTML. */
  text: z.string(),
  /** The manager's name. */
  from: z.string(),
  /** ISO instant. */
  createdAt: z.string(),
});
export type KudosThanks = z.infer<typeof KudosThanksSchema>;

export const KudosItemSchema = z.object({
  ...feedbackItem,
  /** The staff members it is attributed to: picked in a staff question, or carried by the submission (recognition/attribution.ts). */
  staff: z.array(z.object({ id: z.string(), name: nullableString })),
  /** Thanks managers forwarded with it; a staff member sees only their own. */
  thanks: z.array(KudosThanksSchema),
});
export type KudosItem = z.infer<typeof KudosItemSchema>;

export const KudosResponseSchema = z.object({
  filter: FilterEchoSchema,
  kudos: z.array(KudosItemSchema),
});
export type KudosResponse = z.infer<typeof KudosResponseSchema>;

/** A store whose rolling score moved, with both windows' figures. */
export const MoverSchema = z.object({
  id: z.string(),
  name: nullableString,
  regionId: z.string(),
  regionName: nullableString,
  current: MetricSchema,
  previous: MetricSchema,
  /** current − previous (NPS points, CSAT percentage points, or scale points). */
  change: z.number(),
});
export type Mover = z.infer<typeof MoverSchema>;

export const MoversResponseSchema = z.object({
  filter: FilterEchoSchema,
  metric: z.enum(SCORE_METRICS),
  /** The rolling window, in days. */
  window: z.number(),
  current: PeriodSchema,
  previous: PeriodSchema,
  /** Stores need at least this many answers in both windows to be listed. */
  minResponses: count,
  /** The largest falls, steepest first, and the largest rises. */
  down: z.array(MoverSchema),
  up: z.array(MoverSchema),
});
export type MoversResponse = z.infer<typeof MoversResponseSchema>;

/** A survey text: a string, or a map of locale → string (render with the survey's fallback to `en`). */
const LocalizedTextSchema = z.union([z.string(), z.record(z.string(), z.string())]);

export const AnswerCountSchema = z.object({
  /** The rating, the choice option's id, `true`/`false` for consent, '' for a text answer. */
  value: z.string(),
  /** The option's label from the survey definition; null for ratings and text. */
  label: z.nullable(LocalizedTextSchema),
  n: count,
});

export const QuestionAnswersSchema = z.object({
  id: z.string(),
  type: z.string(),
  /** The question as the survey asks it; null for a question no longer in the definition. */
  prompt: z.nullable(LocalizedTextSchema),
  /** Submissions that answered it (a multiple choice counts once here, once per option below). */
  answered: count,
  /** null when withheld (a protected group below the minimum). */
  counts: z.nullable(z.array(AnswerCountSchema)),
  insufficientResponses: z.boolean(),
});

export const AnswersResponseSchema = z.object({
  filter: FilterEchoSchema,
  surveys: z.array(z.object({ id: z.string(), title: z.nullable(LocalizedTextSchema), questions: z.array(QuestionAnswersSchema) })),
});
export type AnswersResponse = z.infer<typeof AnswersResponseSchema>;

const TopicCountsSchema = z.object({ mentions: count, negative: count });

export const TopicsResponseSchema = z.object({
  filter: FilterEchoSchema,
  /** The previous period of equal length, for each topic's change. */
  previous: PeriodSchema,
  /** Comments in the selection (what topic shares are a share of). */
  comments: count,
  /** Withheld for a protected group below the minimum (the topics of three people's words say too much). */
  insufficientResponses: z.boolean(),
  topics: z.array(
    z.object({
      id: z.string(),
      /** The topic's name per language, from the brand's dictionary (`en` is the fallback); null for a topic no longer in it. */
      label: z.nullable(z.record(z.string(), z.string())),
      ...TopicCountsSchema.shape,
      previous: TopicCountsSchema,
      /** Mentions per ISO week (Monday) of the range, oldest first. */
      weekly: z.array(z.object({ period: z.string(), mentions: count })),
    }),
  ),
});
export type TopicsResponse = z.infer<typeof TopicsResponseSchema>;
