/**
 * A brand's settings: one JSON document per brand (`brand_settings`), edited by corporate users
 * through `PUT /v1/settings`. Every field has a default, so a brand without settings, or a document
 * saved before a section existed, reads as a complete object; features add their own section
 * here. zod/mini, and nothing else imported (but sections written the same way): the dashboard
 * validates `GET /v1/settings` with the same schema.
 */
import * as z from 'zod/mini';
import { DigestSettingsSchema } from '../digest/settings.js';
import { DEFAULT_TOPICS, TopicDictionarySchema } from '../topics/dictionary.js';

const wholeMinutes = (fallback: number) =>
  // 30 days: a longer response time is no longer a follow-up.
  z._default(z.number().check(z.int('must be a whole number of minutes'), z.minimum(1, 'must be at least 1 minute'), z.maximum(43_200, 'must be at most 43200 minutes (30 days)')), fallback);

const scoreAtMost = (min: number, max: number, fallback: number) =>
  z._default(z.number().check(z.int('must be a whole number'), z.minimum(min, `must be at least ${min}`), z.maximum(max, `must be at most ${max}`)), fallback);

/** How long a store has to respond to a case, per reason, in minutes. */
export const ResponseMinutesSchema = z.strictObject({
  /** "Speak to a manager now" from a kiosk (`context.tags.managerRequested`). @default 10 */
  managerRequested: wholeMinutes(10),
  /** A detractor who agreed to be contacted. @default 1440 (24 hours) */
  detractorWithContact: wholeMinutes(1440),
  /** Any other detractor. @default 4320 (72 hours) */
  detractor: wholeMinutes(4320),
});

/** The scores that make a detractor: any answer at or below its threshold opens a case. */
export const DetractorThresholdsSchema = z.strictObject({
  /** NPS 0–10. @default 6 */
  npsAtMost: scoreAtMost(0, 10, 6),
  /** CSAT 1–5. @default 2 */
  csatAtMost: scoreAtMost(1, 5, 2),
  /** Smiley and stars, 1–5 (three-face smileys send 1, 3 and 5). @default 2 */
  ratingAtMost: scoreAtMost(1, 5, 2),
});

/** One root cause a manager can give when resolving a case. */
export const RootCauseSchema = z.strictObject({
  /** Stable id stored on resolved cases; keep it when only the label changes. */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1–40 lowercase letters, digits, "_" or "-", starting with a letter or digit')),
  /** What managers see, e.g. "Queue at the till". */
  label: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(80, 'must be at most 80 characters')),
});
export type RootCause = z.infer<typeof RootCauseSchema>;

/** @default staff, queue, stock, price, product, cleanliness, payment, other */
export const DEFAULT_ROOT_CAUSES: readonly RootCause[] = [
  { id: 'staff', label: 'Staff' },
  { id: 'queue', label: 'Queue' },
  { id: 'stock', label: 'Stock' },
  { id: 'price', label: 'Price' },
  { id: 'product', label: 'Product' },
  { id: 'cleanliness', label: 'Cleanliness' },
  { id: 'payment', label: 'Payment' },
  { id: 'other', label: 'Other' },
];

export const RootCausesSchema = z._default(
  z.array(RootCauseSchema).check(
    z.minLength(1, 'must list at least one root cause'),
    z.maxLength(30, 'must list at most 30 root causes'),
    z.refine((causes) => new Set(causes.map((c) => c.id)).size === causes.length, 'must not repeat an id'),
  ),
  () => DEFAULT_ROOT_CAUSES.map((cause) => ({ ...cause })),
);

/** Follow-up cases (docs/collector.md, "Cases"). */
export const CaseSettingsSchema = z.strictObject({
  /** Response time per reason, in minutes: a case is due this long after it was opened. */
  responseMinutes: z.prefault(ResponseMinutesSchema, {}),
  /** Thresholds at or below which a customer's answer is a detractor's. */
  detractor: z.prefault(DetractorThresholdsSchema, {}),
  /** The brand's root causes, in the order managers see them. */
  rootCauses: RootCausesSchema,
});
export type CaseSettings = z.infer<typeof CaseSettingsSchema>;

/** Days of the week, as opening hours spell them. */
export const WeekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof WeekdaySchema>;

/**
 * The employee pulse (docs/collector.md, "Pulse"): which survey staff answer from the store's pulse
 * link, how often, and on which days the link is open. A period is a week (Monday to Sunday) or a
 * calendar month in the store's time zone; each phone answers once per period.
 */
export const PulseSettingsSchema = z.strictObject({
  /** The survey the pulse page shows. @default "employee-pulse" */
  surveyId: z._default(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a survey id (letters, digits, ".", "_" or "-")')), 'employee-pulse'),
  /** How often staff are asked. @default "week" */
  every: z._default(z.enum(['week', 'month']), 'week'),
  /** The days of the week on which the pulse is open, in the store's time zone. @default every day */
  days: z._default(
    z.array(WeekdaySchema).check(z.minLength(1, 'must list at least one day'), z.refine((days) => new Set(days).size === days.length, 'must not repeat a day')),
    () => [...WeekdaySchema.options],
  ),
});
export type PulseSettings = z.infer<typeof PulseSettingsSchema>;
/** Ideas upward (docs/collector.md, "Ideas"). */
export const IdeaSettingsSchema = z.strictObject({
  /**
   * Days a store manager has to answer an idea before it also goes to the region's manager.
   * @default 7
   */
  escalateAfterDays: z._default(z.number().check(z.int('must be a whole number of days'), z.minimum(1, 'must be at least 1 day'), z.maximum(90, 'must be at most 90 days')), 7),
});
export type IdeaSettings = z.infer<typeof IdeaSettingsSchema>;

const wholeDays = (max: number, fallback: number) =>
  z._default(z.number().check(z.int('must be a whole number of days'), z.minimum(1, 'must be at least 1 day'), z.maximum(max, `must be at most ${max} days`)), fallback);

/**
 * How long personal data is kept (docs/security-privacy.md, "What is kept, for how long, and
 * why"). The retention job (retention/job.ts) applies it; scores and every chart are kept.
 */
export const RetentionSettingsSchema = z.strictObject({
  /**
   * Contact details a customer gave with consent are erased this many days after the submission
   * arrived, whatever its case. @default 90
   */
  contactDays: wholeDays(3650, 90),
  /**
   * …or this many days after their case was resolved, if that comes first (a case reopened is no
   * longer resolved: only `contactDays` then applies). @default 30
   */
  contactDaysAfterResolved: wholeDays(3650, 30),
  /**
   * Free text (comments, text answers, "Other" text), page URLs and case notes of customer
   * feedback are erased this many days after the feedback was given (`createdAt`). @default 730
   */
  freeTextDays: wholeDays(36_500, 730),
});
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;

/**
 * The drop alert (docs/collector.md, "Drop alerts"): a store whose score over the last
 * `windowDays` fell by more than `points` against the window before raises an alert for the
 * store and its region. Both windows need at least the anonymity minimum of answers
 * (STAFF_MIN_RESPONSES), as the movers do: a store going from 3 answers to 4 is noise.
 */
export const DropAlertSettingsSchema = z.strictObject({
  /** @default true */
  enabled: z._default(z.boolean(), true),
  /** @default "nps" */
  metric: z._default(z.enum(['nps', 'csat', 'smiley', 'stars']), 'nps'),
  /** Days in each of the two windows compared. @default 14 */
  windowDays: z._default(z.number().check(z.int('must be a whole number of days'), z.minimum(7, 'must be at least 7 days'), z.maximum(90, 'must be at most 90 days')), 14),
  /** How far the score must fall, in the metric's own unit (NPS points; for CSAT, smiley and stars the 1–5 average): the movers' `change`. @default 20 */
  points: z._default(z.number().check(z.minimum(0.1, 'must be more than 0'), z.maximum(200, 'must be at most 200')), 20),
});
export type DropAlertSettings = z.infer<typeof DropAlertSettingsSchema>;

/** Alerts the collector raises itself. */
export const AlertSettingsSchema = z.strictObject({
  drop: z.prefault(DropAlertSettingsSchema, {}),
});

/**
 * Every setting of a brand. Strict: an unknown or misspelt field is a 400 naming it, not a
 * setting silently ignored.
 */
export const BrandSettingsSchema = z.strictObject({
  cases: z.prefault(CaseSettingsSchema, {}),
  pulse: z.prefault(PulseSettingsSchema, {}),
  ideas: z.prefault(IdeaSettingsSchema, {}),
  /**
   * The topics comments are tagged with at ingest (topics/dictionary.ts): topic id → label and
   * keywords per language. Applies to comments received after a change; comments already tagged
   * keep their topics (docs/collector.md, "Topics"). @default the built-in dictionary (DEFAULT_TOPICS)
   */
  topics: z._default(TopicDictionarySchema, () => structuredClone(DEFAULT_TOPICS)),
  /** The weekly digest's schedule and webhooks (docs/collector.md, "Weekly digest"). */
  digest: z.prefault(DigestSettingsSchema, {}),
  retention: z.prefault(RetentionSettingsSchema, {}),
  alerts: z.prefault(AlertSettingsSchema, {}),
});
export type BrandSettings = z.infer<typeof BrandSettingsSchema>;
/** What `PUT /v1/settings` accepts: any field left out takes its default. */
export type BrandSettingsInput = z.input<typeof BrandSettingsSchema>;

/** The settings of a brand that has saved none. */
export const defaultBrandSettings = (): BrandSettings => z.parse(BrandSettingsSchema, {});

/** `GET /v1/settings` and `PUT /v1/settings`. */
export const SettingsResponseSchema = z.object({
  brand: z.string(),
  settings: BrandSettingsSchema,
  /** When corporate last saved them; null while the brand uses the defaults. */
  updatedAt: z.nullable(z.string()),
});
export type SettingsResponse = z.infer<typeof SettingsResponseSchema>;
