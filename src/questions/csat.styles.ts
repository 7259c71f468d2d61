import { css } from 'lit';

/** Styles for {@link csatView}. */
export const csatStyles = css`
  .rating.csat .radio {
    /* Room for "Very unsatisfied" in a row on wide screens; wraps to fewer per row on phones. */
    flex: 1 1 6.5em;
    padding-block: 8px;
    padding-inline: 8px;
    text-align: center;
    overflow-wrap: anywhere;
  }
`;
