import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '../../i18n/msg.js';
import { NwElement } from '../../internal/nw-element.js';
import { formatTag } from '../../i18n/localize.js';
import { formatPublished } from '../../i18n/format.js';
import { fetchComments, resolveEndpoint, toComment, usable, type WpComment } from '../comment-form/comments-api.js';
import type { NwCommentForm } from '../comment-form/comment-form.js';
import { commentCountText } from './messages.js';
import { DEFAULT_LEVEL, heading, headingLevel } from '../comment-form/heading.js';
import { preloadSanitizer, sanitize } from './sanitize.js';
import { buildThreads, type ThreadNode } from './threads.js';
import { theme } from '../../internal/theme.styles.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import { commentListStyles } from './comment-list.styles.js';
import { whenNearViewport } from '../../internal/near-viewport.js';

interface Shown {
  comment: WpComment;
  /** The sanitized content, made once per comment. */
  content: HTMLElement;
  /** The reader sent it from this page. */
  own: boolean;
}

/** WordPress's link to a comment: `…/post/#comment-ID`. */
const COMMENT_FRAGMENT = /^#comment-\d+$/;

/** WordPress's `date_gmt` has no zone; `date` is the site's local time, the best guess without it. */
function commentDate(comment: WpComment): Date {
  return new Date(comment.date_gmt ? `${comment.date_gmt.replace(/Z$/, '')}Z` : (comment.date ?? ''));
}

/**
 * The approved comments of an article, threaded five levels deep, with the count in words, sanitized
 * content, relative times, "load more", inline reply forms, and the reader's own just-sent comment at once.
 * Loads when it nears the viewport.
 *
 * @tagname nw-comment-list
 * @summary The comments of an article, from WordPress or the reference server.
 *
 * @csspart list - The outermost section.
 * @csspart count - The heading with the count in words ("3 تعليقات").
 * @csspart thread - Each list of comments (top level and replies).
 * @csspart comment - Each comment's `<article>`.
 * @csspart meta - The line with author, date and moderation mark.
 * @csspart author - The author's name.
 * @csspart date - The `<time>` of the comment.
 * @csspart held - "Awaiting moderation", on the reader's own held comment.
 * @csspart content - The comment's sanitized text.
 * @csspart reply - Each "Reply" button.
 * @csspart cancel - The "Cancel reply" button under an open reply form.
 * @csspart more - The "Load more comments" button.
 * @csspart retry - The "Try again" button after a failed load.
 *
 * @cssprop --nw-font-family - Font (default `inherit`).
 * @cssprop --nw-color-text - Text colour.
 * @cssprop --nw-color-muted - Dates and secondary text.
 * @cssprop --nw-color-accent - Links, buttons and the focus ring.
 * @cssprop --nw-color-surface - Background.
 * @cssprop --nw-color-border - Thread lines.
 * @cssprop --nw-radius - Corner radius.
 * @cssprop --nw-space - Base spacing.
 */
export class NwCommentList extends NwElement {
  static override styles = [theme, visuallyHidden, commentListStyles];

  // Declared without decorators, like the base's: their runtime costs about 0.7 KB gzip in every bundle.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    postId: { attribute: 'post-id', type: Number },
    perPage: { attribute: 'per-page', type: Number },
    order: {},
    identityOptional: { attribute: 'identity-optional', type: Boolean },
    noWebsite: { attribute: 'no-website', type: Boolean },
    nonce: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    shown: { state: true },
    total: { state: true },
    pages: { state: true },
    page: { state: true },
    loading: { state: true },
    failed: { state: true },
    replyForm: { state: true },
    announcement: { state: true },
  };

  /** The comments endpoint: `…/wp-json/wp/v2/comments`. */
  endpoint = '';

  /** The article's id. */
  postId?: number;

  /** Comments a page, 1–100 (default 20). */
  perPage = 20;

  /** `asc` (default, oldest first) or `desc`. */
  order: 'asc' | 'desc' = 'asc';

  /** Passed to reply forms: name and e-mail optional. */
  identityOptional = false;

  /** Passed to reply forms: no website field. */
  noWebsite = false;

  /** Passed to reply forms: the WordPress REST nonce of a logged-in reader. */
  override nonce?: string;

  /** The level of the count heading, 2–6: by default 3, under the page's comments section heading; reply forms get the next. */
  headingLevel = DEFAULT_LEVEL;

  private shown: Shown[] = [];
  private total?: number;
  private pages = 0;
  private page = 0;
  private loading = false;
  private failed = false;
  private announcement = '';

  /**
   * The open reply form. The list keeps the element itself, not a template of it: comments are rendered by
   * position, and when a re-render shifts them (a new comment on top, a reply that finds its parent on a later
   * page) Lit moves this element to its comment's new place instead of re-creating it, so what the reader has
   * typed, or is sending, stays.
   */
  private replyForm?: NwCommentForm;

  /** Each comment's last template, with what it was made for (see #renderComment). */
  #made = new WeakMap<Shown, { locale: string; form: NwCommentForm | false | undefined; result: TemplateResult }>();
  #stopWaiting?: () => void;
  #near = false;
  #generation = 0;

  #onSent = (event: Event): void => void this.#addOwn(event as CustomEvent<WpComment>);

  /**
   * Brings the comment a `#comment-ID` fragment names into view. The browser cannot: the id it finds is the
   * fallback's, which is not shown once the list renders, and the list's own is in its shadow root.
   */
  #reveal = (): void => {
    const { hash } = location;
    const target = COMMENT_FRAGMENT.test(hash) ? this.renderRoot.querySelector(hash) : null;
    const list = this.renderRoot.querySelector('[part=list]');
    if (!target || !list) return;
    // Skipped comments take their estimated size, so those before the target would move it once they render. Laid
    // out once, each remembers its real size (`contain-intrinsic-size: auto`) when skipped again after the next frame.
    list.classList.add('laid-out');
    target.scrollIntoView();
    requestAnimationFrame(() => requestAnimationFrame(() => list.classList.remove('laid-out')));
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('nw-comment-sent', this.#onSent);
    addEventListener('hashchange', this.#reveal);
    const near = (): void => {
      this.#near = true;
      if (!this.page) void this.#load();
    };
    // A link to one comment loads the list at once, wherever it is on the page, to show that comment.
    if (COMMENT_FRAGMENT.test(location.hash)) void this.updateComplete.then(near);
    else this.#stopWaiting = whenNearViewport(this, near);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('nw-comment-sent', this.#onSent);
    removeEventListener('hashchange', this.#reveal);
    this.#stopWaiting?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('postId') || changed.has('perPage') || changed.has('order')) {
      this.#generation++;
      this.shown = [];
      this.total = undefined;
      this.page = this.pages = 0;
      this.failed = this.loading = false;
      this.replyForm = undefined;
      if (this.#near) void this.#load();
    }
  }

  async #present(comment: WpComment, own: boolean): Promise<Shown> {
    const content = document.createElement('div');
    content.className = 'content';
    content.setAttribute('part', 'content');
    content.dir = 'auto';
    content.append(await sanitize(comment.content.rendered));
    return { comment, content, own };
  }

  async #load(): Promise<void> {
    if (!usable(this.endpoint, this.postId) || this.loading) return;
    const generation = this.#generation;
    this.loading = true;
    this.failed = false;
    preloadSanitizer();
    try {
      const result = await fetchComments(this.endpoint, {
        post: this.postId!,
        page: this.page + 1,
        perPage: Math.min(100, Math.max(1, Math.trunc(this.perPage) || 20)),
        order: this.order === 'desc' ? 'desc' : 'asc',
      });
      const fresh = await Promise.all(result.comments.map((c) => this.#present(c, false)));
      if (generation !== this.#generation) return;
      // A comment already shown (pages shift while comments arrive) or twice on one page is shown once.
      const known = new Set(this.shown.map((s) => s.comment.id));
      const added = fresh.filter(({ comment: { id } }) => !known.has(id) && known.add(id));
      this.shown = [...this.shown, ...added];
      this.total = result.total;
      this.pages = result.totalPages;
      this.page++;
      // A `#comment-ID` link points into the first page (later ones come when the reader asks for them).
      if (this.page === 1) void this.updateComplete.then(this.#reveal);
    } catch {
      if (generation === this.#generation) this.failed = true;
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /** A comment the reader just sent from a form for the same endpoint and article. */
  async #addOwn(event: CustomEvent<WpComment>): Promise<void> {
    const form = event.composedPath()[0] as { endpoint?: string; postId?: number; parent?: number };
    const sent = event.detail as Partial<WpComment> | null;
    const comment = toComment(sent && { ...sent, parent: sent.parent ?? form.parent ?? 0 });
    const sameArticle =
      form.endpoint && resolveEndpoint(form.endpoint) === resolveEndpoint(this.endpoint) && form.postId === this.postId;
    if (!usable(this.endpoint, this.postId) || !sameArticle) return;
    if (!comment || this.shown.some((s) => s.comment.id === comment.id)) return;
    const shown = await this.#present(comment, true);
    this.shown = this.order === 'desc' ? [shown, ...this.shown] : [...this.shown, shown];
    if (comment.status === 'approved' && this.total !== undefined) this.total++;
    if (form === this.replyForm) {
      this.replyForm = undefined;
      this.announcement =
        comment.status === 'approved'
          ? this.localized(() => msg('Your reply has been published.', { id: 'comment-list.reply-published' }))
          : this.localized(() => msg('Your reply is awaiting moderation.', { id: 'comment-list.reply-held' }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#comment-${comment.id}`)?.focus();
    }
  }

  async #toggleReply(id: number): Promise<void> {
    // The form is fetched with the first reply: most readers never reply, and the list stays small.
    if (!customElements.get('nw-comment-form')) await import('../../comment-form.js');
    const form = this.replyForm?.parent === id ? undefined : document.createElement('nw-comment-form');
    if (form) {
      const attributes = {
        endpoint: this.endpoint,
        'post-id': this.postId,
        parent: id,
        nonce: this.nonce,
        'identity-optional': this.identityOptional,
        'no-website': this.noWebsite,
        // One level below the list's heading; the form clamps a 7 to 6.
        'heading-level': headingLevel(this.headingLevel) + 1,
      };
      for (const [name, value] of Object.entries(attributes)) if (value) form.setAttribute(name, value === true ? '' : String(value));
    }
    this.replyForm = form;
    await this.updateComplete;
    await form?.updateComplete;
    form?.focus();
  }

  async #cancelReply(id: number): Promise<void> {
    this.replyForm = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#comment-${id} [part~=reply]`)?.focus();
  }

  #renderNode(node: ThreadNode<WpComment & { shown: Shown }>): TemplateResult {
    return html`<li>
      ${this.#renderComment(node.comment)}
      ${node.children.length ? this.#renderThread(node.children) : nothing}
    </li>`;
  }

  /**
   * A comment's own box, made again only when its reply form opens or closes or the list's language changes: a
   * new page of comments, or the list's busy state, re-renders the list, not every comment already in it.
   */
  #renderComment(comment: WpComment & { shown: Shown }): TemplateResult {
    const made = this.#made.get(comment.shown);
    const open = this.replyForm?.parent === comment.id;
    const form = open && this.replyForm;
    if (made && made.locale === this.locale && made.form === form) return made.result;
    const result = this.#renderArticle(comment, open);
    this.#made.set(comment.shown, { locale: this.locale, form, result });
    return result;
  }

  #renderArticle(comment: WpComment & { shown: Shown }, open: boolean): TemplateResult {
    const { id, author_name: name } = comment;
    const date = commentDate(comment);
    const when = formatPublished(date, formatTag(this.locale));
    const author = name || msg('Anonymous', { id: 'comment-list.anonymous' });
    const authorUrl = comment.author_url && /^https?:\/\//i.test(comment.author_url) ? comment.author_url : '';
    return html`<article id="comment-${id}" part="comment" tabindex="-1" aria-labelledby="author-${id}">
        <header part="meta">
          <bdi id="author-${id}" part="author"
            >${authorUrl ? html`<a href=${authorUrl} rel="nofollow ugc noopener external">${author}</a>` : author}</bdi
          >${when
            ? // A no-break space ties the separator to the name: a wrapped byline never starts a line with it.
              html`&nbsp;<span aria-hidden="true">·</span> <time part="date" datetime=${date.toISOString()}>${when}</time>`
            : nothing}
          ${comment.shown.own && comment.status !== 'approved'
            ? html`<span part="held">${msg('Awaiting moderation', { id: 'comment-list.held' })}</span>`
            : nothing}
        </header>
        ${comment.shown.content}
        <button
          type="button"
          class="link"
          part="reply"
          aria-expanded=${String(open)}
          aria-describedby="author-${id}"
          @click=${() => this.#toggleReply(id)}
        >
          ${msg('Reply', { id: 'comment-list.reply' })}
        </button>
        ${open
          ? html`<div class="reply">
              ${this.replyForm}
              <button type="button" part="cancel" @click=${() => this.#cancelReply(id)}>
                ${msg('Cancel reply', { id: 'comment-list.cancel-reply' })}
              </button>
            </div>`
          : nothing}
    </article>`;
  }

  /**
   * Comments are rendered by position rather than keyed with `repeat` (about 1 KB gzip): a comment's DOM is
   * all drawn from its data, and the parts that are not — its sanitized content and an open reply form — are
   * elements the list keeps, which Lit moves along with their comment.
   */
  #renderThread(nodes: ThreadNode<WpComment & { shown: Shown }>[]): TemplateResult {
    return html`<ol part="thread">
      ${nodes.map((node) => this.#renderNode(node))}
    </ol>`;
  }

  protected override render(): TemplateResult {
    const tree = buildThreads(this.shown.map((shown) => ({ ...shown.comment, shown })));
    const loadingText = msg('Loading comments…', { id: 'comment-list.loading' });
    // Until the first page arrives the heading says it is loading, on the line the count will take: a loading line
    // of its own would push everything below it down and back (a layout shift).
    const count =
      this.total !== undefined
        ? commentCountText(this.total, formatTag(this.locale))
        : this.loading
          ? loadingText
          : msg('Comments', { id: 'comment-list.heading' });
    return html`<section part="list" lang=${this.locale} dir=${this.direction} aria-labelledby="count" aria-busy=${String(this.loading)}>
      ${heading(this.headingLevel, 'count', count)}
      ${tree.length ? this.#renderThread(tree) : nothing}
      ${this.failed
        ? html`<p>${msg('Comments could not be loaded.', { id: 'comment-list.failed' })}</p>
            <button type="button" part="retry" @click=${this.#load}>${msg('Try again', { id: 'comment-list.retry' })}</button>`
        : nothing}
      ${!this.failed && this.page > 0 && this.page < this.pages
        ? html`<button type="button" part="more" @click=${this.#load}>
            ${this.loading ? loadingText : msg('Load more comments', { id: 'comment-list.more' })}
          </button>`
        : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }
}
