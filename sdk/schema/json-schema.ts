import * as z from 'zod/mini';
import { MAX_TAGS, TagsSchema } from './context.js';
import { SubmissionSchema } from './submission.js';
import { SurveyDefinitionSchema } from './survey.js';

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** Rules the SDK and the collector check that JSON Schema cannot state, named in each schema's description. */
const UNSTATED = {
  submission: ['no two answers share a questionId'],
  survey: ['question ids are unique', 'option ids are unique within a question', 'a showIf names only questions that come before it'],
};

function toJsonSchema(schema: z.core.$ZodType, title: string, description: string, unstated: readonly string[]): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    // zod has no check for how many keys a record holds; JSON Schema does.
    override: ({ zodSchema, jsonSchema }) => void (zodSchema === TagsSchema && (jsonSchema.maxProperties = MAX_TAGS)),
  });
  return { ...json, title, description: `${description} Also checked, but not expressible here: ${unstated.join('; ')}.` };
}

/**
 * The wire format (one submission) and the survey definition as JSON Schema (draft 2020-12),
 * generated with `z.toJSONSchema` from the same zod schemas the SDK and the collector validate
 * with, so a backend in any language can check what the SDK sends. The package ships them as
 * `storevoice/schema/submission.json` and `storevoice/schema/survey.json`.
 * @example
 * const { submission } = jsonSchemas();
 * const validate = new Ajv2020().addFormat(...).compile(submission);
 */
export function jsonSchemas(): { readonly submission: JsonSchema; readonly survey: JsonSchema } {
  return {
    submission: toJsonSchema(
      SubmissionSchema,
      'StoreVoice submission (wire format v1)',
      'One piece of feedback as the StoreVoice SDK sends it: POST /v1/submissions takes one, or { "submissions": [...] } with up to 100.',
      UNSTATED.submission,
    ),
    survey: toJsonSchema(SurveyDefinitionSchema, 'StoreVoice survey definition', 'A survey as GET /v1/surveys/:id serves it and the widget shows it.', UNSTATED.survey),
  };
}
