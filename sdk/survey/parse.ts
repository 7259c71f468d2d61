import { ValidationError } from '../errors.js';
import { parseOrThrow } from '../schema/parse.js';
import type { SurveyDefinition } from '../schema/survey.js';
import { surveySchemas } from '../schema/survey-schemas.js';

/**
 * Validate a survey definition, given as an object or as JSON text (the widget's `survey` attribute
 * and `GET /v1/surveys/:id` both deliver text). Throws a {@link ValidationError} naming every bad
 * field, or saying the text is not JSON, so a broken definition fails loudly before any shopper sees it.
 * @example
 * const survey = parseSurvey('{"id":"post-visit","questions":[{"id":"mood","type":"smiley","prompt":"How was it?"}]}');
 * @example
 * parseSurvey({ id: 'post-visit', questions: [] }) // throws "Invalid survey definition: questions: must not be empty"
 */
export function parseSurvey(input: unknown): SurveyDefinition {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new ValidationError('survey definition', [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
    }
  }
  return parseOrThrow(surveySchemas().SurveyDefinitionSchema, value, 'survey definition');
}
