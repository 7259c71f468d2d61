import * as z from 'zod/mini';
import { once } from '../internal/once.js';
import { conditionSchema } from './condition-schema.js';
import { primitiveSchemas } from './primitive-schemas.js';

/**
 * The survey definition's schemas, built on first use (`survey.ts` exports them, built at once).
 * A script-tag page shows its first question without waiting for them: building them is a few
 * milliseconds of zod work, 4× that on a slow phone, which the widget does in a task of its own
 * while the survey is fetched (src/widget/survey-loader.ts), and `parseSurvey` on first use.
 */
export const surveySchemas = once(() => {
  const { IdSchema, LocalizedTextSchema } = primitiveSchemas();
  const ConditionSchema = conditionSchema();
  /** Show a question only when every condition on earlier questions holds: `{ "mood": { "lte": 2 } }`. */
  const ShowIfSchema = z.record(IdSchema, ConditionSchema);

  const base = {
    id: IdSchema,
    prompt: LocalizedTextSchema,
    description: z.optional(LocalizedTextSchema),
    required: z.optional(z.boolean()),
    showIf: z.optional(ShowIfSchema),
  };

  const SmileyQuestionSchema = z.strictObject({
    ...base,
    type: z.literal('smiley'),
    /** @default 5 */
    faces: z.optional(z.literal([3, 5])),
  });
  const StarsQuestionSchema = z.strictObject({ ...base, type: z.literal('stars') });
  const NpsQuestionSchema = z.strictObject({
    ...base,
    type: z.literal('nps'),
    lowLabel: z.optional(LocalizedTextSchema),
    highLabel: z.optional(LocalizedTextSchema),
  });
  const CsatQuestionSchema = z.strictObject({
    ...base,
    type: z.literal('csat'),
    lowLabel: z.optional(LocalizedTextSchema),
    highLabel: z.optional(LocalizedTextSchema),
  });
  const ChoiceOptionSchema = z.strictObject({ id: IdSchema, label: LocalizedTextSchema });
  const ChoiceQuestionSchema = z.strictObject({
    ...base,
    type: z.literal('choice'),
    options: z.array(ChoiceOptionSchema).check(
      z.minLength(1),
      z.maxLength(30),
      z.refine((options) => new Set(options.map((o) => o.id)).size === options.length, 'option ids must be unique'),
    ),
    /** Allow several options. @default false */
    multiple: z.optional(z.boolean()),
    /** Add an "Other" option with a text field. @default false */
    other: z.optional(z.boolean()),
  });
  const TextQuestionSchema = z.strictObject({
    ...base,
    type: z.literal('text'),
    /** @default 1000 */
    maxLength: z.optional(z.int().check(z.gte(1), z.lte(5000))),
    placeholder: z.optional(LocalizedTextSchema),
  });
  const StaffMemberSchema = z.strictObject({
    id: IdSchema,
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    photo: z.optional(z.string().check(z.maxLength(2048))),
  });
  const StaffQuestionSchema = z.strictObject({
    ...base,
    type: z.literal('staff'),
    /** The names to pick from; a kiosk may supply its own roster instead. */
    roster: z.optional(z.array(StaffMemberSchema).check(z.maxLength(200))),
    /** Offer a "not sure" choice. @default true */
    allowUnsure: z.optional(z.boolean()),
  });
  const ConsentQuestionSchema = z.strictObject({
    ...base,
    type: z.literal('consent'),
    /** Which contact detail to ask for once the shopper opts in. @default "email" */
    contactField: z.optional(z.enum(['email', 'phone', 'none'])),
  });

  const QuestionSchema = z.discriminatedUnion('type', [
    SmileyQuestionSchema,
    StarsQuestionSchema,
    NpsQuestionSchema,
    CsatQuestionSchema,
    ChoiceQuestionSchema,
    TextQuestionSchema,
    StaffQuestionSchema,
    ConsentQuestionSchema,
  ]);

  /** Branching may only look back: a `showIf` names questions that come earlier. This also rules out cycles. */
  function showIfLooksBack(questions: readonly { readonly id: string; readonly showIf?: object | undefined }[]): boolean {
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
  const SurveyDefinitionSchema = z.strictObject({
    id: IdSchema,
    /** @default 1 */
    version: z.optional(z.int().check(z.gte(1))),
    title: z.optional(LocalizedTextSchema),
    questions: z.array(QuestionSchema).check(
      z.minLength(1),
      z.maxLength(50),
      z.refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'question ids must be unique'),
      z.refine(showIfLooksBack, 'showIf may only refer to questions that come earlier'),
    ),
    thankYou: z.optional(LocalizedTextSchema),
    /** One question per step, or all on one page. @default "steps" */
    display: z.optional(z.enum(['steps', 'page'])),
  });

  return {
    ShowIfSchema,
    SmileyQuestionSchema,
    StarsQuestionSchema,
    NpsQuestionSchema,
    CsatQuestionSchema,
    ChoiceOptionSchema,
    ChoiceQuestionSchema,
    TextQuestionSchema,
    StaffMemberSchema,
    StaffQuestionSchema,
    ConsentQuestionSchema,
    QuestionSchema,
    SurveyDefinitionSchema,
  };
});
