import type * as z from 'zod/mini';
import { conditionSchema } from './condition-schema.js';

/**
 * A test on an answer, used by a survey's `showIf` and by routing matchers. Every test given
 * must hold. Numbers compare numerically, choice answers match when any selected option is in
 * `in`, `answered: false` matches skipped questions.
 * @example { "lte": 2 }            // a bad score
 * @example { "in": ["price"] }     // chose "price"
 */
export const ConditionSchema = conditionSchema();
export type Condition = z.infer<typeof ConditionSchema>;
