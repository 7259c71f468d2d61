import { css } from 'lit';

/**
 * Styles of `choiceView`. Every rule is scoped under `.sv-choice` because all question views
 * share the widget's one shadow root, where a bare `.option` would style other types too.
 */
export const choiceStyles = css`
  .sv-choice {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .sv-choice .prompt {
    display: block;
    padding: 0;
    margin-block-end: calc(var(--_space) / 2);
    font-size: 1.125em;
    font-weight: 600;
  }
  .sv-choice .required {
    margin-inline-start: 0.25em;
    font-size: 0.8em;
    font-weight: 400;
    color: var(--_muted);
  }
  .sv-choice .description {
    margin-block: 0 calc(var(--_space) / 2);
    color: var(--_muted);
  }
  .sv-choice .options {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .sv-choice .option {
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
  .sv-choice input[type='radio'],
  .sv-choice input[type='checkbox'] {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  /* Checked is shown by the native dot or tick and a doubled border, not by colour alone. */
  .sv-choice .option:has(:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: var(--_surface-alt);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  .sv-choice [aria-invalid='true'] .option,
  .sv-choice[aria-invalid='true'] .option,
  .sv-choice .other[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  /* The ring goes around the whole option, the target the shopper actually hits. */
  .sv-choice .option:has(:focus-visible),
  .sv-choice .other:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @supports selector(:has(*)) {
    .sv-choice .option input {
      outline: none;
    }
  }
  .sv-choice .other {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: var(--_target);
    margin-block-start: calc(var(--_space) / 2);
    padding-inline: 0.75em;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .sv-choice.kiosk {
    /* Kiosks are used standing, at arm's length: never under 64px, as the rating types do. */
    --_target: max(64px, var(--storevoice-target-size, 64px));
    font-size: 1.25em;
  }
  @media (hover: hover) {
    .sv-choice .option:hover {
      border-color: var(--_accent);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .sv-choice .option {
      transition: none;
    }
  }
`;
