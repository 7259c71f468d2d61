import { html } from 'lit';
import type { QuestionOf } from '../../sdk/index.js';
import { localize } from '../../sdk/survey/localize.js';
import { radioGroup } from './internal/radio-group.js';
import type { QuestionView } from './types.js';

// The registry takes a type's view and styles from one module.
export { csatStyles } from './csat.styles.js';

/**
 * Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied), every score labelled in words;
 * a survey's `lowLabel`/`highLabel` replace the words at the two ends.
 */
export const csatView: QuestionView<QuestionOf<'csat'>> = (context) => {
  const { question, messages, locale } = context;
  const [worst, unsatisfied, neutral, satisfied, best] = messages.csatLabels;
  const labels = [
    localize(question.lowLabel, locale) || worst,
    unsatisfied,
    neutral,
    satisfied,
    localize(question.highLabel, locale) || best,
  ];
  return radioGroup(context, {
    values: [1, 2, 3, 4, 5],
    radio: (value) => html`<span class="label">${labels[value - 1]}</span>`,
  });
};
