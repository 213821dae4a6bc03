/**
 * Every REST route the server has, described once as WordPress registers it (`register_rest_route`): its pattern,
 * its endpoints with their methods and args, its item schema. The index (`GET /wp-json/`), `OPTIONS` on a route,
 * the `Allow` header and the `context` rules all read this table, so they cannot disagree.
 */
import {
  ATTACHMENT_SCHEMA,
  CATEGORY_SCHEMA,
  COMMENT_SCHEMA,
  type Context,
  type ItemSchema,
  PAGE_SCHEMA,
  POST_SCHEMA,
  SEARCH_RESULT_SCHEMA,
  TAG_SCHEMA,
  TAXONOMY_SCHEMA,
  TYPE_SCHEMA,
  USER_SCHEMA,
} from './schemas.js';
import { DEFAULT_WIDTH } from './oembed.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Arg = Readonly<Record<string, unknown>>;

export interface Endpoint {
  methods: readonly Method[];
  args: Readonly<Record<string, Arg>>;
  /** Whether an anonymous reader passes the endpoint's permission check (what `rest_send_allow_header` lists). */
  anonymous: boolean;
}

export interface RouteDescription {
  /** WordPress's pattern, the index's key: `/wp/v2/posts/(?P<id>[\d]+)`. */
  route: string;
  namespace: string;
  endpoints: readonly Endpoint[];
  schema?: ItemSchema;
  /** `allow_batch` as the controller registers it. */
  batch?: true;
  /** A collection keyed by name (`/types`, `/taxonomies`) rather than a list. */
  keyed?: true;
  /** What `?context=edit` answers an anonymous reader (the read endpoint's permission check). */
  editDenied?: { code: string; message: string };
  /** The capability that lets a signed-in account read in `context=edit` (auth/sign-in.ts); none: nobody may. */
  editCapability?: string;
}

const READABLE: readonly Method[] = ['GET'];
const CREATABLE: readonly Method[] = ['POST'];
const EDITABLE: readonly Method[] = ['POST', 'PUT', 'PATCH'];
const DELETABLE: readonly Method[] = ['DELETE'];

const contextArg = (contexts: readonly Context[] = ['view', 'embed', 'edit']): Arg => ({
  description: 'Scope under which the request is made; determines fields present in response.',
  type: 'string',
  enum: contexts,
  default: 'view',
  required: false,
});

const idArg = (what: string): Arg => ({ description: `Unique identifier for the ${what}.`, type: 'integer', required: false });

/** `WP_REST_Controller::get_collection_params`. */
function collectionArgs(contexts?: readonly Context[]): Record<string, Arg> {
  return {
    context: contextArg(contexts),
    page: { description: 'Current page of the collection.', type: 'integer', default: 1, minimum: 1, required: false },
    per_page: {
      description: 'Maximum number of items to be returned in result set.',
      type: 'integer',
      default: 10,
      minimum: 1,
      maximum: 100,
      required: false,
    },
    search: { description: 'Limit results to those matching a string.', type: 'string', required: false },
  };
}

const list = (description: string, items: string, extra: Arg = {}): Arg => ({
  description,
  type: 'array',
  items: { type: items },
  default: [],
  required: false,
  ...extra,
});
const order = (fallback: 'asc' | 'desc'): Arg => ({
  description: 'Order sort attribute ascending or descending.',
  type: 'string',
  default: fallback,
  enum: ['asc', 'desc'],
  required: false,
});
const orderby = (fallback: string, values: readonly string[]): Arg => ({
  description: 'Sort collection by object attribute.',
  type: 'string',
  default: fallback,
  enum: values,
  required: false,
});
const offset: Arg = { description: 'Offset the result set by a specific number of items.', type: 'integer', required: false };
const date = (description: string): Arg => ({ description, type: 'string', format: 'date-time', required: false });

const SCHEMA_KEYWORDS = new Set(['type', 'format', 'enum', 'items', 'properties', 'description', 'default']);

/**
 * `get_endpoint_args_for_item_schema`: every writable property becomes an arg; defaults only where the item is
 * created (`CREATABLE`), never on an edit.
 */
function writeArgs(schema: ItemSchema, creating: boolean): Record<string, Arg> {
  const args: Record<string, Arg> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    if (property.readonly) continue;
    const arg = Object.fromEntries(
      Object.entries(property).filter(([key]) => SCHEMA_KEYWORDS.has(key) && (creating || key !== 'default')),
    );
    args[name] = { ...arg, required: false };
  }
  return args;
}

/** The collection and item routes of a post type (`WP_REST_Posts_Controller::register_routes`). */
function postType(base: string, schema: ItemSchema, collection: Record<string, Arg>, batch: boolean): RouteDescription[] {
  const editDenied = { code: 'rest_forbidden_context', message: 'Sorry, you are not allowed to edit posts in this context.' };
  return [
    {
      route: `/wp/v2/${base}`,
      namespace: 'wp/v2',
      endpoints: [
        { methods: READABLE, args: collection, anonymous: true },
        { methods: CREATABLE, args: writeArgs(schema, true), anonymous: false },
      ],
      schema,
      ...(batch ? { batch: true as const } : {}),
      editDenied,
    },
    {
      route: `/wp/v2/${base}/(?P<id>[\\d]+)`,
      namespace: 'wp/v2',
      endpoints: [
        {
          methods: READABLE,
          args: {
            id: idArg('post'),
            context: contextArg(),
            ...(base === 'media' ? {} : { password: { description: 'The password for the post if it is password protected.', type: 'string', required: false } }),
          },
          anonymous: true,
        },
        { methods: EDITABLE, args: { id: idArg('post'), ...writeArgs(schema, false) }, anonymous: false },
        {
          methods: DELETABLE,
          args: { id: idArg('post'), force: { type: 'boolean', default: false, description: 'Whether to bypass Trash and force deletion.', required: false } },
          anonymous: false,
        },
      ],
      schema,
      ...(batch ? { batch: true as const } : {}),
      editDenied: { code: 'rest_forbidden_context', message: 'Sorry, you are not allowed to edit this post.' },
    },
  ];
}

const postCollection = (extra: Record<string, Arg>): Record<string, Arg> => ({
  ...collectionArgs(),
  after: date('Limit response to posts published after a given ISO8601 compliant date.'),
  modified_after: date('Limit response to posts modified after a given ISO8601 compliant date.'),
  author: list('Limit result set to posts assigned to specific authors.', 'integer'),
  author_exclude: list('Ensure result set excludes posts assigned to specific authors.', 'integer'),
  before: date('Limit response to posts published before a given ISO8601 compliant date.'),
  modified_before: date('Limit response to posts modified before a given ISO8601 compliant date.'),
  exclude: list('Ensure result set excludes specific IDs.', 'integer'),
  include: list('Limit result set to specific IDs.', 'integer'),
  offset,
  order: order('desc'),
  orderby: orderby('date', ['author', 'date', 'id', 'include', 'modified', 'parent', 'relevance', 'slug', 'include_slugs', 'title']),
  slug: list('Limit result set to posts with one or more specific slugs.', 'string'),
  status: { default: 'publish', description: 'Limit result set to posts assigned one or more statuses.', type: 'array', items: { enum: ['publish', 'future', 'draft', 'pending', 'private', 'trash', 'auto-draft', 'inherit', 'request-pending', 'request-confirmed', 'request-failed', 'request-completed', 'any'], type: 'string' }, required: false },
  ...extra,
});

const termCollection = (hierarchical: boolean): Record<string, Arg> => ({
  ...collectionArgs(),
  exclude: list('Ensure result set excludes specific IDs.', 'integer'),
  include: list('Limit result set to specific IDs.', 'integer'),
  ...(hierarchical ? {} : { offset }),
  order: order('asc'),
  orderby: orderby('name', ['id', 'include', 'name', 'slug', 'include_slugs', 'term_group', 'description', 'count']),
  hide_empty: { description: 'Whether to hide terms not assigned to any posts.', type: 'boolean', default: false, required: false },
  ...(hierarchical ? { parent: { description: 'Limit result set to terms assigned to a specific parent.', type: 'integer', required: false } } : {}),
  post: { description: 'Limit result set to terms assigned to a specific post.', type: 'integer', default: null, required: false },
  slug: list('Limit result set to terms with one or more specific slugs.', 'string', { default: undefined }),
});

/** `WP_REST_Terms_Controller::register_routes` for one taxonomy. */
function taxonomy(base: string, schema: ItemSchema, hierarchical: boolean): RouteDescription[] {
  const editDenied = { code: 'rest_forbidden_context', message: 'Sorry, you are not allowed to edit terms in this taxonomy.' };
  return [
    {
      route: `/wp/v2/${base}`,
      namespace: 'wp/v2',
      endpoints: [
        { methods: READABLE, args: termCollection(hierarchical), anonymous: true },
        { methods: CREATABLE, args: writeArgs(schema, true), anonymous: false },
      ],
      schema,
      batch: true,
      editDenied,
    },
    {
      route: `/wp/v2/${base}/(?P<id>[\\d]+)`,
      namespace: 'wp/v2',
      endpoints: [
        { methods: READABLE, args: { id: idArg('term'), context: contextArg() }, anonymous: true },
        { methods: EDITABLE, args: { id: idArg('term'), ...writeArgs(schema, false) }, anonymous: false },
        {
          methods: DELETABLE,
          args: { id: idArg('term'), force: { type: 'boolean', default: false, description: 'Required to be true, as terms do not support trashing.', required: false } },
          anonymous: false,
        },
      ],
      schema,
      batch: true,
      editDenied,
    },
  ];
}

const INDEX: RouteDescription = {
  route: '/',
  namespace: '',
  endpoints: [{ methods: READABLE, args: { context: { default: 'view', required: false } }, anonymous: true }],
};

/** The route `register_rest_route` adds for each namespace, its index (`get_namespace_index`). */
const namespaceIndex = (namespace: string): RouteDescription => ({
  route: `/${namespace}`,
  namespace,
  endpoints: [
    {
      methods: READABLE,
      args: { namespace: { default: namespace, required: false }, context: { default: 'view', required: false } },
      anonymous: true,
    },
  ],
});

/** `WP_oEmbed_Controller::register_routes`' embed route (its `proxy` route is for signed-in editors: not here). */
const OEMBED: RouteDescription[] = [
  namespaceIndex('oembed/1.0'),
  {
    route: '/oembed/1.0/embed',
    namespace: 'oembed/1.0',
    endpoints: [
      {
        methods: READABLE,
        args: {
          url: { description: 'The URL of the resource for which to fetch oEmbed data.', type: 'string', format: 'uri', required: true },
          format: { default: 'json', required: false },
          maxwidth: { default: DEFAULT_WIDTH, required: false },
        },
        anonymous: true,
      },
    ],
  },
];

const usersCollection: Record<string, Arg> = {
  ...collectionArgs(),
  exclude: list('Ensure result set excludes specific IDs.', 'integer'),
  include: list('Limit result set to specific IDs.', 'integer'),
  offset,
  order: order('asc'),
  orderby: orderby('name', ['id', 'include', 'name', 'registered_date', 'slug', 'include_slugs', 'email', 'url']),
  slug: { description: 'Limit result set to users with one or more specific slugs.', type: 'array', items: { type: 'string' }, required: false },
  roles: { description: 'Limit result set to users matching at least one specific role provided. Accepts csv list or single role.', type: 'array', items: { type: 'string' }, required: false },
  capabilities: { description: 'Limit result set to users matching at least one specific capability provided. Accepts csv list or single capability.', type: 'array', items: { type: 'string' }, required: false },
  who: { description: 'Limit result set to users who are considered authors.', type: 'string', enum: ['authors'], required: false },
  has_published_posts: { description: 'Limit result set to users who have published posts.', type: ['boolean', 'array'], items: { type: 'string', enum: ['post', 'page', 'attachment'] }, required: false },
};

const forceReassign: Record<string, Arg> = {
  force: { type: 'boolean', default: false, description: 'Required to be true, as users do not support trashing.', required: false },
  reassign: { type: 'integer', description: 'Reassign the deleted user\'s posts and links to this user ID.', required: true },
};

const USERS: RouteDescription[] = [
  {
    route: '/wp/v2/users',
    namespace: 'wp/v2',
    endpoints: [
      { methods: READABLE, args: usersCollection, anonymous: true },
      { methods: CREATABLE, args: writeArgs(USER_SCHEMA, true), anonymous: false },
    ],
    schema: USER_SCHEMA,
    batch: true,
    editDenied: { code: 'rest_forbidden_context', message: 'Sorry, you are not allowed to list users.' },
  },
  {
    route: '/wp/v2/users/(?P<id>[\\d]+)',
    namespace: 'wp/v2',
    endpoints: [
      { methods: READABLE, args: { id: idArg('user'), context: contextArg() }, anonymous: true },
      { methods: EDITABLE, args: { id: idArg('user'), ...writeArgs(USER_SCHEMA, false) }, anonymous: false },
      { methods: DELETABLE, args: { id: idArg('user'), ...forceReassign }, anonymous: false },
    ],
    schema: USER_SCHEMA,
    batch: true,
    editDenied: { code: 'rest_user_cannot_view', message: 'Sorry, you are not allowed to list users.' },
  },
  {
    route: '/wp/v2/users/me',
    namespace: 'wp/v2',
    endpoints: [
      { methods: READABLE, args: { context: contextArg() }, anonymous: true },
      { methods: EDITABLE, args: writeArgs(USER_SCHEMA, false), anonymous: false },
      { methods: DELETABLE, args: forceReassign, anonymous: false },
    ],
    schema: USER_SCHEMA,
  },
];

const COMMENTS: RouteDescription[] = [
  {
    route: '/wp/v2/comments',
    namespace: 'wp/v2',
    endpoints: [
      {
        methods: READABLE,
        args: {
          ...collectionArgs(),
          after: date('Limit response to comments published after a given ISO8601 compliant date.'),
          author: list('Limit result set to comments assigned to specific user IDs. Requires authorization.', 'integer'),
          author_exclude: list('Ensure result set excludes comments assigned to specific user IDs. Requires authorization.', 'integer'),
          author_email: { default: null, description: 'Limit result set to that from a specific author email. Requires authorization.', format: 'email', type: 'string', required: false },
          before: date('Limit response to comments published before a given ISO8601 compliant date.'),
          exclude: list('Ensure result set excludes specific IDs.', 'integer'),
          include: list('Limit result set to specific IDs.', 'integer'),
          offset,
          order: order('desc'),
          orderby: orderby('date_gmt', ['date', 'date_gmt', 'id', 'include', 'post', 'parent', 'type']),
          parent: list('Limit result set to comments of specific parent IDs.', 'integer'),
          parent_exclude: list('Ensure result set excludes specific parent IDs.', 'integer'),
          post: list('Limit result set to comments assigned to specific post IDs.', 'integer'),
          status: { default: 'approve', description: 'Limit result set to comments assigned a specific status. Requires authorization.', type: 'string', required: false },
          type: { default: 'comment', description: 'Limit result set to comments assigned a specific type. Requires authorization.', type: 'string', required: false },
          password: { description: 'The password for the post if it is password protected.', type: 'string', required: false },
        },
        anonymous: true,
      },
      { methods: CREATABLE, args: writeArgs(COMMENT_SCHEMA, true), anonymous: true },
    ],
    schema: COMMENT_SCHEMA,
    batch: true,
    editDenied: { code: 'rest_forbidden_context', message: 'Sorry, you are not allowed to edit comments.' },
    editCapability: 'moderate_comments',
  },
  {
    route: '/wp/v2/comments/(?P<id>[\\d]+)',
    namespace: 'wp/v2',
    endpoints: [
      {
        methods: READABLE,
        args: {
          id: idArg('comment'),
          context: contextArg(),
          password: { description: 'The password for the parent post of the comment (if the post is password protected).', type: 'string', required: false },
        },
        anonymous: true,
      },
      { methods: EDITABLE, args: { id: idArg('comment'), ...writeArgs(COMMENT_SCHEMA, false) }, anonymous: false },
      {
        methods: DELETABLE,
        args: {
          id: idArg('comment'),
          force: { type: 'boolean', default: false, description: 'Whether to bypass Trash and force deletion.', required: false },
          password: { description: 'The password for the parent post of the comment (if the post is password protected).', type: 'string', required: false },
        },
        anonymous: false,
      },
    ],
    schema: COMMENT_SCHEMA,
    batch: true,
    editDenied: { code: 'rest_forbidden_context', message: 'Sorry, you are not allowed to edit this comment.' },
    editCapability: 'moderate_comments',
  },
];

const nameOf = (what: string): Arg => ({ description: `An alphanumeric identifier for the ${what}.`, type: 'string', required: false });

const TYPES_AND_TAXONOMIES: RouteDescription[] = [
  {
    route: '/wp/v2/types',
    namespace: 'wp/v2',
    keyed: true,
    endpoints: [{ methods: READABLE, args: { context: contextArg() }, anonymous: true }],
    schema: TYPE_SCHEMA,
    editDenied: { code: 'rest_cannot_view', message: 'Sorry, you are not allowed to edit posts in this post type.' },
  },
  {
    route: '/wp/v2/types/(?P<type>[\\w-]+)',
    namespace: 'wp/v2',
    endpoints: [{ methods: READABLE, args: { type: nameOf('post type'), context: contextArg() }, anonymous: true }],
    schema: TYPE_SCHEMA,
    editDenied: { code: 'rest_forbidden_context', message: 'Sorry, you are not allowed to edit posts in this post type.' },
  },
  {
    route: '/wp/v2/taxonomies',
    namespace: 'wp/v2',
    keyed: true,
    endpoints: [
      {
        methods: READABLE,
        args: { context: contextArg(), type: { description: 'Limit results to taxonomies associated with a specific post type.', type: 'string', required: false } },
        anonymous: true,
      },
    ],
    schema: TAXONOMY_SCHEMA,
    editDenied: { code: 'rest_cannot_view', message: 'Sorry, you are not allowed to manage terms in this taxonomy.' },
  },
  {
    route: '/wp/v2/taxonomies/(?P<taxonomy>[\\w-]+)',
    namespace: 'wp/v2',
    endpoints: [{ methods: READABLE, args: { taxonomy: nameOf('taxonomy'), context: contextArg() }, anonymous: true }],
    schema: TAXONOMY_SCHEMA,
    editDenied: { code: 'rest_forbidden_context', message: 'Sorry, you are not allowed to manage terms in this taxonomy.' },
  },
];

const SEARCH: RouteDescription = {
  route: '/wp/v2/search',
  namespace: 'wp/v2',
  endpoints: [
    {
      methods: READABLE,
      args: {
        ...collectionArgs(['view', 'embed']),
        type: { default: 'post', description: 'Limit results to items of an object type.', type: 'string', enum: ['post', 'term', 'post-format'], required: false },
        subtype: { default: 'any', description: 'Limit results to items of one or more object subtypes.', type: 'array', items: { enum: ['post', 'page', 'category', 'post_tag', 'any'], type: 'string' }, required: false },
        exclude: list('Ensure result set excludes specific IDs.', 'integer'),
        include: list('Limit result set to specific IDs.', 'integer'),
      },
      anonymous: true,
    },
  ],
  schema: SEARCH_RESULT_SCHEMA,
};

const postArgs = postCollection({
  search_columns: { default: [], description: 'Array of column names to be searched.', type: 'array', items: { enum: ['post_title', 'post_content', 'post_excerpt'], type: 'string' }, required: false },
  tax_relation: { description: 'Limit result set based on relationship between multiple taxonomies.', type: 'string', enum: ['AND', 'OR'], required: false },
  categories: list('Limit result set to items with specific terms assigned in the categories taxonomy.', 'integer'),
  categories_exclude: list('Limit result set to items except those with specific terms assigned in the categories taxonomy.', 'integer'),
  tags: list('Limit result set to items with specific terms assigned in the tags taxonomy.', 'integer'),
  tags_exclude: list('Limit result set to items except those with specific terms assigned in the tags taxonomy.', 'integer'),
  sticky: { description: 'Limit result set to items that are sticky.', type: 'boolean', required: false },
  format: list('Limit result set to items assigned one or more given formats.', 'string'),
});

const pageArgs = postCollection({
  menu_order: { description: 'Limit result set to posts with a specific menu_order value.', type: 'integer', required: false },
  parent: list('Limit result set to items with particular parent IDs.', 'integer'),
  parent_exclude: list('Limit result set to all items except those of a particular parent ID.', 'integer'),
});

const mediaArgs = postCollection({
  parent: list('Limit result set to items with particular parent IDs.', 'integer'),
  parent_exclude: list('Limit result set to all items except those of a particular parent ID.', 'integer'),
  media_type: { default: null, description: 'Limit result set to attachments of a particular media type.', type: 'string', enum: ['image', 'video', 'text', 'application', 'audio'], required: false },
  mime_type: { default: null, description: 'Limit result set to attachments of a particular MIME type.', type: 'string', required: false },
});

export const ROUTES: readonly RouteDescription[] = [
  INDEX,
  // WordPress registers the oEmbed routes before its core ones (`rest_api_init`, priority 10 against 99).
  ...OEMBED,
  namespaceIndex('wp/v2'),
  ...postType('posts', POST_SCHEMA, postArgs, true),
  ...postType('pages', PAGE_SCHEMA, pageArgs, true),
  ...postType('media', ATTACHMENT_SCHEMA, mediaArgs, false),
  ...TYPES_AND_TAXONOMIES,
  ...taxonomy('categories', CATEGORY_SCHEMA, true),
  ...taxonomy('tags', TAG_SCHEMA, false),
  ...COMMENTS,
  SEARCH,
  ...USERS,
];

/** The prefix every REST route is served under (`rest_get_url_prefix`). */
export const REST_PREFIX = '/wp-json';

/** `/wp/v2/posts/(?P<id>[\d]+)` → `/wp/v2/posts/{id}`, the form `get_data_for_route` shows variable routes in. */
const templated = (route: string) => route.replace(/\(\?P<(\w+?)>.*?\)/g, '{$1}');

/** The Fastify path serving a WordPress route: `(?P<id>[\d]+)` becomes the anchored regex parameter `:id(^[\d]+$)`. */
export const fastifyPath = (route: string) =>
  REST_PREFIX + (route === '/' ? '/' : route.replace(/\(\?P<(\w+?)>(.*?)\)/g, (_, name: string, regex: string) => `:${name}(^${regex}$)`));

const byTemplate = new Map(ROUTES.map((description) => [templated(description.route), description]));

/** Fastify route URLs seen so far: asked on every request, they are a handful of strings. */
const byUrl = new Map<string, RouteDescription | undefined>();

/** The description of the route a Fastify route URL (`/wp-json/wp/v2/posts/:id(^\\d+$)`) serves, if it is a REST route. */
export function describedRoute(url: string | undefined): RouteDescription | undefined {
  if (url === undefined || !url.startsWith(REST_PREFIX)) return undefined;
  if (byUrl.has(url)) return byUrl.get(url);
  const route = url.slice(REST_PREFIX.length).replace(/:(\w+)(\([^)]*\))?/g, '{$1}').replace(/(.)\/$/, '$1');
  const description = byTemplate.get(route === '' ? '/' : route);
  byUrl.set(url, description);
  return description;
}

/** Each route's `Allow`, made once: the header goes with every answer. */
const allowed = new WeakMap<RouteDescription, string>();

/** `rest_send_allow_header`: the methods of the endpoints whose permission check an anonymous reader passes. */
export function allowedMethods(description: RouteDescription): string {
  let allow = allowed.get(description);
  if (allow === undefined) {
    allow = [...new Set(description.endpoints.filter((endpoint) => endpoint.anonymous).flatMap((endpoint) => endpoint.methods))].join(', ');
    allowed.set(description, allow);
  }
  return allow;
}

/** The read endpoint's `context` enum, if the route has one. */
export function contextsOf(description: RouteDescription): readonly string[] | undefined {
  const context = description.endpoints.find((endpoint) => endpoint.methods.includes('GET'))?.args.context;
  return Array.isArray(context?.enum) ? (context.enum as readonly string[]) : undefined;
}

/**
 * `WP_REST_Server::get_data_for_route`: namespace, methods, endpoints (with `allow_batch` and args), `schema` only
 * for `OPTIONS` (the `help` context), and a `self` link for routes without variables.
 */
export function routeData(description: RouteDescription, site: string, help: boolean): Record<string, unknown> {
  const data: Record<string, unknown> = {
    namespace: description.namespace,
    methods: description.endpoints.flatMap((endpoint) => endpoint.methods),
    endpoints: description.endpoints.map((endpoint) => ({
      methods: endpoint.methods,
      ...(description.batch ? { allow_batch: { v1: true } } : {}),
      args: endpoint.args,
    })),
  };
  if (help && description.schema) data.schema = description.schema;
  const route = templated(description.route);
  if (!route.includes('{')) data._links = { self: [{ href: `${site}${REST_PREFIX}${route === '/' ? '/' : route}` }] };
  return data;
}
