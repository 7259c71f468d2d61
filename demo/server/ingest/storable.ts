import type { Submission, ValidationIssue } from '../../../sdk/index.js';
import { toStorableText as clean } from '../db/storable-text.js';

/** PostgreSQL's `integer` (surveyVersion's column). */
const MAX_INT4 = 2_147_483_647;

/**
 * A copy of `value` whose strings (keys too) PostgreSQL can store: NUL characters and unpaired
 * surrogates become U+FFFD. Without this, one such character in a comment would fail the INSERT
 * — a 500 the SDK retries forever — and with group commit, fail its neighbours too. Lengths are
 * unchanged (one code unit for one), so schema limits still hold. Clean values are returned as is.
 */
export function toStorable<T>(value: T): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) {
    const items = value.map(toStorable);
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const entry = [clean(key), toStorable(item)] as const;
      if (entry[0] !== key || entry[1] !== item) changed = true;
      return entry;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

/**
 * What the wire format allows but the database cannot hold, as validation issues (400 rather
 * than a 500 retried forever): a year-0 `createdAt`, a `surveyVersion` beyond 32 bits.
 */
export function unstorableIssues(submission: Submission, prefix = ''): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (new Date(submission.createdAt).getUTCFullYear() < 1) issues.push({ path: `${prefix}createdAt`, message: 'must be in year 1 or later' });
  if (submission.surveyVersion !== undefined && submission.surveyVersion > MAX_INT4) issues.push({ path: `${prefix}surveyVersion`, message: `must be at most ${MAX_INT4}` });
  return issues;
}
