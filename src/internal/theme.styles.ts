import { css } from 'lit';

/**
 * What every element's styles start with (SPEC §10): the public `--nw-*` theme copied into private `--_*`
 * properties, colours that follow the page's `color-scheme` through `light-dark()`, an always visible focus
 * ring, and the forced-colors counterparts. Written once, so `news-widgets.js` carries it once. Each element
 * adds its own `--_border`, `--_radius`, `--_space` (their defaults differ: a field needs a stronger border
 * than a card), `--_muted` where it has secondary text, and its `display`.
 */
export const theme = css`
  :host {
    --_text: var(--nw-color-text, light-dark(#1b1b1b, #ececec));
    --_accent: var(--nw-color-accent, light-dark(#0b5cad, #8cc4ff));
    --_surface: var(--nw-color-surface, light-dark(#fff, #1e1e1e));
    font-family: var(--nw-font-family, inherit);
    color: var(--_text);
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
