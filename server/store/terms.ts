/**
 * Categories and tags (migration 5) as WordPress's get_terms() and wp_get_object_terms() list them. Statements
 * only: values are parameters (list filters one list each), and each statement's text is put together from this
 * file's fixed clauses and orders, so there are few of them.
 */
import { likeContaining, type Sql } from './client.js';

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
  include: unknown;
  exclude: unknown;
  slugs: unknown;
  search: string | null;
  parent: number | null;
  post: number | null;
  id: number | null;
  hide_empty: number;
};

export type TermStore = ReturnType<typeof createTermStore>;

export function createTermStore(db: Sql) {
  const d = db.dialect;

  /** The terms the query asks for; only the clauses of the filters in use, as in the posts store. */
  function select(taxonomy: Taxonomy, params: Params): string {
    const { terms, links, column, parent } = TABLES[taxonomy];
    // A term's count is its published posts, as WordPress's term_taxonomy.count (which it keeps up to date on write).
    const count = `(SELECT count(*) FROM ${links} l JOIN posts p ON p.id = l.post AND p.status = 'publish' WHERE l.${column} = t.id)`;
    const clauses: ReadonlyArray<readonly [keyof Params, string]> = [
      ['include', `t.id IN (SELECT value FROM ${d.each(':include', 'int', 'j')})`],
      ['exclude', `t.id NOT IN (SELECT value FROM ${d.each(':exclude', 'int', 'j')})`],
      ['slugs', `t.slug IN (SELECT value FROM ${d.each(':slugs', 'text', 'j')})`],
      ['search', `(t.name ${d.like} :search ESCAPE '\\' OR t.slug ${d.like} :search ESCAPE '\\')`],
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
        return `(SELECT key FROM ${d.each(':include', 'int', 'j')} WHERE value = t.id)`;
      }
      if (query.orderby === 'include_slugs' && query.slugs?.length) {
        return `(SELECT key FROM ${d.each(':slugs', 'text', 'j')} WHERE value = t.slug)`;
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
        // MySQL compares names without case.
        default:
          return d.nocase('t.name');
      }
    })();
    return `ORDER BY ${by} ${direction}, t.id ${direction}`;
  }

  function params(query: TermQuery): Params {
    return {
      include: db.list(query.include),
      exclude: db.list(query.exclude),
      slugs: db.list(query.slugs),
      search: query.search ? likeContaining(query.search) : null,
      parent: query.parent ?? null,
      post: query.post ?? null,
      id: null,
      hide_empty: query.hideEmpty ? 1 : 0,
    };
  }

  return {
    async count(taxonomy: Taxonomy, query: TermQuery): Promise<number> {
      const bound = params(query);
      return (await db.value<number>(`SELECT count(*) FROM (${select(taxonomy, bound)}) AS counted`, bound)) ?? 0;
    },
    list(taxonomy: Taxonomy, query: TermQuery, page: { limit: number; offset: number }): Promise<Term[]> {
      const bound = params(query);
      return db.all<Term>(`${select(taxonomy, bound)} ${orderBy(query)} LIMIT :limit OFFSET :offset`, { ...bound, ...page });
    },
    get(taxonomy: Taxonomy, id: number): Promise<Term | undefined> {
      const bound = { ...params({ orderby: 'id', order: 'asc' }), id };
      return db.get<Term>(select(taxonomy, bound), bound);
    },
    /** A term by slug, for its archive page. */
    bySlug(taxonomy: Taxonomy, slug: string): Promise<Term | undefined> {
      const bound = params({ slugs: [slug], orderby: 'id', order: 'asc' });
      return db.get<Term>(select(taxonomy, bound), bound);
    },
  };
}
