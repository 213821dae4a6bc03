/** Response details every WordPress-style route shares. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WpError } from '../wp/errors.js';

/** WordPress routes ids as `(?P<id>[\d]+)`: anything else is not a route at all (`rest_no_route`). */
export const ID = ':id(^\\d+$)';

/** The `:id` of a route made with `ID`; an id too large to be a row id is simply unknown (`undefined`). */
export function idParam(request: FastifyRequest): number | undefined {
  const id = Number((request.params as { id: string }).id);
  return Number.isSafeInteger(id) ? id : undefined;
}

/** The origin links are built on (WordPress links are absolute): `PUBLIC_URL`, else the request's checked own (`http/site.ts`). */
export function siteOf(request: FastifyRequest): string {
  return request.site;
}

/**
 * How many pages `total` items make; a page past the last of a collection that has items is WordPress's
 * `400 rest_<kind>_invalid_page_number` (posts and attachments say `post`, the search handler `search`).
 */
export function pagesOf(total: number, perPage: number, page: number, kind: 'post' | 'search'): number {
  const pages = Math.ceil(total / perPage);
  if (page > pages && total > 0) {
    throw new WpError(`rest_${kind}_invalid_page_number`, 'The page number requested is larger than the number of pages available.', 400);
  }
  return pages;
}

/** `X-WP-Total`, `X-WP-TotalPages` and RFC 8288 `Link` headers for the neighbouring pages, as WordPress sends them. */
export function pagingHeaders(
  reply: FastifyReply,
  request: FastifyRequest,
  { total, totalPages, page }: { total: number; totalPages: number; page: number },
): void {
  reply.header('X-WP-Total', String(total));
  reply.header('X-WP-TotalPages', String(totalPages));
  // Path and query only: an absolute-form or `//host/…` request target must not move the links to another origin.
  const query = request.url.indexOf('?');
  const url = new URL(siteOf(request));
  url.pathname = query === -1 ? request.url : request.url.slice(0, query);
  url.search = query === -1 ? '' : request.url.slice(query);
  const pageLink = (target: number, rel: string) => {
    url.searchParams.set('page', String(target));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(pageLink(Math.max(1, Math.min(page - 1, totalPages)), 'prev'));
  if (page < totalPages) links.push(pageLink(page + 1, 'next'));
  if (links.length > 0) reply.header('Link', links.join(', '));
}
