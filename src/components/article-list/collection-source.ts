/**
 * Loading a WordPress REST collection (`/wp-json/wp/v2/posts?categories=3&_embed`) for `<nw-article-list>`, one
 * page at a time: each post is normalized as the card normalizes one (`normalizeArticle`), and the number of pages
 * comes from WordPress's `X-WP-TotalPages` header.
 */
import { type Article, ArticleLoadError, normalizeArticle, requestJson } from '../article-card/article-source.js';

/** WordPress's `per_page` default and maximum. */
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

export interface CollectionPage {
  articles: Article[];
  /** `X-WP-TotalPages`; without it (or with garbage), the page asked for, so nothing more is offered. */
  totalPages: number;
  /** `X-WP-Total`, the posts on every page together, when the server says. */
  total?: number;
}

/** A header's whole number, or `undefined`. */
function count(headers: Headers, name: string): number | undefined {
  const value = Number(headers.get(name) ?? NaN);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** A whole number of cards per page, at most WordPress's 100; anything else (0, -1, 2.5, NaN) is `undefined`. */
export function pageSize(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? Math.min(number, MAX_PAGE_SIZE) : undefined;
}

/** How many cards a page of `src` holds: `limit`, else the URL's own `per_page`, else WordPress's 10. */
export function cardsPerPage(src: string, limit: unknown, base: string): number {
  let perPage: string | null = null;
  try {
    perPage = new URL(src, base).searchParams.get('per_page');
  } catch {
    // A malformed src fails when it is fetched; its size only shapes the placeholder.
  }
  return pageSize(limit) ?? pageSize(perPage) ?? DEFAULT_PAGE_SIZE;
}

/** `src` with its `per_page` and `page` set (the rest of the query, `_embed` and the filters, kept); `src` if it does not parse. */
export function pageUrl(src: string, page: number, perPage: number, base: string): string {
  try {
    const url = new URL(src, base);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(page));
    return url.href;
  } catch {
    return src;
  }
}

/** Fetches page `page` of `src`; throws an `ArticleLoadError` as `loadArticle` does, `invalid-data` for a non-list. */
export async function loadCollectionPage(src: string, page: number, perPage: number, signal: AbortSignal, timeout: number): Promise<CollectionPage> {
  const { json, url, headers } = await requestJson(pageUrl(src, page, perPage, document.baseURI), signal, timeout);
  if (!Array.isArray(json)) throw new ArticleLoadError('invalid-data');
  const articles = json
    .slice(0, perPage)
    .map((post: unknown) => normalizeArticle(post, url))
    .filter((article): article is Article => article !== undefined);
  if (json.length > 0 && articles.length === 0) throw new ArticleLoadError('invalid-data');
  return { articles, totalPages: count(headers, 'X-WP-TotalPages') ?? page, total: count(headers, 'X-WP-Total') };
}
