import { css } from 'lit';

export const commentCountStyles = css`
  :host {
    display: inline-block;
  }
  /* Every candidate text in one grid cell: the cell is as wide as the widest, whichever is shown. */
  .cell,
  .sizer {
    display: inline-grid;
    position: relative;
  }
  .cell > *,
  .sizer > * {
    grid-area: 1 / 1;
    justify-self: start;
    white-space: nowrap;
  }
  .sizer {
    visibility: hidden;
  }
  a {
    color: var(--_accent);
  }
  @media (forced-colors: active) {
    a {
      color: LinkText;
    }
  }
`;
