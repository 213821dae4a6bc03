/** `/wp-json/wp/v2/posts` and `/posts/:id`, as WordPress serves them to anonymous readers. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PostStore } from '../store/posts.js';
import { invalidPostId, WpError } from '../wp/errors.js';
import { embedRels, ParamReader, readPaging, type Query } from '../wp/params.js';
import { postJson } from '../wp/shape.js';
import { pagingHeaders, siteOf } from './responses.js';

/** WordPress routes ids as `(?P<id>[\d]+)`: anything else is not a route at all (`rest_no_route`). */
const ID = ':id(^\\d+$)';

/** An id too large to be a row id is simply unknown. */
function idParam(request: FastifyRequest): number | undefined {
  const id = Number((request.params as { id: string }).id);
  return Number.isSafeInteger(id) ? id : undefined;
}

export function postRoutes(app: FastifyInstance, posts: PostStore): void {
  app.get('/wp-json/wp/v2/posts', async (request, reply) => {
    const query = request.query as Query;
    const params = new ParamReader(query);
    const { page, perPage, order } = readPaging(params, 'desc');
    const slugs = params.list('slug');
    params.done();

    const filter = { slugs };
    const total = posts.count(filter);
    const totalPages = Math.ceil(total / perPage);
    if (page > totalPages && total > 0) {
      throw new WpError(
        'rest_post_invalid_page_number',
        'The page number requested is larger than the number of pages available.',
        400,
      );
    }
    const site = siteOf(request);
    const embed = embedRels(query);
    const items = total === 0 ? [] : posts.list(filter, { limit: perPage, offset: (page - 1) * perPage, order });
    pagingHeaders(reply, request, { total, totalPages, page });
    return items.map((post) => postJson(post, site, embed));
  });

  app.get(`/wp-json/wp/v2/posts/${ID}`, async (request) => {
    const id = idParam(request);
    const post = id === undefined ? undefined : posts.get(id);
    if (!post) throw invalidPostId();
    return postJson(post, siteOf(request), embedRels(request.query as Query));
  });

  // Anonymous readers may not write posts; the body is still parsed first, so bad JSON fails as in WordPress.
  app.post('/wp-json/wp/v2/posts', async () => {
    throw new WpError('rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.', 401);
  });
}
