/**
 * Every error leaves as WordPress-style JSON (the no-JavaScript form's route renders its own as pages). Bad input of
 * any kind is a 4xx with a stable code; only a bug in this server is a 5xx, and it is logged.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { MAX_LENGTHS } from '../comments/validation.js';
import { renderUnavailablePage } from '../pages/unavailable-page.js';
import { DatabaseUnavailableError } from '../store/client.js';
import {
  databaseUnavailable,
  internalError,
  invalidJson,
  noRoute,
  requestTooLarge,
  unsupportedMediaType,
  WpError,
} from '../wp/errors.js';

/**
 * The largest body read, derived from the comment limits so that it never answers before them: a comment of 65,525
 * *characters* (what the form and the SPEC name) in any script, every field in the costliest form a client may
 * write it — `\uD83D\uDE00` in JSON or `%F0%9F%98%80` in a form body, 12 bytes for one emoji — still reaches
 * validation and gets its field's `comment_*_column_length` error, not a generic 413. Rounded up to a power of two.
 */
const BYTES_PER_CHARACTER = 12;
/** Keys, numbers, quotes and the white space between them. */
const ENVELOPE = 4096;
const CHARACTERS = Object.values(MAX_LENGTHS).reduce((sum, length) => sum + length, 0) + 1;
export const BODY_LIMIT = 2 ** Math.ceil(Math.log2(BYTES_PER_CHARACTER * CHARACTERS + ENVELOPE));

/**
 * How long a client may take to send its whole request, headers and body, before it is dropped with a 408: a slow
 * sender (a trickled body, a stalled upload) must not hold a connection and its buffers open for ever.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Fastify's own request errors (body parsing, limits, malformed URLs) in WordPress's terms. */
function fromFastify(error: FastifyError): WpError {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalidJson();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return requestTooLarge(BODY_LIMIT);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType();
  }
  const status = error.statusCode ?? 500;
  // @fastify/static refuses some paths (a NUL byte, a hidden file) with 403: to a client, no such file.
  if (status === 403 || status === 404) return noRoute();
  if (status >= 400 && status < 500) {
    return new WpError('rest_bad_request', error.message, status);
  }
  return internalError();
}

/** Any error a route, hook or parser raised, as the WordPress error the client gets. */
function toWpError(error: FastifyError | WpError | DatabaseUnavailableError): WpError {
  if (error instanceof WpError) return error;
  if (error instanceof DatabaseUnavailableError) return databaseUnavailable(error.retryAfter);
  return fromFastify(error);
}

/** Renders an error as the HTML page a route answers with instead of JSON. */
export type ErrorPage = (error: WpError) => string;

/** Connections whose current request is for a route that answers errors as pages (set while it is read). */
const pageRoutes = new WeakMap<Socket, ErrorPage>();

/** While `socket`'s request is being read, connection errors on it are answered with `page`; `undefined` ends that. */
export function answerConnectionErrorsWith(socket: Socket, page: ErrorPage | undefined): void {
  if (page) pageRoutes.set(socket, page);
  else pageRoutes.delete(socket);
}

/**
 * Fastify's option for errors on the connection, before there is a request to answer (a body not received within
 * the request time-out, headers too large, bytes that are not HTTP): the same JSON as the rest, or the route's
 * page, then the socket closes.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const wpError =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new WpError('rest_request_timeout', 'The request was not received in time.', 408)
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? new WpError('rest_headers_too_large', 'The request headers are too large.', 431)
        : new WpError('rest_bad_request', 'The request is not valid HTTP.', 400);
  if (socket.writable) {
    const page = pageRoutes.get(socket);
    const body = page ? page(wpError) : JSON.stringify(wpError.toJSON());
    const type = page ? 'text/html' : 'application/json';
    socket.write(
      `HTTP/1.1 ${wpError.status} ${STATUS_CODES[wpError.status]}\r\nContent-Type: ${type}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Fastify's option for errors raised before routing (a URL that does not decode): same JSON as the rest. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const wpError = fromFastify(error);
  void reply.code(wpError.status).type('application/json; charset=utf-8').send(wpError.toJSON());
}

/**
 * The WordPress error a handler answers for `error`, with what goes with it: `Retry-After` on a 503 (a database that
 * is locked, restarting or unreachable: the client may simply retry), a log line for any other 5xx (a bug here).
 */
export function answerFor(error: FastifyError | WpError, request: FastifyRequest, reply: FastifyReply): WpError {
  const wpError = toWpError(error);
  if (wpError.status === 503) reply.header('Retry-After', String(wpError.extra.retryAfter ?? 1));
  else if (wpError.status >= 500) request.log.error({ err: error }, 'request failed');
  return wpError;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const wpError = answerFor(error, request, reply);
    // A page a reader asked for (the article, an archive) says so as a page; the API and scripts get the JSON.
    if (wpError.status === 503 && !request.url.startsWith('/wp-json') && request.headers.accept?.includes('text/html')) {
      return reply.code(503).type('text/html; charset=utf-8').send(renderUnavailablePage());
    }
    return reply.code(wpError.status).type('application/json; charset=utf-8').send(wpError.toJSON());
  });

  app.setNotFoundHandler((_request, reply) => {
    const error = noRoute();
    return reply.code(error.status).type('application/json; charset=utf-8').send(error.toJSON());
  });
}
