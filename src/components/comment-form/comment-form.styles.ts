import { css } from 'lit';

export const commentFormStyles = css`
  :host {
    display: block;
    --_muted: var(--nw-color-muted, light-dark(#595959, #b4b4b4));
    --_border: var(--nw-color-border, #8a8a8a);
    --_error: light-dark(#b3261e, #ffb4ab);
    --_radius: var(--nw-radius, 4px);
    --_space: var(--nw-space, 1rem);
    /* A name, address or word of any length wraps instead of widening the page. */
    overflow-wrap: anywhere;
  }
  section {
    background: var(--_surface);
  }
  section,
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  [part~='heading'],
  p {
    margin: 0;
  }
  [part~='heading'] {
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
  /* :where() keeps this at no specificity, so the invalid state below wins for inputs as for the textarea. */
  :where(input:not([type='checkbox']), textarea) {
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
  /* WCAG 2.2 target size: every control is at least 24 × 24 CSS px. */
  .check input {
    margin: 0;
    inline-size: 24px;
    block-size: 24px;
    flex: none;
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
    padding: 0 0.25em;
    min-inline-size: 24px;
    min-block-size: 24px;
    text-decoration: underline;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
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
  }
`;
