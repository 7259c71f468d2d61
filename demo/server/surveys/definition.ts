import { parseOrThrow, SurveyDefinitionSchema, ValidationError, type SurveyDefinition } from '../../../sdk/index.js';
import { ApiError } from '../http/errors.js';

/** Validates a survey definition with the SDK's schema; 400 `invalid_survey` with every issue. */
export function parseSurveyDefinition(value: unknown): SurveyDefinition {
  try {
    return parseOrThrow(SurveyDefinitionSchema, value, 'survey definition');
  } catch (error) {
    if (error instanceof ValidationError) throw new ApiError(400, 'invalid_survey', error.message, { issues: error.issues });
    throw error;
  }
}
