/**
 * Categories and tags (migration 5) as WordPress's get_terms() and wp_get_object_terms() list them. Prepared
 * statements only: values are parameters (list filters JSON arrays), and each statement's text is put together
 * from this file's fixed clauses and orders, so there are few of them; each is prepared once.
 */
import type { Db } from './database.js';
import { jsonList, likeContaining, preparedOnUse } from './sql.js';

export type Taxonomy = 'category' | 'post_tag';

export interface Term {
  id: number;
  taxonomy: Taxonomy;
  slug: string;
  name: string;
  description: string;
  /** The parent category's id; 0 for a top-level category and for every tag. */
  parent: number;
  /** Published posts with this term. */
  count: number;
}

/** WP_REST_Terms_Controller's `orderby` values; `include_slugs` is get_terms()'s `slug__in`. */
export const TERM_ORDERBY = ['id', 'include', 'name', 'slug', 'include_slugs', 'term_group', 'description', 'count'] as const;
export type TermOrderby = (typeof TERM_ORDERBY)[number];

export interface TermQuery {
  include?: readonly number[];
  exclude?: readonly number[];
  slugs?: readonly string[];
  search?: string;
  /** Only the children of this category (0: top-level ones). */
  parent?: number;
  /** Only the terms of this post. */
  post?: number;
  hideEmpty?: boolean;
  orderby: TermOrderby;
  order: 'asc' | 'desc';
}

const TABLES: Record<Taxonomy, { terms: string; links: string; column: string; parent: string }> = {
  category: { terms: 'categories', links: 'post_categories', column: 'category', parent: 'coalesce(t.parent, 0)' },
  post_tag: { terms: 'tags', links: 'post_tags', column: 'tag', parent: '0' },
};

type Params = {
  include: string | null;
  exclude: string | null;
  slugs: string | null;
  search: string | null;
  parent: number | null;
  post: number | null;
  id: number | null;
  hide_empty: number;
};

export type TermStore = ReturnType<typeof createTermStore>;

export function createTermStore(db: Db) {
  const prepared = preparedOnUse(db);

  /** The terms the query asks for; only the clauses of the filters in use, as in the posts store. */
  function select(taxonomy: Taxonomy, params: Params): string {
    const { terms, links, column, parent } = TABLES[taxonomy];
    // A term's count is its published posts, as WordPress's term_taxonomy.count (which it keeps up to date on write).
    const count = `(SELECT count(*) FROM ${links} l JOIN posts p ON p.id = l.post AND p.status = 'publish' WHERE l.${column} = t.id)`;
    const clauses: ReadonlyArray<readonly [keyof Params, string]> = [
      ['include', 't.id IN (SELECT value FROM json_each(:include))'],
      ['exclude', 't.id NOT IN (SELECT value FROM json_each(:exclude))'],
      ['slugs', 't.slug IN (SELECT value FROM json_each(:slugs))'],
      ['search', "(t.name LIKE :search ESCAPE '\\' OR t.slug LIKE :search ESCAPE '\\')"],
      ['parent', `${parent} = :parent`],
      ['post', `t.id IN (SELECT ${column} FROM ${links} WHERE post = :post)`],
      ['id', 't.id = :id'],
    ];
    const where = clauses.filter(([name]) => params[name] !== null).map(([, clause]) => clause);
    const selected = `SELECT t.id, '${taxonomy}' AS taxonomy, t.slug, t.name, t.description, ${parent} AS parent, ${count} AS count
      FROM ${terms} t${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`;
    return params.hide_empty ? `SELECT * FROM (${selected}) AS t WHERE t.count > 0` : `SELECT * FROM (${selected}) AS t`;
  }

  /** get_terms()'s ORDER BY: `include` and `slug__in` keep the order given (MySQL's FIELD()), else by column. */
  function orderBy(query: TermQuery): string {
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const by = ((): string => {
      if (query.orderby === 'include' && query.include?.length) {
        return '(SELECT key FROM json_each(:include) WHERE value = t.id)';
      }
      if (query.orderby === 'include_slugs' && query.slugs?.length) {
        return '(SELECT key FROM json_each(:slugs) WHERE value = t.slug)';
      }
      switch (query.orderby) {
        case 'id':
          return 't.id';
        case 'slug':
          return 't.slug';
        case 'description':
          return 't.description';
        case 'count':
          return 't.count';
        // Every term's group is 0 here (WordPress's default), so term_group orders as ties, by id.
        case 'term_group':
          return '0';
        // MySQL compares names without case; so does NOCASE, for ASCII.
        default:
          return 't.name COLLATE NOCASE';
      }
    })();
    return `ORDER BY ${by} ${direction}, t.id ${direction}`;
  }

  function params(query: TermQuery): Params {
    return {
      include: jsonList(query.include),
      exclude: jsonList(query.exclude),
      slugs: jsonList(query.slugs),
      search: query.search ? likeContaining(query.search) : null,
      parent: query.parent ?? null,
      post: query.post ?? null,
      id: null,
      hide_empty: query.hideEmpty ? 1 : 0,
    };
  }

  return {
    count(taxonomy: Taxonomy, query: TermQuery): number {
      const bound = params(query);
      return prepared(`SELECT count(*) FROM (${select(taxonomy, bound)})`).pluck().get(bound) as number;
    },
    list(taxonomy: Taxonomy, query: TermQuery, page: { limit: number; offset: number }): Term[] {
      const bound = params(query);
      return prepared(`${select(taxonomy, bound)} ${orderBy(query)} LIMIT :limit OFFSET :offset`).all({ ...bound, ...page }) as Term[];
    },
    get(taxonomy: Taxonomy, id: number): Term | undefined {
      const bound = { ...params({ orderby: 'id', order: 'asc' }), id };
      return prepared(select(taxonomy, bound)).get(bound) as Term | undefined;
    },
    /** A term by slug, for its archive page. */
    bySlug(taxonomy: Taxonomy, slug: string): Term | undefined {
      const bound = params({ slugs: [slug], orderby: 'id', order: 'asc' });
      return prepared(select(taxonomy, bound)).get(bound) as Term | undefined;
    },
  };
}
