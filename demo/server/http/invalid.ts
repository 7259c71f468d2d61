import type * as z from 'zod/mini';
import { toValidationIssues } from '../../../sdk/index.js';
import { ApiError } from './errors.js';

/**
 * A 400 `validation_failed` for zod issues, in the shape of the dashboard's other endpoints
 * (`issues: [{ path: ['cases', 'rootCauses', 0, 'label'], message }]`), worded in English by the
 * SDK's messages, with the first bad field named in `message` ("Invalid settings:
 * cases.rootCauses[0].label: must not be empty").
 */
export function invalid(subject: string, issues: readonly z.core.$ZodIssue[], input: unknown): ApiError {
  const described = toValidationIssues(issues, input);
  const first = described[0];
  const message = first ? `Invalid ${subject}: ${first.path ? `${first.path}: ` : ''}${first.message}` : `Invalid ${subject}`;
  return new ApiError(400, 'validation_failed', message, { issues: issues.map((issue, i) => ({ path: issue.path, message: described[i]?.message ?? issue.message })) });
}

/** A 400 `validation_failed` about one field, in the same shape as {@link invalid}. */
export function invalidField(path: ReadonlyArray<string | number>, message: string, subject = 'request'): ApiError {
  const field = path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
  return new ApiError(400, 'validation_failed', `Invalid ${subject}: ${field ? `${field}: ` : ''}${message}`, { issues: [{ path, message }] });
}
