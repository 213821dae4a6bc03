import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '../../i18n/msg.js';
import { formatTag } from '../../i18n/localize.js';
import { formatPublished } from '../../i18n/format.js';
import { readingTimeText } from '../../i18n/messages.js';
import { countWords, readingMinutes } from '../../i18n/reading-time.js';
import { whenNearViewport } from '../../internal/near-viewport.js';
import { NwElement } from '../../internal/nw-element.js';
import { collapseWhitespace, truncateGraphemes } from '../../internal/text.js';
import { safeHttpUrl } from '../../internal/url.js';
import { canonicalTag, languageFromScript } from '../../i18n/locale.js';
import { type Article, ArticleLoadError, type LoadFailure, loadArticle } from './article-source.js';
import { theme } from '../../internal/theme.styles.js';
import { articleCardStyles } from './article-card.styles.js';

export type ArticleCardLayout = 'vertical' | 'horizontal' | 'compact';
const LAYOUTS: readonly ArticleCardLayout[] = ['vertical', 'horizontal', 'compact'];

/** Longest texts a card keeps, in graphemes: CSS clamps what shows, this bounds what a screen reader reads. */
const LIMITS = { headline: 300, excerpt: 600, section: 60, author: 120 } as const;

export interface ArticleCardErrorDetail {
  reason: LoadFailure;
  status?: number;
}

type Status = 'static' | 'waiting' | 'loading' | 'loaded' | 'failed';

function cleanText(value: string | undefined, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = collapseWhitespace(value);
  return clean ? truncateGraphemes(clean, max) : undefined;
}

function positiveNumber(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Clamps each reserved excerpt to the whole lines its box has room for, after the headline and meta line took theirs
 * (none: its clip-path then hides it all).
 */
const fitExcerpts: ResizeObserverCallback = (entries) => {
  for (const { target, contentRect } of entries) {
    const lines = Math.floor(contentRect.height / parseFloat(getComputedStyle(target).lineHeight) + 0.01);
    (target as HTMLElement).style.cssText = `--_fit:${lines}`;
  }
};

/**
 * A card for one article — headline, picture, excerpt, author, date and reading time — set through attributes
 * or loaded from a WordPress REST post. The whole card is one link whose accessible name is the headline.
 *
 * @tagname nw-article-card
 * @summary A card for one news article, in the article's own language and direction.
 *
 * @slot - Fallback content shown before the element is defined (e.g. a plain link); kept for crawlers, not shown after.
 *
 * @fires nw-load - After `src` data arrived; `detail` is the normalized article.
 * @fires nw-error - When `src` could not be loaded; `detail` is `{ reason, status? }`.
 *
 * @csspart card - The card's box.
 * @csspart image - The picture.
 * @csspart section - The label above the headline.
 * @csspart headline - The headline (holds the link).
 * @csspart excerpt - The excerpt.
 * @csspart meta - The line with author, date and reading time.
 * @csspart author - The author's name.
 * @csspart date - The `<time>` of publication.
 * @csspart reading-time - The reading time.
 *
 * @cssprop --nw-font-family - Font (default: inherit).
 * @cssprop --nw-color-text - Text colour.
 * @cssprop --nw-color-muted - Secondary text colour.
 * @cssprop --nw-color-accent - Accent colour (section, hover, focus ring).
 * @cssprop --nw-color-surface - Card background.
 * @cssprop --nw-color-border - Card border.
 * @cssprop --nw-radius - Corner radius.
 * @cssprop --nw-space - Inner spacing.
 * @cssprop --nw-headline-lines - Lines the headline is clamped to (default 3).
 * @cssprop --nw-excerpt-lines - Lines the excerpt is clamped to (default 3).
 * @cssprop --nw-card-image-ratio - The picture's aspect ratio (default: from image-width/height, else 16 / 9).
 */
export class NwArticleCard extends NwElement {
  static override styles = [theme, articleCardStyles];

  static override properties: PropertyDeclarations = {
    href: {},
    headline: {},
    excerpt: {},
    section: {},
    image: {},
    imageAlt: { attribute: 'image-alt' },
    imageWidth: { attribute: 'image-width', type: Number },
    imageHeight: { attribute: 'image-height', type: Number },
    author: {},
    published: {},
    readingTime: { attribute: 'reading-time', type: Number },
    words: { type: Number },
    src: {},
    // Reflected for `:host([layout=…])`, but not the default: writing an attribute on every connected card costs
    // each one a style invalidation and an attributeChangedCallback (a tenth of its render).
    layout: { reflect: true, useDefault: true },
    target: {},
    article: { attribute: false },
    fetched: { state: true },
    status: { state: true },
    imageFailed: { state: true },
  };

  /** How long, in ms, a `src` may take to answer before the card gives up with `nw-error` `timeout`. */
  static timeout = 10_000;

  /** The article's URL; only http(s), relative URLs resolve against the page. */
  href?: string;
  headline?: string;
  excerpt?: string;
  /** The small label above the headline. */
  section?: string;
  /** The picture's URL; only http(s). */
  image?: string;
  imageAlt?: string;
  imageWidth?: number;
  imageHeight?: number;
  author?: string;
  /** ISO 8601 date-time of publication. */
  published?: string;
  /** Minutes, a positive integer. */
  readingTime?: number;
  /** Word count; without `reading-time` the card computes minutes from it. */
  words?: number;
  /** URL of a WordPress REST post (`?_embed`) or the reference server's JSON; fetched near the viewport. */
  src?: string;
  /** `vertical` (default), `horizontal` or `compact`. */
  layout: ArticleCardLayout = 'vertical';
  /** The link's target; `_blank` adds `rel="noopener noreferrer"`. */
  target?: string;
  /**
   * The article's data when the page already has it, instead of `src` (what `<nw-article-list>` sets from its
   * collection): shown as if fetched, in the article's language (whose catalog the setter has loaded), at the
   * loading card's size. `null` shows the loading placeholder until it comes.
   */
  article?: Article | null;

  private fetched: Article = {};
  private status: Status = 'static';
  private imageFailed = false;

  #stopWaiting?: () => void;
  #abort?: AbortController;
  /** The reserved excerpt, watched so its clamp follows the space the headline and meta line leave it. */
  #excerpt?: Element;
  /** Made for the first reserved excerpt: most cards (set by attributes) never reserve one. */
  #fit?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.src && this.status !== 'loaded') this.#waitForViewport();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLoading();
    if (this.status === 'loading') this.status = 'waiting';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && changed.get('src') !== undefined) {
      this.fetched = {};
      this.contentLang = undefined;
      this.resolveLanguage();
    }
    if (changed.has('src')) {
      this.#stopLoading();
      this.status = this.src ? 'waiting' : 'static';
      if (this.src && this.isConnected) this.#waitForViewport();
    }
    if (changed.has('image')) this.imageFailed = false;
    if (changed.has('article') && this.article !== undefined) {
      this.fetched = this.article ?? {};
      this.contentLang = this.article?.lang;
      this.resolveLanguage();
      this.imageFailed = false;
      this.status = this.article ? 'loaded' : 'waiting';
    }
  }

  protected override updated(): void {
    // Only a card that loads reserves an excerpt box; most cards (set by attributes) never look for one.
    if (this.status === 'static' && !this.#excerpt) return;
    const excerpt = this.renderRoot.querySelector('.reserve .excerpt') ?? undefined;
    if (excerpt === this.#excerpt) return;
    this.#fit?.disconnect();
    this.#excerpt = excerpt;
    if (excerpt) (this.#fit ??= new ResizeObserver(fitExcerpts)).observe(excerpt);
  }

  #waitForViewport(): void {
    this.#stopWaiting?.();
    this.#stopWaiting = whenNearViewport(this, () => void this.#load());
  }

  #stopLoading(): void {
    this.#stopWaiting?.();
    this.#abort?.abort();
    this.#abort = undefined;
  }

  async #load(): Promise<void> {
    const src = this.src;
    if (!src) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.status = 'loading';
    let article: Article;
    let failure: ArticleCardErrorDetail | undefined;
    try {
      article = await loadArticle(src, abort.signal, NwArticleCard.timeout);
    } catch (error) {
      const { reason, status } = error instanceof ArticleLoadError ? error : new ArticleLoadError('invalid-data');
      failure = status ? { reason, status } : { reason };
      article = this.#fallback();
    }
    if (abort.signal.aborted) return;
    this.fetched = article;
    this.imageFailed = false;
    this.contentLang = article.lang;
    this.resolveLanguage();
    this.status = failure ? 'failed' : 'loaded';
    await this.updateComplete;
    if (failure) this.emit<ArticleCardErrorDetail>('nw-error', failure);
    else this.emit<Article>('nw-load', article);
  }

  /**
   * What a failed card still has: the first light-DOM `<a href>` (the fallback partners write), if its URL is
   * safe, for its link, text and language. Without an `href` attribute it is the card's link.
   */
  #fallback(): Article {
    const link = this.querySelector<HTMLAnchorElement>('a[href]');
    const href = safeHttpUrl(link?.getAttribute('href'));
    if (!href || safeHttpUrl(this.href)) return {};
    const headline = cleanText(link!.textContent!, LIMITS.headline);
    return { href, headline, lang: canonicalTag(link!.lang) ?? (headline && languageFromScript(headline)) };
  }

  /** Attributes win over fetched values; each value is validated, and an invalid one counts as unset. */
  get #article(): Article {
    const fetched = this.fetched;
    const explicitImage = safeHttpUrl(this.image);
    return {
      href: safeHttpUrl(this.href) ?? fetched.href,
      headline: cleanText(this.headline, LIMITS.headline) ?? cleanText(fetched.headline, LIMITS.headline),
      excerpt: cleanText(this.excerpt, LIMITS.excerpt) ?? cleanText(fetched.excerpt, LIMITS.excerpt),
      section: cleanText(this.section, LIMITS.section) ?? cleanText(fetched.section, LIMITS.section),
      author: cleanText(this.author, LIMITS.author) ?? cleanText(fetched.author, LIMITS.author),
      image: explicitImage ?? fetched.image,
      imageAlt: explicitImage ? (cleanText(this.imageAlt, LIMITS.excerpt) ?? '') : fetched.imageAlt,
      imageWidth: explicitImage ? positiveNumber(this.imageWidth) : fetched.imageWidth,
      imageHeight: explicitImage ? positiveNumber(this.imageHeight) : fetched.imageHeight,
      published: this.published?.trim() || fetched.published,
      readingTime: positiveNumber(this.readingTime) ?? fetched.readingTime,
      words: positiveNumber(this.words) ?? fetched.words,
      text: fetched.text,
    };
  }

  #minutes(article: Article): number | undefined {
    if (article.readingTime) return Math.ceil(article.readingTime);
    const words = article.words ?? (article.text ? countWords(article.text, this.locale) : undefined);
    return words === undefined ? undefined : readingMinutes(words, this.locale);
  }

  get #effectiveLayout(): ArticleCardLayout {
    return LAYOUTS.includes(this.layout) ? this.layout : 'vertical';
  }

  protected override render(): TemplateResult {
    const article = this.#article;
    const layout = this.#effectiveLayout;
    const failed = this.status === 'failed';
    // A card reserves its final size while it loads and once loaded; a failed one lays out what it has.
    const fromSrc = this.status !== 'static' && !failed;
    const pending = this.status === 'waiting' || this.status === 'loading';
    const showMedia = layout !== 'compact' && (fromSrc || article.image);
    const card = html`
      <article
        part="card"
        class="card ${layout} ${fromSrc ? 'reserve' : ''}"
        lang=${this.locale}
        dir=${this.direction}
        aria-busy=${String(pending)}
      >
        ${showMedia ? this.#renderMedia(article) : nothing}
        <div class="body">
          ${layout !== 'compact' && (article.section || fromSrc)
            ? html`<p part="section" class="section ${pending && !article.section ? 'pending' : ''}">
                ${article.section ?? nothing}
              </p>`
            : nothing}
          ${failed && !article.headline && !article.href
            ? html`<p class="message" role="status">${msg('This article could not be loaded.', { id: 'article-card.failed' })}</p>`
            : this.#renderHeadline(article, pending)}
          ${layout !== 'compact' && (article.excerpt || fromSrc)
            ? html`<p part="excerpt" class="excerpt ${pending && !article.excerpt ? 'pending' : ''}">
                ${article.excerpt ?? nothing}
              </p>`
            : nothing}
          ${this.#renderMeta(article, pending)}
        </div>
      </article>
    `;
    // While loading, the card is wrapped in a different template, so the loaded card is new DOM rather than
    // the placeholder's nodes changing direction (an Arabic article on an English page): nothing shifts.
    return pending ? html`<div class="placeholder">${card}</div>` : card;
  }

  #renderMedia(article: Article): TemplateResult {
    const { image, imageWidth, imageHeight } = article;
    // A picture whose size is known shapes its box through its width/height attributes; a fetched one may
    // not change the box it was given while loading.
    const ownRatio = imageWidth && imageHeight && (this.status === 'static' || safeHttpUrl(this.image));
    const media = `media ${ownRatio ? 'own-ratio' : ''} ${this.imageFailed ? 'failed' : ''}`;
    // One template with the picture and one without, not a template inside a template: a thousand cards are
    // a thousand fewer template instances.
    return image
      ? html`<div class=${media}>
          <img
            part="image"
            src=${image}
            alt=${article.imageAlt ?? ''}
            width=${imageWidth ?? nothing}
            height=${imageHeight ?? nothing}
            loading="lazy"
            decoding="async"
            @error=${() => (this.imageFailed = true)}
          />
        </div>`
      : html`<div class=${media}></div>`;
  }

  /** The headline as the card's one link; an untitled article (WordPress allows them) is "Read the article". */
  #renderHeadline(article: Article, pending: boolean): TemplateResult {
    const blank = this.target === '_blank';
    const text = article.headline ?? (pending ? undefined : msg('Read the article', { id: 'article-card.read' }));
    const headline = `headline ${pending && !article.headline ? 'pending' : ''}`;
    return article.href && text
      ? html`<h3 part="headline" class=${headline}>
          <a class="link" href=${article.href} target=${this.target?.trim() || nothing} rel=${blank ? 'noopener noreferrer' : nothing}
            >${text}</a
          >
        </h3>`
      : html`<h3 part="headline" class=${headline}>${article.headline ?? nothing}</h3>`;
  }

  #renderMeta(article: Article, pending: boolean): TemplateResult | typeof nothing {
    const tag = formatTag(this.locale);
    const date = article.published ? new Date(article.published) : undefined;
    const when = date ? formatPublished(date, tag) : undefined;
    const minutes = this.#minutes(article);
    const empty = !article.author && !when && !minutes;
    if (empty && !pending) return nothing;
    return html`
      <p part="meta" class="meta ${empty ? 'pending' : ''}">
        ${article.author ? html`<span part="author"><bdi>${article.author}</bdi></span>` : nothing}
        ${when ? html`<time part="date" datetime=${date!.toISOString()}>${when}</time>` : nothing}
        ${minutes ? html`<span part="reading-time">${readingTimeText(minutes, tag)}</span>` : nothing}
      </p>
    `;
  }
}

