import * as z from 'zod';
import { HierarchyIdSchema } from '../auth/roles.js';

/**
 * Query parameters of `GET /v1/cases`. Strict: an unknown parameter is a 400, not ignored (the
 * brand and the widest scope come from the session).
 */
export const CaseListQuerySchema = z.strictObject({
  /** `active` is `open` and `in_progress` together, ordered by due time. @default "active" */
  status: z.enum(['active', 'open', 'in_progress', 'resolved']).default('active'),
  region: HierarchyIdSchema.optional(),
  store: HierarchyIdSchema.optional(),
  /** Only escalated cases (`true`) or only those not escalated (`false`). */
  escalated: z.enum(['true', 'false']).optional(),
  /** `me`: assigned to the caller; `none`: unassigned. */
  assignee: z.enum(['me', 'none']).optional(),
  /** Cases per page. @default 50 */
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(200).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Query parameters of `GET /v1/cases/metrics`. */
export const CaseMetricsQuerySchema = z
  .strictObject({
    /** One group per store, or per region. @default "store" */
    level: z.enum(['store', 'region']).default('store'),
    region: HierarchyIdSchema.optional(),
    store: HierarchyIdSchema.optional(),
    /** First UTC day of the cases counted (by opening), inclusive. @default 29 days before `to` */
    from: z.string().regex(DAY, 'must be a date such as 2026-11-23').optional(),
    /** Last UTC day, inclusive. @default today */
    to: z.string().regex(DAY, 'must be a date such as 2026-11-23').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after `to`', path: ['from'] });
export type CaseMetricsQuery = z.infer<typeof CaseMetricsQuerySchema>;

/** The body of `PATCH /v1/cases/:id`. */
export const CasePatchSchema = z.strictObject({
  /** The `version` the change is based on; a case changed since is a 409. */
  version: z.number().int().min(1),
  status: z.enum(['open', 'in_progress', 'resolved']).optional(),
  /** A user id; null unassigns. Must manage the case's store (its store, region or brand). */
  assigneeId: z.number().int().positive().nullable().optional(),
  note: z.string().trim().min(1).max(5000).optional(),
  /** Records an attempt to reach the customer, as a note of kind `contact_attempt`. */
  contactAttempt: z
    .strictObject({
      method: z.enum(['email', 'phone', 'other']),
      outcome: z.enum(['reached', 'no_answer', 'left_message', 'sent']).optional(),
      note: z.string().trim().min(1).max(2000).optional(),
    })
    .optional(),
  /** Required to resolve: an id of the brand's root causes (GET /v1/settings). */
  rootCause: z.string().min(1).max(40).optional(),
  /** Required to resolve: what was done. */
  resolutionNote: z.string().trim().min(1).max(5000).optional(),
});
export type CasePatch = z.infer<typeof CasePatchSchema>;
