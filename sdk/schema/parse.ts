import * as z from 'zod/mini';
import { ValidationError, type ValidationIssue } from '../errors.js';

type Issue = z.core.$ZodIssue;

/** `['answers', 0, 'value']` → `answers[0].value` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

const sizeUnit: Record<string, string> = { string: 'characters', array: 'items' };

/**
 * English messages for zod issues. zod/mini ships no locale (that keeps it small), so without
 * this every message would read "Invalid input".
 */
export function describeIssue(issue: Issue, input?: unknown): string {
  const received = valueAt(input, issue.path);
  if (received === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code)) return 'is required';
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
      return issue.message && issue.message !== 'Invalid input' ? issue.message : `must be a valid ${issue.format}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      if ('note' in issue && issue.note === 'No matching discriminator') return `${JSON.stringify(received)} is not a known ${String(issue.discriminator)}`;
      return 'does not match any allowed shape';
    case 'invalid_key':
      return 'has an invalid key';
    default:
      return issue.message || 'is invalid';
  }
}

/** zod/mini does not report the offending input, so look it up to say "is required" vs "must be a number". */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), input);
}

export function toValidationIssues(issues: readonly Issue[], input?: unknown): ValidationIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue, input) }));
}

/**
 * Validate `value` or throw a {@link ValidationError} that names every bad field.
 * @param subject what is being validated, for the message ("submission", "client options")
 */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown, subject: string): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new ValidationError(subject, toValidationIssues(result.error.issues, value));
  return result.data;
}
