import type { CSSResult } from 'lit';
import type { Question } from '../../sdk/index.js';
import { choiceStyles, choiceView } from './choice.js';
import { consentStyles, consentView } from './consent.js';
import { csatStyles, csatView } from './csat.js';
import { npsStyles, npsView } from './nps.js';
import { smileyStyles, smileyView } from './smiley.js';
import { staffStyles, staffView } from './staff.js';
import { starsStyles, starsView } from './stars.js';
import { textStyles, textView } from './text.js';
import { questionBaseStyles } from './internal/question.styles.js';
import { radioGroupStyles } from './internal/radio-group.js';
import type { QuestionView } from './types.js';

/** The view of every question type; `satisfies` makes a missing type a compile error. */
export const questionViews = {
  smiley: smileyView,
  stars: starsView,
  nps: npsView,
  csat: csatView,
  choice: choiceView,
  text: textView,
  staff: staffView,
  consent: consentView,
} satisfies { [T in Question['type']]: QuestionView<Extract<Question, { type: T }>> };

/**
 * Rules every question shares, then the shared rating-group rules, once each; then each type's
 * own, which override the shared ones where they differ (same or higher specificity, later).
 */
export const questionStyles: CSSResult[] = [
  questionBaseStyles,
  radioGroupStyles,
  smileyStyles,
  starsStyles,
  npsStyles,
  csatStyles,
  choiceStyles,
  textStyles,
  staffStyles,
  consentStyles,
];

/** Renders any question with the view of its type. */
export function viewFor(question: Question): QuestionView {
  return questionViews[question.type] as QuestionView;
}
