import { css } from 'lit';

/** Styles for {@link smileyView}. */
export const smileyStyles = css`
  .rating.smiley .radio {
    flex: 1 1 0;
    /* Faces stay in line when some labels wrap to two lines. */
    justify-content: start;
    /* A label that wraps ("Very / good") stays centred under its face. */
    text-align: center;
    overflow-wrap: anywhere;
  }
  .rating.smiley svg {
    inline-size: var(--_target);
    block-size: var(--_target);
    color: var(--_text);
  }
  .rating.smiley .face {
    fill: var(--_surface);
    stroke: currentColor;
    stroke-width: 2;
  }
  .rating.smiley .eye {
    fill: currentColor;
  }
  .rating.smiley .mouth {
    fill: none;
    stroke: currentColor;
    stroke-width: 3;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .rating.smiley .mouth[d$='Z'] {
    fill: currentColor;
  }
  .rating.smiley .label {
    font-size: 0.875em;
    line-height: 1.2;
  }
  /* Checked: filled face, bigger, bordered, bold label — not told by colour alone. */
  .rating.smiley [aria-checked='true'] {
    border-color: var(--_accent);
  }
  .rating.smiley [aria-checked='true'] svg {
    color: var(--_on-accent);
    transform: scale(1.1);
  }
  .rating.smiley [aria-checked='true'] .face {
    fill: var(--_accent);
    stroke: var(--_accent);
  }
  .rating.smiley [aria-checked='true'] .label {
    font-weight: 700;
  }
`;
