import { css } from 'lit';

/** Styles for {@link csatView}. */
export const csatStyles = css`
  /*
   * Five labelled boxes in one row when they fit ("Very unsatisfied" on two lines at most), else
   * one per line: wrapping 4 + 1, or breaking words mid-way, reads badly. The threshold is in em of
   * the question, so larger text (kiosk, zoom) stacks sooner.
   */
  .rating.csat {
    container-type: inline-size;
  }
  /* One implicit column: one box per line. */
  .rating.csat .group {
    display: grid;
  }
  @container (min-inline-size: 34em) {
    .rating.csat .group {
      grid-template-columns: repeat(5, 1fr);
    }
  }
  .rating.csat .radio {
    padding: 8px;
    overflow-wrap: break-word;
  }
`;
