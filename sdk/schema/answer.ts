import * as z from 'zod/mini';
import { IdSchema } from './primitives.js';
import { boolean, byType, integer, listOf, literal, nullable, oneOf, optional, strictObject, string, within } from './internal.js';

const answer = <const T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  strictObject({ questionId: IdSchema, type: literal(type), ...shape });

/** Smiley faces, worst (1) to best (5). Three-face surveys use 1, 3 and 5 so scores stay comparable. */
export const SmileyAnswerSchema = answer('smiley', { value: integer(1, 5) });
export const StarsAnswerSchema = answer('stars', { value: integer(1, 5) });
/** Net Promoter Score: 0 (not at all likely) to 10 (extremely likely). */
export const NpsAnswerSchema = answer('nps', { value: integer(0, 10) });
/** Customer satisfaction: 1 (very unsatisfied) to 5 (very satisfied). */
export const CsatAnswerSchema = answer('csat', { value: integer(1, 5) });
/** One option id, or several for multi-select; `other` carries the free text of an "Other" option. */
export const ChoiceAnswerSchema = answer('choice', {
  value: oneOf([IdSchema, listOf(IdSchema, 1, 30)]),
  other: optional(string().check(within(0, 500))),
});
export const TextAnswerSchema = answer('text', { value: string().check(within(0, 5000)) });
/** The staff member who helped, or `null` for "not sure". */
export const StaffAnswerSchema = answer('staff', { value: nullable(IdSchema) });
/** Opt-in to be contacted; `contact` (an e-mail address or phone number) only when `value` is true. */
export const ConsentAnswerSchema = answer('consent', {
  value: boolean(),
  contact: optional(string().check(within(0, 200))),
});

export const AnswerSchema = byType([
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
