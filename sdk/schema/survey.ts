import type * as z from 'zod/mini';
import { surveySchemas } from './survey-schemas.js';

export { ConditionSchema, type Condition } from './condition.js';

// The schemas themselves are in survey-schemas.ts, built on first use; importing this module builds them.
const schemas = surveySchemas();

/** Show a question only when every condition on earlier questions holds: `{ "mood": { "lte": 2 } }`. */
export const ShowIfSchema = schemas.ShowIfSchema;
export type ShowIf = z.infer<typeof ShowIfSchema>;
export const SmileyQuestionSchema = schemas.SmileyQuestionSchema;
export const StarsQuestionSchema = schemas.StarsQuestionSchema;
export const NpsQuestionSchema = schemas.NpsQuestionSchema;
export const CsatQuestionSchema = schemas.CsatQuestionSchema;
export const ChoiceOptionSchema = schemas.ChoiceOptionSchema;
export const ChoiceQuestionSchema = schemas.ChoiceQuestionSchema;
export const TextQuestionSchema = schemas.TextQuestionSchema;
export const StaffMemberSchema = schemas.StaffMemberSchema;
export type StaffMember = z.infer<typeof StaffMemberSchema>;
export const StaffQuestionSchema = schemas.StaffQuestionSchema;
export const ConsentQuestionSchema = schemas.ConsentQuestionSchema;
/** One question of a survey, by its `type`. */
export const QuestionSchema = schemas.QuestionSchema;
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionOf<T extends Question['type']> = Extract<Question, { type: T }>;
/**
 * A survey: questions in order, optional branching, a thank-you text.
 * @example
 * { "id": "post-visit", "questions": [{ "id": "mood", "type": "smiley", "prompt": "How was your visit?", "required": true }] }
 */
export const SurveyDefinitionSchema = schemas.SurveyDefinitionSchema;
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;
