/** Response details every WordPress-style route shares. */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The origin links are built on. WordPress links are absolute; the demo has no fixed public URL, so the request's own is used. */
export function siteOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** `X-WP-Total`, `X-WP-TotalPages` and RFC 8288 `Link` headers for the neighbouring pages, as WordPress sends them. */
export function pagingHeaders(
  reply: FastifyReply,
  request: FastifyRequest,
  { total, totalPages, page }: { total: number; totalPages: number; page: number },
): void {
  reply.header('X-WP-Total', String(total));
  reply.header('X-WP-TotalPages', String(totalPages));
  const url = new URL(request.url, siteOf(request));
  const pageLink = (target: number, rel: string) => {
    url.searchParams.set('page', String(target));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(pageLink(Math.max(1, Math.min(page - 1, totalPages)), 'prev'));
  if (page < totalPages) links.push(pageLink(page + 1, 'next'));
  if (links.length > 0) reply.header('Link', links.join(', '));
}
