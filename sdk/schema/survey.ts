import * as z from 'zod/mini';
import { ConditionSchema } from './condition.js';
import { IdSchema, LocalizedTextSchema } from './primitives.js';
import { boolean, byType, integer, listOf, literal, optional, recordOf, strictObject, string, within } from './internal.js';

export { ConditionSchema, type Condition } from './condition.js';

/** Show a question only when every condition on earlier questions holds: `{ "mood": { "lte": 2 } }`. */
export const ShowIfSchema = recordOf(IdSchema, ConditionSchema);
export type ShowIf = z.infer<typeof ShowIfSchema>;

const base = {
  id: IdSchema,
  prompt: LocalizedTextSchema,
  description: optional(LocalizedTextSchema),
  required: optional(boolean()),
  showIf: optional(ShowIfSchema),
};

export const SmileyQuestionSchema = strictObject({
  ...base,
  type: literal('smiley'),
  /** @default 5 */
  faces: optional(literal([3, 5])),
});
export const StarsQuestionSchema = strictObject({ ...base, type: literal('stars') });
export const NpsQuestionSchema = strictObject({
  ...base,
  type: literal('nps'),
  lowLabel: optional(LocalizedTextSchema),
  highLabel: optional(LocalizedTextSchema),
});
export const CsatQuestionSchema = strictObject({
  ...base,
  type: literal('csat'),
  lowLabel: optional(LocalizedTextSchema),
  highLabel: optional(LocalizedTextSchema),
});
export const ChoiceOptionSchema = strictObject({ id: IdSchema, label: LocalizedTextSchema });
export const ChoiceQuestionSchema = strictObject({
  ...base,
  type: literal('choice'),
  options: listOf(ChoiceOptionSchema, 1, 30).check(
    z.refine((options) => new Set(options.map((o) => o.id)).size === options.length, 'option ids must be unique'),
  ),
  /** Allow several options. @default false */
  multiple: optional(boolean()),
  /** Add an "Other" option with a text field. @default false */
  other: optional(boolean()),
});
export const TextQuestionSchema = strictObject({
  ...base,
  type: literal('text'),
  /** @default 1000 */
  maxLength: optional(integer(1, 5000)),
  placeholder: optional(LocalizedTextSchema),
});
export const StaffMemberSchema = strictObject({
  id: IdSchema,
  name: string().check(within(1, 100)),
  photo: optional(string().check(within(0, 2048))),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;
export const StaffQuestionSchema = strictObject({
  ...base,
  type: literal('staff'),
  /** The names to pick from; a kiosk may supply its own roster instead. */
  roster: optional(listOf(StaffMemberSchema, 0, 200)),
  /** Offer a "not sure" choice. @default true */
  allowUnsure: optional(boolean()),
});
export const ConsentQuestionSchema = strictObject({
  ...base,
  type: literal('consent'),
  /** Which contact detail to ask for once the shopper opts in. @default "email" */
  contactField: optional(literal(['email', 'phone', 'none'])),
});

export const QuestionSchema = byType([
  SmileyQuestionSchema,
  StarsQuestionSchema,
  NpsQuestionSchema,
  CsatQuestionSchema,
  ChoiceQuestionSchema,
  TextQuestionSchema,
  StaffQuestionSchema,
  ConsentQuestionSchema,
]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionOf<T extends Question['type']> = Extract<Question, { type: T }>;

/** Branching may only look back: a `showIf` names questions that come earlier. This also rules out cycles. */
function showIfLooksBack(questions: readonly Question[]): boolean {
  const seen = new Set<string>();
  for (const question of questions) {
    for (const ref of Object.keys(question.showIf ?? {})) if (!seen.has(ref)) return false;
    seen.add(question.id);
  }
  return true;
}

/**
 * A survey: questions in order, optional branching, a thank-you text.
 * @example
 * { "id": "post-visit", "questions": [{ "id": "mood", "type": "smiley", "prompt": "How was your visit?", "required": true }] }
 */
export const SurveyDefinitionSchema = strictObject({
  id: IdSchema,
  /** @default 1 */
  version: optional(integer(1)),
  title: optional(LocalizedTextSchema),
  questions: listOf(QuestionSchema, 1, 50).check(
    z.refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'question ids must be unique'),
    z.refine(showIfLooksBack, 'showIf may only refer to questions that come earlier'),
  ),
  thankYou: optional(LocalizedTextSchema),
  /** One question per step, or all on one page. @default "steps" */
  display: optional(literal(['steps', 'page'])),
});
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;
