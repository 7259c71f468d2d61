import { parseOrThrow, SubmissionBatchSchema, SubmissionSchema, ValidationError, type Submission } from '../../../sdk/index.js';
import { ApiError } from '../http/errors.js';
import { parseJson } from '../http/body.js';
import { unstorableIssues } from './storable.js';

export interface ParsedBody {
  submissions: Submission[];
  /** The body was `{ "submissions": [...] }`. */
  batch: boolean;
}

/**
 * Parses an ingest body with the SDK's own schemas: one submission, or a batch told apart by its
 * `submissions` key. Invalid input is a 400 `invalid_submission` listing every problem as
 * `{ path, message }` (paths of a batch start with `submissions[i]`).
 */
export function parseSubmissionBody(text: string): ParsedBody {
  const json = parseJson(text);
  const batch = typeof json === 'object' && json !== null && !Array.isArray(json) && 'submissions' in json;
  try {
    const submissions = batch ? parseOrThrow(SubmissionBatchSchema, json, 'batch').submissions : [parseOrThrow(SubmissionSchema, json, 'submission')];
    const issues = submissions.flatMap((submission, index) => unstorableIssues(submission, batch ? `submissions[${index}].` : ''));
    if (issues.length > 0) throw new ValidationError(batch ? 'batch' : 'submission', issues);
    return { submissions, batch };
  } catch (error) {
    if (error instanceof ValidationError) throw new ApiError(400, 'invalid_submission', error.message, { issues: error.issues });
    throw error;
  }
}
