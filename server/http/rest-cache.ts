/**
 * Answers to REST reads, kept while the database stays the same. A read's answer is a function of its URL, the
 * site's origin (links are absolute) and the stored rows: nothing in it depends on the time or the client, and a
 * request that signs in (`Authorization`) is neither answered from memory nor kept. So a `GET` whose answer was a
 * 200 is answered again from memory, headers and all, until any row changes, through this server or any other
 * (`Sql.marker`, checked on every request: about a microsecond on SQLite, one round trip on PostgreSQL). CORS and the security headers are still
 * added per request by their own hooks; only what the route made is kept.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { addRouteHook } from './route-hooks.js';
import { keptWhileUnchanged } from '../store/kept.js';
import { REST_PREFIX } from '../wp/routes.js';

/** Answers kept at most, the least recently used forgotten first. */
const ENTRIES = 256;
/** Larger answers (a long page of long posts) are made each time rather than held. */
const MAX_BYTES = 512 * 1024;
/** The headers a route sets, which the kept answer carries again. */
const KEPT_HEADERS = ['content-type', 'x-wp-total', 'x-wp-totalpages', 'link', 'allow'] as const;

interface Kept {
  body: string;
  headers: Array<[string, string]>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The key this read's answer is kept under; `''` when it is not kept. */
    restCacheKey: string;
    /** The database's marker when the read began: an answer kept with it is stale as soon as it differs. */
    restCacheMarker: string;
  }
}

export function registerRestCache(app: FastifyInstance, marker: () => Promise<string>): void {
  const kept = keptWhileUnchanged<Kept>(marker, ENTRIES);
  app.decorateRequest('restCacheKey', '');
  app.decorateRequest('restCacheMarker', '');

  const look = async (request: FastifyRequest, reply: FastifyReply) => {
    // A HEAD route shares its GET route's hooks; only a GET's answer is kept, and only an anonymous one (a
    // moderator's answers depend on who asks).
    if (request.method !== 'GET' || request.headers.authorization !== undefined) return;
    const key = `${request.site} ${request.url}`;
    const { marker: current, value: hit } = await kept.look(key);
    if (hit) {
      for (const [name, value] of hit.headers) reply.header(name, value);
      return reply.send(hit.body);
    }
    request.restCacheKey = key;
    request.restCacheMarker = current;
  };

  const keep: onSendHookHandler<unknown> = (request, reply, payload, done) => {
    const key = request.restCacheKey;
    if (key !== '' && reply.statusCode === 200 && typeof payload === 'string' && payload.length <= MAX_BYTES) {
      const headers: Array<[string, string]> = [];
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (typeof value === 'string') headers.push([name, value]);
      }
      kept.keep(key, request.restCacheMarker, { body: payload, headers });
    }
    done(null, payload);
  };

  // Only on the REST routes that read: a write, a page or a file never passes through either hook. Route hooks run
  // after the server's own, so a kept answer still gets CORS and the response headers' hooks.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('GET') || !route.url.startsWith(REST_PREFIX)) return;
    addRouteHook(route, 'onRequest', look);
    addRouteHook(route, 'onSend', keep);
  });
}
