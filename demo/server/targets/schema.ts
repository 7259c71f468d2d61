import * as z from 'zod';
import { HierarchyIdSchema } from '../auth/roles.js';

/** What each score's target may be: its own scale. */
export const TARGET_RANGES = { nps: [-100, 100], csat: [0, 100], smiley: [1, 5], stars: [1, 5] } as const;

const level = z.enum(['brand', 'region', 'store']);
const metric = z.enum(['nps', 'csat', 'smiley', 'stars']);

/** Which target: the brand's, a region's or a store's, for one score. */
export const TargetKeySchema = z
  .strictObject({ level, id: HierarchyIdSchema.optional(), metric })
  .refine((t) => (t.level === 'brand') === (t.id === undefined), { message: 'give `id` for a region or store target, and none for the brand', path: ['id'] });
export type TargetKey = z.infer<typeof TargetKeySchema>;

/** `PUT /v1/targets`: a target and its value, on the score's own scale. */
export const TargetInputSchema = z
  .strictObject({ level, id: HierarchyIdSchema.optional(), metric, value: z.number() })
  .refine((t) => (t.level === 'brand') === (t.id === undefined), { message: 'give `id` for a region or store target, and none for the brand', path: ['id'] })
  .superRefine((t, issues) => {
    const [min, max] = TARGET_RANGES[t.metric];
    if (t.value < min || t.value > max) issues.addIssue({ code: 'custom', path: ['value'], message: `a ${t.metric} target must be between ${min} and ${max}` });
  });
export type TargetInput = z.infer<typeof TargetInputSchema>;
