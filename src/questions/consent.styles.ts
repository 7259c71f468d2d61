import { css } from 'lit';

/**
 * Styles of `consentView`, after `questionBaseStyles` (prompt, the opt-in card, the contact
 * field, kiosk sizing). Every rule is scoped under `.sv-consent` because all question views share
 * the widget's one shadow root.
 */
export const consentStyles = css`
  .sv-consent .contact {
    margin-block-start: var(--_space);
  }
  .sv-consent .contact label {
    display: block;
    margin-block-end: 0.25em;
  }
`;
