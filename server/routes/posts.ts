/** `/wp-json/wp/v2/posts` and `/posts/:id`, as WordPress serves them to anonymous readers. */
import type { FastifyInstance } from 'fastify';
import { commentEmbedJson } from '../comments/embed.js';
import type { CommentStore } from '../store/comments.js';
import { POST_ORDERBY, type Post, type PostFilter, type PostStore, type TermMatch } from '../store/posts.js';
import { invalidPostId, WpError } from '../wp/errors.js';
import { DEFAULT_PER_PAGE, embedRels, nonEmpty, ParamReader, readPaging, type Query, type TermLimit } from '../wp/params.js';
import { postJson, type EmbedFilter, type Json } from '../wp/shape.js';
import { ID, idParam, pagesOf, pagingHeaders, siteOf } from './responses.js';

/**
 * WP_REST_Posts_Controller::get_collection_params, read as get_items maps them onto WP_Query. `context` and
 * `_fields` are read elsewhere, for every route.
 */
async function readFilter(params: ParamReader, posts: PostStore): Promise<PostFilter> {
  type Expand = (ids: number[]) => number[] | Promise<number[]>;
  const termMatch = async (limit: TermLimit | undefined, expand: Expand): Promise<TermMatch | undefined> =>
    limit && limit.terms.length > 0
      ? { terms: limit.includeChildren ? await expand(limit.terms) : limit.terms, operator: limit.operator }
      : undefined;
  const excluded = async (limit: TermLimit | undefined, expand: Expand) =>
    limit && limit.terms.length > 0 ? (limit.includeChildren ? await expand(limit.terms) : limit.terms) : undefined;
  const same = (ids: number[]) => ids;
  const withChildren = (ids: number[]) => posts.categoryDescendants(ids);
  const include = nonEmpty(params.integerList('include'));
  // No post is sticky here, so sticky=true matches none (WordPress's post__in = [0]) and sticky=false excludes none.
  const stickyOnly = params.boolean('sticky') === true;
  // sanitize_post_statuses: anonymous readers may ask for the default status only.
  params.allowedList('status', ['publish'], { code: 'rest_forbidden_status', message: 'Status is forbidden.', status: 401 });
  return {
    slugs: nonEmpty(params.list('slug')),
    include: stickyOnly ? [0] : include,
    exclude: nonEmpty(params.integerList('exclude')),
    authors: nonEmpty(params.integerList('author')),
    authorsExclude: nonEmpty(params.integerList('author_exclude')),
    // In this order, each read before the next: the first bad parameter is the one reported.
    categories: await termMatch(params.termLimit('categories', { operator: true, includeChildren: true }), withChildren),
    categoriesExclude: await excluded(params.termLimit('categories_exclude', { operator: false, includeChildren: true }), withChildren),
    tags: await termMatch(params.termLimit('tags', { operator: true, includeChildren: false }), same),
    tagsExclude: await excluded(params.termLimit('tags_exclude', { operator: false, includeChildren: false }), same),
    search: params.search(),
    before: params.dateTime('before'),
    after: params.dateTime('after'),
    modifiedBefore: params.dateTime('modified_before'),
    modifiedAfter: params.dateTime('modified_after'),
  };
}

export function postRoutes(app: FastifyInstance, posts: PostStore, comments: CommentStore): void {
  /** `_embed` of one post: `replies` only when the post has approved comments (embed_links drops empty ones). */
  async function json(post: Post, site: string, embed: EmbedFilter): Promise<Json> {
    // The `replies` link's first page, as WordPress fetches it (per_page's default, newest first). The count is an
    // index-only probe; most posts in a list have no comments, and listing none costs far more.
    const replies = embed('replies') && (await comments.approvedOn(post.id)) > 0
      ? (await comments.list({ posts: [post.id] }, { limit: DEFAULT_PER_PAGE, offset: 0, order: 'desc' })).map((comment) =>
          commentEmbedJson(comment, site),
        )
      : [];
    return postJson(post, site, embed, replies);
  }

  app.get('/wp-json/wp/v2/posts', async (request, reply) => {
    const query = request.query as Query;
    const params = new ParamReader(query);
    const { page, perPage, order } = readPaging(params, 'desc');
    const orderby = params.oneOf('orderby', POST_ORDERBY, 'date');
    const offset = params.has('offset') ? params.integer('offset', { fallback: 0 }) : undefined;
    const filter = await readFilter(params, posts);
    params.done();
    // get_items' own checks, after the parameters'.
    if (orderby === 'relevance' && !filter.search) {
      throw new WpError('rest_no_search_term_defined', 'You need to define a search term to order by relevance.', 400);
    }
    if (orderby === 'include' && !params.integerList('include')?.length) {
      throw new WpError('rest_orderby_include_missing_include', 'You need to define an include parameter to order by include.', 400);
    }

    const total = await posts.count(filter);
    const totalPages = pagesOf(total, perPage, page, 'post');
    const site = siteOf(request);
    const embed = embedRels(query);
    // WP_Query: an `offset` replaces the page's own (the page still names the headers' neighbours).
    const skip = offset === undefined ? (page - 1) * perPage : Math.abs(offset);
    const items = total === 0 ? [] : await posts.list(filter, { limit: perPage, offset: skip, order, orderby });
    pagingHeaders(reply, request, { total, totalPages, page });
    return Promise.all(items.map((post) => json(post, site, embed)));
  });

  app.get(`/wp-json/wp/v2/posts/${ID}`, async (request) => {
    const id = idParam(request);
    const post = id === undefined ? undefined : await posts.get(id);
    if (!post) throw invalidPostId();
    return json(post, siteOf(request), embedRels(request.query as Query));
  });

  // Anonymous readers may not write posts; the body is still parsed first, so bad JSON fails as in WordPress.
  app.post('/wp-json/wp/v2/posts', async () => {
    throw new WpError('rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.', 401);
  });
}
