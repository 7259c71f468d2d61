import { css } from 'lit';

/**
 * Rules every question view shares, once. Each view's root carries `sv-question` besides its own
 * class (`sv-choice`, `rating`…), which scopes these in the widget's one shadow root.
 *
 * - `.prompt`, `.required` and `.description`: what `renderPrompt` draws.
 * - `.option` (choice, consent) and `.member` (staff): cards, each a `<label>` around a native
 *   radio or checkbox.
 * - `.field`: a text field (choice's "Other", free text, consent's contact).
 *
 * These come before the types' own styles: a type's rule of the same specificity overrides them.
 * Keep it so (`.sv-text .field`, not `.sv-text textarea`, which is less specific than `.sv-question .field`).
 */
export const questionBaseStyles = css`
  /* A bare box, whether a <div> or a <fieldset> (choice, consent): no frame, free to shrink. */
  .sv-question {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .sv-question .prompt {
    display: block;
    padding: 0;
    margin-block-end: calc(var(--_space) / 2);
    font-size: 1.125em;
    font-weight: 600;
  }
  .sv-question .required {
    margin-inline-start: 0.25em;
    font-size: 0.8em;
    font-weight: 400;
    color: var(--_muted);
  }
  .sv-question .description {
    margin-block: 0 calc(var(--_space) / 2);
    color: var(--_muted);
  }
  .sv-question :is(.option, .member) {
    display: flex;
    align-items: center;
    gap: 0.75em;
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
  .sv-question :is(.option, .member) input {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  .sv-question .field {
    display: block;
    inline-size: 100%;
    min-block-size: var(--_target);
    padding-inline: 0.75em;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* Checked is shown by the native dot or tick and a doubled border, not by colour alone. */
  .sv-question :is(.option, .member):has(:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: var(--_surface-alt);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  /* Invalid: a card in an invalid group or question, a card holding an invalid control, a field. */
  .sv-question [aria-invalid='true'] :is(.option, .member),
  .sv-question[aria-invalid='true'] :is(.option, .member),
  .sv-question :is(.option, .member):has([aria-invalid='true']),
  .sv-question .field[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  /* The ring goes around the whole card, the target the shopper actually hits. */
  .sv-question :is(.option, .member):has(:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @supports selector(:has(*)) {
    .sv-question :is(.option, .member) input {
      outline: none;
    }
  }
  @media (hover: hover) {
    .sv-question :is(.option, .member):hover {
      border-color: var(--_accent);
    }
  }
`;
