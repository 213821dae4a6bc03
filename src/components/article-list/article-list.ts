import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ensureCatalog, uiLocaleFor } from '../../i18n/localize.js';
import { msg } from '../../i18n/msg.js';
import { whenNearViewport } from '../../internal/near-viewport.js';
import { NwElement } from '../../internal/nw-element.js';
import { collapseWhitespace, truncateGraphemes } from '../../internal/text.js';
import { safeHttpUrl } from '../../internal/url.js';
import { theme } from '../../internal/theme.styles.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import type { ArticleCardErrorDetail, ArticleCardLayout, NwArticleCard } from '../article-card/article-card.js';
import { type Article, ArticleLoadError } from '../article-card/article-source.js';
import { cardsPerPage, loadCollectionPage } from './collection-source.js';
import { articleListStyles } from './article-list.styles.js';

export type ArticleListLayout = 'grid' | 'list' | 'compact';

/** Each list layout and the card layout it lays its cards out in. */
const CARD_LAYOUTS: Readonly<Record<ArticleListLayout, ArticleCardLayout>> = { grid: 'vertical', list: 'horizontal', compact: 'compact' };

export interface ArticleListLoadDetail {
  /** The page's articles, as the cards show them. */
  articles: Article[];
  /** The page that arrived, from 1. */
  page: number;
  /** `X-WP-TotalPages`. */
  totalPages: number;
}

type Status = 'idle' | 'waiting' | 'loading' | 'loaded' | 'failed';

/** A heading level from 1 to 6: numbers outside are clamped, anything else is the default 2. */
function headingLevel(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(6, Math.max(1, Math.round(value))) : 2;
}

/**
 * A list of article cards from a WordPress REST collection (`/wp-json/wp/v2/posts?categories=3&_embed`), each
 * card in its own article's language and direction, with "load more" while `X-WP-TotalPages` says there is more.
 * While it loads, it reserves the size of the cards it will show; when it fails, its light-DOM children (a list of
 * links the page writes) are shown.
 *
 * @tagname nw-article-list
 * @summary A list of news article cards from a WordPress REST collection.
 *
 * @slot - The fallback (e.g. a `<ul>` of links): shown before the element is defined, without `src` and when loading fails.
 *
 * @fires nw-list-load - After each page arrived; `detail` is `{ articles, page, totalPages }`.
 * @fires nw-error - When a page could not be loaded; `detail` is `{ reason, status? }`, as the card's.
 *
 * @csspart heading - The heading above the cards.
 * @csspart list - The list of cards.
 * @csspart item - Each item of the list, holding one `<nw-article-card>`.
 * @csspart more - The "load more" button.
 * @csspart all - The "all articles" link.
 *
 * @cssprop --nw-list-column - The narrowest column of the grid and compact layouts (default 16rem, compact 14rem).
 * @cssprop --nw-space - Gap between cards.
 * @cssprop --nw-color-accent - Accent colour (the button and the link).
 */
export class NwArticleList extends NwElement {
  static override styles = [theme, visuallyHidden, articleListStyles];

  static override properties: PropertyDeclarations = {
    src: {},
    layout: { reflect: true, useDefault: true },
    heading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    href: {},
    limit: {},
    articles: { state: true },
    status: { state: true },
    page: { state: true },
    totalPages: { state: true },
    loadingMore: { state: true },
    announcement: { state: true },
  };

  /** How long, in ms, a page may take to answer before the list gives up with `nw-error` `timeout`. */
  static timeout = 10_000;

  /** A WordPress REST collection URL (`…/wp-json/wp/v2/posts?…&_embed`); only http(s). */
  src?: string;
  /** `grid` (default), `list` or `compact`. */
  layout: ArticleListLayout = 'grid';
  /** The heading above the cards; none without it. */
  heading?: string;
  /** The heading's level, 1–6 (default 2). */
  headingLevel?: number;
  /** An "all articles" link; only http(s). */
  href?: string;
  /** Cards per page (the request's `per_page`), 1–100; without it, the URL's `per_page`, else 10. */
  limit?: string;

  private articles: Article[] = [];
  private status: Status = 'idle';
  private page = 0;
  private totalPages = 0;
  /** `X-WP-Total` (set with `totalPages`): how many placeholders the next page needs, when it is the last. */
  private total?: number;
  private loadingMore = false;
  private announcement = '';

  #stopWaiting?: () => void;
  #abort?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.status === 'waiting' || this.status === 'loading') this.#waitForViewport();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
    if (this.status === 'loading') this.status = 'waiting';
    this.loadingMore = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('src') && !changed.has('limit')) return;
    this.#stop();
    this.articles = [];
    this.page = this.totalPages = 0;
    this.total = undefined;
    this.loadingMore = false;
    this.status = this.src ? 'waiting' : 'idle';
    if (this.src && this.isConnected) this.#waitForViewport();
  }

  get #perPage(): number {
    return cardsPerPage(this.src ?? '', this.limit, document.baseURI);
  }

  #waitForViewport(): void {
    this.#stopWaiting?.();
    this.#stopWaiting = whenNearViewport(this, () => void this.#load(1));
  }

  #stop(): void {
    this.#stopWaiting?.();
    this.#abort?.abort();
    this.#abort = undefined;
  }

  async #load(page: number): Promise<void> {
    const src = this.src;
    if (!src) return;
    const abort = new AbortController();
    this.#abort = abort;
    const perPage = this.#perPage;
    if (page === 1) this.status = 'loading';
    else this.loadingMore = true;
    try {
      const { articles, totalPages, total } = await loadCollectionPage(src, page, perPage, abort.signal, NwArticleList.timeout);
      // Each card speaks its article's language: its catalog is loaded before the cards are given their articles.
      await Promise.all(articles.map((article) => ensureCatalog(uiLocaleFor(article.lang ?? this.locale))));
      if (abort.signal.aborted) return;
      const first = this.articles.length;
      this.articles = [...this.articles, ...articles];
      this.page = page;
      this.totalPages = totalPages;
      this.total = total;
      this.status = 'loaded';
      this.loadingMore = false;
      if (page > 1) this.announcement = this.localized(() => msg('More articles loaded.', { id: 'article-list.loaded' }));
      await this.updateComplete;
      this.emit<ArticleListLoadDetail>('nw-list-load', { articles, page, totalPages });
      if (page > 1) void this.#focusCard(first);
    } catch (error) {
      if (abort.signal.aborted) return;
      const { reason, status } = error instanceof ArticleLoadError ? error : new ArticleLoadError('invalid-data');
      if (page === 1) this.status = 'failed';
      else this.announcement = this.localized(() => msg('More articles could not be loaded.', { id: 'article-list.more-failed' }));
      this.loadingMore = false;
      await this.updateComplete;
      this.emit<ArticleCardErrorDetail>('nw-error', status ? { reason, status } : { reason });
    }
  }

  /**
   * Moves focus to the link of the card at `index` (the first one "load more" added), once it shows it: the reader
   * goes on reading where the new cards start, as if the page had been longer all along.
   */
  async #focusCard(index: number): Promise<void> {
    const card = this.renderRoot.querySelectorAll<NwArticleCard>('nw-article-card')[index];
    if (!card) return;
    await card.updateComplete;
    card.shadowRoot?.querySelector<HTMLElement>('a[href]')?.focus();
  }

  #more(): void {
    if (this.loadingMore || this.status !== 'loaded') return;
    this.announcement = '';
    void this.#load(this.page + 1);
  }

  /** Whether the page wrote a fallback inside the element (white space is not one). */
  get #hasFallback(): boolean {
    return [...this.childNodes].some((node) => node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()));
  }

  get #layout(): ArticleListLayout {
    return Object.hasOwn(CARD_LAYOUTS, this.layout) ? this.layout : 'grid';
  }

  protected override render(): TemplateResult {
    const layout = this.#layout;
    const heading = this.heading && truncateGraphemes(collapseWhitespace(this.heading), 200);
    const href = safeHttpUrl(this.href);
    const failed = this.status === 'failed' || this.status === 'idle' || (this.status === 'loaded' && !this.articles.length);
    const pending = this.status === 'waiting' || this.status === 'loading';
    // The placeholders are cards too, at their loading size, and each becomes its article's card where it stands
    // (the same element, by its index): a new card would first be laid out at its off-screen estimate. A last page
    // gets only the places its posts need (`X-WP-Total`), so none is given back after the reader's click.
    const left = this.total === undefined ? Infinity : Math.max(this.total - this.articles.length, 0);
    const placeholders = pending ? this.#perPage : this.loadingMore ? Math.min(this.#perPage, left) : 0;
    const cardLayout = CARD_LAYOUTS[layout];
    const more = (this.status === 'loaded' && this.page < this.totalPages) || this.loadingMore;
    return html`
      <div class="root ${layout}" lang=${this.locale} dir=${this.direction}>
        ${heading ? html`<div part="heading" class="heading" role="heading" aria-level=${headingLevel(this.headingLevel)}>${heading}</div>` : nothing}
        ${failed
          ? html`<slot></slot>${this.status === 'failed' && !this.#hasFallback
                ? html`<p class="message">${msg('These articles could not be loaded.', { id: 'article-list.failed' })}</p>`
                : nothing}`
          : html`<ul part="list" class="list" role="list" aria-busy=${String(pending || this.loadingMore)}>
              ${[...this.articles, ...Array<null>(placeholders).fill(null)].map(
                (article) =>
                  html`<li part="item" aria-hidden=${article ? nothing : 'true'}>
                    <nw-article-card layout=${cardLayout} .article=${article}></nw-article-card>
                  </li>`,
              )}
            </ul>`}
        ${failed && !href
          ? nothing
          : html`<div class="footer">
              ${failed
                ? nothing
                : // Its line is kept while no more pages are known, before the first page and after the last: nothing below moves.
                  html`<button
                    part="more"
                    class="more ${more ? '' : 'gone'}"
                    type="button"
                    aria-disabled=${String(this.loadingMore)}
                    @click=${this.#more}
                  >
                    ${msg('More articles', { id: 'article-list.more' })}
                  </button>`}
              ${href ? html`<a part="all" class="all" href=${href}>${msg('All articles', { id: 'article-list.all' })}</a>` : nothing}
            </div>`}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </div>
    `;
  }
}
