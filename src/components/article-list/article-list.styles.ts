import { css } from 'lit';

export const articleListStyles = css`
  :host {
    display: block;
    --_space: var(--nw-space, 1rem);
  }

  .root {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
  }

  .heading {
    margin: 0;
    max-inline-size: 100%;
    overflow-wrap: anywhere;
    font-size: 1.4em;
    font-weight: 700;
    line-height: 1.3;
  }

  .list {
    align-self: stretch;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--nw-list-column, 16rem), 100%), 1fr));
    gap: calc(var(--_space) * 1.25);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .root.list .list {
    grid-template-columns: minmax(0, 1fr);
  }

  .compact .list {
    grid-template-columns: repeat(auto-fill, minmax(min(var(--nw-list-column, 14rem), 100%), 1fr));
    gap: calc(var(--_space) * 0.75);
  }

  .list > li {
    display: grid;
    min-inline-size: 0;
  }

  /*
   * A card alone skips laying out while off screen (content-visibility: auto) and starts from an estimate of its
   * height; in a list that estimate would move whatever follows the list in the first frames. A list holds at
   * most 100 cards per page: each is laid out at its real size from the start.
   */
  nw-article-card {
    content-visibility: visible;
  }

  .message {
    margin: 0;
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .more,
  .all {
    font: inherit;
    color: var(--_accent);
  }

  .more {
    padding: calc(var(--_space) / 2) var(--_space);
    background: var(--_surface);
    border: 1px solid currentColor;
    border-radius: var(--nw-radius, 0.5rem);
    cursor: pointer;
  }

  .more.gone {
    visibility: hidden;
  }

  .more[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  @media (forced-colors: active) {
    .more {
      border-color: ButtonText;
    }
  }
`;
