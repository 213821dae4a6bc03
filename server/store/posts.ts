/** Read access to published posts and what they reference. Prepared statements only. */
import type Database from 'better-sqlite3';
import { postWords, type Db } from './database.js';
import { jsonList, likeContaining, preparedOnUse } from './sql.js';

export interface Author {
  id: number;
  slug: string;
  name: string;
  description: string;
  url: string;
}

/** A category or tag as a post lists it. */
export interface TermRef {
  id: number;
  slug: string;
  name: string;
}

export type Category = TermRef;

export interface MediaSize {
  name: string;
  file: string;
  width: number;
  height: number;
}

export interface Media {
  id: number;
  file: string;
  mimeType: string;
  altText: string;
  width: number;
  height: number;
  dateGmt: string;
  sizes: MediaSize[];
}

export interface Post {
  id: number;
  slug: string;
  status: string;
  lang: string;
  title: string;
  content: string;
  excerpt: string;
  /** Words of the content as the widgets count them, counted when the post was stored. */
  words: number;
  author: Author;
  media: Media | undefined;
  /** The post's categories and tags, by name as WordPress lists them (wp_get_object_terms). */
  categories: Category[];
  tags: TermRef[];
  /** The first category, the section the cards show. */
  category: Category | undefined;
  commentStatus: 'open' | 'closed';
  dateGmt: string;
  modifiedGmt: string;
}

/** What creating a comment needs to know about its post. */
export interface CommentTarget {
  id: number;
  slug: string;
  commentStatus: 'open' | 'closed';
}

/** A `categories`/`tags` filter of the posts list: WP_Tax_Query's IN (any of the terms) or AND (all of them). */
export interface TermMatch {
  terms: readonly number[];
  operator: 'IN' | 'AND';
}

/** What `GET /wp/v2/posts` filters on (WP_REST_Posts_Controller::get_items → WP_Query); every field optional. */
export interface PostFilter {
  /** Only posts with one of these slugs. */
  slugs?: readonly string[];
  include?: readonly number[];
  exclude?: readonly number[];
  authors?: readonly number[];
  authorsExclude?: readonly number[];
  categories?: TermMatch;
  categoriesExclude?: readonly number[];
  tags?: TermMatch;
  tagsExclude?: readonly number[];
  /** WordPress's `s`: split and matched by `searchTerms`. */
  search?: string;
  /** Zone-less UTC bounds, exclusive, on the publication and modification dates. */
  before?: string;
  after?: string;
  modifiedBefore?: string;
  modifiedAfter?: string;
}

/** WP_REST_Posts_Controller's `orderby` values (`menu_order` is for pages only). */
export const POST_ORDERBY = ['author', 'date', 'id', 'include', 'modified', 'parent', 'relevance', 'slug', 'include_slugs', 'title'] as const;
export type PostOrderby = (typeof POST_ORDERBY)[number];

export interface Page {
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
  /** `date` unless given. */
  orderby?: PostOrderby;
}

/** WP_Query::get_search_stopwords(), as WordPress ships it in English. */
const STOPWORDS = new Set(
  'about an are as at be by com for from how in is it of on or that the this to was what when where who will with www'.split(' '),
);

export interface SearchTerms {
  /** `LIKE` patterns a post must match in its title, excerpt or content (each of them). */
  include: string[];
  /** `LIKE` patterns it must match nowhere (`-word`). */
  exclude: string[];
  /** The whole search as one pattern, for relevance; none when it has a `-word`. */
  phrase: string | undefined;
  /** How many terms the search was split into, before stopwords were dropped. */
  count: number;
}

/**
 * WP_Query::parse_search and parse_search_terms: quoted phrases and words split on space, comma and plus; single
 * letters and stopwords dropped (the whole text is searched when nothing is left, or more than nine terms are);
 * a leading `-` excludes.
 */
export function searchTerms(search: string): SearchTerms {
  const text = search.replace(/[\r\n]/g, '');
  const matches = text.match(/".*?("|$)|((?<=[\t ",+])|^)[^\t ",+]+/g) ?? [];
  let terms = matches
    .map((term) => (/^".+"$/.test(term) ? term.replace(/^["']+|["']+$/g, '') : term.replace(/^["' ]+|["' ]+$/g, '')))
    .filter((term) => term !== '' && term !== '0' && !/^[a-z-]$/i.test(term) && !STOPWORDS.has(term.toLowerCase()));
  if (terms.length === 0 || terms.length > 9) terms = [text];
  const result: SearchTerms = { include: [], exclude: [], phrase: undefined, count: matches.length };
  for (const term of terms) {
    if (term.startsWith('-')) result.exclude.push(likeContaining(term.slice(1)));
    else result.include.push(likeContaining(term));
  }
  if (!/(?:\s|^)-/.test(text)) result.phrase = likeContaining(text);
  return result;
}

const matchesAnywhere = (pattern: string) =>
  `(title LIKE ${pattern} ESCAPE '\\' OR excerpt LIKE ${pattern} ESCAPE '\\' OR content LIKE ${pattern} ESCAPE '\\')`;

/**
 * The WHERE clause of each filter, with its values as parameters (lists as JSON arrays, so one statement serves
 * any number of ids). Only the clauses of the filters in use go into a statement: `:x IS NULL OR …` for the
 * others would cost SQLite more than the query itself.
 */
const CLAUSES: ReadonlyArray<readonly [string, string]> = [
  ['slugs', 'slug IN (SELECT value FROM json_each(:slugs))'],
  ['include', 'id IN (SELECT value FROM json_each(:include))'],
  ['exclude', 'id NOT IN (SELECT value FROM json_each(:exclude))'],
  ['authors', 'author IN (SELECT value FROM json_each(:authors))'],
  ['authors_exclude', 'author NOT IN (SELECT value FROM json_each(:authors_exclude))'],
  ['before', 'date_gmt < :before'],
  ['after', 'date_gmt > :after'],
  ['modified_before', 'modified_gmt < :modified_before'],
  ['modified_after', 'modified_gmt > :modified_after'],
  ['categories', 'id IN (SELECT post FROM post_categories WHERE category IN (SELECT value FROM json_each(:categories)))'],
  [
    'categories_all',
    `json_array_length(:categories_all) = (SELECT count(*) FROM post_categories
       WHERE post = posts.id AND category IN (SELECT value FROM json_each(:categories_all)))`,
  ],
  ['categories_exclude', 'id NOT IN (SELECT post FROM post_categories WHERE category IN (SELECT value FROM json_each(:categories_exclude)))'],
  ['tags', 'id IN (SELECT post FROM post_tags WHERE tag IN (SELECT value FROM json_each(:tags)))'],
  [
    'tags_all',
    `json_array_length(:tags_all) = (SELECT count(*) FROM post_tags
       WHERE post = posts.id AND tag IN (SELECT value FROM json_each(:tags_all)))`,
  ],
  ['tags_exclude', 'id NOT IN (SELECT post FROM post_tags WHERE tag IN (SELECT value FROM json_each(:tags_exclude)))'],
  ['search_in', `NOT EXISTS (SELECT 1 FROM json_each(:search_in) s WHERE NOT ${matchesAnywhere('s.value')})`],
  ['search_out', `NOT EXISTS (SELECT 1 FROM json_each(:search_out) s WHERE ${matchesAnywhere('s.value')})`],
];

const whereOf = (params: FilterParams) =>
  ["status = 'publish'", ...CLAUSES.filter(([name]) => params[name] !== null).map(([, clause]) => clause)].join('\n  AND ');

/** Statements kept for the filter and order combinations met most recently; a crafted variety only evicts. */
const STATEMENTS_KEPT = 200;

/**
 * WP_Query::parse_search_order: with several terms, the whole text in the title first, then all terms in the
 * title, any of them (with two to six terms; more are ranked as a sentence), the whole text in the excerpt, in the
 * content; with one term, title matches first.
 */
const RELEVANCE = `CASE WHEN :search_count > 1 THEN
    CASE WHEN :phrase IS NOT NULL AND title LIKE :phrase ESCAPE '\\' THEN 1
      WHEN json_array_length(:search_in) BETWEEN 1 AND 6
        AND NOT EXISTS (SELECT 1 FROM json_each(:search_in) s WHERE title NOT LIKE s.value ESCAPE '\\') THEN 2
      WHEN json_array_length(:search_in) BETWEEN 2 AND 6
        AND EXISTS (SELECT 1 FROM json_each(:search_in) s WHERE title LIKE s.value ESCAPE '\\') THEN 3
      WHEN :phrase IS NOT NULL AND excerpt LIKE :phrase ESCAPE '\\' THEN 4
      WHEN :phrase IS NOT NULL AND content LIKE :phrase ESCAPE '\\' THEN 5
      ELSE 6 END
    ELSE CASE WHEN title LIKE (SELECT value FROM json_each(:search_in) LIMIT 1) ESCAPE '\\' THEN 1 ELSE 2 END
  END ASC`;

/**
 * WP_Query's ORDER BY for each `orderby` (after WP_REST_Posts_Controller's mapping): `include`/`include_slugs` keep
 * the order given (MySQL's FIELD(), without a direction), `relevance` has its own; ties go by id, so pages never
 * overlap. `parent` is 0 for every post.
 */
function orderClause(orderby: PostOrderby, order: 'asc' | 'desc', filter: PostFilter): string {
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  const then = `date_gmt ${direction}, id ${direction}`;
  switch (orderby) {
    case 'author':
      return `author ${direction}, id ${direction}`;
    case 'id':
    case 'parent':
      return `id ${direction}`;
    case 'modified':
      return `modified_gmt ${direction}, id ${direction}`;
    case 'slug':
      return `slug ${direction}`;
    case 'title':
      return `title COLLATE NOCASE ${direction}, id ${direction}`;
    case 'include':
      return filter.include?.length ? '(SELECT key FROM json_each(:include) WHERE value = posts.id)' : then;
    case 'include_slugs':
      return filter.slugs?.length ? '(SELECT key FROM json_each(:slugs) WHERE value = posts.slug)' : then;
    case 'relevance':
      return filter.search === undefined ? then : `${RELEVANCE}, date_gmt DESC, id DESC`;
    case 'date':
      return then;
  }
}

type FilterParams = Record<string, string | number | null>;

function filterParams(filter: PostFilter): FilterParams {
  const nonEmpty = (items: readonly unknown[]) => (items.length > 0 ? jsonList(items) : null);
  const search = filter.search === undefined ? undefined : searchTerms(filter.search);
  return {
    slugs: jsonList(filter.slugs),
    include: jsonList(filter.include),
    exclude: jsonList(filter.exclude),
    authors: jsonList(filter.authors),
    authors_exclude: jsonList(filter.authorsExclude),
    before: filter.before ?? null,
    after: filter.after ?? null,
    modified_before: filter.modifiedBefore ?? null,
    modified_after: filter.modifiedAfter ?? null,
    categories: filter.categories?.operator === 'IN' ? jsonList(filter.categories.terms) : null,
    categories_all: filter.categories?.operator === 'AND' ? jsonList(filter.categories.terms) : null,
    categories_exclude: jsonList(filter.categoriesExclude),
    tags: filter.tags?.operator === 'IN' ? jsonList(filter.tags.terms) : null,
    tags_all: filter.tags?.operator === 'AND' ? jsonList(filter.tags.terms) : null,
    tags_exclude: jsonList(filter.tagsExclude),
    search_in: search ? nonEmpty(search.include) : null,
    search_out: search ? nonEmpty(search.exclude) : null,
    search_count: search?.count ?? 0,
    phrase: search?.phrase ?? null,
  };
}

interface PostRow {
  id: number;
  slug: string;
  status: string;
  lang: string;
  title: string;
  content: string;
  excerpt: string;
  /** NULL for a row another tool wrote or edited (migration 4). */
  words: number | null;
  author: number;
  featured_media: number | null;
  category: number | null;
  comment_status: 'open' | 'closed';
  date_gmt: string;
  modified_gmt: string;
}

interface MediaRow {
  id: number;
  file: string;
  mime_type: string;
  alt_text: string;
  width: number;
  height: number;
  date_gmt: string;
}

export type PostStore = ReturnType<typeof createPostStore>;

export function createPostStore(db: Db) {
  // One statement per WHERE (the filters in use) and ORDER BY.
  const statement = preparedOnUse(db, STATEMENTS_KEPT);
  const statements = {
    byId: db.prepare<[number], PostRow>(`SELECT * FROM posts WHERE id = ? AND status = 'publish'`),
    status: db.prepare<[number], string>('SELECT status FROM posts WHERE id = ?').pluck(),
    descendants: db
      .prepare<[string], number>(
        `WITH RECURSIVE tree (id) AS (SELECT value FROM json_each(?) UNION SELECT c.id FROM categories c JOIN tree ON c.parent = tree.id)
         SELECT id FROM tree`,
      )
      .pluck(),
    commentTarget: db.prepare<[number], CommentTarget>(
      `SELECT id, slug, comment_status AS commentStatus FROM posts WHERE id = ? AND status = 'publish'`,
    ),
    author: db.prepare<[number], Author>('SELECT id, slug, name, description, url FROM authors WHERE id = ?'),
    authorBySlug: db.prepare<[string], Author>('SELECT id, slug, name, description, url FROM authors WHERE slug = ?'),
    // The terms of every post listed, in one statement per taxonomy (the posts as a JSON array).
    categories: db
      .prepare<[string], [number, number, string, string]>(
        `SELECT pc.post, c.id, c.slug, c.name FROM post_categories pc JOIN categories c ON c.id = pc.category
         WHERE pc.post IN (SELECT value FROM json_each(?)) ORDER BY c.name COLLATE NOCASE, c.id`,
      )
      .raw(),
    tags: db
      .prepare<[string], [number, number, string, string]>(
        `SELECT pt.post, t.id, t.slug, t.name FROM post_tags pt JOIN tags t ON t.id = pt.tag
         WHERE pt.post IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE, t.id`,
      )
      .raw(),
    media: db.prepare<[number], MediaRow>('SELECT * FROM media WHERE id = ?'),
    sizes: db.prepare<[number], MediaSize>('SELECT name, file, width, height FROM media_sizes WHERE media = ? ORDER BY width'),
  };

  function author(id: number): Author | undefined {
    return statements.author.get(id);
  }

  function media(id: number): Media | undefined {
    const row = statements.media.get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      file: row.file,
      mimeType: row.mime_type,
      altText: row.alt_text,
      width: row.width,
      height: row.height,
      dateGmt: row.date_gmt,
      sizes: statements.sizes.all(row.id),
    };
  }

  /** Each post's terms of one taxonomy, by name. Raw rows: no object is made for a row only to be taken apart. */
  function termsOf(query: Database.Statement<[string], [number, number, string, string]>, ids: number[]) {
    const byPost = new Map<number, TermRef[]>(ids.map((id) => [id, []]));
    for (const [post, id, slug, name] of query.all(JSON.stringify(ids))) byPost.get(post)?.push({ id, slug, name });
    return byPost;
  }

  function toPosts(rows: PostRow[]): Post[] {
    const ids = rows.map((row) => row.id);
    const categories = termsOf(statements.categories, ids);
    const tags = termsOf(statements.tags, ids);
    return rows.map((row) => toPost(row, categories.get(row.id) ?? [], tags.get(row.id) ?? []));
  }

  function toPost(row: PostRow, categories: Category[], tags: TermRef[]): Post {
    const writer = author(row.author);
    // The foreign key guarantees the author; a miss means a hand-edited database, worth failing loudly.
    if (!writer) throw new Error(`Post ${row.id} has no author ${row.author}`);
    return {
      id: row.id,
      slug: row.slug,
      status: row.status,
      lang: row.lang,
      title: row.title,
      content: row.content,
      excerpt: row.excerpt,
      words: row.words ?? postWords(row.content, row.lang),
      author: writer,
      media: row.featured_media === null ? undefined : media(row.featured_media),
      categories,
      tags,
      category: categories[0],
      commentStatus: row.comment_status,
      dateGmt: row.date_gmt,
      modifiedGmt: row.modified_gmt,
    };
  }

  function list(filter: PostFilter, page: Page): Post[] {
    const params = filterParams(filter);
    const order = orderClause(page.orderby ?? 'date', page.order, filter);
    const sql = `SELECT * FROM posts WHERE ${whereOf(params)} ORDER BY ${order} LIMIT :limit OFFSET :offset`;
    return toPosts(statement(sql).all({ ...params, limit: page.limit, offset: page.offset }) as PostRow[]);
  }

  return {
    count(filter: PostFilter = {}): number {
      const params = filterParams(filter);
      return statement(`SELECT count(*) FROM posts WHERE ${whereOf(params)}`).pluck().get(params) as number;
    },
    list,
    get(id: number): Post | undefined {
      const row = statements.byId.get(id);
      return row && toPosts([row])[0];
    },
    /** The published post with this slug (an article page's, an embed's). */
    bySlug(slug: string): Post | undefined {
      return list({ slugs: [slug] }, { limit: 1, offset: 0, order: 'desc' })[0];
    },
    /** The categories and all their subcategories, for `include_children` (WP_Tax_Query adds get_term_children). */
    categoryDescendants(ids: readonly number[]): number[] {
      return statements.descendants.all(JSON.stringify(ids));
    },
    /** Any post's status, published or not; `undefined` when there is no such post. */
    statusOf(id: number): string | undefined {
      return statements.status.get(id);
    },
    /** A published post's id, slug and comment status, without the author, image and section `get` adds. */
    commentTarget(id: number): CommentTarget | undefined {
      return statements.commentTarget.get(id);
    },
    author,
    authorBySlug(slug: string): Author | undefined {
      return statements.authorBySlug.get(slug);
    },
    media,
  };
}
