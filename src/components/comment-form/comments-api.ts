/**
 * A small WordPress REST client for comments (`/wp-json/wp/v2/comments`): what the form and the list share,
 * and reading a page of comments. Posting, which only the form does, is in `post-comment.ts`, so the list
 * (which loads the form at a first "Reply") does not download it: a module both use is bundled whole.
 */
import { withTimeout } from '../../internal/timeout.js';

export const TIMEOUT_MS = 15_000;

/** A comment as WordPress's REST API returns it (the fields these elements read). */
export interface WpComment {
  id: number;
  post: number;
  parent: number;
  author_name: string;
  author_url?: string;
  date?: string;
  date_gmt?: string;
  content: { rendered: string };
  status: 'approved' | 'hold' | string;
  link?: string;
}

/** What the form sends; empty optional fields are left out, because WordPress rejects `""` as an e-mail or URL. */
export interface CommentPayload {
  post: number;
  parent: number;
  content: string;
  author_name?: string;
  author_email?: string;
  author_url?: string;
}

export interface RequestOptions {
  nonce?: string;
}

/** The endpoint as an absolute URL, so `/wp-json/…` and `https://site/wp-json/…` name the same comments. */
export function resolveEndpoint(endpoint: string): string {
  try {
    return new URL(endpoint, document.baseURI).href;
  } catch {
    return endpoint;
  }
}

/** Whether an element knows whose comments it handles: an endpoint and a positive integer post id. */
export function usable(endpoint: string, postId: number | undefined): boolean {
  return Boolean(endpoint) && Number.isInteger(postId) && postId! > 0;
}

export interface CommentPage {
  comments: WpComment[];
  total: number;
  totalPages: number;
}

export interface ListQuery {
  post: number;
  page: number;
  perPage: number;
  order: 'asc' | 'desc';
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isOptionalString = (value: unknown): boolean => value === undefined || value === null || isString(value);
const isCount = (value: unknown, least: number): value is number => Number.isSafeInteger(value) && (value as number) >= least;

/**
 * `value` when it is a comment these elements can show, else `undefined`: a positive integer id, a parent id,
 * `content.rendered` and the author's name as strings, and dates and URL, when present, as strings. One bad item
 * from a server or a plugin must cost that item only, never the list.
 */
export function toComment(value: unknown): WpComment | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Record<string, unknown> & Partial<WpComment>;
  const fine =
    isCount(c.id, 1) &&
    isCount(c.parent, 0) &&
    isString(c.content?.rendered) &&
    isString(c.author_name) &&
    [c.author_url, c.date, c.date_gmt, c.status].every(isOptionalString);
  return fine ? (c as WpComment) : undefined;
}

/**
 * The counts a page's headers claim, bounded by what can be paged: at least what has arrived (earlier pages are
 * full), at most `per_page` × pages, and exactly what has arrived once a short page shows that it was the last.
 * Garbage (`abc`, `-3`, `1e308`) ends within those bounds, so the count in words and "load more" stay true.
 */
export function pageCounts(totalHeader: string | null, pagesHeader: string | null, query: ListQuery, received: number): { total: number; totalPages: number } {
  const arrived = (query.page - 1) * query.perPage + received;
  const last = received < query.perPage;
  const claimedPages = Number(pagesHeader);
  const totalPages = last ? query.page : Math.max(query.page, isCount(claimedPages, 1) ? claimedPages : 1);
  const claimedTotal = Number(totalHeader);
  const most = last ? arrived : totalPages * query.perPage;
  const total = Math.max(Math.min(Number.isFinite(claimedTotal) ? Math.trunc(claimedTotal) : 0, most), arrived);
  return { total, totalPages };
}

/** One page of approved comments, without the items that are not comments; rejects on any failure (network, time-out, non-2xx, non-JSON). */
export async function fetchComments(endpoint: string, query: ListQuery): Promise<CommentPage> {
  const url = new URL(endpoint, document.baseURI);
  // Set one by one, not by replacing `search`: an endpoint may carry its own query (`?rest_route=/wp/v2/comments`).
  const params = { post: query.post, per_page: query.perPage, page: query.page, order: query.order };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  return withTimeout(TIMEOUT_MS, async (signal) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit', signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const items: unknown = await response.json();
    if (!Array.isArray(items)) throw new Error('not a list');
    const comments = items.map(toComment).filter((c): c is WpComment => c !== undefined);
    const { headers } = response;
    return { comments, ...pageCounts(headers.get('X-WP-Total'), headers.get('X-WP-TotalPages'), query, items.length) };
  });
}
