import * as z from 'zod/mini';
import { AnswerSchema } from './answer.js';
import { ContextInputSchema, ContextSchema } from './context.js';
import { IdSchema } from './primitives.js';
import { MAX_BATCH_SIZE } from '../limits.js';

export { MAX_BATCH_SIZE, MAX_SUBMISSION_BYTES } from '../limits.js';

const AnswersSchema = z.array(AnswerSchema).check(
  z.minLength(1),
  z.maxLength(50),
  z.refine((answers) => new Set(answers.map((a) => a.questionId)).size === answers.length, 'must not answer the same question twice'),
);

export const ConsentSchema = z.strictObject({ contact: z.boolean() });

/**
 * One piece of feedback as it travels on the wire (format v1, see docs/wire-format.md).
 * The `id` is a UUID v7 made on the device; it is the idempotency key end to end.
 */
export const SubmissionSchema = z.strictObject({
  id: z.uuid(),
  schemaVersion: z.literal(1),
  surveyId: IdSchema,
  surveyVersion: z.optional(z.int().check(z.gte(1))),
  // A real date and time, with seconds and a time zone (Z or ±hh:mm): "2026-02-30T25:00:00Z" fails.
  createdAt: z.iso.datetime({ offset: true }),
  context: ContextSchema,
  answers: AnswersSchema,
  consent: z.optional(ConsentSchema),
  /** A short-lived token signed by the retailer's backend that vouches for store/staff/device. */
  contextToken: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** The body of a batch request: `{ "submissions": [...] }`, at most 100. */
export const SubmissionBatchSchema = z.strictObject({
  submissions: z.array(SubmissionSchema).check(z.minLength(1), z.maxLength(MAX_BATCH_SIZE)),
});
export type SubmissionBatch = z.infer<typeof SubmissionBatchSchema>;

/**
 * What a host app passes to `client.submit()`. The SDK adds the id, timestamps, merged context
 * and context token; `context` here overrides the client's context for this submission only.
 */
export const SubmitInputSchema = z.strictObject({
  surveyId: IdSchema,
  surveyVersion: z.optional(z.int().check(z.gte(1))),
  answers: AnswersSchema,
  context: z.optional(ContextInputSchema),
  consent: z.optional(ConsentSchema),
});
export type SubmitInput = z.infer<typeof SubmitInputSchema>;
