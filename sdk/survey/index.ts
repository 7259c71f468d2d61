/**
 * The survey engine: which question comes next, branching, answer checks and localized text.
 * Pure functions over a survey definition and the answers so far; no DOM, no state.
 * @packageDocumentation
 */
export { answerValue, isAnswered, matchesCondition, showIfHolds, type AnswerValue } from './conditions.js';
export { visibleQuestions, nextQuestion, previousQuestion, pruneAnswers, isComplete, progress } from './engine.js';
export { validateAnswer, type AnswerCheck, type AnswerProblem } from './validate.js';
export { localize } from './localize.js';
export { parseSurvey } from './parse.js';
