/** Reader comments. Statements only; reader text is bound as a parameter and stored as sent. */
import { gmtString, likeContaining, type Dialect, type Sql } from './client.js';
import { contentHash } from './derived.js';

export type CommentStatus = 'approved' | 'hold' | 'spam';
/** A status as moderators see it: a trashed comment is `trash` whatever its row says (migration 7). */
export type ModerationStatus = CommentStatus | 'trash';
/** The queues `?status=` lists: WordPress's `all` is approved and held together. */
export const QUEUES = ['approve', 'hold', 'spam', 'trash', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

export interface Comment {
  id: number;
  post: number;
  /** The post's slug, for the comment's permalink. */
  postSlug: string;
  /** 0 for a top-level comment. */
  parent: number;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  dateGmt: string;
  content: string;
  /** `content.rendered` as stored with it; null for a row another tool wrote or edited (render it then). */
  contentHtml: string | null;
  status: CommentStatus;
  /** Whether it has approved replies (WordPress's `_links.children`). */
  hasChildren: boolean;
}

export interface NewComment {
  post: number;
  parent: number;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  authorUserAgent: string;
  dateGmt: string;
  content: string;
  /** Its rendering (`commentHtml`), stored so that reads do not sanitize it again. */
  contentHtml: string;
  status: CommentStatus;
}

/** A comment as a moderator sees it (`context=edit`). */
export interface EditableComment extends Omit<Comment, 'status'> {
  status: ModerationStatus;
  authorIp: string;
  authorUserAgent: string;
}

/** WP_Comment_Query's filters the REST API maps its parameters to; an empty list filters nothing, as there. */
export interface CommentFilter {
  /** Only comments on these posts. */
  posts?: readonly number[];
  /** Only replies to these comments; 0 means top-level. */
  parents?: readonly number[];
  /** Not replies to these comments (`parent_exclude`). */
  parentExclude?: readonly number[];
  /** Only these comments (`include`). */
  include?: readonly number[];
  /** Not these comments (`exclude`). */
  exclude?: readonly number[];
  /** Text found in the content, the author's name or URL (`search`). */
  search?: string;
  /** Zone-less UTC bounds, both exclusive (`before`, `after`). */
  before?: string;
  after?: string;
}

/** The REST API's `orderby` values; `date` is `date_gmt` on a site whose time zone is UTC. */
export const COMMENT_ORDERBY = ['date', 'date_gmt', 'id', 'include', 'post', 'parent', 'type'] as const;
export type CommentOrderby = (typeof COMMENT_ORDERBY)[number];

export interface CommentPage {
  limit: number;
  offset: number;
  order: 'asc' | 'desc';
  orderby?: CommentOrderby;
}

interface CommentRow {
  id: number;
  post: number;
  post_slug: string;
  parent: number;
  author_name: string;
  author_email: string;
  author_url: string;
  date_gmt: string;
  content: string;
  content_html: string | null;
  status: CommentStatus;
  has_children: 0 | 1;
}

/** One probe of migration 6's index on (parent, status). */
const HAS_CHILDREN = `EXISTS (SELECT 1 FROM comments r WHERE r.parent = c.id AND r.status = 'approved') AS has_children`;

const TRASHED = 'c.id IN (SELECT comment FROM comment_trash)';

type FilterParams = Record<'posts' | 'parents' | 'parentExclude' | 'include' | 'exclude' | 'search' | 'before' | 'after', unknown>;

/** The statements, in the database's dialect. */
function statementsFor(d: Dialect) {
  const SELECT = `
  SELECT c.id, c.post, p.slug AS post_slug, coalesce(c.parent, 0) AS parent, c.author_name, c.author_email,
         c.author_url, c.date_gmt, c.content, c.content_html, c.status, ${HAS_CHILDREN}
  FROM comments c JOIN posts p ON p.id = c.post`;
  // The stored preview of a long comment (migration 4), so a page of previews never reads a 65 KB text. Only
  // approved comments are listed, and status is stored after the text, so it is not read either.
  const SELECT_PREVIEW = `
  SELECT c.id, c.post, p.slug AS post_slug, coalesce(c.parent, 0) AS parent, c.author_name, c.author_email,
         c.author_url, c.date_gmt, coalesce(cp.text, c.content) AS content, NULL AS content_html,
         cp.text IS NOT NULL AS truncated, 'approved' AS status, ${HAS_CHILDREN}
  FROM comments c JOIN posts p ON p.id = c.post LEFT JOIN comment_previews cp ON cp.comment = c.id`;
  const SELECT_EDIT = `
  SELECT c.id, c.post, p.slug AS post_slug, coalesce(c.parent, 0) AS parent, c.author_name, c.author_email,
         c.author_url, c.date_gmt, c.content, c.content_html, c.author_ip, c.author_user_agent,
         CASE WHEN ${TRASHED} THEN 'trash' ELSE c.status END AS status, ${HAS_CHILDREN}
  FROM comments c JOIN posts p ON p.id = c.post`;

  // List filters are one list parameter each, so one statement serves any number of ids. `search` is a LIKE pattern
  // with `\` escaping (wpdb::esc_like), on the columns WP_Comment_Query searches that anonymous readers may see.
  const FILTERS = `(:posts IS NULL OR c.post IN (SELECT value FROM ${d.each(':posts', 'int', 'j')}))
  AND (:parents IS NULL OR coalesce(c.parent, 0) IN (SELECT value FROM ${d.each(':parents', 'int', 'j')}))
  AND (:parentExclude IS NULL OR coalesce(c.parent, 0) NOT IN (SELECT value FROM ${d.each(':parentExclude', 'int', 'j')}))
  AND (:include IS NULL OR c.id IN (SELECT value FROM ${d.each(':include', 'int', 'j')}))
  AND (:exclude IS NULL OR c.id NOT IN (SELECT value FROM ${d.each(':exclude', 'int', 'j')}))
  AND (:search IS NULL OR c.content ${d.like} :search ESCAPE '\\' OR c.author_name ${d.like} :search ESCAPE '\\'
       OR c.author_url ${d.like} :search ESCAPE '\\')
  AND (:before IS NULL OR c.date_gmt < :before)
  AND (:after IS NULL OR c.date_gmt > :after)`;
  const APPROVED = `c.status = 'approved' AND ${FILTERS}`;
  /** A moderation queue (`:queue`, one of QUEUES): the trash is migration 7's table, whatever the rows' status. */
  const IN_QUEUE = `CASE :queue
    WHEN 'trash' THEN ${TRASHED}
    WHEN 'all' THEN c.status IN ('approved', 'hold') AND NOT ${TRASHED}
    ELSE c.status = (CASE :queue WHEN 'approve' THEN 'approved' ELSE :queue END) AND NOT ${TRASHED}
  END AND ${FILTERS}`;

  /** What "the same e-mail address" means: WordPress compares them through a case-insensitive collation. */
  const EMAIL_KEY = 'lower(trim(author_email))';
  /**
   * WordPress's duplicate check (wp_allow_comment): same post and parent, same name and e-mail address, same text.
   * One probe of migration 3's index on (post, e-mail key, content_hash); rows written by other tools without a hash
   * (content_hash NULL) are probed too, so they still count. The text itself is always compared.
   */
  const duplicateBranch = (hash: string) =>
    `SELECT 1 FROM comments WHERE post = :post AND ${EMAIL_KEY} = lower(trim(:email)) AND ${hash}
     AND coalesce(parent, 0) = :parent AND author_name = :name AND rtrim(content, ${d.trailingSpace}) = :text`;

  return {
    SELECT,
    SELECT_EDIT,
    APPROVED,
    IN_QUEUE,
    // RETURNING gives back the stored row, slug included, so a new comment costs one statement.
    insert: `INSERT INTO comments (post, parent, author_name, author_email, author_url, author_ip, author_user_agent, date_gmt, content, status, content_hash, content_html)
       VALUES (:post, nullif(:parent, 0), :authorName, :authorEmail, :authorUrl, :authorIp, :authorUserAgent, :dateGmt, :content, :status, :contentHash, :contentHtml)
       RETURNING id, post, (SELECT slug FROM posts WHERE posts.id = comments.post) AS post_slug, coalesce(parent, 0) AS parent,
                 author_name, author_email, author_url, date_gmt, content, content_html, status, 0 AS has_children`,
    byId: `${SELECT} WHERE c.id = :id`,
    // Uses comments_by_post alone, never the comments themselves.
    approvedOn: `SELECT count(*) FROM comments WHERE post = :post AND status = 'approved'`,
    count: `SELECT count(*) FROM comments c WHERE ${APPROVED}`,
    previews: `${SELECT_PREVIEW} WHERE c.post = :post AND c.status = 'approved' ORDER BY c.date_gmt ASC, c.id ASC LIMIT :limit OFFSET :offset`,
    duplicate: `${duplicateBranch('content_hash = :hash')}
  UNION ALL
  ${duplicateBranch('content_hash IS NULL')}
  LIMIT 1`,
    /** WordPress's flood check (wp_check_comment_flood): the latest comment from this address *or* this e-mail address. */
    latest: `SELECT max(latest) FROM (
    SELECT max(date_gmt) AS latest FROM comments WHERE author_ip = :ip
    UNION ALL
    SELECT max(date_gmt) FROM comments WHERE ${EMAIL_KEY} = lower(trim(:email))) AS latest`,
    editable: `${SELECT_EDIT} WHERE c.id = :id`,
    queueCount: `SELECT count(*) FROM comments c WHERE ${IN_QUEUE}`,
    trashedFrom: 'SELECT previous_status FROM comment_trash WHERE comment = :id',
    trash: 'INSERT INTO comment_trash (comment, previous_status, date_gmt) VALUES (:id, :previous, :date)',
    untrash: 'DELETE FROM comment_trash WHERE comment = :id',
    setStatus: 'UPDATE comments SET status = :status WHERE id = :id',
    setContent: 'UPDATE comments SET content = :content, content_html = :html, content_hash = :hash WHERE id = :id',
    // wp_delete_comment: the replies move up to the deleted comment's parent rather than going with it.
    adoptReplies: 'UPDATE comments SET parent = (SELECT parent FROM comments WHERE id = :id) WHERE parent = :id',
    remove: 'DELETE FROM comments WHERE id = :id',
    approvedFrom: `SELECT 1 FROM comments WHERE ${EMAIL_KEY} = lower(trim(:email)) AND author_name = :name AND status = 'approved' LIMIT 1`,
  };
}

/** The statements of each dialect, made once. */
const STATEMENTS = new Map<string, ReturnType<typeof statementsFor>>();
const statementsOf = (d: Dialect) => {
  let found = STATEMENTS.get(d.name);
  if (!found) STATEMENTS.set(d.name, (found = statementsFor(d)));
  return found;
};

/**
 * WP_Comment_Query's ORDER BY for each `orderby`, the comment id breaking ties in the same direction; `include`
 * keeps the order of the ids given (FIELD()), whatever `order` says.
 */
function orderBy(d: Dialect, orderby: CommentOrderby, order: 'asc' | 'desc', hasInclude: boolean): string {
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  switch (orderby) {
    case 'id':
    case 'type':
      return `c.id ${dir}`;
    case 'post':
      return `c.post ${dir}, c.id ${dir}`;
    case 'parent':
      return `coalesce(c.parent, 0) ${dir}, c.id ${dir}`;
    case 'include':
      if (hasInclude) return `(SELECT key FROM ${d.each(':include', 'int', 'j')} WHERE value = c.id) ASC, c.id ${dir}`;
      return `c.date_gmt ${dir}, c.id ${dir}`;
    default:
      return `c.date_gmt ${dir}, c.id ${dir}`;
  }
}

/** A comment whose `content` is only its first 300 characters (migration 4's preview) when `truncated`. */
export interface CommentPreview extends Comment {
  truncated: boolean;
}

const toComment = (row: CommentRow): Comment => ({
  id: row.id,
  post: row.post,
  postSlug: row.post_slug,
  parent: row.parent,
  authorName: row.author_name,
  authorEmail: row.author_email,
  authorUrl: row.author_url,
  dateGmt: row.date_gmt,
  content: row.content,
  contentHtml: row.content_html,
  status: row.status,
  hasChildren: row.has_children === 1,
});

const toEditable = (row: CommentRow & { author_ip: string; author_user_agent: string; status: ModerationStatus }): EditableComment => ({
  ...toComment(row as CommentRow),
  status: row.status,
  authorIp: row.author_ip,
  authorUserAgent: row.author_user_agent,
});
type EditableRow = Parameters<typeof toEditable>[0];

export type CommentStore = ReturnType<typeof createCommentStore>;

/**
 * What "the same text" means to the duplicate check: trailing white space (space, tab, line ends) does not count, as
 * MySQL's PAD SPACE collation ignores it for WordPress. A loop, not a regex: `/\s+$/` is quadratic on long runs.
 * The set is SQL's `char(32, 9, 10, 11, 12, 13)` below and in migration 3.
 */
export function withoutTrailingSpace(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t\n\v\f\r'.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** The duplicate check's statement in `dialect`, for a test to read its query plan. */
export const duplicateSql = (dialect: Dialect) => statementsOf(dialect).duplicate;

export function createCommentStore(db: Sql) {
  const statements = statementsOf(db.dialect);
  const d = db.dialect;
  const listStatement = (order: string) => `${statements.SELECT} WHERE ${statements.APPROVED} ORDER BY ${order} LIMIT :limit OFFSET :offset`;
  const queueStatement = (order: string) => `${statements.SELECT_EDIT} WHERE ${statements.IN_QUEUE} ORDER BY ${order} LIMIT :limit OFFSET :offset`;

  // An empty list filters nothing, as WP_Comment_Query ignores an empty `post__in`, `comment__in`, …
  const ids = (list: readonly number[] | undefined) => (list?.length ? db.list(list) : null);
  const filterParams = (filter: CommentFilter): FilterParams => ({
    posts: ids(filter.posts),
    parents: ids(filter.parents),
    parentExclude: ids(filter.parentExclude),
    include: ids(filter.include),
    exclude: ids(filter.exclude),
    search: filter.search ? likeContaining(filter.search) : null,
    before: filter.before ?? null,
    after: filter.after ?? null,
  });

  return {
    /** Stores the comment; it is committed when this resolves, unless `db` is a transaction's. */
    async insert(comment: NewComment): Promise<Comment> {
      const hash = contentHash(withoutTrailingSpace(comment.content));
      return toComment((await db.get<CommentRow>(statements.insert, { ...comment, contentHash: hash }))!);
    },
    async get(id: number): Promise<Comment | undefined> {
      const row = await db.get<CommentRow>(statements.byId, { id });
      return row && toComment(row);
    },
    async count(filter: CommentFilter): Promise<number> {
      return (await db.value<number>(statements.count, filterParams(filter))) ?? 0;
    },
    async list(filter: CommentFilter, page: CommentPage): Promise<Comment[]> {
      const params = filterParams(filter);
      const statement = listStatement(orderBy(d, page.orderby ?? 'date_gmt', page.order, params.include !== null));
      return (await db.all<CommentRow>(statement, { ...params, limit: page.limit, offset: page.offset })).map(toComment);
    },
    /** How many approved comments `post` has. */
    async approvedOn(post: number): Promise<number> {
      return (await db.value<number>(statements.approvedOn, { post })) ?? 0;
    },
    /** Approved comments on `post`, oldest first, long ones cut to their stored 300-character preview. */
    async previews(post: number, page: { limit: number; offset: number }): Promise<CommentPreview[]> {
      const rows = await db.all<CommentRow & { truncated: 0 | 1 }>(statements.previews, { post, ...page });
      return rows.map((row) => ({ ...toComment(row), truncated: row.truncated === 1 }));
    },
    async isDuplicate(comment: Pick<NewComment, 'post' | 'parent' | 'authorName' | 'authorEmail' | 'content'>): Promise<boolean> {
      const text = withoutTrailingSpace(comment.content);
      const found = await db.value(statements.duplicate, {
        post: comment.post,
        parent: comment.parent,
        name: comment.authorName,
        email: comment.authorEmail,
        text,
        hash: contentHash(text),
      });
      return found !== undefined;
    },
    /** When this client address or this e-mail address last commented (UTC, zone-less), or `undefined`. */
    async latestFrom(ip: string, email: string): Promise<string | undefined> {
      return (await db.value<string | null>(statements.latest, { ip, email })) ?? undefined;
    },
    /** Any comment, whatever its status, as a moderator sees it. */
    async editable(id: number): Promise<EditableComment | undefined> {
      const row = await db.get<EditableRow>(statements.editable, { id });
      return row && toEditable(row);
    },
    async queueCount(filter: CommentFilter, queue: Queue): Promise<number> {
      return (await db.value<number>(statements.queueCount, { ...filterParams(filter), queue })) ?? 0;
    },
    async queue(filter: CommentFilter, queue: Queue, page: CommentPage): Promise<EditableComment[]> {
      const params = filterParams(filter);
      const statement = queueStatement(orderBy(d, page.orderby ?? 'date_gmt', page.order, params.include !== null));
      return (await db.all<EditableRow>(statement, { ...params, queue, limit: page.limit, offset: page.offset })).map(toEditable);
    },
    /** The status a trashed comment had before, which restoring it gives back (WordPress's `_wp_trash_meta_status`). */
    async trashedFrom(id: number): Promise<CommentStatus | undefined> {
      return (await db.value<CommentStatus>(statements.trashedFrom, { id })) ?? undefined;
    },
    /**
     * Moves the comment to `to`. Into the trash it keeps its status before (held, if it was approved, so that no
     * public read shows it); out of the trash, the row is its new status.
     */
    async setStatus(id: number, from: ModerationStatus, to: ModerationStatus): Promise<void> {
      if (from === to) return;
      if (from === 'trash') await db.run(statements.untrash, { id });
      if (to === 'trash') {
        await db.run(statements.trash, { id, previous: from, date: gmtString() });
        if (from === 'approved') await db.run(statements.setStatus, { id, status: 'hold' });
      } else {
        await db.run(statements.setStatus, { id, status: to });
      }
    },
    async setContent(id: number, content: string, html: string): Promise<void> {
      await db.run(statements.setContent, { id, content, html, hash: contentHash(withoutTrailingSpace(content)) });
    },
    /** Whether this name and e-mail address have an approved comment (check_comment's "previously approved"). */
    async hasApprovedFrom(name: string, email: string): Promise<boolean> {
      return (await db.value(statements.approvedFrom, { name, email })) !== undefined;
    },
    async remove(id: number): Promise<void> {
      await db.run(statements.adoptReplies, { id });
      await db.run(statements.remove, { id });
    },
  };
}
