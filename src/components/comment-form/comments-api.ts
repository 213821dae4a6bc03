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
  timeoutMs?: number;
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

/** One page of approved comments; rejects on any failure (network, time-out, non-2xx, non-JSON). */
export async function fetchComments(endpoint: string, query: ListQuery, options: RequestOptions = {}): Promise<CommentPage> {
  const url = new URL(endpoint, document.baseURI);
  // Set one by one, not by replacing `search`: an endpoint may carry its own query (`?rest_route=/wp/v2/comments`).
  const params = { post: query.post, per_page: query.perPage, page: query.page, order: query.order };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  return withTimeout(options.timeoutMs ?? TIMEOUT_MS, async (signal) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit', signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const comments = (await response.json()) as WpComment[];
    if (!Array.isArray(comments)) throw new Error('not a list');
    const total = Number(response.headers.get('X-WP-Total') ?? comments.length);
    const totalPages = Number(response.headers.get('X-WP-TotalPages') ?? 1);
    return {
      comments,
      total: Number.isFinite(total) ? total : comments.length,
      totalPages: Number.isFinite(totalPages) ? totalPages : 1,
    };
  });
}
