/**
 * The item schemas WordPress 6.x publishes for each resource (each controller's `get_item_schema()`): what `OPTIONS`
 * on a route answers, what the create endpoints' args are derived from, and — through each property's `context` —
 * which fields the `embed` context keeps (`rest_filter_response_by_context`). Only the properties this server sends
 * or a client may write; descriptions are WordPress's own.
 */

export type Context = 'view' | 'embed' | 'edit';

export interface PropertySchema {
  description?: string;
  type: string | readonly string[];
  format?: string;
  enum?: readonly string[];
  items?: Readonly<Record<string, unknown>>;
  context: readonly Context[];
  readonly?: true;
  properties?: Readonly<Record<string, PropertySchema>>;
  default?: unknown;
}

export interface ItemSchema {
  $schema: 'http://json-schema.org/draft-04/schema#';
  title: string;
  type: 'object';
  properties: Readonly<Record<string, PropertySchema>>;
}

const ALL: readonly Context[] = ['view', 'edit', 'embed'];
const VIEW: readonly Context[] = ['view', 'edit'];
const EDIT: readonly Context[] = ['edit'];

const prop = (type: PropertySchema['type'], context: readonly Context[], description: string, extra: Partial<PropertySchema> = {}): PropertySchema => ({
  description,
  type,
  context,
  ...extra,
});
const readonly = { readonly: true } as const;

const schema = (title: string, properties: Record<string, PropertySchema>): ItemSchema => ({
  $schema: 'http://json-schema.org/draft-04/schema#',
  title,
  type: 'object',
  properties,
});

/** `raw` for editors, `rendered` for readers: WordPress's shape of title, content, excerpt, caption, guid. */
function rendered(description: string, context: readonly Context[], what: string, extra: Record<string, PropertySchema> = {}): PropertySchema {
  return prop('object', context, description, {
    properties: {
      raw: prop('string', EDIT, `${what}, as it exists in the database.`),
      rendered: prop('string', context, `HTML ${what.toLowerCase()}, transformed for display.`, readonly),
      ...extra,
    },
  });
}

const isProtected = (what: string) => prop('boolean', ALL, `Whether the ${what} is protected with a password.`, readonly);

/** The fields every post type shares (`WP_REST_Posts_Controller::get_item_schema`, before the type's supports). */
function postBase(type: string): Record<string, PropertySchema> {
  return {
    date: prop(['string', 'null'], ALL, "The date the post was published, in the site's timezone.", { format: 'date-time' }),
    date_gmt: prop(['string', 'null'], VIEW, 'The date the post was published, as GMT.', { format: 'date-time' }),
    guid: prop('object', VIEW, 'The globally unique identifier for the post.', {
      readonly: true,
      properties: {
        raw: prop('string', EDIT, 'GUID for the post, as it exists in the database.', readonly),
        rendered: prop('string', VIEW, 'GUID for the post, transformed for display.', readonly),
      },
    }),
    id: prop('integer', ALL, 'Unique identifier for the post.', readonly),
    link: prop('string', ALL, 'URL to the post.', { format: 'uri', readonly: true }),
    modified: prop('string', VIEW, "The date the post was last modified, in the site's timezone.", { format: 'date-time', readonly: true }),
    modified_gmt: prop('string', VIEW, 'The date the post was last modified, as GMT.', { format: 'date-time', readonly: true }),
    slug: prop('string', ALL, 'An alphanumeric identifier for the post unique to its type.'),
    status: prop('string', VIEW, 'A named status for the post.', { enum: ['publish', 'future', 'draft', 'pending', 'private'] }),
    type: prop('string', ALL, 'Type of post.', readonly),
    ...(type === 'attachment' ? {} : { password: prop('string', EDIT, 'A password to protect access to the content and excerpt.') }),
    title: rendered('The title for the post.', ALL, 'Title for the post'),
    author: prop('integer', ALL, 'The ID for the author of the post.'),
    comment_status: prop('string', VIEW, 'Whether or not comments are open on the post.', { enum: ['open', 'closed'] }),
    ping_status: prop('string', VIEW, 'Whether or not the post can be pinged.', { enum: ['open', 'closed'] }),
    template: prop('string', VIEW, 'The theme file to use to display the post.'),
    meta: prop('object', VIEW, 'Meta fields.', { properties: {} }),
  };
}

/** What a post and a page have and an attachment has not. */
const textual = {
  content: rendered('The content for the post.', VIEW, 'Content for the post', {
    block_version: prop('integer', EDIT, 'Version of the content block format used by the post.', readonly),
    protected: isProtected('content'),
  }),
  excerpt: rendered('The excerpt for the post.', ALL, 'Excerpt for the post', { protected: isProtected('excerpt') }),
  featured_media: prop('integer', ALL, 'The ID of the featured media for the post.'),
};

const terms = (taxonomy: string) =>
  prop('array', VIEW, `The terms assigned to the post in the ${taxonomy} taxonomy.`, { items: { type: 'integer' } });

export const POST_SCHEMA = schema('post', {
  ...postBase('post'),
  ...textual,
  sticky: prop('boolean', VIEW, 'Whether or not the post should be treated as sticky.'),
  format: prop('string', VIEW, 'The format for the post.', {
    enum: ['standard', 'aside', 'chat', 'gallery', 'link', 'image', 'quote', 'status', 'video', 'audio'],
  }),
  categories: terms('category'),
  tags: terms('post_tag'),
  // Not WordPress's: the post's language, as multilingual plugins add it; the widgets read it in every context.
  lang: prop('string', ALL, 'The language of the post (BCP 47).', readonly),
});

export const PAGE_SCHEMA = schema('page', {
  ...postBase('page'),
  ...textual,
  parent: prop('integer', VIEW, 'The ID for the parent of the post.'),
  menu_order: prop('integer', VIEW, 'The order of the post in relation to other posts.'),
});

export const ATTACHMENT_SCHEMA = schema('attachment', {
  ...postBase('attachment'),
  alt_text: prop('string', ALL, 'Alternative text to display when attachment is not displayed.'),
  caption: rendered('The attachment caption.', ALL, 'Caption for the attachment'),
  description: rendered('The attachment description.', VIEW, 'Description for the attachment'),
  media_type: prop('string', ALL, 'Attachment type.', { enum: ['image', 'file'], readonly: true }),
  mime_type: prop('string', ALL, 'The attachment MIME type.', readonly),
  media_details: prop('object', ALL, 'Details about the media file, specific to its type.', readonly),
  post: prop('integer', VIEW, 'The ID for the associated post of the attachment.'),
  source_url: prop('string', ALL, 'URL to the original attachment file.', { format: 'uri', readonly: true }),
});

export const USER_SCHEMA = schema('user', {
  id: prop('integer', ALL, 'Unique identifier for the user.', readonly),
  username: prop('string', EDIT, 'Login name for the user.'),
  name: prop('string', ALL, 'Display name for the user.'),
  first_name: prop('string', EDIT, 'First name for the user.'),
  last_name: prop('string', EDIT, 'Last name for the user.'),
  email: prop('string', EDIT, 'The email address for the user.', { format: 'email' }),
  url: prop('string', ALL, 'URL of the user.', { format: 'uri' }),
  description: prop('string', ALL, 'Description of the user.'),
  link: prop('string', ALL, 'Author URL of the user.', { format: 'uri', readonly: true }),
  locale: prop('string', EDIT, 'Locale for the user.', { enum: ['', 'en_US'] }),
  nickname: prop('string', EDIT, 'The nickname for the user.'),
  slug: prop('string', ALL, 'An alphanumeric identifier for the user.'),
  registered_date: prop('string', EDIT, 'Registration date for the user.', { format: 'date-time', readonly: true }),
  roles: prop('array', EDIT, 'Roles assigned to the user.', { items: { type: 'string' } }),
  password: prop('string', [], 'Password for the user (never included).'),
  capabilities: prop('object', EDIT, 'All capabilities assigned to the user.', readonly),
  extra_capabilities: prop('object', EDIT, 'Any extra capabilities assigned to the user.', readonly),
  avatar_urls: prop('object', ALL, 'Avatar URLs for the user.', {
    readonly: true,
    properties: Object.fromEntries(
      ['24', '48', '96'].map((size) => [size, prop('string', ALL, `Avatar URL with image size of ${size} pixels.`, { format: 'uri' })]),
    ),
  }),
  meta: prop('object', VIEW, 'Meta fields.', { properties: {} }),
});

export const COMMENT_SCHEMA = schema('comment', {
  id: prop('integer', ALL, 'Unique identifier for the comment.', readonly),
  author: prop('integer', ALL, 'The ID of the user object, if author was a user.'),
  author_email: prop('string', EDIT, 'Email address for the comment author.', { format: 'email' }),
  author_ip: prop('string', EDIT, 'IP address for the comment author.', { format: 'ip' }),
  author_name: prop('string', ALL, 'Display name for the comment author.'),
  author_url: prop('string', ALL, 'URL for the comment author.', { format: 'uri' }),
  author_user_agent: prop('string', EDIT, 'User agent for the comment author.'),
  content: rendered('The content for the comment.', ALL, 'Content for the comment'),
  date: prop('string', ALL, "The date the comment was published, in the site's timezone.", { format: 'date-time' }),
  date_gmt: prop('string', VIEW, 'The date the comment was published, as GMT.', { format: 'date-time' }),
  link: prop('string', ALL, 'URL to the comment.', { format: 'uri', readonly: true }),
  parent: prop('integer', ALL, 'The ID for the parent of the comment.', { default: 0 }),
  post: prop('integer', VIEW, 'The ID of the associated post object.', { default: 0 }),
  status: prop('string', VIEW, 'State of the comment.'),
  type: prop('string', ALL, 'Type of the comment.', readonly),
  author_avatar_urls: prop('object', ALL, 'Avatar URLs for the comment author.', readonly),
  meta: prop('object', VIEW, 'Meta fields.', { properties: {} }),
});

function termSchema(taxonomy: 'category' | 'post_tag'): ItemSchema {
  return schema(taxonomy, {
    id: prop('integer', ALL, 'Unique identifier for the term.', readonly),
    count: prop('integer', VIEW, 'Number of published posts for the term.', readonly),
    description: prop('string', VIEW, 'HTML description of the term.'),
    link: prop('string', ALL, 'URL of the term.', { format: 'uri', readonly: true }),
    name: prop('string', ALL, 'HTML title for the term.'),
    slug: prop('string', ALL, 'An alphanumeric identifier for the term unique to its type.'),
    taxonomy: prop('string', ALL, 'Type attribution for the term.', { enum: [taxonomy], readonly: true }),
    ...(taxonomy === 'category' ? { parent: prop('integer', VIEW, 'The parent term ID.') } : {}),
    meta: prop('object', VIEW, 'Meta fields.', { properties: {} }),
  });
}

export const CATEGORY_SCHEMA = termSchema('category');
export const TAG_SCHEMA = termSchema('post_tag');

export const TYPE_SCHEMA = schema('type', {
  capabilities: prop('object', EDIT, 'All capabilities used by the post type.', readonly),
  description: prop('string', VIEW, 'A human-readable description of the post type.', readonly),
  hierarchical: prop('boolean', VIEW, 'Whether or not the post type should have children.', readonly),
  viewable: prop('boolean', EDIT, 'Whether or not the post type can be viewed.', readonly),
  labels: prop('object', EDIT, 'Human-readable labels for the post type for various contexts.', readonly),
  name: prop('string', ALL, 'The title for the post type.', readonly),
  slug: prop('string', ALL, 'An alphanumeric identifier for the post type.', readonly),
  supports: prop('object', EDIT, 'All features, supported by the post type.', readonly),
  has_archive: prop(['string', 'boolean'], VIEW, 'If the value is a string, the value will be used as the archive slug. If the value is false the post type has no archive.', readonly),
  taxonomies: prop('array', VIEW, 'Taxonomies associated with post type.', { items: { type: 'string' }, readonly: true }),
  rest_base: prop('string', ALL, 'REST base route for the post type.', readonly),
  rest_namespace: prop('string', ALL, 'REST route\'s namespace for the post type.', readonly),
  visibility: prop('object', EDIT, 'The visibility settings for the post type.', readonly),
  icon: prop(['string', 'null'], ALL, 'The icon for the post type.', readonly),
  template: prop('array', VIEW, 'The block template associated with the post type.', readonly),
  template_lock: prop(['string', 'boolean'], VIEW, 'The template_lock associated with the post type, or false if none.', readonly),
});

export const TAXONOMY_SCHEMA = schema('taxonomy', {
  capabilities: prop('object', EDIT, 'All capabilities used by the taxonomy.', readonly),
  description: prop('string', VIEW, 'A human-readable description of the taxonomy.', readonly),
  hierarchical: prop('boolean', VIEW, 'Whether or not the taxonomy should have children.', readonly),
  labels: prop('object', EDIT, 'Human-readable labels for the taxonomy for various contexts.', readonly),
  name: prop('string', ALL, 'The title for the taxonomy.', readonly),
  slug: prop('string', ALL, 'An alphanumeric identifier for the taxonomy.', readonly),
  show_cloud: prop('boolean', EDIT, 'Whether or not the term cloud should be displayed.', readonly),
  types: prop('array', VIEW, 'Types associated with the taxonomy.', { items: { type: 'string' }, readonly: true }),
  rest_base: prop('string', ALL, 'REST base route for the taxonomy.', readonly),
  rest_namespace: prop('string', ALL, 'REST namespace route for the taxonomy.', readonly),
  visibility: prop('object', EDIT, 'The visibility settings for the taxonomy.', readonly),
});

export const SEARCH_RESULT_SCHEMA = schema('search-result', {
  id: prop(['integer', 'string'], ['view', 'embed'], 'Unique identifier for the object.', readonly),
  title: prop('string', ['view', 'embed'], 'The title for the object.', readonly),
  url: prop('string', ['view', 'embed'], 'URL to the object.', { format: 'uri', readonly: true }),
  type: prop('string', ['view', 'embed'], 'Object type.', { enum: ['post', 'term', 'post-format'], readonly: true }),
  subtype: prop('string', ['view', 'embed'], 'Object subtype.', { enum: ['post', 'page', 'category', 'post_tag'], readonly: true }),
});

/**
 * `rest_filter_response_by_context`: drops every property whose schema does not list `context`, at any depth;
 * keys the schema does not describe (`_links`, `_embedded`) stay.
 */
export function filterByContext(data: Readonly<Record<string, unknown>>, properties: ItemSchema['properties'], context: Context): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const property = properties[key];
    if (!property) kept[key] = value;
    else if (property.context.includes(context)) {
      kept[key] =
        property.properties && value !== null && typeof value === 'object' && !Array.isArray(value)
          ? filterByContext(value as Record<string, unknown>, property.properties, context)
          : value;
    }
  }
  return kept;
}
