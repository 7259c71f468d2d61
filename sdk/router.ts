import type { Submission } from './schema/submission.js';
import type { Matcher, Route } from './schema/options.js';
import { StoreVoiceError } from './errors.js';
import { matchesCondition } from './survey/conditions.js';

const RATING_TYPES = new Set(['smiley', 'stars', 'csat']);

/**
 * The lowest 1–5 rating (smiley, stars or csat) in a submission, or `undefined` when it has none.
 * NPS (0–10) is on another scale; see {@link npsScore}.
 * @example routes: [{ when: (s) => (lowestScore(s) ?? 5) <= 2, to: ['main', 'alerts'] }]
 */
export function lowestScore(submission: Submission): number | undefined {
  let lowest: number | undefined;
  for (const answer of submission.answers) {
    // The schema makes every rating's value a number.
    if (RATING_TYPES.has(answer.type)) lowest = Math.min(lowest ?? Infinity, answer.value as number);
  }
  return lowest;
}

/** The NPS answer (0–10) of a submission, or `undefined`. */
export function npsScore(submission: Submission): number | undefined {
  return submission.answers.find((a) => a.type === 'nps')?.value as number | undefined;
}

/** No expectation, or `actual` is the expected value or one of the expected values. */
const oneOf = (expected: string | readonly string[] | undefined, actual: string | undefined): boolean =>
  expected === undefined || [expected].flat().includes(actual as string);

/** Whether a submission satisfies every field of a declarative matcher. */
const CONTEXT_FIELDS = ['brand', 'region', 'store', 'device', 'channel'] as const;

export function matches(submission: Submission, matcher: Matcher): boolean {
  const { context } = submission;
  // NaN compares false with any bound: without a score, no score bound matches.
  const low = lowestScore(submission) ?? NaN;
  const nps = npsScore(submission) ?? NaN;
  return (
    (matcher.minScoreAtMost === undefined || low <= matcher.minScoreAtMost) &&
    (matcher.minScoreAtLeast === undefined || low >= matcher.minScoreAtLeast) &&
    (matcher.npsAtMost === undefined || nps <= matcher.npsAtMost) &&
    (matcher.npsAtLeast === undefined || nps >= matcher.npsAtLeast) &&
    oneOf(matcher.surveyId, submission.surveyId) &&
    CONTEXT_FIELDS.every((field) => oneOf(matcher[field], context[field])) &&
    (matcher.hasText === undefined ||
      matcher.hasText === submission.answers.some((a) => (a.type === 'text' ? a.value.trim() !== '' : a.type === 'choice' && !!a.other?.trim()))) &&
    Object.entries(matcher.answers ?? {}).every(([questionId, condition]) => matchesCondition(submission.answers.find((a) => a.questionId === questionId), condition)) &&
    Object.entries(matcher.tags ?? {}).every(([key, value]) => context.tags?.[key] === value)
  );
}

/**
 * The destinations a submission goes to: rules are tried in order and the first that matches
 * decides, unless it says `continue: true`, in which case later matches add their destinations.
 * No match → the default destination. Decided once, at submit time, and stored with the
 * submission, so a reload with other rules does not re-route what is already queued.
 */
export function route(submission: Submission, routes: readonly Route[], fallback: string): string[] {
  const chosen = new Set<string>();
  for (const rule of routes) {
    const hit = rule.when === undefined || (typeof rule.when === 'function' ? rule.when(submission) : matches(submission, rule.when));
    // A promise is truthy: an async predicate would silently match everything.
    if ((hit as unknown) instanceof Promise) throw new StoreVoiceError('A route predicate returned a Promise; `when` must decide synchronously.');
    if (!hit) continue;
    for (const name of rule.to) chosen.add(name);
    if (!rule.continue) break;
  }
  return chosen.size > 0 ? [...chosen] : [fallback];
}
