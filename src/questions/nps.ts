import { html } from 'lit';
import type { QuestionOf } from '../../sdk/index.js';
import { localize } from '../../sdk/survey/localize.js';
import { radioGroup } from './internal/radio-group.js';
import type { QuestionView } from './types.js';

// The registry takes a type's view and styles from one module.
export { npsStyles } from './nps.styles.js';

/**
 * Net Promoter Score: buttons 0..10 in a row that wraps on narrow screens, with the meaning of
 * the two ends shown below and read out as the group's description.
 */
export const npsView: QuestionView<QuestionOf<'nps'>> = (context) => {
  const { question, messages, locale, idPrefix } = context;
  const lowId = `${idPrefix}-low`;
  const highId = `${idPrefix}-high`;
  return radioGroup(context, {
    values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    radio: String,
    describedBy: [lowId, highId],
    after: html`<div class="ends">
      <span id=${lowId}>${localize(question.lowLabel, locale) || messages.npsLow}</span>
      <span id=${highId}>${localize(question.highLabel, locale) || messages.npsHigh}</span>
    </div>`,
  });
};
