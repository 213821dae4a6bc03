/**
 * `/wp-json/wp/v2/types`, `/taxonomies` and `/pages`: what WordPress describes its content with. The server has
 * posts (with categories and tags), their images and no pages; WordPress's other types (blocks, templates,
 * navigation menus, fonts) serve features this server has not, so they are not listed, and no link leads to a 404.
 */
import type { FastifyInstance } from 'fastify';
import { invalidPostId, WpError } from '../wp/errors.js';
import { ParamReader, readPaging, textParam, type Query } from '../wp/params.js';
import { API, CURIES, TAXONOMY_BASE } from '../wp/shape.js';
import { ID, pagingHeaders, siteOf } from './responses.js';

interface TypeRecord {
  name: string;
  hierarchical: boolean;
  icon: string;
  taxonomies: readonly string[];
  rest_base: string;
}

const TYPES: Readonly<Record<string, TypeRecord>> = {
  post: { name: 'Posts', hierarchical: false, icon: 'dashicons-admin-post', taxonomies: ['category', 'post_tag'], rest_base: 'posts' },
  page: { name: 'Pages', hierarchical: true, icon: 'dashicons-admin-page', taxonomies: [], rest_base: 'pages' },
  attachment: { name: 'Media', hierarchical: false, icon: 'dashicons-admin-media', taxonomies: [], rest_base: 'media' },
};

interface TaxonomyRecord {
  name: string;
  types: readonly string[];
  hierarchical: boolean;
  rest_base: string;
}

const TAXONOMIES: Readonly<Record<string, TaxonomyRecord>> = {
  category: { name: 'Categories', types: ['post'], hierarchical: true, rest_base: TAXONOMY_BASE.category },
  post_tag: { name: 'Tags', types: ['post'], hierarchical: false, rest_base: TAXONOMY_BASE.post_tag },
};

/** `WP_REST_Post_Types_Controller::prepare_item_for_response`, view context. */
function typeJson(slug: string, type: TypeRecord, site: string) {
  return {
    description: '',
    hierarchical: type.hierarchical,
    has_archive: false,
    name: type.name,
    slug,
    icon: type.icon,
    taxonomies: type.taxonomies,
    rest_base: type.rest_base,
    rest_namespace: 'wp/v2',
    template: [],
    template_lock: false,
    _links: {
      collection: [{ href: `${site}${API}/types` }],
      'wp:items': [{ href: `${site}${API}/${type.rest_base}` }],
      curies: CURIES,
    },
  };
}

/** `WP_REST_Taxonomies_Controller::prepare_item_for_response`, view context. */
function taxonomyJson(slug: string, taxonomy: TaxonomyRecord, site: string) {
  return {
    name: taxonomy.name,
    slug,
    description: '',
    types: taxonomy.types,
    hierarchical: taxonomy.hierarchical,
    rest_base: taxonomy.rest_base,
    rest_namespace: 'wp/v2',
    _links: {
      collection: [{ href: `${site}${API}/taxonomies` }],
      'wp:items': [{ href: `${site}${API}/${taxonomy.rest_base}` }],
      curies: CURIES,
    },
  };
}

const NAME = '(^[\\w-]+$)';

export function contentTypeRoutes(app: FastifyInstance): void {
  app.get(`${API}/types`, async (request) => {
    const site = siteOf(request);
    return Object.fromEntries(Object.entries(TYPES).map(([slug, type]) => [slug, typeJson(slug, type, site)]));
  });

  app.get(`${API}/types/:type${NAME}`, async (request) => {
    const { type } = request.params as { type: string };
    if (!Object.hasOwn(TYPES, type)) throw new WpError('rest_type_invalid', 'Invalid post type.', 404);
    return typeJson(type, TYPES[type], siteOf(request));
  });

  app.get(`${API}/taxonomies`, async (request) => {
    const site = siteOf(request);
    // `?type=`: `get_object_taxonomies()` of that type, nothing for a type that does not exist.
    const type = textParam(request.query as Query, 'type');
    const listed = Object.entries(TAXONOMIES).filter(([, taxonomy]) => type === undefined || taxonomy.types.includes(type));
    return Object.fromEntries(listed.map(([slug, taxonomy]) => [slug, taxonomyJson(slug, taxonomy, site)]));
  });

  app.get(`${API}/taxonomies/:taxonomy${NAME}`, async (request) => {
    const { taxonomy } = request.params as { taxonomy: string };
    if (!Object.hasOwn(TAXONOMIES, taxonomy)) throw new WpError('rest_taxonomy_invalid', 'Invalid taxonomy.', 404);
    return taxonomyJson(taxonomy, TAXONOMIES[taxonomy], siteOf(request));
  });

  // The site has no pages: an empty collection, validated and paged like any other.
  app.get(`${API}/pages`, async (request, reply) => {
    const params = new ParamReader(request.query as Query);
    const { page } = readPaging(params, 'desc');
    params.done();
    pagingHeaders(reply, request, { total: 0, totalPages: 0, page });
    return [];
  });

  app.get(`${API}/pages/${ID}`, async () => {
    throw invalidPostId();
  });
}
