import * as z from 'zod/mini';
import { boolean, listOf, literal, number, oneOf, optional, strictObject, string } from './internal.js';

const Scalar = oneOf([string(), number(), boolean(), literal(null)]);

/**
 * A test on an answer, used by a survey's `showIf` and by routing matchers. Every test given
 * must hold. Numbers compare numerically, choice answers match when any selected option is in
 * `in`, `answered: false` matches skipped questions.
 * @example { "lte": 2 }            // a bad score
 * @example { "in": ["price"] }     // chose "price"
 */
export const ConditionSchema = strictObject({
  eq: optional(Scalar),
  neq: optional(Scalar),
  lt: optional(number()),
  lte: optional(number()),
  gt: optional(number()),
  gte: optional(number()),
  in: optional(listOf(Scalar, 1)),
  notIn: optional(listOf(Scalar, 1)),
  answered: optional(boolean()),
});
export type Condition = z.infer<typeof ConditionSchema>;
