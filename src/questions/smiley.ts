import { html } from 'lit';
import type { QuestionOf } from '../../sdk/index.js';
import { radioGroup } from './internal/radio-group.js';
import type { QuestionView } from './types.js';

// The registry takes a type's view and styles from one module.
export { smileyStyles } from './smiley.styles.js';

// Mouths from very bad (1) to very good (5): the curve, not the colour, tells the faces apart;
// the colour (red to green, smiley.styles.ts) helps those who see it, the label names each face.
const mouths = ['M14 35Q24 23 34 35', 'M15 33Q24 28 33 33', 'M15 32H33', 'M15 30Q24 36 33 30', 'M13 28Q24 42 35 28Z'];

/**
 * Smiley faces, 3 or 5 (`question.faces`, default 5), scored 1..5; a 3-face smiley scores 1, 3 and 5
 * so results compare across surveys. Each face has a visible text label, which is also its name,
 * a mouth of its own and a colour from red to green (WCAG 1.4.1: never colour alone).
 */
export const smileyView: QuestionView<QuestionOf<'smiley'>> = (context) =>
  radioGroup(context, {
    values: context.question.faces === 3 ? [1, 3, 5] : [1, 2, 3, 4, 5],
    // Inline SVG rather than emoji: emoji differ per OS and kiosk images often ship without an emoji font.
    radio: (value) =>
      html`<svg viewBox="0 0 48 48" aria-hidden="true">
          <circle class="face" data-score=${value} cx="24" cy="24" r="21" />
          <circle class="eye" cx="17" cy="19" r="2.5" />
          <circle class="eye" cx="31" cy="19" r="2.5" />
          <path class="mouth" d=${mouths[value - 1] ?? ''} />
        </svg>
        <span class="label">${context.messages.smileyLabels[value - 1]}</span>`,
  });
