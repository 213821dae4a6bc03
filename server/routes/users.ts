/**
 * `/wp-json/wp/v2/users` and `/users/:id`, as WordPress answers an anonymous reader, and `/users/me`, the account
 * that signed in (`http/auth.ts`).
 */
import type { FastifyInstance } from 'fastify';
import { CAPABILITIES } from '../auth/sign-in.js';
import type { Author, PostStore } from '../store/posts.js';
import type { UserOrder, UserStore } from '../store/users.js';
import { WpError } from '../wp/errors.js';
import { ParamReader, readPaging, textParam, type Query } from '../wp/params.js';
import { authorJson } from '../wp/shape.js';
import { ID, idParam, pagingHeaders, siteOf } from './responses.js';

const ORDERS = ['id', 'include', 'name', 'registered_date', 'slug', 'include_slugs', 'email', 'url'] as const;

/** `WP_REST_Users_Controller::get_items_permissions_check`: what only users who may list users can ask for. */
function refuse(params: ParamReader, orderby: (typeof ORDERS)[number], who: string | undefined): void {
  if (who === 'authors') {
    throw new WpError('rest_forbidden_who', 'Sorry, you are not allowed to query users by this parameter.', 401);
  }
  if (params.has('roles')) {
    throw new WpError('rest_user_cannot_view', 'Sorry, you are not allowed to filter users by role.', 401);
  }
  if (params.has('capabilities')) {
    throw new WpError('rest_user_cannot_view', 'Sorry, you are not allowed to filter users by capability.', 401);
  }
  if (orderby === 'email' || orderby === 'registered_date') {
    throw new WpError('rest_forbidden_orderby', 'Sorry, you are not allowed to order users by this parameter.', 401);
  }
}

/** A user as the view context shows it: the embed fields (`authorJson`) and `meta`. */
const userJson = (author: Author, site: string) => {
  const { _links, ...fields } = authorJson(author, site);
  return { ...fields, meta: [], _links };
};

export function userRoutes(app: FastifyInstance, posts: PostStore, users: UserStore): void {
  app.get('/wp-json/wp/v2/users', async (request, reply) => {
    const query = request.query as Query;
    const params = new ParamReader(query);
    const { page, perPage, order } = readPaging(params, 'asc');
    const orderby = params.oneOf('orderby', ORDERS, 'name');
    const offset = params.integer('offset', { fallback: 0 });
    const who = params.has('who') ? params.oneOf('who', ['authors'] as const, 'authors') : undefined;
    const filter = {
      include: params.integerList('include'),
      exclude: params.integerList('exclude'),
      slugs: params.list('slug'),
      search: textParam(query, 'search') || undefined,
    };
    params.done();
    refuse(params, orderby, who);

    const total = await users.count(filter);
    const site = siteOf(request);
    // `! empty( $request['offset'] )`: an offset of 0 pages as usual.
    const start = offset || (page - 1) * perPage;
    const items = await users.list(filter, { limit: perPage, offset: start, orderby: orderby as UserOrder, order });
    pagingHeaders(reply, request, { total, totalPages: Math.ceil(total / perPage), page });
    return items.map((author) => userJson(author, site));
  });

  app.get('/wp-json/wp/v2/users/me', async (request) => {
    const account = request.account;
    if (!account) throw new WpError('rest_not_logged_in', 'You are not currently logged in.', 401);
    const view = userJson({ id: account.id, slug: account.slug, name: account.name, description: '', url: '' }, siteOf(request));
    if (textParam(request.query as Query, 'context') !== 'edit') return view;
    const capabilities = Object.fromEntries(CAPABILITIES[account.role].map((capability) => [capability, true]));
    // The edit context's own fields, as WP_REST_Users_Controller::prepare_item_for_response gives them to the user.
    return {
      ...view,
      username: account.login,
      first_name: '',
      last_name: '',
      email: '',
      locale: 'en_US',
      nickname: account.login,
      registered_date: `${account.registeredGmt}+00:00`,
      roles: [account.role],
      capabilities: { ...capabilities, [account.role]: true },
      extra_capabilities: { [account.role]: true },
    };
  });

  app.get(`/wp-json/wp/v2/users/${ID}`, async (request) => {
    const id = idParam(request);
    const author = id === undefined ? undefined : await posts.author(id);
    if (!author) throw new WpError('rest_user_invalid_id', 'Invalid user ID.', 404);
    // `get_item_permissions_check`: a reader sees only users with published posts.
    if ((await users.count({ include: [author.id] })) === 0) {
      throw new WpError('rest_user_cannot_view', 'Sorry, you are not allowed to list users.', 401);
    }
    return userJson(author, siteOf(request));
  });
}
