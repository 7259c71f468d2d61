import { css } from 'lit';

/**
 * Styles for {@link smileyView}. Each face is tinted with its own colour, red (1) to green (5),
 * mixed into the surface so it stays a light tint on a light theme and a dark one on a dark or
 * high-contrast theme: the eyes and mouth (text colour) keep their contrast on every theme.
 * Override a colour with `--storevoice-smiley-color-1` … `-5`.
 */
export const smileyStyles = css`
  .rating.smiley {
    --_smiley-1: var(--storevoice-smiley-color-1, #d93025);
    --_smiley-2: var(--storevoice-smiley-color-2, #f07c1f);
    --_smiley-3: var(--storevoice-smiley-color-3, #f2c12e);
    --_smiley-4: var(--storevoice-smiley-color-4, #7cb342);
    --_smiley-5: var(--storevoice-smiley-color-5, #1e8e3e);
  }
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
    --_hue: var(--_smiley-3);
    fill: color-mix(in srgb, var(--_hue) 35%, var(--_surface));
    stroke: currentColor;
    stroke-width: 2;
  }
  .rating.smiley .face[data-score='1'] {
    --_hue: var(--_smiley-1);
  }
  .rating.smiley .face[data-score='2'] {
    --_hue: var(--_smiley-2);
  }
  .rating.smiley .face[data-score='4'] {
    --_hue: var(--_smiley-4);
  }
  .rating.smiley .face[data-score='5'] {
    --_hue: var(--_smiley-5);
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
  /* Checked: a deeper tint, thicker outline, bigger, bordered, bold label — not told by colour alone. */
  .rating.smiley [aria-checked='true'] {
    border-color: var(--_accent);
  }
  .rating.smiley [aria-checked='true'] svg {
    transform: scale(1.1);
  }
  .rating.smiley [aria-checked='true'] .face {
    fill: color-mix(in srgb, var(--_hue) 60%, var(--_surface));
    stroke-width: 3.5;
  }
  .rating.smiley [aria-checked='true'] .label {
    font-weight: 700;
  }
`;
