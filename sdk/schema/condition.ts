import * as z from 'zod/mini';
import { boolean, listOf, literal, number, oneOf, string } from './internal.js';

const Scalar = oneOf([string(), number(), boolean(), literal(null)]);

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
  lt: z.optional(number()),
  lte: z.optional(number()),
  gt: z.optional(number()),
  gte: z.optional(number()),
  in: z.optional(listOf(Scalar, 1)),
  notIn: z.optional(listOf(Scalar, 1)),
  answered: z.optional(boolean()),
});
export type Condition = z.infer<typeof ConditionSchema>;
