/**
 * Authors as `GET /wp/v2/users` lists them to an anonymous reader: only those with a published post
 * (`has_published_posts`, which WordPress forces for readers who may not list users). Statements only.
 */
import { likeContaining, type Dialect, type Sql } from './client.js';
import type { Author } from './posts.js';

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


const whereOf = (d: Dialect) => `EXISTS (SELECT 1 FROM posts WHERE posts.author = authors.id AND posts.status = 'publish')
  AND (:include IS NULL OR id IN (SELECT value FROM ${d.each(':include', 'int', 'j')}))
  AND (:exclude IS NULL OR id NOT IN (SELECT value FROM ${d.each(':exclude', 'int', 'j')}))
  AND (:slugs IS NULL OR slug IN (SELECT value FROM ${d.each(':slugs', 'text', 'j')}))
  AND (:search IS NULL OR name ${d.like} :search ESCAPE '\\' OR slug ${d.like} :search ESCAPE '\\' OR CAST(id AS TEXT) = :term)`;

/** ORDER BY cannot be a parameter: one clause per `orderby`, the list's position for `include` and `include_slugs`. */
const orderOf = (d: Dialect, orderby: UserOrder): string => {
  switch (orderby) {
    case 'include':
      return `(SELECT key FROM ${d.each(':include', 'int', 'j')} WHERE value = id)`;
    case 'include_slugs':
      return `(SELECT key FROM ${d.each(':slugs', 'text', 'j')} WHERE value = slug)`;
    default:
      return orderby;
  }
};

interface Params {
  include: unknown;
  exclude: unknown;
  slugs: unknown;
  search: string | null;
  term: string | null;
}

export type UserStore = ReturnType<typeof createUserStore>;

export function createUserStore(db: Sql) {
  const where = whereOf(db.dialect);
  const params = (filter: UserFilter): Params => ({
    include: db.list(filter.include),
    exclude: db.list(filter.exclude),
    slugs: db.list(filter.slugs),
    search: filter.search === undefined ? null : likeContaining(filter.search),
    term: filter.search ?? null,
  });

  return {
    count: async (filter: UserFilter): Promise<number> => (await db.value<number>(`SELECT count(*) FROM authors WHERE ${where}`, params(filter))) ?? 0,
    list(filter: UserFilter, page: UserPage): Promise<Author[]> {
      const direction = page.order === 'asc' ? 'ASC' : 'DESC';
      return db.all<Author>(
        `SELECT id, slug, name, description, url FROM authors WHERE ${where}
         ORDER BY ${orderOf(db.dialect, page.orderby)} ${direction}, id ${direction} LIMIT :limit OFFSET :offset`,
        { ...params(filter), limit: page.limit, offset: page.offset },
      );
    },
  };
}
