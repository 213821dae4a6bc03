/**
 * What WordPress's REST server does to every response, whatever the route (`WP_REST_Server::serve_request` and the
 * `rest_post_dispatch` filters), done here once from the route table (`wp/routes.ts`) instead of in each route:
 * - `Link: <…/wp-json/>; rel="https://api.w.org/"` on every REST response (a collection's paging `Link` replaces
 *   it, as PHP's `header()` does in WordPress);
 * - `Allow`: the route's methods an anonymous reader may use (`rest_send_allow_header`);
 * - `context`: validated against the route's enum, `edit` refused with the route's own error to all but the accounts
 *   with the route's `editCapability`,
 *   `embed` cut to the schema's embed fields (`rest_filter_response_by_context`);
 * - `_fields` (`rest_filter_response_fields`) and `_envelope` (`WP_REST_Server::envelope_response`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, preSerializationHookHandler } from 'fastify';
import { can } from '../auth/sign-in.js';
import { invalidParams, WpError } from '../wp/errors.js';
import { addRouteHook } from './route-hooks.js';
import { parseList, textParam, type Query } from '../wp/params.js';
import { allowedMethods, contextsOf, describedRoute, REST_PREFIX, type RouteDescription } from '../wp/routes.js';
import { filterByContext, type Context } from '../wp/schemas.js';

type Json = Record<string, unknown>;

const REST_URL = new RegExp(`^${REST_PREFIX}(?:[/?]|$)`);

/** `get_rest_url()`: the API root every page and response points clients to. */
export const apiRoot = (site: string) => `${site}${REST_PREFIX}/`;

/** `wp_parse_list` over a string or PHP-style array parameter (`_fields[]=id&_fields[]=title`). */
const fieldList = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw : [raw]).flatMap((item) => (typeof item === 'string' ? parseList(item) : [])).map((field) => field.trim());

type FieldTree = { [key: string]: true | FieldTree };

/** `rest_filter_response_fields`'s nested map: `a.b` keeps `b` of `a`; a whole field wins over its sub-fields. */
function fieldTree(fields: readonly string[]): FieldTree {
  const tree: FieldTree = {};
  for (const field of fields) {
    const parts = field.split('.');
    let node = tree;
    let covered = false;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (next === true) {
        covered = true;
        break;
      }
      node = node[part] = next ?? {};
    }
    if (!covered) node[parts.at(-1) as string] = true;
  }
  return tree;
}

/** `_rest_array_intersect_key_recursive`. */
function pick(data: unknown, tree: FieldTree): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const kept: Json = {};
  for (const [key, value] of Object.entries(data)) {
    const branch = tree[key];
    if (branch === undefined) continue;
    kept[key] = branch === true ? value : pick(value, branch);
  }
  return kept;
}

const forEachItem = (payload: unknown, keyed: boolean, apply: (item: Json) => Json): unknown => {
  if (Array.isArray(payload)) return payload.map((item) => apply(item as Json));
  if (keyed) return Object.fromEntries(Object.entries(payload as Json).map(([key, item]) => [key, apply(item as Json)]));
  return apply(payload as Json);
};

/** `context` against the route's enum, folded into a `rest_invalid_param` the route already raised, as WordPress collects them. */
function contextProblem(contexts: readonly string[], error: Json | undefined): WpError {
  const choices = `${contexts.slice(0, -1).join(', ')} and ${contexts.at(-1)}`;
  const problem = { code: 'rest_not_in_enum', message: `context is not one of ${choices}.` };
  if (error?.code !== 'rest_invalid_param') return invalidParams({ context: problem });
  const data = error.data as { params: Record<string, string>; details: Record<string, { code: string; message: string }> };
  const problems = Object.fromEntries(Object.entries(data.details).map(([name, detail]) => [name, { code: detail.code, message: detail.message }]));
  return invalidParams({ ...problems, context: problem });
}

/** The headers a WordPress response object carries, which `_envelope` moves into the body. */
const ENVELOPED_HEADERS: Readonly<Record<string, string>> = {
  'x-wp-total': 'X-WP-Total',
  'x-wp-totalpages': 'X-WP-TotalPages',
  link: 'Link',
  allow: 'Allow',
};

function envelope(reply: FastifyReply, body: unknown): Json {
  const headers: Json = {};
  for (const [name, wpName] of Object.entries(ENVELOPED_HEADERS)) {
    const value = reply.getHeader(name);
    if (value === undefined) continue;
    headers[wpName] = value;
    reply.removeHeader(name);
  }
  const status = reply.statusCode;
  reply.code(200);
  return { body, status, headers };
}

/** `context`: validated before anything else, `edit` refused where the route's permission check would, `embed` cut down. */
function withContext(request: FastifyRequest, reply: FastifyReply, description: RouteDescription, payload: unknown): unknown {
  const contexts = contextsOf(description);
  const query = request.query as Query;
  if (!contexts || query.context === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) return payload;
  const failed = reply.statusCode >= 400;
  const error = failed ? (payload as Json) : undefined;
  const context = textParam(query, 'context');
  if (context === undefined || !contexts.includes(context)) {
    const wpError = contextProblem(contexts, error);
    reply.code(wpError.status);
    return wpError.toJSON();
  }
  if (context === 'edit' && description.editDenied && !can(request.account, description.editCapability ?? '')) {
    // The permission check runs after validation and after the item is found: those errors stand.
    if (failed && (error?.code === 'rest_invalid_param' || reply.statusCode === 404)) return payload;
    const { code, message } = description.editDenied;
    reply.code(401);
    return new WpError(code, message, 401).toJSON();
  }
  if (context === 'view' || failed || !description.schema) return payload;
  const { properties } = description.schema;
  return forEachItem(payload, description.keyed === true, (item) => filterByContext(item, properties, context as Context));
}

/** `_fields`, on a successful answer only; `_fields[]=id&_fields[]=title` (how `qs`-style clients such as wpapi send a list) is PHP's `_fields` array. */
function withFields(query: Query, reply: FastifyReply, payload: unknown): unknown {
  const requested = query._fields ?? query['_fields[]'];
  if (reply.statusCode >= 400 || requested === undefined) return payload;
  const fields = fieldList(requested);
  if (fields.length === 0) return payload;
  const tree = fieldTree(fields);
  return Array.isArray(payload) ? payload.map((item) => pick(item, tree)) : pick(payload, tree);
}

function answer(request: FastifyRequest, reply: FastifyReply, description: RouteDescription, payload: unknown): unknown {
  const query = request.query as Query;
  const shaped = withFields(query, reply, withContext(request, reply, description, payload));
  return query._envelope === undefined ? shaped : envelope(reply, shaped);
}

export function registerWpResponses(app: FastifyInstance): void {
  // Every REST URL, a route's or not (a 404 too), points to the API root. A callback hook: no promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    if (REST_URL.test(request.url)) reply.header('Link', `<${apiRoot(request.site)}>; rel="https://api.w.org/"`);
    done();
  });

  // The rest only on the routes the table describes, with their description and `Allow` found once, when the route
  // is registered: the other routes (pages, files) pay nothing for it.
  app.addHook('onRoute', (route) => {
    const description = describedRoute(route.url);
    if (!description) return;
    const allow = allowedMethods(description);
    const onRequest: onRequestHookHandler = (_request, reply, done) => {
      reply.header('Allow', allow);
      done();
    };
    const preSerialization: preSerializationHookHandler<unknown> = (request, reply, payload, done) => {
      done(null, answer(request, reply, description, payload));
    };
    addRouteHook(route, 'preSerialization', preSerialization);
    if (allow !== '') addRouteHook(route, 'onRequest', onRequest);
  });
}
