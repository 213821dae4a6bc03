/** `/wp-json/wp/v2/categories` and `/tags`, as WP_REST_Terms_Controller serves them to anonymous readers. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PostStore } from '../store/posts.js';
import { TERM_ORDERBY, type Taxonomy, type TermStore } from '../store/terms.js';
import { WpError } from '../wp/errors.js';
import { nonEmpty, ParamReader, readPaging, type Query } from '../wp/params.js';
import { TAXONOMY_BASE, termJson } from '../wp/shape.js';
import { ID, idParam, pagingHeaders, siteOf } from './responses.js';

const TAXONOMIES: ReadonlyArray<{ taxonomy: Taxonomy; hierarchical: boolean }> = [
  { taxonomy: 'category', hierarchical: true },
  { taxonomy: 'post_tag', hierarchical: false },
];

const termInvalid = () => new WpError('rest_term_invalid', 'Term does not exist.', 404);

export function termRoutes(app: FastifyInstance, terms: TermStore, posts: PostStore): void {
  for (const { taxonomy, hierarchical } of TAXONOMIES) {
    const base = TAXONOMY_BASE[taxonomy];
    app.get(`/wp-json/wp/v2/${base}`, async (request, reply) => {
      const params = new ParamReader(request.query as Query);
      const { page, perPage, order } = readPaging(params, 'asc');
      const orderby = params.oneOf('orderby', TERM_ORDERBY, 'name');
      const search = params.search();
      const include = nonEmpty(params.integerList('include'));
      const exclude = nonEmpty(params.integerList('exclude'));
      const slugs = nonEmpty(params.list('slug'));
      const hideEmpty = params.boolean('hide_empty') ?? false;
      // get_collection_params: `parent` for hierarchical taxonomies, `offset` for the others.
      const parent = hierarchical && params.has('parent') ? params.integer('parent', { fallback: 0 }) : undefined;
      const offset = !hierarchical && params.has('offset') ? params.integer('offset', { fallback: 0 }) : 0;
      const post = params.has('post') ? params.integer('post', { fallback: 0 }) : 0;
      params.done();

      // get_items_permissions_check: the post must exist, and be one anyone may read.
      if (post) {
        const status = await posts.statusOf(post);
        if (status === undefined) throw new WpError('rest_post_invalid_id', 'Invalid post ID.', 400);
        if (status !== 'publish') {
          throw new WpError('rest_forbidden_context', 'Sorry, you are not allowed to view terms for this post.', 401);
        }
      }

      const query = {
        include,
        exclude,
        slugs,
        search,
        parent,
        post: post || undefined,
        hideEmpty,
        orderby,
        order,
      };
      const total = await terms.count(taxonomy, query);
      // A non-zero `offset` replaces the page's; the headers then tell the page it falls in (get_items).
      const skip = offset || (page - 1) * perPage;
      const current = Math.ceil(skip / perPage + 1);
      const totalPages = Math.ceil(total / perPage);
      pagingHeaders(reply, request, { total, totalPages, page: current });
      const site = siteOf(request);
      return (await terms.list(taxonomy, query, { limit: perPage, offset: skip })).map((term) => termJson(term, site));
    });

    app.get(`/wp-json/wp/v2/${base}/${ID}`, async (request: FastifyRequest) => {
      const id = idParam(request);
      const term = id === undefined ? undefined : await terms.get(taxonomy, id);
      if (!term) throw termInvalid();
      return termJson(term, siteOf(request));
    });
  }
}
