import { css } from 'lit';

/** Styles for {@link starsView}. */
export const starsStyles = css`
  .rating.stars .group {
    gap: 0;
  }
  .rating.stars svg {
    inline-size: calc(var(--_target) * 0.75);
    block-size: calc(var(--_target) * 0.75);
    fill: transparent;
    stroke: var(--_muted);
    stroke-width: 1.5;
    stroke-linejoin: round;
  }
  /* Filled versus outlined: the shape changes, not only the colour. */
  .rating.stars svg.on,
  .rating.stars .group:has(.radio:is(:hover, :focus-visible)) svg {
    fill: var(--_accent);
    stroke: var(--_accent);
  }
  .rating.stars .group:has(.radio:is(:hover, :focus-visible)) .radio:is(:hover, :focus-visible) ~ .radio svg {
    fill: transparent;
    stroke: var(--_muted);
  }
  .rating.stars .radio:hover {
    background: none;
  }
  .rating.stars [aria-checked='true'] svg {
    transform: scale(1.1);
  }
`;
