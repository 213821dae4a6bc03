import { css } from 'lit';

export const commentListStyles = css`
  :host {
    display: block;
    --_muted: var(--nw-color-muted, light-dark(#595959, #b4b4b4));
    --_border: var(--nw-color-border, light-dark(#d0d0d0, #444));
    --_radius: var(--nw-radius, 4px);
    --_space: var(--nw-space, 1rem);
    /* Apart from the comment form that usually follows; a page's own margin on the element wins. */
    margin-block-end: calc(var(--_space) * 2);
    /* A name, URL or word of any length wraps instead of widening the page. */
    overflow-wrap: anywhere;
  }
  section {
    background: var(--_surface);
  }
  [part~='count'] {
    font-size: 1.25em;
    margin: 0 0 var(--_space);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ol ol {
    padding-inline-start: calc(var(--_space) * 1.5);
    border-inline-start: 2px solid var(--_border);
  }
  /*
   * Off screen, a comment is not laid out or painted; it keeps the size it last had (before its first rendering,
   * an estimate of a short comment). On its own box, not its <li>: a long thread's replies are skipped one by one.
   */
  article {
    padding-block: calc(var(--_space) * 0.75);
    content-visibility: auto;
    contain-intrinsic-block-size: auto 10em;
    /* Paint containment comes with it: let the focus rings of its links and buttons (3 px, 2 px out) show at its edges. */
    overflow-clip-margin: 6px;
  }
  .laid-out article {
    content-visibility: visible;
  }
  /* The byline breaks inside the name only: no emergency break between the name's end and the separator tied to it
     by a no-break space (Firefox took one there when the name's last line was full). */
  [part~='meta'] {
    overflow-wrap: normal;
  }
  [part~='author'] {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  time {
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part~='held'] {
    font-size: 0.875em;
    font-weight: 600;
    border: 1px solid;
    border-radius: var(--_radius);
    padding: 0 0.4em;
  }
  .content blockquote {
    margin-inline: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_border);
  }
  .content ul,
  .content ol {
    list-style: revert;
    padding-inline-start: calc(var(--_space) * 1.5);
    border: 0;
  }
  a {
    color: var(--_accent);
  }
  button {
    font: inherit;
    cursor: pointer;
    color: var(--_accent);
    background: none;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.375em 1em;
  }
  /* WCAG 2.2 target size: every control is at least 24 × 24 CSS px ("رد" alone is narrower). */
  button.link,
  [part~='author'] a {
    min-inline-size: 24px;
    min-block-size: 24px;
  }
  button.link {
    border: 0;
    padding: 0 0.25em;
    text-decoration: underline;
  }
  [part~='author'] a {
    display: inline-block;
  }
  /* Under its comment, indented, with a line at the inline start: visibly a reply to that comment. */
  .reply {
    display: grid;
    gap: 0.5em;
    margin-block-start: var(--_space);
    margin-inline-start: calc(var(--_space) * 0.5);
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_accent);
    justify-items: start;
  }
  .reply nw-comment-form {
    justify-self: stretch;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;
