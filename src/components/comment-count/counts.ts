/**
 * Approved-comment counts for `<nw-comment-count>`, shared by every count on the page: one request per
 * (endpoint, post) — `?post=ID&per_page=1&_fields=id`, read from `X-WP-Total` — all those asked for in one task
 * sent together, each answer kept for the page. WordPress has no count route and its batch API takes no GETs, so
 * this is the fewest requests that give exact counts on WordPress and the reference server alike.
 */
import { withTimeout } from '../../internal/timeout.js';
import { TIMEOUT_MS } from '../comment-form/comments-api.js';

const counts = new Map<string, Promise<number>>();
let gathering: Promise<void> | undefined;

/** The request for one post's count; the endpoint's own query (`?rest_route=/wp/v2/comments`) is kept. */
export function countUrl(endpoint: string, post: number): string {
  const url = new URL(endpoint, document.baseURI);
  url.searchParams.set('post', String(post));
  url.searchParams.set('per_page', '1');
  url.searchParams.set('_fields', 'id');
  return url.href;
}

/**
 * The count `X-WP-Total` gives, else what the body proves (an empty page: none); `undefined` when neither is
 * trustworthy (a missing or garbage header with a comment in the body: a partner's CORS that hides the header).
 */
export function countFrom(totalHeader: string | null, items: unknown): number | undefined {
  if (!Array.isArray(items)) return undefined;
  const total = totalHeader === null || totalHeader.trim() === '' ? NaN : Number(totalHeader);
  if (Number.isSafeInteger(total) && total >= items.length) return total;
  return items.length === 0 ? 0 : undefined;
}

async function fetchCount(url: string): Promise<number> {
  return withTimeout(TIMEOUT_MS, async (signal) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit', signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const count = countFrom(response.headers.get('X-WP-Total'), await response.json());
    if (count === undefined) throw new Error('no count');
    return count;
  });
}

/**
 * The number of approved comments on `post`; rejects on any failure (network, time-out, non-2xx, no count).
 * A failure is forgotten once every count waiting for it has heard it, so a later element may try again.
 */
export function commentCount(endpoint: string, post: number): Promise<number> {
  const url = countUrl(endpoint, post);
  let count = counts.get(url);
  if (!count) {
    // The elements of a page (or of one render of a list) ask one by one; the requests leave together.
    gathering ??= new Promise<void>((resolve) =>
      setTimeout(() => {
        gathering = undefined;
        resolve();
      }),
    );
    count = gathering.then(() => fetchCount(url));
    counts.set(url, count);
    count.catch(() => counts.delete(url));
  }
  return count;
}
