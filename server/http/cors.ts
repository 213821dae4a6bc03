/**
 * CORS as one rule by method, so every route, today's and tomorrow's, follows it without a list to keep:
 * - reads (`GET`, `HEAD` and preflights for them) are public, as in WordPress: `Access-Control-Allow-Origin: *`,
 *   never credentials. The server has no cookies or sessions, so a reader's browser holds nothing that could leak;
 * - writes (`POST` and its preflight) only from `ALLOWED_ORIGINS` and the server's own origin (`request.site`).
 */
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const READS = new Set(['GET', 'HEAD']);
/** What a reading page may see besides the body: the totals `<nw-comment-list>` counts and pages with. */
const EXPOSED = ['X-WP-Total', 'X-WP-TotalPages', 'Link'];
const MAX_AGE = 600;

const READ_POLICY: FastifyCorsOptions = { origin: '*', methods: [...READS], exposedHeaders: EXPOSED, maxAge: MAX_AGE };
const NO_POLICY: FastifyCorsOptions = { origin: false };

/** The method the request is, or, for a preflight, the one it asks about. */
const methodOf = (request: FastifyRequest) =>
  request.method === 'OPTIONS' ? request.headers['access-control-request-method'] : request.method;

export async function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  const writers = new Set(allowedOrigins);
  await app.register(cors, {
    delegator: (request, callback) => {
      const method = methodOf(request);
      if (method !== undefined && READS.has(method)) return callback(null, READ_POLICY);
      const { origin } = request.headers;
      if (origin === undefined || !(writers.has(origin) || origin === request.site)) return callback(null, NO_POLICY);
      callback(null, {
        origin,
        methods: ['GET', 'HEAD', 'POST'],
        allowedHeaders: ['Content-Type'],
        exposedHeaders: EXPOSED,
        maxAge: MAX_AGE,
      });
    },
  });
}
