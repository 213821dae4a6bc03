import { css } from 'lit';

// A module of its own: a css`` call is a side effect to the bundler, so an unused export would still ship.
/** Out of sight but in the accessibility tree (a live region), or out of both (the honeypot, also inert). */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
