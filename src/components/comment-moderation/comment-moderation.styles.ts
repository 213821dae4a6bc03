import { css } from 'lit';

export const moderationStyles = css`
  :host {
    display: block;
    --_muted: var(--nw-color-muted, light-dark(#595959, #b4b4b4));
    --_border: var(--nw-color-border, light-dark(#767676, #8a8a8a));
    --_radius: var(--nw-radius, 4px);
    --_space: var(--nw-space, 1rem);
    overflow-wrap: anywhere;
  }
  section {
    background: var(--_surface);
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 var(--_space);
  }
  form {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    max-inline-size: 28em;
  }
  input:not([type='checkbox']),
  select {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.375em 0.5em;
    inline-size: 100%;
    box-sizing: border-box;
  }
  select {
    inline-size: auto;
  }
  input[type='checkbox'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    margin-inline-end: 0.25em;
  }
  .check {
    display: inline-flex;
    align-items: center;
  }
  button {
    font: inherit;
    cursor: pointer;
    color: var(--_accent);
    background: none;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.25em 0.75em;
    min-block-size: 24px;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  button.link {
    border: 0;
    padding: 0 0.25em;
    text-decoration: underline;
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    border-block-end: 2px solid var(--_border);
    margin-block-end: var(--_space);
  }
  [role='tab'] {
    border-color: transparent;
    border-end-start-radius: 0;
    border-end-end-radius: 0;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_surface);
    background: var(--_accent);
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  article {
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: 0.5em;
    border-block-end: 1px solid var(--_border);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.75em;
  }
  .author {
    font-weight: 700;
  }
  .muted,
  time {
    color: var(--_muted);
    font-size: 0.875em;
  }
  p.muted {
    margin: 0.25em 0 0;
  }
  a {
    color: var(--_accent);
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  [part~='actions'] .spam,
  [part~='actions'] .delete {
    color: light-dark(#a4161a, #ff9a9a);
    border-color: currentColor;
  }
  /* Empty, the sign-in's alert region stays in place (a live region shown with its text may not be heard). */
  [part~='error']:empty {
    margin: 0;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    [role='tab'][aria-selected='true'] {
      forced-color-adjust: none;
      color: HighlightText;
      background: Highlight;
    }
  }
`;
