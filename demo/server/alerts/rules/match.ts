import type { StoredSubmission } from '../../context.js';
import type { Conditions, SubmissionRule } from './schema.js';

/** The parts of a submission a rule looks at, with the region resolved through the hierarchy. */
export interface MatchSubject {
  submission: StoredSubmission;
  /** The store's region from the hierarchy when the store is known, else the submission's. */
  regionId: string | null;
}

const includes = (allowed: string | string[] | undefined, value: string | null): boolean =>
  allowed === undefined || (value !== null && (Array.isArray(allowed) ? allowed.includes(value) : allowed === value));

/** Context tags of a stored submission (wire format v1 `context.tags`), or `{}`. */
export function tagsOf(submission: StoredSubmission): Record<string, unknown> {
  const body = submission.body;
  if (typeof body !== 'object' || body === null) return {};
  const context = (body as { context?: unknown }).context;
  if (typeof context !== 'object' || context === null) return {};
  const tags = (context as { tags?: unknown }).tags;
  return typeof tags === 'object' && tags !== null ? (tags as Record<string, unknown>) : {};
}

/** Every condition given holds. A submission without the rated answer does not match `…AtMost`. */
export function meetsConditions(when: Conditions, submission: StoredSubmission): boolean {
  if (when.channel === undefined ? submission.channel === 'employee' : !includes(when.channel, submission.channel)) return false;
  if (when.minScoreAtMost !== undefined && (submission.minScore === null || submission.minScore > when.minScoreAtMost)) return false;
  if (when.npsAtMost !== undefined && (submission.nps === null || submission.nps > when.npsAtMost)) return false;
  if (when.tag) {
    const tags = tagsOf(submission);
    for (const [key, value] of Object.entries(when.tag)) if (tags[key] !== value) return false;
  }
  return true;
}

/** The rule is enabled, of the submission's brand, scoped to its region and store, and its conditions hold. */
export function ruleMatches(rule: SubmissionRule, subject: MatchSubject): boolean {
  const { submission } = subject;
  return (
    rule.enabled &&
    rule.brand === submission.brandId &&
    includes(rule.scope.region, subject.regionId) &&
    includes(rule.scope.store, submission.storeId) &&
    meetsConditions(rule.when, submission)
  );
}
