import { css } from 'lit';

export const commentFormStyles = css`
  :host {
    display: block;
    --_text: var(--nw-color-text, #1b1b1b);
    --_muted: var(--nw-color-muted, #595959);
    --_accent: var(--nw-color-accent, #0b5cad);
    --_surface: var(--nw-color-surface, #fff);
    --_border: var(--nw-color-border, #8a8a8a);
    --_error: #b3261e;
    --_radius: var(--nw-radius, 4px);
    --_space: var(--nw-space, 1rem);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--nw-color-text, #ececec);
      --_muted: var(--nw-color-muted, #b5b5b5);
      --_accent: var(--nw-color-accent, #8cc2ff);
      --_surface: var(--nw-color-surface, #161616);
      --_error: #ffb4ab;
    }
  }
  :host([hidden]) {
    display: none;
  }
  section {
    font-family: var(--nw-font-family, inherit);
    color: var(--_text);
    background: var(--_surface);
  }
  section,
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2,
  h3 {
    font-size: 1.25em;
  }
  .note {
    color: var(--_muted);
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .field label,
  .error,
  .status {
    font-weight: 600;
  }
  .req,
  .error,
  .failed {
    color: var(--_error);
  }
  input:not([type='checkbox']),
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.625em;
    box-sizing: border-box;
    inline-size: 100%;
  }
  input {
    max-inline-size: 40rem;
  }
  textarea {
    min-block-size: 8em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: start;
  }
  .check input {
    margin: 0.25em 0 0;
  }
  button {
    font: inherit;
    border-radius: var(--_radius);
    padding: 0.5em 1.25em;
    cursor: pointer;
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_surface);
    justify-self: start;
  }
  button.link {
    background: none;
    color: var(--_accent);
    border: none;
    padding: 0;
    text-decoration: underline;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  /* The honeypot: out of sight, and inert and aria-hidden in the markup. */
  .hp {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    .error,
    .req,
    .failed {
      color: CanvasText;
    }
    [aria-invalid='true'] {
      border-style: dashed;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
