/**
 * A native heading at the level the page asks for. A widget cannot know the outline of the page it lands in, so
 * the comment elements take a `heading-level`: by default 3, under the page's own "Comments" section heading (as
 * WordPress themes nest "Leave a Reply" under their comments title), and reply forms one level below the list.
 */
import { html, type TemplateResult } from 'lit';

export const DEFAULT_LEVEL = 3;

/** `level` as a heading level 2–6 (1 is the article's headline), `DEFAULT_LEVEL` when it is none. */
export function headingLevel(level: unknown): number {
  const n = Number(level);
  return Number.isInteger(n) ? Math.min(6, Math.max(2, n)) : DEFAULT_LEVEL;
}

/**
 * The heading; `part` is both its `part` and its `id` (what `aria-labelledby` points at). One template a level:
 * Lit binds no tag names, and `lit/static-html.js` would cost more than these five.
 */
export function heading(level: unknown, part: string, text: string): TemplateResult {
  const n = headingLevel(level);
  return n === 2
    ? html`<h2 id=${part} part=${part}>${text}</h2>`
    : n === 4
      ? html`<h4 id=${part} part=${part}>${text}</h4>`
      : n === 5
        ? html`<h5 id=${part} part=${part}>${text}</h5>`
        : n === 6
          ? html`<h6 id=${part} part=${part}>${text}</h6>`
          : html`<h3 id=${part} part=${part}>${text}</h3>`;
}
