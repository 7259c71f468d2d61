import * as z from 'zod/mini';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { formatPath } from './format-path.js';

/** An issue as zod's error maps see it (with the offending `input`), or as it ends up in a `ZodError` (without). */
type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

export { formatPath };

const sizeUnit: Record<string, string> = { string: 'characters', array: 'items' };

/** How the string formats our schemas use are named in messages. */
const formats: Record<string, string> = {
  uuid: 'must be a UUID',
  datetime: 'must be an ISO 8601 date-time such as 2026-11-23T10:15:00.000Z',
};

/**
 * The English message for one zod issue: `must be at most 5`, `is required`, `unknown field "colour"`,
 * `"emoji" is not a known type`. A message a schema gives itself (`z.regex(re, '…')`, `z.refine(…, '…')`)
 * is kept. `zod/mini` ships no locale (every issue would read "Invalid input"), and zod's own English
 * ("Too big: expected number to be <=5") is written for developers, not for the people who fix a kiosk.
 * @param root the value that was parsed; only needed for an issue that no longer carries its input
 * (one taken from a `ZodError`), to tell "is required" from "must be a number"
 */
export function describeIssue(issue: Issue, root?: unknown): string {
  const value = received(issue, root);
  if (value === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code!)) return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be an integer';
      return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'too_small': {
      const unit = sizeUnit[issue.origin];
      if (unit && Number(issue.minimum) === 1) return 'must not be empty';
      return unit ? `must have at least ${issue.minimum} ${unit}` : `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    }
    case 'too_big': {
      const unit = sizeUnit[issue.origin];
      return unit ? `must have at most ${issue.maximum} ${unit}` : `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    }
    case 'invalid_format':
      return given(issue) ?? formats[issue.format] ?? `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      if (issue.discriminator !== undefined) return `${JSON.stringify(value)} is not a known ${issue.discriminator}`;
      return 'does not match any allowed shape';
    case 'invalid_key': {
      // The key's own problems, worded for the key ("key must have at most 40 characters").
      const key = issue.path?.at(-1);
      return `key ${issue.issues.map((problem) => describeIssue(problem, key)).join(', ')}`;
    }
    default:
      return given(issue) ?? 'is invalid';
  }
}

/**
 * zod's error map for {@link describeIssue}: pass it to any parse of our schemas to get the same
 * English messages as the SDK.
 * @example
 * const result = z.safeParse(SubmissionSchema, body, { error: englishErrors });
 * if (!result.success) console.log(result.error.issues[0].message); // 'answers[0].value' … 'must be at most 5'
 */
export const englishErrors: z.core.$ZodErrorMap = (issue) => describeIssue(issue);

/** A message the schema set itself (zod/mini's own placeholder does not count). */
function given(issue: Issue): string | undefined {
  return issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
}

/**
 * The value an issue is about. An error map gets it as the issue's `input` (for a discriminated
 * union, the object: its discriminator is what was wrong); an issue from a `ZodError` has dropped
 * it, so it is looked up in the parsed value by path.
 */
function received(issue: Issue, root: unknown): unknown {
  if (!('input' in issue)) return valueAt(root, issue.path ?? []);
  if (issue.code === 'invalid_union' && issue.discriminator !== undefined) return valueAt(issue.input, [issue.discriminator]);
  return issue.input;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), input);
}

/**
 * `{ path, message }` for each issue of a `ZodError`, in English.
 * @param input the value that was parsed (see {@link describeIssue})
 */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[], input?: unknown): ValidationIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue, input) }));
}

/**
 * Validate `value` or throw a {@link ValidationError} that names every bad field.
 * @param subject what is being validated, for the message ("submission", "client options")
 */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, value: unknown, subject: string): z.output<S> {
  const result = z.safeParse(schema, value, { error: englishErrors });
  if (!result.success) throw new ValidationError(subject, result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
  return result.data;
}
