import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { NwElement } from '../../internal/nw-element.js';
import { theme } from '../../internal/theme.styles.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import { usable } from '../comment-form/comments-api.js';
import { commentCount } from './counts.js';
import { commentsLink } from './link.js';
import { commentsLabel, countWords, WIDEST } from './messages.js';
import { commentCountStyles } from './comment-count.styles.js';

/**
 * An article's approved-comment count in words ("3 تعليقات", "3 comments"), a link to its comments, for listing
 * pages. Every count on a page is fetched together, one request per post, and kept for the page; the element
 * keeps the width of its widest text from the start, so nothing beside it moves when the number arrives.
 *
 * @tagname nw-comment-count
 * @summary An article's comment count in words, linking to its comments.
 *
 * @csspart link - The link (a plain `<span>` when `href` is not a safe http(s) URL).
 * @csspart count - The shown text: the count in words, or "Comments" when it could not be had.
 *
 * @cssprop --nw-font-family - Font (default `inherit`).
 * @cssprop --nw-color-text - Text colour.
 * @cssprop --nw-color-accent - The link's colour and the focus ring.
 */
export class NwCommentCount extends NwElement {
  static override styles = [theme, visuallyHidden, commentCountStyles];

  // Declared without decorators, like the base's: their runtime costs about 0.7 KB gzip in every bundle.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    postId: { attribute: 'post-id', type: Number },
    href: {},
    count: { state: true },
    failed: { state: true },
  };

  /** The comments endpoint: `…/wp-json/wp/v2/comments`, as `<nw-comment-list>`'s. */
  endpoint = '';

  /** The article's id. */
  postId?: number;

  /** The article's URL; the link goes to its `#comments`. Without it, to `#comments` on this page. */
  href?: string;

  private count?: number;
  private failed = false;
  #generation = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('postId')) void this.#load();
  }

  async #load(): Promise<void> {
    const generation = ++this.#generation;
    this.count = undefined;
    this.failed = !usable(this.endpoint, this.postId);
    if (this.failed) return;
    try {
      const count = await commentCount(this.endpoint, this.postId!);
      if (generation === this.#generation) this.count = count;
    } catch {
      if (generation === this.#generation) this.failed = true;
    }
  }

  protected override render(): unknown {
    const label = commentsLabel();
    const words = this.count === undefined ? undefined : countWords(this.count, this.locale);
    // While loading, the name is there for assistive technology but nothing is seen: "Comments" then "3 comments" would flicker.
    const shown = html`<span class="cell"
      ><span class="sizer" aria-hidden="true">${[...WIDEST.map((n) => countWords(n, this.locale)), label].map(
        (text) => html`<span>${text}</span>`,
      )}</span
      ><span part="count" class=${words || this.failed ? nothing : 'visually-hidden'}>${words ?? label}</span></span
    >`;
    const href = commentsLink(this.href);
    return href
      ? html`<a part="link" href=${href} lang=${this.locale} dir=${this.direction}>${shown}</a>`
      : html`<span part="link" lang=${this.locale} dir=${this.direction}>${shown}</span>`;
  }
}
