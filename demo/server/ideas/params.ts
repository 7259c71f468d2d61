import * as z from 'zod';
import { HierarchyIdSchema } from '../auth/roles.js';
import { ANSWER_STATUSES, IDEA_STATUSES } from './types.js';

/** An idea's text: long enough for a real proposal, short enough to read on a phone. */
const IdeaTextSchema = z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');

/**
 * The body of `POST /v1/ideas` (a staff member, logged in). Anonymous unless `signed` is true:
 * then the idea shows the author's name from the staff roster.
 */
export const IdeaSubmitSchema = z.strictObject({
  text: IdeaTextSchema,
  /** Show my name with the idea. @default false */
  signed: z.boolean().default(false),
});

/**
 * The body of `POST /v1/ideas/pulse` (the pulse page, no login: the store comes from the pulse
 * key). Anonymous unless a `name` is given; that name is the author's own words, not verified.
 */
export const PulseIdeaSubmitSchema = z.strictObject({
  text: IdeaTextSchema,
  /** A name to sign with; omitted or null: anonymous. */
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters').nullable().optional(),
});

/** Query parameters of `GET /v1/ideas`. Strict: an unknown parameter is a 400. */
export const IdeaListQuerySchema = z.strictObject({
  status: z.enum([...IDEA_STATUSES, 'all']).default('all'),
  region: HierarchyIdSchema.optional(),
  store: HierarchyIdSchema.optional(),
  /** Ideas per answer, newest day first. @default 100 */
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type IdeaListQuery = z.infer<typeof IdeaListQuerySchema>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Query parameters of `GET /v1/ideas/metrics`. */
export const IdeaMetricsQuerySchema = z
  .strictObject({
    /** One group per store, or per region. @default "store" */
    level: z.enum(['store', 'region']).default('store'),
    region: HierarchyIdSchema.optional(),
    store: HierarchyIdSchema.optional(),
    /** First UTC day of the ideas counted (by writing), inclusive. @default 89 days before `to` */
    from: z.string().regex(DAY, 'must be a date such as 2026-11-23').optional(),
    /** Last UTC day, inclusive. @default today */
    to: z.string().regex(DAY, 'must be a date such as 2026-11-23').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after `to`', path: ['from'] });
export type IdeaMetricsQuery = z.infer<typeof IdeaMetricsQuerySchema>;

/** The body of `PATCH /v1/ideas/:id`: a manager's answer. */
export const IdeaPatchSchema = z
  .strictObject({
    /** The `version` the answer is based on; an idea changed since is a 409. */
    version: z.number().int().min(1),
    status: z.enum(ANSWER_STATUSES),
    /** What the store's staff read next to the status. Required for `not_now`: say why. */
    reply: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters').nullable().optional(),
  })
  .refine((p) => p.status !== 'not_now' || (p.reply ?? null) !== null, { message: 'is required with "not_now": say why', path: ['reply'] });
export type IdeaPatch = z.infer<typeof IdeaPatchSchema>;
