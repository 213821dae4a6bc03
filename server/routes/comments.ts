/**
 * `/wp-json/wp/v2/comments` as WordPress serves it to anonymous readers (with anonymous commenting on), and
 * `/wp-comments-post.php`, where the comment form's no-JavaScript fallback posts.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { commentEmbedder } from '../comments/embed.js';
import { can } from '../auth/sign-in.js';
import { commentJson, editableJson } from '../comments/render.js';
import { createComment, type Client, type CreateContext } from '../comments/create.js';
import { RateLimiter } from '../comments/rate-limit.js';
import { clientAddress, rateLimitKey } from '../http/client.js';
import { answerConnectionErrorsWith, answerFor } from '../http/errors.js';
import { formParams, JSON_MEDIA_TYPE, multipartParams, requestParams } from '../comments/request-params.js';
import { parseCommentBody } from '../comments/validation.js';
import { commentPath } from '../pages/article-page.js';
import { renderCommentResult } from '../pages/comment-result.js';
import type { AttemptStore } from '../store/attempts.js';
import type { Sql } from '../store/client.js';
import { COMMENT_ORDERBY, QUEUES, type Comment, type CommentFilter, type CommentStore, type Queue } from '../store/comments.js';
import type { PostStore } from '../store/posts.js';
import { cannotReadComment, WpError } from '../wp/errors.js';
import { embedRels, ParamReader, readPaging, textParam, type Query } from '../wp/params.js';
import { moderationRoutes } from './moderation.js';
import { ID, idParam, pagingHeaders, siteOf } from './responses.js';

/** Query parameters only moderators may use, with the one value anyone may pass. */
const PROTECTED_PARAMS: ReadonlyArray<[string, string | undefined]> = [
  ['author', undefined],
  ['author_exclude', undefined],
  ['author_email', undefined],
  ['type', 'comment'],
  ['status', 'approve'],
];

function forbiddenParams(query: Query): string[] {
  return PROTECTED_PARAMS.filter(([name, allowed]) => {
    const value = query[name];
    return value !== undefined && value !== '' && value !== allowed;
  }).map(([name]) => name);
}

/** WP_Comment_Query's `status` as a moderator may pass it; an unknown one lists nothing, as there. */
function queueOf(query: Query): Queue | undefined {
  const value = (textParam(query, 'status') ?? 'approve').toLowerCase();
  const queue = value === 'approved' || value === '1' ? 'approve' : value === '0' ? 'hold' : value;
  return (QUEUES as readonly string[]).includes(queue) ? (queue as Queue) : undefined;
}

const contextOf = (query: Query) => (textParam(query, 'context') === 'edit' ? 'edit' : 'view');

/** The form's fields, whatever the body turned out to be (nothing, when it could not be read). */
const formFields = (body: unknown) =>
  (typeof body === 'object' && body !== null ? body : {}) as Record<string, string | undefined>;

const clientOf = (request: FastifyRequest): Client => ({
  ip: clientAddress(request),
  userAgent: request.headers['user-agent'] ?? '',
});

export interface CommentStores {
  posts: PostStore;
  comments: CommentStore;
  attempts: AttemptStore;
}

export function commentRoutes(app: FastifyInstance, db: Sql, { posts, comments, attempts }: CommentStores, config: Config): void {
  const context: CreateContext = {
    db,
    moderation: config.moderation,
    spamRules: config.spamRules,
    floodSeconds: config.floodSeconds,
  };
  const limiter = new RateLimiter(attempts, config.rateLimit);
  const embedded = commentEmbedder(posts, comments);

  /** Counted before the body is read, so oversized or broken bodies count too. */
  const rateLimit = async (request: FastifyRequest, reply: FastifyReply) => {
    const retryAfter = await limiter.hit(rateLimitKey(clientAddress(request)));
    if (retryAfter > 0) {
      reply.header('Retry-After', String(retryAfter));
      throw new WpError('rest_rate_limited', 'Too many comments from your address. Try again in a minute.', 429);
    }
  };

  app.get('/wp-json/wp/v2/comments', async (request, reply) => {
    const query = request.query as Query;
    const moderator = can(request.account, 'moderate_comments');
    const forbidden = moderator ? [] : forbiddenParams(query);
    if (forbidden.length > 0) {
      throw new WpError('rest_forbidden_param', `Query parameter not permitted: ${forbidden.join(', ')}`, 401);
    }
    const params = new ParamReader(query);
    const { page, perPage, order } = readPaging(params, 'desc');
    const postIds = params.integerList('post');
    // WP_REST_Comments_Controller::get_collection_params, mapped as get_items maps them onto WP_Comment_Query.
    const filter: CommentFilter = {
      posts: postIds,
      parents: params.integerList('parent'),
      parentExclude: params.integerList('parent_exclude'),
      include: params.integerList('include'),
      exclude: params.integerList('exclude'),
      search: params.string('search'),
      before: params.dateTime('before'),
      after: params.dateTime('after'),
    };
    const orderby = params.oneOf('orderby', COMMENT_ORDERBY, 'date_gmt');
    const offset = params.has('offset') ? params.integer('offset', { fallback: 0 }) : undefined;
    // `password` unlocks a protected post's comments; no post is protected here, so it changes nothing.
    params.done();
    if (postIds?.includes(0)) {
      throw new WpError('rest_cannot_read', 'Sorry, you are not allowed to read comments without a post.', 401);
    }

    // A moderator's `status` picks the queue (any status); readers see approved comments only.
    const queue = moderator ? queueOf(query) : 'approve';
    const total = queue === undefined ? 0 : moderator ? await comments.queueCount(filter, queue) : await comments.count(filter);
    const totalPages = Math.ceil(total / perPage);
    pagingHeaders(reply, request, { total, totalPages, page });
    // An `offset` replaces the page's (get_items, only when not empty); WP_Comment_Query reads it through absint.
    const skip = offset ? Math.abs(offset) : (page - 1) * perPage;
    const site = siteOf(request);
    const embed = embedRels(query);
    // Unlike posts, WordPress answers a page past the end of comments with an empty list.
    if (queue === undefined || skip >= total) return [];
    const paging = { limit: perPage, offset: skip, order, orderby };
    if (moderator) {
      const context = contextOf(query);
      const listed = await comments.queue(filter, queue, paging);
      return Promise.all(listed.map((comment) => embedded(comment as Comment, editableJson(comment, site, context), site, embed)));
    }
    const listed = await comments.list(filter, paging);
    return Promise.all(listed.map((comment) => embedded(comment, commentJson(comment, site), site, embed)));
  });

  app.get(`/wp-json/wp/v2/comments/${ID}`, async (request) => {
    const id = idParam(request);
    const site = siteOf(request);
    const query = request.query as Query;
    if (can(request.account, 'moderate_comments')) {
      const comment = id === undefined ? undefined : await comments.editable(id);
      if (!comment) throw new WpError('rest_comment_invalid_id', 'Invalid comment ID.', 404);
      return embedded(comment as Comment, editableJson(comment, site, contextOf(query)), site, embedRels(query));
    }
    const comment = id === undefined ? undefined : await comments.get(id);
    if (!comment) throw new WpError('rest_comment_invalid_id', 'Invalid comment ID.', 404);
    if (comment.status !== 'approved') throw cannotReadComment();
    return embedded(comment, commentJson(comment, site), site, embedRels(query));
  });

  // The bodies WordPress reads, in this route's own context: the rest of the API reads JSON only.
  void app.register(async (api) => {
    const json = app.getDefaultJsonParser('error', 'error');
    api.removeAllContentTypeParsers();
    // An empty JSON body is no error to WordPress (parse_json_params skips it): the query string is read.
    api.addContentTypeParser(JSON_MEDIA_TYPE, { parseAs: 'string' }, (request, body, done) =>
      body === '' ? done(null, undefined) : json(request, body as string, done),
    );
    api.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
      done(null, formParams(body as string)),
    );
    api.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer) =>
      multipartParams(body, request.headers['content-type'] ?? ''),
    );
    // Any other type is read to its end (within the body limit) and ignored, as PHP leaves `$_POST` empty for it.
    api.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));

    api.post('/wp-json/wp/v2/comments', { onRequest: rateLimit }, async (request, reply) => {
      const client = clientOf(request);
      const params = requestParams(request.query, request.body);
      const comment = await createComment(context, parseCommentBody(params, client.ip), client);
      const site = siteOf(request);
      reply.code(201).header('Location', `${site}/wp-json/wp/v2/comments/${comment.id}`);
      // WP_REST_Server::serve_request embeds for any answer, a new comment's too.
      return embedded(comment, commentJson(comment, site), site, embedRels(request.query as Query));
    });

    moderationRoutes(api, db, comments);
  });

  // The fallback <form> posts url-encoded fields with WordPress's names; only this route reads that type.
  void app.register(async (forms) => {
    forms.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
      done(null, formParams(body as string)),
    );

    // A reader's browser shows whatever this route answers, so every error is a page with the reason and a way
    // back: a refused comment, and equally a body too large, of another type or too slow to arrive, a rate limit or
    // a bad Host.
    // The post is looked up for the page's language and way back; a database that cannot answer leaves it out.
    const errorPage = async (error: WpError, postId?: string) =>
      renderCommentResult(postId === undefined ? undefined : await posts.get(Number(postId)).catch(() => undefined), { kind: 'refused', error });
    forms.setErrorHandler(async (error: FastifyError | WpError, request, reply) => {
      let wpError = answerFor(error, request, reply);
      if (wpError.code === 'rest_unsupported_media_type') {
        wpError = new WpError(wpError.code, 'The comment must be sent from the comment form.', wpError.status);
      }
      return reply
        .code(wpError.status)
        .type('text/html; charset=utf-8')
        .send(await errorPage(wpError, formFields(request.body).comment_post_ID));
    });
    // The body may stall before any handler runs: the connection's own error answer is the page too.
    forms.addHook('onRequest', (request, _reply, done) => {
      answerConnectionErrorsWith(request.raw.socket, (error) => renderCommentResult(undefined, { kind: 'refused', error }));
      done();
    });
    forms.addHook('onResponse', (request, _reply, done) => {
      answerConnectionErrorsWith(request.raw.socket, undefined);
      done();
    });

    forms.post('/wp-comments-post.php', { onRequest: rateLimit }, async (request, reply) => {
      const fields = formFields(request.body);
      const body = {
        post: fields.comment_post_ID,
        parent: fields.comment_parent || 0,
        author_name: fields.author,
        author_email: fields.email,
        author_url: fields.url,
        content: fields.comment,
      };
      const client = clientOf(request);
      const comment = await createComment(context, parseCommentBody(body, client.ip), client);
      // The comment's own page once published, else a page in the article's language that says it is held.
      if (comment.status === 'approved') return reply.redirect(commentPath(comment.postSlug, comment.id), 303);
      reply.type('text/html; charset=utf-8');
      return renderCommentResult(await posts.get(comment.post), { kind: 'held' });
    });
  });
}
