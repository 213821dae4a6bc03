/**
 * Authors as `GET /wp/v2/users` lists them to an anonymous reader: only those with a published post
 * (`has_published_posts`, which WordPress forces for readers who may not list users). Prepared statements only.
 */
import type { Db } from './database.js';
import type { Author } from './posts.js';
import { jsonList, likeContaining, preparedOnUse } from './sql.js';

export type UserOrder = 'id' | 'include' | 'name' | 'slug' | 'include_slugs' | 'url';

export interface UserFilter {
  include?: readonly number[];
  exclude?: readonly number[];
  slugs?: readonly string[];
  /** `*term*` on the columns WordPress searches for such readers: ID, login, nicename, display name. */
  search?: string;
}

export interface UserPage {
  limit: number;
  offset: number;
  orderby: UserOrder;
  order: 'asc' | 'desc';
}


const WHERE = `EXISTS (SELECT 1 FROM posts WHERE posts.author = authors.id AND posts.status = 'publish')
  AND (:include IS NULL OR id IN (SELECT value FROM json_each(:include)))
  AND (:exclude IS NULL OR id NOT IN (SELECT value FROM json_each(:exclude)))
  AND (:slugs IS NULL OR slug IN (SELECT value FROM json_each(:slugs)))
  AND (:search IS NULL OR name LIKE :search ESCAPE '\\' OR slug LIKE :search ESCAPE '\\' OR CAST(id AS TEXT) = :term)`;

/** ORDER BY cannot be a parameter: one clause per `orderby`, the list's position for `include` and `include_slugs`. */
const ORDER: Readonly<Record<UserOrder, string>> = {
  id: 'id',
  name: 'name',
  slug: 'slug',
  url: 'url',
  include: '(SELECT key FROM json_each(:include) WHERE value = id)',
  include_slugs: '(SELECT key FROM json_each(:slugs) WHERE value = slug)',
};

interface Params {
  include: string | null;
  exclude: string | null;
  slugs: string | null;
  search: string | null;
  term: string | null;
}

export type UserStore = ReturnType<typeof createUserStore>;

export function createUserStore(db: Db) {
  const count = db.prepare<Params, number>(`SELECT count(*) FROM authors WHERE ${WHERE}`).pluck();
  const prepared = preparedOnUse(db);
  const listFor = (orderby: UserOrder, order: 'asc' | 'desc') => {
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    return prepared<Params & { limit: number; offset: number }, Author>(
      `SELECT id, slug, name, description, url FROM authors WHERE ${WHERE}
       ORDER BY ${ORDER[orderby]} ${direction}, id ${direction} LIMIT :limit OFFSET :offset`,
    );
  };
  const params = (filter: UserFilter): Params => ({
    include: jsonList(filter.include),
    exclude: jsonList(filter.exclude),
    slugs: jsonList(filter.slugs),
    search: filter.search === undefined ? null : likeContaining(filter.search),
    term: filter.search ?? null,
  });

  return {
    count: (filter: UserFilter): number => count.get(params(filter)) ?? 0,
    list: (filter: UserFilter, page: UserPage): Author[] =>
      listFor(page.orderby, page.order).all({ ...params(filter), limit: page.limit, offset: page.offset }),
  };
}
