/**
 * Every error leaves as WordPress-style JSON. Bad input of any kind is a 4xx with a stable code; only a bug
 * in this server is a 5xx, and it is logged.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseBusyError } from '../store/database.js';
import {
  databaseBusy,
  internalError,
  invalidJson,
  noRoute,
  requestTooLarge,
  RETRY_AFTER_SECONDS,
  unsupportedMediaType,
  WpError,
} from '../wp/errors.js';

export const BODY_LIMIT = 64 * 1024;

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

/** Fastify's option for errors raised before routing (a URL that does not decode): same JSON as the rest. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const wpError = fromFastify(error);
  void reply.code(wpError.status).type('application/json; charset=utf-8').send(wpError.toJSON());
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DatabaseBusyError) {
      return reply.code(503).header('Retry-After', String(RETRY_AFTER_SECONDS)).type('application/json; charset=utf-8').send(databaseBusy().toJSON());
    }
    const wpError = error instanceof WpError ? error : fromFastify(error);
    if (wpError.status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(wpError.status).type('application/json; charset=utf-8').send(wpError.toJSON());
  });

  app.setNotFoundHandler((_request, reply) => {
    const error = noRoute();
    return reply.code(error.status).type('application/json; charset=utf-8').send(error.toJSON());
  });
}
