/**
 * Loading and normalizing the JSON behind a card's `src`: a WordPress REST post (`/wp/v2/posts/ID?_embed`,
 * or the array `?slug=…&_embed` answers), or the flat shape of `articles-en.json`. Everything that comes in is
 * untrusted: HTML is decoded to plain text (never injected), URLs are checked, numbers validated.
 */
import { canonicalTag, languageFromScript } from '../../i18n/locale.js';
import { collapseWhitespace } from '../../internal/text.js';
import { TimeoutError, withTimeout } from '../../internal/timeout.js';
import { safeHttpUrl } from '../../internal/url.js';

/** A card's data, every field optional and already safe to render as text or use as a URL. */
export interface Article {
  href?: string;
  headline?: string;
  excerpt?: string;
  section?: string;
  image?: string;
  imageAlt?: string;
  imageWidth?: number;
  imageHeight?: number;
  author?: string;
  /** ISO 8601 with a zone. */
  published?: string;
  readingTime?: number;
  words?: number;
  /** Plain text of the body, for counting words. */
  text?: string;
  /** BCP 47 tag of the article's language, given or inferred from its script. */
  lang?: string;
}

export type LoadFailure = 'invalid-src' | 'network' | 'timeout' | 'http' | 'invalid-json' | 'invalid-data';

export class ArticleLoadError extends Error {
  constructor(
    readonly reason: LoadFailure,
    readonly status?: number,
  ) {
    super(`news-widgets: the article could not be loaded (${reason}${status ? ` ${status}` : ''})`);
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = collapseWhitespace(value);
  return clean || undefined;
}

/** `{ rendered: "<p>HTML &amp; entities</p>" }` or a plain string → plain text. */
function renderedText(value: unknown): string | undefined {
  const html = isObject(value) ? value.rendered : value;
  return typeof html === 'string' ? text(htmlToText(html)) : undefined;
}

function positive(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
}

/**
 * Elements whose content a reader never sees as text: code and styles, inert templates, and fallbacks for
 * browsers without scripts or frames (a `DOMParser` document runs no scripts, so it parses `<noscript>` as markup).
 */
const NOT_TEXT = 'script,style,template,noscript,noembed,noframes,iframe,object';

/**
 * Plain text of an HTML fragment. `DOMParser` documents are inert (no scripts run, no images load), and
 * block boundaries become spaces so "<p>a</p><p>b</p>" counts two words.
 */
export function htmlToText(html: string): string {
  const spaced = html.replace(/<\/?(?:p|br|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|tr|td|th)\b[^>]*>/gi, ' $& ');
  const { body } = new DOMParser().parseFromString(spaced, 'text/html');
  body.querySelectorAll(NOT_TEXT).forEach((element) => element.remove());
  return body.textContent ?? '';
}

/** WordPress's `date_gmt` has no zone and is UTC; a value that does not parse is dropped. */
function isoDate(gmt: unknown, local: unknown): string | undefined {
  for (const [value, zone] of [
    [gmt, 'Z'],
    [local, ''],
  ] as const) {
    if (typeof value !== 'string' || !value.trim()) continue;
    const hasZone = /(?:Z|[+-]\d\d:?\d\d)$/i.test(value.trim());
    const date = new Date(hasZone ? value.trim() : `${value.trim()}${zone}`);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  return undefined;
}

/** WPML's `wpml_current_locale` is `ar_SA`-shaped; Polylang and our server send `lang`. */
function articleLang(post: Json): string | undefined {
  for (const value of [post.lang, post.language, post.wpml_current_locale]) {
    if (typeof value === 'string') {
      const tag = canonicalTag(value.replace(/_/g, '-'));
      if (tag) return tag;
    }
  }
  return undefined;
}

interface Picture {
  image?: string;
  imageAlt?: string;
  imageWidth?: number;
  imageHeight?: number;
}

/** The featured image: the smallest size at least 640 px wide (a card is rarely wider), else the full size. */
function featuredImage(media: unknown, base: string): Picture {
  if (!isObject(media)) return {};
  const details = isObject(media.media_details) ? media.media_details : {};
  const sizes = isObject(details.sizes) ? Object.values(details.sizes).filter(isObject) : [];
  const candidates = sizes
    .map((size) => ({ url: safeHttpUrl(text(size.source_url), base), width: positive(size.width), height: positive(size.height) }))
    .filter((size) => size.url && size.width && size.height)
    .sort((a, b) => a.width! - b.width!);
  const chosen = candidates.find((size) => size.width! >= 640) ?? {
    url: safeHttpUrl(text(media.source_url), base),
    width: positive(details.width),
    height: positive(details.height),
  };
  if (!chosen.url) return {};
  return { image: chosen.url, imageAlt: text(media.alt_text) ?? '', imageWidth: chosen.width, imageHeight: chosen.height };
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

function fromWordPress(post: Json, base: string): Article {
  const embedded = isObject(post._embedded) ? post._embedded : {};
  const author = firstOf(embedded.author);
  const category = firstOf(firstOf(embedded['wp:term']));
  const content = renderedText(post.content);
  return {
    href: safeHttpUrl(text(post.link), base),
    headline: renderedText(post.title),
    excerpt: renderedText(post.excerpt),
    section: isObject(category) && category.taxonomy === 'category' ? renderedText(category.name) : undefined,
    author: isObject(author) ? renderedText(author.name) : undefined,
    published: isoDate(post.date_gmt, post.date),
    text: content,
    ...featuredImage(firstOf(embedded['wp:featuredmedia']), base),
  };
}

/** The flat shape of the reference server's samples: `{ lang, headline, excerpt, section, author, published, words, … }`. */
function fromFlat(data: Json, base: string): Article {
  return {
    href: safeHttpUrl(text(data.href ?? data.link), base),
    headline: renderedText(data.headline),
    excerpt: renderedText(data.excerpt),
    section: text(data.section),
    image: safeHttpUrl(text(data.image), base),
    imageAlt: text(data.image_alt) ?? '',
    imageWidth: positive(data.image_width),
    imageHeight: positive(data.image_height),
    author: text(data.author),
    published: isoDate(undefined, data.published),
    readingTime: positive(data.reading_time),
    words: positive(data.words),
    text: renderedText(data.content),
  };
}

function withoutEmpty(article: Article): Article {
  return Object.fromEntries(Object.entries(article).filter(([, value]) => value !== undefined)) as Article;
}

/**
 * The card's data from any JSON the `src` may answer, resolved against `base` (the JSON's own URL);
 * `undefined` when it is not an article at all.
 */
export function normalizeArticle(json: unknown, base: string): Article | undefined {
  const data = Array.isArray(json) ? json[0] : json;
  if (!isObject(data)) return undefined;
  const isWordPress = isObject(data.title) || isObject(data.content) || '_embedded' in data;
  const article = withoutEmpty(isWordPress ? fromWordPress(data, base) : fromFlat(data, base));
  if (!article.headline && !article.href) return undefined;
  if (!article.image) delete article.imageAlt;
  const lang = articleLang(data) ?? languageFromScript([article.headline, article.excerpt, article.text].join(' '));
  return lang ? { ...article, lang } : article;
}

/**
 * Fetches `src` as JSON (no credentials, `timeout` ms at most) for a card or a list: the answer, the URL it came
 * from (what relative URLs in it resolve against) and the response's headers. Throws an `ArticleLoadError`.
 */
export async function requestJson(src: string, signal: AbortSignal, timeout: number): Promise<{ json: unknown; url: string; headers: Headers }> {
  const url = safeHttpUrl(src);
  if (!url) throw new ArticleLoadError('invalid-src');
  try {
    return await withTimeout(timeout, async (timer) => {
      let response: Response;
      try {
        response = await fetch(url, {
          credentials: 'omit',
          headers: { Accept: 'application/json' },
          signal: AbortSignal.any([signal, timer]),
        });
      } catch {
        throw new ArticleLoadError('network');
      }
      if (!response.ok) throw new ArticleLoadError('http', response.status);
      try {
        return { json: await response.json(), url: response.url || url, headers: response.headers };
      } catch {
        throw new ArticleLoadError('invalid-json');
      }
    });
  } catch (error) {
    throw error instanceof TimeoutError ? new ArticleLoadError('timeout') : error;
  }
}

/** Fetches and normalizes `src` (no credentials, `timeout` ms at most); throws an `ArticleLoadError`. */
export async function loadArticle(src: string, signal: AbortSignal, timeout = 10_000): Promise<Article> {
  const { json, url } = await requestJson(src, signal, timeout);
  const article = normalizeArticle(json, url);
  if (!article) throw new ArticleLoadError('invalid-data');
  return article;
}
