/**
 * CORS as one rule by method, so every route, today's and tomorrow's, follows it without a list to keep:
 * - reads (`GET`, `HEAD` and preflights for them) are public, as in WordPress: `Access-Control-Allow-Origin: *`,
 *   never credentials. The server has no cookies or sessions, so a reader's browser holds nothing that could leak;
 * - writes (`POST`, a moderator's `PUT`/`PATCH`/`DELETE`, and their preflights) only from `ALLOWED_ORIGINS` and the
 *   server's own origin (`request.site`). A moderator signs in with `Authorization`, which the read policy allows too.
 */
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const READS = new Set(['GET', 'HEAD']);
/** What a page may see besides the body: the totals `<nw-comment-list>` counts and pages with, and when to try again. */
const EXPOSED = ['X-WP-Total', 'X-WP-TotalPages', 'Link', 'Retry-After'];
const MAX_AGE = 600;
/**
 * What a writing page may send (`rest_send_cors_headers`' list in WordPress): `Authorization` and `X-WP-Nonce` for
 * authenticated clients and the nonce path of the comment form, the `Content-*` headers of uploads.
 */
const ALLOWED_HEADERS = ['Authorization', 'X-WP-Nonce', 'Content-Disposition', 'Content-MD5', 'Content-Type'];

const READ_POLICY: FastifyCorsOptions = { origin: '*', methods: [...READS], exposedHeaders: EXPOSED, maxAge: MAX_AGE };
const NO_POLICY: FastifyCorsOptions = { origin: false };
/** `OPTIONS` without `Access-Control-Request-Method` is no preflight: the route answers it with its schema. */
const ROUTE_OPTIONS: FastifyCorsOptions = { ...READ_POLICY, preflight: false };

/** The method the request is, or, for a preflight, the one it asks about. */
const methodOf = (request: FastifyRequest) =>
  request.method === 'OPTIONS' ? request.headers['access-control-request-method'] : request.method;

export async function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  const writers = new Set(allowedOrigins);
  await app.register(cors, {
    delegator: (request, callback) => {
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] === undefined) {
        return callback(null, ROUTE_OPTIONS);
      }
      const method = methodOf(request);
      if (method !== undefined && READS.has(method)) return callback(null, READ_POLICY);
      const { origin } = request.headers;
      if (origin === undefined || !(writers.has(origin) || origin === request.site)) return callback(null, NO_POLICY);
      callback(null, {
        origin,
        methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowedHeaders: ALLOWED_HEADERS,
        exposedHeaders: EXPOSED,
        maxAge: MAX_AGE,
      });
    },
  });
}
