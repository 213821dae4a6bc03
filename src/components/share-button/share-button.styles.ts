import { css } from 'lit';

/** On top of the shared `theme`; menu items are addressed by their role, the row's by `.row`. */
export const styles = css`
  :host {
    --_border: var(--nw-color-border, light-dark(#c3c9d0, #4a525b));
    --_radius: var(--nw-radius, 0.5rem);
    --_space: var(--nw-space, 0.5rem);
    /* The gap between the trigger and what opens from it, and the menu's and the status's padding. */
    --_half: calc(var(--_space) / 2);
    display: inline-block;
    /* With the trigger's and the items' max size and break-word below: no word, however long, widens the page. */
    max-inline-size: 100%;
  }

  :host([mode='inline']) {
    display: block;
  }

  /* What the menu and the status are placed against: as wide as the trigger, or the inline row. */
  .base {
    position: relative;
    /* Not anywhere: that would let a crowded flex row break "Share" in two. */
    overflow-wrap: break-word;
  }

  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.05em;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part='trigger'],
  [part='item'] {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 1.25);
    min-block-size: 2.75rem;
    max-inline-size: 100%;
    padding-block: calc(var(--_space) * 1.25);
    padding-inline: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: inherit;
    font: inherit;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
  }

  :host([icon-only]) [part='trigger'],
  :host([icon-only]) .row [part='item'] {
    justify-content: center;
    inline-size: 2.75rem;
    padding: 0;
  }

  [part='trigger']:hover,
  .row [part='item']:hover {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  /* A flex item, else never narrower than its longest word. */
  [part='label'] {
    min-inline-size: 0;
  }

  [part='icon'] {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: currentColor;
  }

  /*
   * The menu and the "Link copied" status open under the trigger, at its inline start; the script moves them
   * to stay on screen and sets --_w, the viewport's width less a margin.
   */
  [part='menu'],
  .status {
    position: absolute;
    z-index: 1000;
    inset-block-start: calc(100% + var(--_half));
    inset-inline-start: 0;
    max-inline-size: var(--_w);
    border-radius: var(--_radius);
  }

  [part='menu'] {
    box-sizing: border-box;
    display: grid;
    min-inline-size: min(13rem, var(--_w));
    padding: var(--_half);
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    background: var(--_surface);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18);
  }

  /* Stretched across the menu, its grid's one column. */
  [role='menuitem'] {
    min-block-size: 2.5rem;
    padding-block: var(--_space);
    padding-inline: calc(var(--_space) * 1.5);
    border: 0;
    border-radius: calc(var(--_radius) / 1.5);
    text-align: start;
  }

  [role='menuitem']:hover,
  [role='menuitem']:focus {
    background: color-mix(in srgb, var(--_accent) 16%, var(--_surface));
  }

  [role='menuitem'] [part='icon'] {
    color: var(--_accent);
  }

  .status {
    padding-block: var(--_half);
    padding-inline: var(--_space);
    background: var(--_text);
    color: var(--_surface);
    inline-size: max-content;
    font-size: 0.875em;
    pointer-events: none;
  }

  .status:empty {
    opacity: 0;
  }

  @media (forced-colors: active) {
    [part='trigger'],
    [part='item'],
    [part='menu'],
    .status {
      border: 1px solid CanvasText;
    }

    [role='menuitem']:focus {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }

    [part='icon'] {
      fill: CanvasText;
    }

    a [part='icon'] {
      fill: LinkText;
    }
  }
`;
