/**
 * `?rest_route=/wp/v2/…`: the form of every REST URL on a WordPress without pretty permalinks, which clients also
 * use where they cannot know the permalinks (`rest_api_loaded`). A request for `/` or `/index.php` with that
 * parameter is the same request to the pretty route, its other parameters kept; links in the answer are built from
 * the pretty form, as `rest_url()` builds them on a site with pretty permalinks. Rewritten before routing (Fastify's
 * `rewriteUrl`), so methods, hooks, CORS and errors are the pretty route's own.
 */
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { noRoute } from '../wp/errors.js';
import { REST_PREFIX } from '../wp/routes.js';

/** Requests whose `rest_route` names no route at all (`rest_route=wp/v2/posts`, a `..` segment). */
const noSuchRoute = new WeakSet<IncomingMessage>();

/** A query component as PHP decodes it (`+` is a space); `undefined` when it is not valid percent-encoding. */
function decode(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** A route `serve_request` could match: absolute, no empty, `.` or `..` segment that would move the path. */
const ROUTE = /^(?:\/(?!\.\.?(?:\/|$))[^/?#]+)*\/?$/;

/** Fastify's `rewriteUrl` option. */
export function rewriteRestRoute(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  if (query === -1) return url;
  const path = url.slice(0, query);
  if (path !== '/' && path !== '/index.php') return url;

  let route: string | undefined;
  const kept: string[] = [];
  for (const pair of url.slice(query + 1).split('&')) {
    const equals = pair.indexOf('=');
    if (decode(equals === -1 ? pair : pair.slice(0, equals)) === 'rest_route') {
      // PHP keeps the last of repeated parameters.
      route = decode(equals === -1 ? '' : pair.slice(equals + 1)) ?? '\0';
    } else if (pair !== '') kept.push(pair);
  }
  if (route === undefined) return url;

  // `rest_api_loaded`: untrailingslashit, and an empty route is the index.
  const trimmed = route.replace(/\/+$/, '') || '/';
  if (!ROUTE.test(trimmed)) {
    noSuchRoute.add(request);
    return url;
  }
  const pretty = REST_PREFIX + trimmed.split('/').map(encodeURIComponent).join('/');
  return kept.length > 0 ? `${pretty}?${kept.join('&')}` : pretty;
}

export function registerRestRoute(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    done(noSuchRoute.has(request.raw) ? noRoute() : undefined);
  });
}
