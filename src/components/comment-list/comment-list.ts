import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg } from '../../i18n/msg.js';
import { NwElement } from '../../internal/nw-element.js';
import { formatPublished } from '../../i18n/format.js';
import { fetchComments, type WpComment } from '../comment-form/comments-api.js';
import { commentCountText } from './messages.js';
import { sanitize } from './sanitize.js';
import { buildThreads, type ThreadNode } from './threads.js';
import { commentListStyles } from './comment-list.styles.js';

interface Shown {
  comment: WpComment;
  /** The sanitized content, made once per comment. */
  content: HTMLElement;
  /** The reader sent it from this page. */
  own: boolean;
}

function resolve(url: string): string {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
}

/** WordPress's `date_gmt` has no zone; `date` is the site's local time, the best guess without it. */
function commentDate(comment: WpComment): Date {
  return new Date(comment.date_gmt ? `${comment.date_gmt.replace(/Z$/, '')}Z` : (comment.date ?? ''));
}

/**
 * The approved comments of an article, threaded five levels deep, with the count in words, sanitized
 * content, relative times, "load more", inline reply forms, and the reader's own just-sent comment at once.
 * Loads when it nears the viewport.
 *
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
  static override styles = commentListStyles;

  /** The comments endpoint: `…/wp-json/wp/v2/comments`. */
  @property() endpoint = '';

  /** The article's id. */
  @property({ attribute: 'post-id', type: Number }) postId?: number;

  /** Comments a page, 1–100 (default 20). */
  @property({ attribute: 'per-page', type: Number }) perPage = 20;

  /** `asc` (default, oldest first) or `desc`. */
  @property() order: 'asc' | 'desc' = 'asc';

  /** Passed to reply forms: name and e-mail optional. */
  @property({ attribute: 'identity-optional', type: Boolean }) identityOptional = false;

  /** Passed to reply forms: no website field. */
  @property({ attribute: 'no-website', type: Boolean }) noWebsite = false;

  /** Passed to reply forms: the WordPress REST nonce of a logged-in reader. */
  @property() override nonce?: string;

  @state() private shown: Shown[] = [];
  @state() private total?: number;
  @state() private pages = 0;
  @state() private page = 0;
  @state() private loading = false;
  @state() private failed = false;
  @state() private replyTo = 0;
  @state() private announcement = '';

  private observer?: IntersectionObserver;
  private near = false;
  private generation = 0;

  private readonly onSent = (event: Event): void => void this.addOwn(event as CustomEvent<WpComment>);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('nw-comment-sent', this.onSent);
    if (typeof IntersectionObserver === 'undefined') {
      this.near = true;
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.near = true;
        this.observer?.disconnect();
        if (!this.page) void this.load();
      },
      { rootMargin: '400px' },
    );
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('nw-comment-sent', this.onSent);
    this.observer?.disconnect();
  }

  private get usable(): boolean {
    return Boolean(this.endpoint) && Number.isInteger(this.postId) && (this.postId ?? 0) > 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('postId') || changed.has('perPage') || changed.has('order')) {
      this.generation++;
      this.shown = [];
      this.total = undefined;
      this.page = this.pages = 0;
      this.failed = this.loading = false;
      if (this.near) void this.load();
    }
  }

  private async present(comment: WpComment, own: boolean): Promise<Shown> {
    const content = document.createElement('div');
    content.className = 'content';
    content.setAttribute('part', 'content');
    content.dir = 'auto';
    content.append(await sanitize(comment.content?.rendered ?? ''));
    return { comment, content, own };
  }

  private async load(): Promise<void> {
    if (!this.usable || this.loading) return;
    const generation = this.generation;
    this.loading = true;
    this.failed = false;
    try {
      const result = await fetchComments(this.endpoint, {
        post: this.postId!,
        page: this.page + 1,
        perPage: Math.min(100, Math.max(1, Math.trunc(this.perPage) || 20)),
        order: this.order === 'desc' ? 'desc' : 'asc',
      });
      const fresh = await Promise.all(result.comments.map((c) => this.present(c, false)));
      if (generation !== this.generation) return;
      const known = new Set(this.shown.map((s) => s.comment.id));
      this.shown = [...this.shown, ...fresh.filter((s) => !known.has(s.comment.id))];
      this.total = result.total;
      this.pages = result.totalPages;
      this.page++;
    } catch {
      if (generation === this.generation) this.failed = true;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** A comment the reader just sent from a form for the same endpoint and article. */
  private async addOwn(event: CustomEvent<WpComment>): Promise<void> {
    const form = event.composedPath()[0] as { endpoint?: string; postId?: number; parent?: number };
    const comment = event.detail;
    if (!this.usable || !form.endpoint || resolve(form.endpoint) !== resolve(this.endpoint) || form.postId !== this.postId) {
      return;
    }
    if (!comment || typeof comment.id !== 'number' || this.shown.some((s) => s.comment.id === comment.id)) return;
    const shown = await this.present({ ...comment, parent: comment.parent ?? form.parent ?? 0 }, true);
    this.shown = this.order === 'desc' ? [shown, ...this.shown] : [...this.shown, shown];
    if (comment.status === 'approved' && this.total !== undefined) this.total++;
    if (this.replyTo && this.replyTo === form.parent) {
      this.replyTo = 0;
      this.announcement =
        comment.status === 'approved'
          ? this.localized(() => msg('Your reply has been published.', { id: 'comment-list.reply-published' }))
          : this.localized(() => msg('Your reply is awaiting moderation.', { id: 'comment-list.reply-held' }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#comment-${comment.id}`)?.focus();
    }
  }

  private async toggleReply(id: number): Promise<void> {
    // The form is fetched with the first reply: most readers never reply, and the list stays small.
    if (!customElements.get('nw-comment-form')) await import('../../comment-form.js');
    this.replyTo = this.replyTo === id ? 0 : id;
    await this.updateComplete;
    const form = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(`#comment-${id} nw-comment-form`);
    await form?.updateComplete;
    form?.focus();
  }

  private async cancelReply(id: number): Promise<void> {
    this.replyTo = 0;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#comment-${id} [part~=reply]`)?.focus();
  }

  private renderNode(node: ThreadNode<WpComment & { shown: Shown }>): TemplateResult {
    const { comment } = node;
    const { id, author_name: name } = comment;
    const date = commentDate(comment);
    const when = formatPublished(date, this.formatLocale);
    const author = name || msg('Anonymous', { id: 'comment-list.anonymous' });
    const authorUrl = comment.author_url && /^https?:\/\//i.test(comment.author_url) ? comment.author_url : '';
    const open = this.replyTo === id;
    return html`<li>
      <article id="comment-${id}" part="comment" tabindex="-1" aria-labelledby="author-${id}">
        <header part="meta">
          <bdi id="author-${id}" part="author"
            >${authorUrl ? html`<a href=${authorUrl} rel="nofollow ugc noopener external">${author}</a>` : author}</bdi
          >
          ${when ? html`<time part="date" datetime=${date.toISOString()}>${when}</time>` : nothing}
          ${comment.shown.own && comment.status !== 'approved'
            ? html`<span part="held">${msg('Awaiting moderation', { id: 'comment-list.held' })}</span>`
            : nothing}
        </header>
        ${comment.shown.content}
        <button
          type="button"
          class="link"
          part="reply"
          aria-expanded=${open ? 'true' : 'false'}
          aria-describedby="author-${id}"
          @click=${() => this.toggleReply(id)}
        >
          ${msg('Reply', { id: 'comment-list.reply' })}
        </button>
        ${open
          ? html`<div class="reply">
              <nw-comment-form
                endpoint=${this.endpoint}
                post-id=${this.postId!}
                parent=${id}
                ?identity-optional=${this.identityOptional}
                ?no-website=${this.noWebsite}
                nonce=${this.nonce || nothing}
              ></nw-comment-form>
              <button type="button" part="cancel" @click=${() => this.cancelReply(id)}>
                ${msg('Cancel reply', { id: 'comment-list.cancel-reply' })}
              </button>
            </div>`
          : nothing}
      </article>
      ${node.children.length ? this.renderThread(node.children) : nothing}
    </li>`;
  }

  private renderThread(nodes: ThreadNode<WpComment & { shown: Shown }>[]): TemplateResult {
    return html`<ol part="thread">
      ${repeat(
        nodes,
        (node) => node.comment.id,
        (node) => this.renderNode(node),
      )}
    </ol>`;
  }

  protected override render(): TemplateResult {
    const tree = buildThreads(this.shown.map((shown) => ({ ...shown.comment, shown })));
    const count =
      this.total === undefined
        ? msg('Comments', { id: 'comment-list.heading' })
        : commentCountText(this.total, this.formatLocale);
    return html`<section part="list" lang=${this.locale} dir=${this.direction} aria-labelledby="count" aria-busy=${this.loading ? 'true' : 'false'}>
      <h2 id="count" part="count">${count}</h2>
      ${tree.length ? this.renderThread(tree) : nothing}
      ${this.loading ? html`<p class="muted">${msg('Loading comments…', { id: 'comment-list.loading' })}</p>` : nothing}
      ${this.failed
        ? html`<p>${msg('Comments could not be loaded.', { id: 'comment-list.failed' })}</p>
            <button type="button" part="retry" @click=${this.load}>${msg('Try again', { id: 'comment-list.retry' })}</button>`
        : nothing}
      ${!this.loading && !this.failed && this.page > 0 && this.page < this.pages
        ? html`<button type="button" part="more" @click=${this.load}>
            ${msg('Load more comments', { id: 'comment-list.more' })}
          </button>`
        : nothing}
      <p class="sr-only" role="status">${this.announcement}</p>
    </section>`;
  }
}
