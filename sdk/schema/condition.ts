import * as z from 'zod/mini';

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * A test on an answer, used by a survey's `showIf` and by routing matchers. Every test given
 * must hold. Numbers compare numerically, choice answers match when any selected option is in
 * `in`, `answered: false` matches skipped questions.
 * @example { "lte": 2 }            // a bad score
 * @example { "in": ["price"] }     // chose "price"
 */
export const ConditionSchema = z.strictObject({
  eq: z.optional(Scalar),
  neq: z.optional(Scalar),
  lt: z.optional(z.number()),
  lte: z.optional(z.number()),
  gt: z.optional(z.number()),
  gte: z.optional(z.number()),
  in: z.optional(z.array(Scalar).check(z.minLength(1))),
  notIn: z.optional(z.array(Scalar).check(z.minLength(1))),
  answered: z.optional(z.boolean()),
});
export type Condition = z.infer<typeof ConditionSchema>;
