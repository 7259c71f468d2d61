import * as z from 'zod';
import { HierarchyIdSchema } from '../auth/roles.js';

/** The body of `POST /v1/kudos/:id/thanks`: a manager forwards a kudos with their own words. */
export const ThanksSchema = z.strictObject({
  /** The staff member the kudos is attributed to (one of its `staff`). */
  staffId: HierarchyIdSchema,
  /** The manager's thanks, shown to the staff member with the customer's words. */
  text: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
});
export type Thanks = z.infer<typeof ThanksSchema>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Query parameters of `GET /v1/recognition/stores`. Strict: an unknown parameter is a 400. */
export const RecognitionQuerySchema = z
  .strictObject({
    region: HierarchyIdSchema.optional(),
    store: HierarchyIdSchema.optional(),
    /** First UTC day, inclusive. @default 29 days before `to` */
    from: z.string().regex(DAY, 'must be a date such as 2026-11-23').optional(),
    /** Last UTC day, inclusive. @default today */
    to: z.string().regex(DAY, 'must be a date such as 2026-11-23').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after `to`', path: ['from'] });
