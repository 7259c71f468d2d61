import { css } from 'lit';

/**
 * Styles of `staffView`: a wrapping grid of cards. Every rule is scoped under `.sv-staff` because
 * all question views share the widget's one shadow root.
 */
export const staffStyles = css`
  .sv-staff .prompt {
    margin-block-end: calc(var(--_space) / 2);
    font-size: 1.125em;
    font-weight: 600;
  }
  .sv-staff .required {
    margin-inline-start: 0.25em;
    font-size: 0.8em;
    font-weight: 400;
    color: var(--_muted);
  }
  .sv-staff .description {
    margin-block: 0 calc(var(--_space) / 2);
    color: var(--_muted);
  }
  .sv-staff .roster {
    display: grid;
    /* min() keeps one card per row on narrow screens instead of overflowing. */
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 8.5em), 1fr));
    gap: calc(var(--_space) / 2);
  }
  .sv-staff .member {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    box-sizing: border-box;
    min-block-size: var(--_target);
    padding-block: calc(var(--_space) * 0.75);
    /* Room on both sides for the radio in the corner, so centred names never run under it. */
    padding-inline: 2em;
    text-align: center;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    transition:
      border-color 0.15s,
      background-color 0.15s;
  }
  .sv-staff .member input {
    position: absolute;
    inset-block-start: 0.5em;
    inset-inline-start: 0.5em;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  /* Checked is shown by the native dot and a doubled border, not by colour alone. */
  .sv-staff .member:has(:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: var(--_surface-alt);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  .sv-staff [aria-invalid='true'] .member {
    border-color: var(--_danger);
  }
  .sv-staff .member:has(:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @supports selector(:has(*)) {
    .sv-staff .member input {
      outline: none;
    }
  }
  .sv-staff .avatar {
    position: relative;
    display: grid;
    place-items: center;
    inline-size: 4em;
    block-size: 4em;
    overflow: hidden;
    border-radius: 50%;
    font-weight: 600;
    background: var(--_surface-alt);
  }
  .sv-staff .avatar img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    background: var(--_surface-alt);
  }
  .sv-staff .avatar img[hidden] {
    display: none;
  }
  .sv-staff .name {
    overflow-wrap: anywhere;
  }
  .sv-staff.kiosk {
    /* Kiosks are used standing, at arm's length: never under 64px, as the rating types do. */
    --_target: max(64px, var(--storevoice-target-size, 64px));
    font-size: 1.25em;
  }
  @media (hover: hover) {
    .sv-staff .member:hover {
      border-color: var(--_accent);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .sv-staff .member {
      transition: none;
    }
  }
`;
