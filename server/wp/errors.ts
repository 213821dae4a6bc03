/**
 * WordPress REST errors: `{ code, message, data: { status, … } }`, with the codes and messages WordPress 6.x
 * sends, so a client written against WordPress handles this server unchanged.
 */

export class WpError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'WpError';
  }

  toJSON(): { code: string; message: string; data: Record<string, unknown> } {
    return { code: this.code, message: this.message, data: { status: this.status, ...this.extra } };
  }
}

export const noRoute = () => new WpError('rest_no_route', 'No route was found matching the URL and request method.', 404);

export const invalidPostId = () => new WpError('rest_post_invalid_id', 'Invalid post ID.', 404);

/** A comment a reader may not see (held or spam), asked for or embedded. */
export const cannotReadComment = () => new WpError('rest_cannot_read', 'Sorry, you are not allowed to read this comment.', 401);

export const invalidJson = () => new WpError('rest_invalid_json', 'Invalid JSON body passed.', 400);

const KIB = 1024;
const MIB = KIB * KIB;

export const requestTooLarge = (limit: number) =>
  new WpError(
    'rest_request_too_large',
    `The request body is larger than ${limit % MIB === 0 ? `${limit / MIB} MiB` : `${Math.ceil(limit / KIB)} KiB`}.`,
    413,
  );

export const unsupportedMediaType = () =>
  new WpError('rest_unsupported_media_type', 'The request body must be JSON (Content-Type: application/json).', 415);

/**
 * A request the database could not serve now (locked by another writer, restarting, unreachable); the client may
 * send it again after `retryAfter` seconds, its `Retry-After`.
 */
export const databaseUnavailable = (retryAfter: number) =>
  new WpError('rest_database_busy', 'The database is busy. Please try again in a moment.', 503, { retryAfter });

export const internalError = () =>
  new WpError('internal_server_error', 'There has been a critical error on this website.', 500);

/** One failed parameter: WordPress reports each under `data.params` and `data.details`. */
export interface ParamProblem {
  code: string;
  message: string;
  /** The failed check's own data (`{ status }` from a sanitize callback's error); `null` when it has none. */
  data?: Readonly<Record<string, unknown>>;
}

/** `rest_invalid_param` for every failed parameter at once, as WordPress collects them. */
export function invalidParams(problems: Readonly<Record<string, ParamProblem>>): WpError {
  const names = Object.keys(problems);
  const params = Object.fromEntries(names.map((name) => [name, problems[name].message]));
  const details = Object.fromEntries(
    names.map((name) => [name, { code: problems[name].code, message: problems[name].message, data: problems[name].data ?? null }]),
  );
  return new WpError('rest_invalid_param', `Invalid parameter(s): ${names.join(', ')}`, 400, { params, details });
}
