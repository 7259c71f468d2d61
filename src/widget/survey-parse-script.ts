import * as z from 'zod/mini';
import { ValidationError } from '../../sdk/errors.js';
import { formatPath } from '../../sdk/schema/format-path.js';
import { surveySchemas } from '../../sdk/schema/survey-schemas.js';
import type { SurveyDefinition } from '../../sdk/schema/survey.js';
import { loadDelivery } from '../delivery/load-script.js';

/** How long a broken survey's message waits for its English words before it goes without them. */
const WORDS_MS = 8000;

/**
 * Used instead of sdk/survey/parse.ts in dist/storevoice.iife.js (see rollup.config.mjs): the same
 * check, but the English words for a problem (sdk/schema/parse.ts, ~1 KB gzip) come with
 * delivery.js, which a valid survey never waits for. A broken one is checked again with them, so
 * its messages are the SDK's own; if delivery.js cannot load within 8 s, each problem is named by
 * its path and zod's own words.
 */
export async function parseSurvey(input: unknown): Promise<SurveyDefinition> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new ValidationError('survey definition', [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
    }
  }
  const schema = surveySchemas().SurveyDefinitionSchema;
  let result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const delivery = await Promise.race([loadDelivery(), new Promise<undefined>((resolve) => setTimeout(resolve, WORDS_MS))]);
  if (delivery) result = z.safeParse(schema, value, { error: delivery.englishErrors });
  throw new ValidationError('survey definition', (result.error?.issues ?? []).map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
}
