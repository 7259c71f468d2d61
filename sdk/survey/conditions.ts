import type { Answer } from '../schema/answer.js';
import type { Condition, ShowIf } from '../schema/survey.js';

/**
 * What a {@link Condition} compares: a score, an option id (or several), text, a staff id, a consent flag.
 * @example const value: AnswerValue = ['price', 'queue'] // a multiple choice
 */
export type AnswerValue = string | number | boolean | null | readonly string[];

type Scalar = string | number | boolean | null;

/**
 * The comparable value of an answer: the number of a rating, the option id of a single choice
 * (the ids of a multiple choice), the text, the staff id (`null` for "not sure"), the consent flag.
 * @example answerValue({ questionId: 'why', type: 'choice', value: ['price', 'staff'] }) // ['price', 'staff']
 */
export function answerValue(answer: Answer): AnswerValue {
  // Every answer type already keeps exactly its comparable value in `value`; one place to say so
  // lets routing rules and branching agree if an answer type ever grows a richer shape.
  return answer.value;
}

/**
 * Whether an answer counts as given. Blank text and an empty selection do not: a shopper who
 * cleared a field said nothing, and branching or `required` must not treat it as an answer.
 * "Not sure" (`null`) for a staff question and `false` for consent are answers.
 * @example isAnswered({ questionId: 'why', type: 'text', value: '  ' }) // false
 */
export function isAnswered(answer: Answer | undefined): answer is Answer {
  if (answer === undefined) return false;
  const value: unknown = answer.value;
  if (typeof value === 'string') return value.trim() !== '';
  return !Array.isArray(value) || value.length > 0;
}

/**
 * Whether an answer passes every test of a condition.
 *
 * - Numeric tests (`lt`, `lte`, `gt`, `gte`) only hold for numeric answers: text "1" never satisfies `lte: 2`.
 * - `eq`, `neq`, `in`, `notIn` compare strictly (`eq: "4"` does not match the score 4). For a multiple
 *   choice, `eq` holds when the selection includes the value, `neq` when it does not, `in` when any
 *   selected option is listed and `notIn` when none is.
 * - An unanswered question (skipped, hidden, blank text, see {@link isAnswered}) matches only
 *   `{ answered: false }`. In particular it does not match `neq` or `notIn`: "did not pick price" should
 *   not show a follow-up to someone who never saw the question. `{}` therefore means "answered".
 * @example matchesCondition({ questionId: 'mood', type: 'smiley', value: 2 }, { lte: 2 }) // true
 * @example matchesCondition(undefined, { answered: false }) // true
 */
export function matchesCondition(answer: Answer | undefined, condition: Condition): boolean {
  const { eq, neq, lt, lte, gt, gte, in: anyOf, notIn, answered } = condition;
  if (!isAnswered(answer)) {
    return answered === false && [eq, neq, lt, lte, gt, gte, anyOf, notIn].every((test) => test === undefined);
  }
  if (answered === false) return false;
  const value = answerValue(answer);
  // A single value is a selection of one, so the set tests below serve both shapes.
  const selected: readonly Scalar[] = Array.isArray(value) ? value : [value as Scalar];
  const compare = (bound: number | undefined, holds: (n: number, bound: number) => boolean) =>
    bound === undefined || (typeof value === 'number' && holds(value, bound));
  return (
    (eq === undefined || selected.includes(eq)) &&
    (neq === undefined || !selected.includes(neq)) &&
    (anyOf === undefined || selected.some((v) => anyOf.includes(v))) &&
    (notIn === undefined || !selected.some((v) => notIn.includes(v))) &&
    compare(lt, (n, b) => n < b) &&
    compare(lte, (n, b) => n <= b) &&
    compare(gt, (n, b) => n > b) &&
    compare(gte, (n, b) => n >= b)
  );
}

/**
 * Whether every condition of a `showIf` holds for the given answers; no `showIf` always holds.
 * When a question was answered twice, the first answer counts (as everywhere in the survey engine).
 * @example showIfHolds({ mood: { lte: 2 } }, [{ questionId: 'mood', type: 'smiley', value: 1 }]) // true
 */
export function showIfHolds(showIf: ShowIf | undefined, answers: readonly Answer[]): boolean {
  if (showIf === undefined) return true;
  return Object.entries(showIf).every(([questionId, condition]) =>
    matchesCondition(
      answers.find((a) => a.questionId === questionId),
      condition,
    ),
  );
}
