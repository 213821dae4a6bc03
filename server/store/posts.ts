/** Read access to published posts and what they reference. Statements only; every value is a parameter. */
import { likeContaining, type Dialect, type Sql } from './client.js';
import { postWords } from './derived.js';

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

/** The WHERE clauses and the ORDER BY of the posts list, in one dialect. */
function clausesFor(d: Dialect) {
  const like = `${d.like}`;
  const matchesAnywhere = (pattern: string) =>
    `(title ${like} ${pattern} ESCAPE '\\' OR excerpt ${like} ${pattern} ESCAPE '\\' OR content ${like} ${pattern} ESCAPE '\\')`;
  const ints = (param: string) => `(SELECT value FROM ${d.each(param, 'int', 'j')})`;
  const count = (param: string) => `(SELECT count(*) FROM ${d.each(param, 'text', 'j')})`;

  /**
   * The WHERE clause of each filter, with its values as parameters (lists as one parameter each, so one statement
   * serves any number of ids). Only the clauses of the filters in use go into a statement: `:x IS NULL OR …` for the
   * others would cost SQLite more than the query itself.
   */
  const clauses: ReadonlyArray<readonly [string, string]> = [
    ['slugs', `slug IN (SELECT value FROM ${d.each(':slugs', 'text', 'j')})`],
    ['include', `id IN ${ints(':include')}`],
    ['exclude', `id NOT IN ${ints(':exclude')}`],
    ['authors', `author IN ${ints(':authors')}`],
    ['authors_exclude', `author NOT IN ${ints(':authors_exclude')}`],
    ['before', 'date_gmt < :before'],
    ['after', 'date_gmt > :after'],
    ['modified_before', 'modified_gmt < :modified_before'],
    ['modified_after', 'modified_gmt > :modified_after'],
    ['categories', `id IN (SELECT post FROM post_categories WHERE category IN ${ints(':categories')})`],
    [
      'categories_all',
      `${count(':categories_all')} = (SELECT count(*) FROM post_categories
       WHERE post = posts.id AND category IN ${ints(':categories_all')})`,
    ],
    ['categories_exclude', `id NOT IN (SELECT post FROM post_categories WHERE category IN ${ints(':categories_exclude')})`],
    ['tags', `id IN (SELECT post FROM post_tags WHERE tag IN ${ints(':tags')})`],
    [
      'tags_all',
      `${count(':tags_all')} = (SELECT count(*) FROM post_tags
       WHERE post = posts.id AND tag IN ${ints(':tags_all')})`,
    ],
    ['tags_exclude', `id NOT IN (SELECT post FROM post_tags WHERE tag IN ${ints(':tags_exclude')})`],
    ['search_in', `NOT EXISTS (SELECT 1 FROM ${d.each(':search_in', 'text', 's')} WHERE NOT ${matchesAnywhere('s.value')})`],
    ['search_out', `NOT EXISTS (SELECT 1 FROM ${d.each(':search_out', 'text', 's')} WHERE ${matchesAnywhere('s.value')})`],
  ];

  /**
   * WP_Query::parse_search_order: with several terms, the whole text in the title first, then all terms in the
   * title, any of them (with two to six terms; more are ranked as a sentence), the whole text in the excerpt, in the
   * content; with one term, title matches first.
   */
  const relevance = `CASE WHEN :search_count > 1 THEN
    CASE WHEN :phrase IS NOT NULL AND title ${like} :phrase ESCAPE '\\' THEN 1
      WHEN ${count(':search_in')} BETWEEN 1 AND 6
        AND NOT EXISTS (SELECT 1 FROM ${d.each(':search_in', 'text', 's')} WHERE title NOT ${like} s.value ESCAPE '\\') THEN 2
      WHEN ${count(':search_in')} BETWEEN 2 AND 6
        AND EXISTS (SELECT 1 FROM ${d.each(':search_in', 'text', 's')} WHERE title ${like} s.value ESCAPE '\\') THEN 3
      WHEN :phrase IS NOT NULL AND excerpt ${like} :phrase ESCAPE '\\' THEN 4
      WHEN :phrase IS NOT NULL AND content ${like} :phrase ESCAPE '\\' THEN 5
      ELSE 6 END
    ELSE CASE WHEN title ${like} (SELECT value FROM ${d.each(':search_in', 'text', 's')} ORDER BY key LIMIT 1) ESCAPE '\\' THEN 1 ELSE 2 END
  END ASC`;

  const whereOf = (params: FilterParams) =>
    ["status = 'publish'", ...clauses.filter(([name]) => params[name] !== null).map(([, clause]) => clause)].join('\n  AND ');

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
        return `${d.nocase('title')} ${direction}, id ${direction}`;
      case 'include':
        return filter.include?.length ? `(SELECT key FROM ${d.each(':include', 'int', 'j')} WHERE value = posts.id)` : then;
      case 'include_slugs':
        return filter.slugs?.length ? `(SELECT key FROM ${d.each(':slugs', 'text', 'j')} WHERE value = posts.slug)` : then;
      case 'relevance':
        return filter.search === undefined ? then : `${relevance}, date_gmt DESC, id DESC`;
      case 'date':
        return then;
    }
  }

  const terms = (links: string, table: string, column: string) =>
    `SELECT l.post, t.id, t.slug, t.name FROM ${links} l JOIN ${table} t ON t.id = l.${column}
     WHERE l.post IN ${ints(':posts')} ORDER BY ${d.nocase('t.name')}, t.id`;

  return {
    whereOf,
    orderClause,
    byId: `SELECT * FROM posts WHERE id = :id AND status = 'publish'`,
    status: 'SELECT status FROM posts WHERE id = :id',
    descendants: `WITH RECURSIVE tree (id) AS (SELECT value FROM ${d.each(':ids', 'int', 'j')} UNION SELECT c.id FROM categories c JOIN tree ON c.parent = tree.id)
         SELECT id FROM tree`,
    commentTarget: `SELECT id, slug, comment_status AS "commentStatus" FROM posts WHERE id = :id AND status = 'publish'`,
    author: 'SELECT id, slug, name, description, url FROM authors WHERE id = :id',
    authorBySlug: 'SELECT id, slug, name, description, url FROM authors WHERE slug = :slug',
    // The terms of every post listed, in one statement per taxonomy.
    categories: terms('post_categories', 'categories', 'category'),
    tags: terms('post_tags', 'tags', 'tag'),
    media: 'SELECT * FROM media WHERE id = :id',
    sizes: 'SELECT name, file, width, height FROM media_sizes WHERE media = :id ORDER BY width',
  };
}

const CLAUSES = new Map<string, ReturnType<typeof clausesFor>>();
const clausesOf = (d: Dialect) => {
  let found = CLAUSES.get(d.name);
  if (!found) CLAUSES.set(d.name, (found = clausesFor(d)));
  return found;
};

type FilterParams = Record<string, unknown>;

function filterParams(db: Sql, filter: PostFilter): FilterParams {
  const jsonList = (items: readonly (number | string)[] | undefined) => db.list(items);
  const nonEmpty = (items: readonly string[]) => (items.length > 0 ? db.list(items) : null);
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

export function createPostStore(db: Sql) {
  const statements = clausesOf(db.dialect);

  async function author(id: number): Promise<Author | undefined> {
    return db.get<Author>(statements.author, { id });
  }

  async function media(id: number): Promise<Media | undefined> {
    const row = await db.get<MediaRow>(statements.media, { id });
    if (!row) return undefined;
    return {
      id: row.id,
      file: row.file,
      mimeType: row.mime_type,
      altText: row.alt_text,
      width: row.width,
      height: row.height,
      dateGmt: row.date_gmt,
      sizes: await db.all<MediaSize>(statements.sizes, { id: row.id }),
    };
  }

  /** Each post's terms of one taxonomy, by name. */
  async function termsOf(query: string, ids: number[]) {
    const byPost = new Map<number, TermRef[]>(ids.map((id) => [id, []]));
    const rows = await db.all<{ post: number } & TermRef>(query, { posts: db.list(ids) });
    for (const { post, id, slug, name } of rows) byPost.get(post)?.push({ id, slug, name });
    return byPost;
  }

  async function toPosts(rows: PostRow[]): Promise<Post[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [categories, tags] = await Promise.all([termsOf(statements.categories, ids), termsOf(statements.tags, ids)]);
    return Promise.all(rows.map((row) => toPost(row, categories.get(row.id) ?? [], tags.get(row.id) ?? [])));
  }

  async function toPost(row: PostRow, categories: Category[], tags: TermRef[]): Promise<Post> {
    const [writer, image] = await Promise.all([author(row.author), row.featured_media === null ? undefined : media(row.featured_media)]);
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
      media: image,
      categories,
      tags,
      category: categories[0],
      commentStatus: row.comment_status,
      dateGmt: row.date_gmt,
      modifiedGmt: row.modified_gmt,
    };
  }

  async function list(filter: PostFilter, page: Page): Promise<Post[]> {
    const params = filterParams(db, filter);
    const order = statements.orderClause(page.orderby ?? 'date', page.order, filter);
    const sql = `SELECT * FROM posts WHERE ${statements.whereOf(params)} ORDER BY ${order} LIMIT :limit OFFSET :offset`;
    return toPosts(await db.all<PostRow>(sql, { ...params, limit: page.limit, offset: page.offset }));
  }

  return {
    async count(filter: PostFilter = {}): Promise<number> {
      const params = filterParams(db, filter);
      return (await db.value<number>(`SELECT count(*) FROM posts WHERE ${statements.whereOf(params)}`, params)) ?? 0;
    },
    list,
    async get(id: number): Promise<Post | undefined> {
      const row = await db.get<PostRow>(statements.byId, { id });
      return row && (await toPosts([row]))[0];
    },
    /** The published post with this slug (an article page's, an embed's). */
    async bySlug(slug: string): Promise<Post | undefined> {
      return (await list({ slugs: [slug] }, { limit: 1, offset: 0, order: 'desc' }))[0];
    },
    /** The categories and all their subcategories, for `include_children` (WP_Tax_Query adds get_term_children). */
    async categoryDescendants(ids: readonly number[]): Promise<number[]> {
      return (await db.all<{ id: number }>(statements.descendants, { ids: db.list(ids) })).map((row) => row.id);
    },
    /** Any post's status, published or not; `undefined` when there is no such post. */
    statusOf: (id: number): Promise<string | undefined> => db.value<string>(statements.status, { id }),
    /** A published post's id, slug and comment status, without the author, image and section `get` adds. */
    commentTarget: (id: number): Promise<CommentTarget | undefined> => db.get<CommentTarget>(statements.commentTarget, { id }),
    author,
    authorBySlug: (slug: string): Promise<Author | undefined> => db.get<Author>(statements.authorBySlug, { slug }),
    media,
  };
}
