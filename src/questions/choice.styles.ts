import { css } from 'lit';

/**
 * Styles of `choiceView`, after `questionBaseStyles` (prompt, option cards, the "Other" field,
 * kiosk sizing). Every rule is scoped under `.sv-choice` because all question views share the
 * widget's one shadow root, where a bare `.options` would style other types too.
 */
export const choiceStyles = css`
  .sv-choice .options {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .sv-choice .other {
    margin-block-start: calc(var(--_space) / 2);
  }
`;
