/**
 * The origin every link the server writes is built on (canonical links, `og:url`, `Location`, `link` and `_links`
 * in JSON, `Link` paging headers). With `PUBLIC_URL` set it is that, whatever the request says, so no `Host` header
 * can poison a link. Without it, the request's own scheme and `Host` (the proxy's, with `TRUST_PROXY`), checked
 * first: a `Host` that names no host (`a b`, `[`, `:99999`, none at all on HTTP/1.0) is a 400, never a link or a 500.
 */
import type { FastifyInstance } from 'fastify';
import { WpError } from '../wp/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** `scheme://host[:port]`, the origin this request's links are built on. */
    site: string;
  }
}

/** RFC 3986's host without user info: a registered name or IPv4 address, or an IPv6 literal; then an optional port. */
const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9._~-]+)(?::\d{1,5})?$/i;

/** `scheme://host` normalized by the URL parser (lower case, default port dropped), or `undefined` when not a host. */
export function originOf(protocol: string | undefined, host: string | undefined): string | undefined {
  const scheme = protocol?.toLowerCase();
  if ((scheme !== 'http' && scheme !== 'https') || !host || !HOST.test(host)) return undefined;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    // A port over 65535, an IPv6 literal that is not one.
    return undefined;
  }
}

export const badHost = () => new WpError('rest_invalid_host', 'The Host header of the request is missing or malformed.', 400);

export function registerSite(app: FastifyInstance, publicUrl: string | undefined): void {
  app.decorateRequest('site', '');
  // A callback hook: no promise per request for a string check.
  app.addHook('onRequest', (request, _reply, done) => {
    const host = request.host;
    // A malformed Host is refused even when links do not need it (RFC 9112 §3.2); a missing one only when they do.
    const site = host !== '' && originOf('http', host) === undefined ? undefined : (publicUrl ?? originOf(request.protocol, host));
    if (site === undefined) {
      done(badHost());
      return;
    }
    request.site = site;
    done();
  });
}
