import type { Answer } from '../schema/answer.js';
import type { Question, SurveyDefinition } from '../schema/survey.js';
import { isAnswered, showIfHolds } from './conditions.js';
import { validateAnswer } from './validate.js';

// Answers are a plain `readonly Answer[]`, the shape a submission carries, so the widget can hand
// its state straight to `submit()`. Keep one answer per question; if there are several, the first counts.

/**
 * The questions a shopper sees with these answers, in survey order. A question whose `showIf` refers
 * to a hidden question treats that answer as absent, so a whole stale branch disappears at once.
 * @example
 * visibleQuestions(survey, [{ questionId: 'mood', type: 'smiley', value: 1 }]).map((q) => q.id) // ['mood', 'why']
 */
export function visibleQuestions(survey: SurveyDefinition, answers: readonly Answer[]): Question[] {
  const visible: Question[] = [];
  const seen: Answer[] = [];
  for (const question of survey.questions) {
    if (!showIfHolds(question.showIf, seen)) continue;
    visible.push(question);
    const answer = answers.find((a) => a.questionId === question.id);
    if (answer) seen.push(answer);
  }
  return visible;
}

/**
 * The next visible question after `currentId` (the first visible one when omitted), or `undefined` at
 * the end. Call it with the answer to the current question included: that answer may open a branch.
 * `currentId` may name a question that is now hidden; an id the survey lacks gives `undefined`.
 * @example nextQuestion(survey, answers)?.id          // 'mood'
 * @example nextQuestion(survey, answers, 'mood')?.id  // 'why' after a low score
 */
export function nextQuestion(survey: SurveyDefinition, answers: readonly Answer[], currentId?: string): Question | undefined {
  const visible = visibleQuestions(survey, answers);
  if (currentId === undefined) return visible[0];
  const at = position(survey, currentId);
  return at < 0 ? undefined : visible.find((q) => position(survey, q.id) > at);
}

/**
 * The visible question before `currentId`, or `undefined` on the first one (or for an id the survey lacks).
 * @example previousQuestion(survey, answers, 'why')?.id // 'mood'
 */
export function previousQuestion(survey: SurveyDefinition, answers: readonly Answer[], currentId: string): Question | undefined {
  const at = position(survey, currentId);
  return visibleQuestions(survey, answers)
    .filter((q) => position(survey, q.id) < at)
    .pop();
}

/**
 * The answers worth submitting: drops answers to questions that are hidden now (the shopper went back
 * and changed an earlier answer) or no longer exist, blank answers, and second answers to a question.
 * Also strips what the shopper took back: the contact of a declined consent and the "Other" text
 * when "Other" is not selected, so nothing is sent that they chose not to send.
 * @example
 * pruneAnswers(survey, [{ questionId: 'mood', type: 'smiley', value: 5 }, { questionId: 'why', type: 'text', value: 'Slow' }])
 * // [{ questionId: 'mood', type: 'smiley', value: 5 }]  ('why' only shows after a low score)
 */
export function pruneAnswers(survey: SurveyDefinition, answers: readonly Answer[]): Answer[] {
  const visible = new Set(visibleQuestions(survey, answers).map((q) => q.id));
  const kept: Answer[] = [];
  for (const answer of answers) {
    if (!visible.delete(answer.questionId) || !isAnswered(answer)) continue;
    kept.push(withoutRetracted(answer));
  }
  return kept;
}

function withoutRetracted(answer: Answer): Answer {
  const { questionId, value } = answer;
  if (answer.type === 'consent' && answer.contact !== undefined && value !== true) return { questionId, type: 'consent', value: false };
  if (answer.type === 'choice' && answer.other !== undefined && ![answer.value].flat().includes('other')) {
    return { questionId, type: 'choice', value: answer.value };
  }
  return answer;
}

/**
 * Whether the survey can be submitted: every visible question passes {@link validateAnswer}, i.e.
 * required ones are answered and nothing given is invalid (an over-long optional text also blocks).
 * Answers to hidden questions are ignored; {@link pruneAnswers} removes them before submitting.
 * @example isComplete(survey, [{ questionId: 'mood', type: 'smiley', value: 5 }]) // true
 */
export function isComplete(survey: SurveyDefinition, answers: readonly Answer[]): boolean {
  return visibleQuestions(survey, answers).every(
    (question) =>
      validateAnswer(
        question,
        answers.find((a) => a.questionId === question.id),
      ).valid,
  );
}

/**
 * Where `currentId` stands among the visible questions, for a progress indicator: `index` counts from 0
 * (show `index + 1` "of" `total`). `total` changes as answers open or close branches. An id the survey
 * lacks gives `index === total` (past the end).
 * @example progress(survey, answers, 'why') // { index: 1, total: 3 }
 */
export function progress(survey: SurveyDefinition, answers: readonly Answer[], currentId: string): { index: number; total: number } {
  const visible = visibleQuestions(survey, answers);
  const at = position(survey, currentId);
  // A hidden current question still has a place: the number of visible questions before it.
  const index = at < 0 ? visible.length : visible.filter((q) => position(survey, q.id) < at).length;
  return { index, total: visible.length };
}

const position = (survey: SurveyDefinition, id: string) => survey.questions.findIndex((q) => q.id === id);
