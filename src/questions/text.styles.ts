import { css } from 'lit';

/**
 * Styles of `textView`, after `questionBaseStyles` (prompt, the text field, kiosk sizing). Every
 * rule is scoped under `.sv-text` because all question views share the widget's one shadow root.
 */
export const textStyles = css`
  /* As specific as the shared .sv-question .field, and later, so the taller size wins. */
  .sv-text .field {
    min-block-size: calc(var(--_target) * 2);
    padding-block: 0.5em;
    /* Along the block axis only: a sideways drag would overflow the widget. */
    resize: block;
  }
  .sv-text .counter {
    margin-block-start: 0.25em;
    font-size: 0.875em;
    color: var(--_muted);
    text-align: end;
  }
`;
