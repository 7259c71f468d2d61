import { css } from 'lit';

/**
 * Styles of `consentView`. Every rule is scoped under `.sv-consent` because all question views
 * share the widget's one shadow root.
 */
export const consentStyles = css`
  .sv-consent {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .sv-consent .prompt {
    padding: 0;
    margin-block-end: calc(var(--_space) / 2);
    font-size: 1.125em;
    font-weight: 600;
  }
  .sv-consent .required {
    margin-inline-start: 0.25em;
    font-size: 0.8em;
    font-weight: 400;
    color: var(--_muted);
  }
  .sv-consent .description {
    margin-block: 0 calc(var(--_space) / 2);
    color: var(--_muted);
  }
  .sv-consent .option {
    display: flex;
    align-items: center;
    gap: 0.75em;
    box-sizing: border-box;
    min-block-size: var(--_target);
    padding-block: 0.5em;
    padding-inline: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    transition:
      border-color 0.15s,
      background-color 0.15s;
  }
  .sv-consent .option input {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  /* Checked is shown by the native tick and a doubled border, not by colour alone. */
  .sv-consent .option:has(:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: var(--_surface-alt);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  .sv-consent .option:has([aria-invalid='true']),
  .sv-consent .contact input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .sv-consent .option:has(:focus-visible),
  .sv-consent .contact input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @supports selector(:has(*)) {
    .sv-consent .option input {
      outline: none;
    }
  }
  .sv-consent .contact {
    margin-block-start: var(--_space);
  }
  .sv-consent .contact label {
    display: block;
    margin-block-end: 0.25em;
  }
  .sv-consent .contact input {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: var(--_target);
    padding-inline: 0.75em;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .sv-consent.kiosk {
    /* Kiosks are used standing, at arm's length: never under 64px, as the rating types do. */
    --_target: max(64px, var(--storevoice-target-size, 64px));
    font-size: 1.25em;
  }
  @media (hover: hover) {
    .sv-consent .option:hover {
      border-color: var(--_accent);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .sv-consent .option {
      transition: none;
    }
  }
`;
