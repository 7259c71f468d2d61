import * as z from 'zod/mini';
import { IdSchema } from './primitives.js';

const answer = <const T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject({ questionId: IdSchema, type: z.literal(type), ...shape });

/** A whole number from `min` to `max`. */
const score = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

/** Smiley faces, worst (1) to best (5). Three-face surveys use 1, 3 and 5 so scores stay comparable. */
export const SmileyAnswerSchema = answer('smiley', { value: score(1, 5) });
export const StarsAnswerSchema = answer('stars', { value: score(1, 5) });
/** Net Promoter Score: 0 (not at all likely) to 10 (extremely likely). */
export const NpsAnswerSchema = answer('nps', { value: score(0, 10) });
/** Customer satisfaction: 1 (very unsatisfied) to 5 (very satisfied). */
export const CsatAnswerSchema = answer('csat', { value: score(1, 5) });
/** One option id, or several for multi-select; `other` carries the free text of an "Other" option. */
export const ChoiceAnswerSchema = answer('choice', {
  value: z.union([IdSchema, z.array(IdSchema).check(z.minLength(1), z.maxLength(30))]),
  other: z.optional(z.string().check(z.maxLength(500))),
});
export const TextAnswerSchema = answer('text', { value: z.string().check(z.maxLength(5000)) });
/** The staff member who helped, or `null` for "not sure". */
export const StaffAnswerSchema = answer('staff', { value: z.nullable(IdSchema) });
/** Opt-in to be contacted; `contact` (an e-mail address or phone number) only when `value` is true. */
export const ConsentAnswerSchema = answer('consent', {
  value: z.boolean(),
  contact: z.optional(z.string().check(z.maxLength(200))),
});

export const AnswerSchema = z.discriminatedUnion('type', [
  SmileyAnswerSchema,
  StarsAnswerSchema,
  NpsAnswerSchema,
  CsatAnswerSchema,
  ChoiceAnswerSchema,
  TextAnswerSchema,
  StaffAnswerSchema,
  ConsentAnswerSchema,
]);

export type Answer = z.infer<typeof AnswerSchema>;
export type AnswerType = Answer['type'];
/** The answer of one question type, e.g. `AnswerOf<'nps'>`. */
export type AnswerOf<T extends AnswerType> = Extract<Answer, { type: T }>;
