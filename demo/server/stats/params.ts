import * as z from 'zod';
import { HierarchyIdSchema } from '../auth/roles.js';
import { latestToday } from './period.js';
import { BUCKETS, CUSTOMER_CHANNELS, DEVICE_CLASSES, SCORE_BANDS, SCORE_METRICS } from './types.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DateSchema = z
  .string()
  .regex(DAY, 'must be a date such as 2026-11-23')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'must be a real date');

/** Longest date range one request may cover: bounds the work of every query. */
export const MAX_RANGE_DAYS = 731;
/** Longest comment search: a phrase, not a document (it bounds the work of the `ILIKE`). */
export const MAX_SEARCH_LENGTH = 100;

/**
 * Query parameters shared by every stats endpoint. Strict: an unknown parameter (`brand=…`,
 * say) is a 400, not silently ignored — the brand and the widest scope come from the session.
 */
export const StatsQuerySchema = z
  .strictObject({
    level: z.enum(['brand', 'region', 'store', 'staff']).default('brand'),
    region: HierarchyIdSchema.optional(),
    store: HierarchyIdSchema.optional(),
    staff: HierarchyIdSchema.optional(),
    /** First day, inclusive (store-local days). @default 29 days before `to` */
    from: DateSchema.optional(),
    /** Last day, inclusive (store-local days). @default today, in the brand's store furthest ahead in time */
    to: DateSchema.optional(),
    /**
     * Customers' feedback (`customer`: every customer channel, or one of them), or employees'
     * pulse (`employee`), never mixed. @default "customer"
     */
    channel: z.enum(['customer', 'employee', ...CUSTOMER_CHANNELS]).default('customer'),
    /** Segment: one survey. */
    survey: HierarchyIdSchema.optional(),
    /** Segment: one kind of device. */
    device: z.enum(DEVICE_CLASSES).optional(),
    /** Segment: the customer's language (`sv`, or a locale such as `sv-SE`, read as its language). */
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language such as sv or a locale such as sv-SE')
      .transform((v) => v.split('-')[0]!.toLowerCase())
      .optional(),
    /** Trend periods: days, ISO weeks, or rolling 7- or 28-day windows. @default "day" */
    bucket: z.enum(BUCKETS).default('day'),
    /** Trend: one line per region or per store of the selection, besides the selection's own. */
    series: z.enum(['region', 'store']).optional(),
    /** Movers: which score. @default "nps" */
    metric: z.enum(SCORE_METRICS).default('nps'),
    /** Movers: the rolling window in days, compared with the window before it. @default 28 */
    window: z.coerce.number().pipe(z.union([z.literal(7), z.literal(28)])).default(28),
    /** Comments: only those tagged with this topic (an id of the brand's dictionary, or one it had). */
    topic: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a topic id such as queue or fitting-rooms')
      .optional(),
    /** Comments and kudos per page. @default 50 */
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Export: one row per group, or one per response. @default "groups" */
    rows: z.enum(['groups', 'responses']).default('groups'),
    /** Comments: text to look for, case-insensitive (`%` and `_` are plain characters). */
    q: z.string().trim().min(1, 'must not be empty').max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`).optional(),
    /** Comments: NPS `detractor` (0–6), `passive` (7–8), `promoter` (9–10); lowest 1–5 rating `low` (1–2), `mid` (3), `high` (4–5). */
    score: z.enum(SCORE_BANDS).optional(),
    /** Comments: only those whose submission answered this question. */
    question: HierarchyIdSchema.optional(),
    /** Comments, with `question`: only this answer (a rating, an option id, `true`/`false`). */
    answer: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters').optional(),
    /** Comments: the `nextCursor` of the previous page. */
    cursor: z.string().max(200, 'is not a cursor of this endpoint').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after `to`', path: ['from'] })
  .refine((q) => q.answer === undefined || q.question !== undefined, { message: 'needs `question`', path: ['answer'] });
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

/**
 * Resolves the default dates against `now` and checks the range length. Days are store-local:
 * the default `to` is the latest "today" among `timeZones` (the brand's stores), so every store's
 * today is in the default range.
 */
export function dateRange(query: Pick<StatsQuery, 'from' | 'to'>, now: Date, timeZones: readonly string[] = ['UTC']): { from: string; to: string } | { error: string } {
  const to = query.to ?? latestToday(now, timeZones);
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) return { error: '`from` must not be after `to`' };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) return { error: `the range may cover at most ${MAX_RANGE_DAYS} days` };
  return { from, to };
}
