import { css } from 'lit';

/** Styles for {@link npsView}. */
export const npsStyles = css`
  .rating.nps .group {
    gap: 4px;
  }
  .rating.nps .radio {
    font-variant-numeric: tabular-nums;
  }
  .rating.nps .ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .rating.nps .ends :last-child {
    text-align: end;
  }
`;
