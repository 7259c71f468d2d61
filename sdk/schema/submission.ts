import * as z from 'zod/mini';
import { AnswerSchema } from './answer.js';
import { ContextInputSchema, ContextSchema } from './context.js';
import { IdSchema } from './primitives.js';
import { boolean, integer, listOf, literal, optional, strictObject, string, within } from './internal.js';

// Plain patterns instead of z.iso.datetime()/z.uuid(): the same checks for less bundle weight.
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The largest submission, in bytes of JSON, that the SDK queues and the collector accepts. */
export const MAX_SUBMISSION_BYTES = 64 * 1024;
/** The most submissions one batch request carries. */
export const MAX_BATCH_SIZE = 100;

const AnswersSchema = listOf(AnswerSchema, 1, 50).check(
  z.refine((answers) => new Set(answers.map((a) => a.questionId)).size === answers.length, 'must not answer the same question twice'),
);

export const ConsentSchema = strictObject({ contact: boolean() });

/**
 * One piece of feedback as it travels on the wire (format v1, see docs/wire-format.md).
 * The `id` is a UUID v7 made on the device; it is the idempotency key end to end.
 */
export const SubmissionSchema = strictObject({
  id: string().check(z.refine((v) => UUID.test(v), 'must be a UUID')),
  schemaVersion: literal(1),
  surveyId: IdSchema,
  surveyVersion: optional(integer(1)),
  // One test, one message: the pattern, and a real date and time ("2026-13-01T25:00:00Z" matches
  // the pattern alone). Two refinements would word a garbage string twice.
  createdAt: string().check(
    z.refine((v) => ISO_DATETIME.test(v) && !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date-time such as 2026-11-23T10:15:00.000Z'),
  ),
  context: ContextSchema,
  answers: AnswersSchema,
  consent: optional(ConsentSchema),
  /** A short-lived token signed by the retailer's backend that vouches for store/staff/device. */
  contextToken: optional(string().check(within(1, 4096))),
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** The body of a batch request: `{ "submissions": [...] }`, at most 100. */
export const SubmissionBatchSchema = strictObject({
  submissions: listOf(SubmissionSchema, 1, MAX_BATCH_SIZE),
});
export type SubmissionBatch = z.infer<typeof SubmissionBatchSchema>;

/**
 * What a host app passes to `client.submit()`. The SDK adds the id, timestamps, merged context
 * and context token; `context` here overrides the client's context for this submission only.
 */
export const SubmitInputSchema = strictObject({
  surveyId: IdSchema,
  surveyVersion: optional(integer(1)),
  answers: AnswersSchema,
  context: optional(ContextInputSchema),
  consent: optional(ConsentSchema),
});
export type SubmitInput = z.infer<typeof SubmitInputSchema>;
