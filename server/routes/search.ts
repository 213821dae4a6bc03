/** `/wp-json/wp/v2/search`: WP_REST_Search_Controller with its one handler here, WP_REST_Post_Search_Handler. */
import type { FastifyInstance } from 'fastify';
import { escapeText } from '../html.js';
import type { PostStore } from '../store/posts.js';
import { nonEmpty, ParamReader, readPaging, type Query } from '../wp/params.js';
import { API, postLink } from '../wp/shape.js';
import { pagesOf, pagingHeaders, siteOf } from './responses.js';

/** The subtypes the post handler offers (post types that are searchable), and `any`. This site stores no pages. */
const SUBTYPES = ['post', 'page', 'any'];

export function searchRoutes(app: FastifyInstance, posts: PostStore): void {
  app.get(`${API}/search`, async (request, reply) => {
    const params = new ParamReader(request.query as Query);
    const { page, perPage } = readPaging(params, 'desc');
    const search = params.search();
    // `type` lists the registered handlers' types: only `post` here (no term or post-format handler).
    params.oneOf('type', ['post'] as const, 'post');
    const subtypes = params.list('subtype') ?? ['any'];
    const badSubtype = subtypes.findIndex((subtype) => !SUBTYPES.includes(subtype));
    if (badSubtype !== -1) {
      params.reject('subtype', 'rest_not_in_enum', `subtype[${badSubtype}] is not one of post, page, and any.`);
    }
    const include = params.integerList('include');
    const exclude = params.integerList('exclude');
    params.done();

    // sanitize_subtypes: `any` is every subtype; no page is stored, so only a search of posts can match.
    const searchesPosts = subtypes.includes('any') || subtypes.includes('post');
    const filter = {
      search,
      include: searchesPosts ? nonEmpty(include) : [0],
      exclude: nonEmpty(exclude),
    };
    const total = await posts.count(filter);
    const totalPages = pagesOf(total, perPage, page, 'search');
    pagingHeaders(reply, request, { total, totalPages, page });
    const site = siteOf(request);
    // WP_Query with `s` and no `orderby`: by relevance, then newest first.
    const found = await posts.list(filter, { limit: perPage, offset: (page - 1) * perPage, order: 'desc', orderby: search ? 'relevance' : 'date' });
    return found.map((post) => ({
      id: post.id,
      title: escapeText(post.title),
      url: postLink(site, post.slug),
      type: 'post',
      subtype: 'post',
      _links: {
        self: [{ embeddable: true, href: `${site}${API}/posts/${post.id}` }],
        about: [{ href: `${site}${API}/types/post` }],
        collection: [{ href: `${site}${API}/search` }],
      },
    }));
  });
}
