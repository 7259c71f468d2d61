import { css } from 'lit';

/**
 * Styles of `staffView`: a wrapping grid of cards, after `questionBaseStyles` (prompt, the card
 * look, kiosk sizing). Every rule is scoped under `.sv-staff` because all question views share the
 * widget's one shadow root; `.sv-staff .member` is as specific as the shared card rule and later, so
 * it wins where it differs.
 */
export const staffStyles = css`
  .sv-staff .roster {
    display: grid;
    /* min() keeps one card per row on narrow screens instead of overflowing. */
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 8.5em), 1fr));
    gap: calc(var(--_space) / 2);
  }
  .sv-staff .member {
    position: relative;
    flex-direction: column;
    justify-content: center;
    gap: 0.5em;
    padding-block: calc(var(--_space) * 0.75);
    /* Room on both sides for the radio in the corner, so centred names never run under it. */
    padding-inline: 2em;
    text-align: center;
  }
  .sv-staff .member input {
    position: absolute;
    inset-block-start: 0.5em;
    inset-inline-start: 0.5em;
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
  .sv-staff .name {
    overflow-wrap: anywhere;
  }
`;
