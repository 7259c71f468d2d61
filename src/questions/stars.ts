import { html } from 'lit';
import type { QuestionOf } from '../../sdk/index.js';
import { radioGroup } from './internal/radio-group.js';
import type { QuestionView } from './types.js';

// The registry takes a type's view and styles from one module.
export { starsStyles } from './stars.styles.js';

/**
 * One to five stars, scored 1..5. A star is drawn filled up to the checked score; hovering or
 * focusing a star previews the fill up to it (pure CSS, so the view stays a stateless function).
 */
export const starsView: QuestionView<QuestionOf<'stars'>> = (context) =>
  radioGroup(context, {
    values: [1, 2, 3, 4, 5],
    label: (value) => context.messages.starsLabel(value, 5),
    radio: (value, checked) =>
      html`<svg viewBox="0 0 24 24" aria-hidden="true" class=${value <= (checked ?? 0) ? 'on' : ''}>
        <path d="M12 2l2.9 6.6 7.1.6-5.4 4.7 1.6 7.1L12 17.3 5.8 21l1.6-7.1L2 9.2l7.1-.6z" />
      </svg>`,
  });
