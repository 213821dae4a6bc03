/**
 * Where `<nw-comment-count>` leads: the article's comments, `#comments` as WordPress's `get_comments_link()`
 * (and this project's article page) names them.
 */
import { safeHttpUrl } from '../../internal/url.js';

/**
 * `href` (the article's URL) with `#comments`, unless it names a fragment of its own; no `href`: `#comments` on
 * this page. `undefined` for an `href` that is not a safe http(s) URL (`javascript:`, `data:`, malformed).
 */
export function commentsLink(href: string | null | undefined, base: string = document.baseURI): string | undefined {
  if (!href?.trim()) return '#comments';
  const safe = safeHttpUrl(href, base);
  if (!safe) return undefined;
  const url = new URL(safe);
  if (!url.hash) url.hash = 'comments';
  return url.href;
}
