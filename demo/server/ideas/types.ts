/**
 * What the ideas API answers (docs/collector.md, "Ideas"), as zod schemas shared with the
 * dashboard. zod/mini, and nothing else imported: this file ends up in the browser.
 */
import * as z from 'zod/mini';

/** Where an idea stands. `new` until a manager answers it. */
export const IDEA_STATUSES = ['new', 'acknowledged', 'planned', 'done', 'not_now'] as const;
export const IdeaStatusSchema = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof IdeaStatusSchema>;

/** The statuses a manager can give (every one but `new`). */
export const ANSWER_STATUSES = ['acknowledged', 'planned', 'done', 'not_now'] as const;

/**
 * One idea as listed. Days only, never times: with a small team, the time an idea was written
 * says who wrote it. `signedBy` is null unless the author chose to sign.
 */
export const IdeaSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  storeId: z.string(),
  storeName: z.nullable(z.string()),
  text: z.string(),
  status: IdeaStatusSchema,
  reply: z.nullable(z.string()),
  /** The store-local day it was written (YYYY-MM-DD). */
  createdOn: z.string(),
  /** The store-local day it is due to be answered before it goes to the region. */
  dueOn: z.string(),
  /** The store-local day of the first answer; null while `new`. */
  answeredOn: z.nullable(z.string()),
  /** Whether it went to the region's manager because nobody answered in time. */
  escalated: z.boolean(),
  /** The name the author signed with; null for an anonymous idea. */
  signedBy: z.nullable(z.string()),
  /** The version PATCH must name; null for staff, who cannot change ideas. */
  version: z.nullable(z.number()),
});
export type Idea = z.infer<typeof IdeaSchema>;

export const IdeaListResponseSchema = z.object({
  ideas: z.array(IdeaSchema),
  /** Whether the caller may answer the ideas listed (managers). */
  canAnswer: z.boolean(),
});
export type IdeaListResponse = z.infer<typeof IdeaListResponseSchema>;

/** Idea volume and response figures of one store or region. */
export const IdeaMetricsGroupSchema = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  regionId: z.string(),
  /** Ideas written in the window. */
  submitted: z.number(),
  /** Of those, answered by a manager (any status but new). */
  answered: z.number(),
  /** Of those, answered before they were due. */
  answeredInTime: z.number(),
  /** Of those, escalated to the region. */
  escalated: z.number(),
  /** answered / submitted, 0–1; null with no ideas. */
  responseRate: z.nullable(z.number()),
  /** Per status, e.g. `{ new: 2, done: 1, ... }`. */
  byStatus: z.record(z.string(), z.number()),
});
export type IdeaMetricsGroup = z.infer<typeof IdeaMetricsGroupSchema>;

export const IdeaMetricsResponseSchema = z.object({
  level: z.enum(['region', 'store']),
  from: z.string(),
  to: z.string(),
  groups: z.array(IdeaMetricsGroupSchema),
  total: z.omit(IdeaMetricsGroupSchema, { id: true, name: true, regionId: true }),
});
export type IdeaMetricsResponse = z.infer<typeof IdeaMetricsResponseSchema>;
