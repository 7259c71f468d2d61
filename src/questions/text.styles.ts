import { css } from 'lit';

/**
 * Styles of `textView`. Every rule is scoped under `.sv-text` because all question views share
 * the widget's one shadow root.
 */
export const textStyles = css`
  .sv-text .prompt {
    display: block;
    margin-block-end: calc(var(--_space) / 2);
    font-size: 1.125em;
    font-weight: 600;
  }
  .sv-text .required {
    margin-inline-start: 0.25em;
    font-size: 0.8em;
    font-weight: 400;
    color: var(--_muted);
  }
  .sv-text .description {
    margin-block: 0 calc(var(--_space) / 2);
    color: var(--_muted);
  }
  .sv-text textarea {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: calc(var(--_target) * 2);
    padding-block: 0.5em;
    padding-inline: 0.75em;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* Along the block axis only: a sideways drag would overflow the widget. */
    resize: block;
  }
  .sv-text textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .sv-text textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .sv-text .counter {
    margin-block-start: 0.25em;
    font-size: 0.875em;
    color: var(--_muted);
    text-align: end;
  }
  .sv-text.kiosk {
    /* Kiosks are used standing, at arm's length: never under 64px, as the rating types do. */
    --_target: max(64px, var(--storevoice-target-size, 64px));
    font-size: 1.25em;
  }
`;
