/** Read access to published posts and what they reference. Prepared statements only. */
import { postWords, type Db } from './database.js';

export interface Author {
  id: number;
  slug: string;
  name: string;
  description: string;
  url: string;
}

export interface Category {
  id: number;
  slug: string;
  name: string;
}

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

export interface PostFilter {
  /** Only posts with one of these slugs. */
  slugs?: readonly string[];
}

export interface Page {
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
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

// The slug filter is one JSON array parameter, so a single prepared statement serves any number of slugs.
const PUBLISHED = `status = 'publish' AND (:slugs IS NULL OR slug IN (SELECT value FROM json_each(:slugs)))`;

export type PostStore = ReturnType<typeof createPostStore>;

export function createPostStore(db: Db) {
  const statements = {
    count: db.prepare<{ slugs: string | null }, number>(`SELECT count(*) FROM posts WHERE ${PUBLISHED}`).pluck(),
    // ORDER BY direction cannot be a parameter: one statement per direction.
    list: {
      desc: db.prepare<{ slugs: string | null; limit: number; offset: number }, PostRow>(
        `SELECT * FROM posts WHERE ${PUBLISHED} ORDER BY date_gmt DESC, id DESC LIMIT :limit OFFSET :offset`,
      ),
      asc: db.prepare<{ slugs: string | null; limit: number; offset: number }, PostRow>(
        `SELECT * FROM posts WHERE ${PUBLISHED} ORDER BY date_gmt ASC, id ASC LIMIT :limit OFFSET :offset`,
      ),
    },
    byId: db.prepare<[number], PostRow>(`SELECT * FROM posts WHERE id = ? AND status = 'publish'`),
    commentTarget: db.prepare<[number], CommentTarget>(
      `SELECT id, slug, comment_status AS commentStatus FROM posts WHERE id = ? AND status = 'publish'`,
    ),
    author: db.prepare<[number], Author>('SELECT id, slug, name, description, url FROM authors WHERE id = ?'),
    category: db.prepare<[number], Category>('SELECT id, slug, name FROM categories WHERE id = ?'),
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

  function toPost(row: PostRow): Post {
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
      category: row.category === null ? undefined : statements.category.get(row.category),
      commentStatus: row.comment_status,
      dateGmt: row.date_gmt,
      modifiedGmt: row.modified_gmt,
    };
  }

  const slugsParam = (filter: PostFilter) => (filter.slugs ? JSON.stringify(filter.slugs) : null);

  return {
    count(filter: PostFilter = {}): number {
      return statements.count.get({ slugs: slugsParam(filter) }) ?? 0;
    },
    list(filter: PostFilter, page: Page): Post[] {
      const rows = statements.list[page.order].all({ slugs: slugsParam(filter), limit: page.limit, offset: page.offset });
      return rows.map(toPost);
    },
    get(id: number): Post | undefined {
      const row = statements.byId.get(id);
      return row && toPost(row);
    },
    /** A published post's id, slug and comment status, without the author, image and section `get` adds. */
    commentTarget(id: number): CommentTarget | undefined {
      return statements.commentTarget.get(id);
    },
    author,
    media,
  };
}
