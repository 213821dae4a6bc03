/** Reader comments. Prepared statements only; reader text is bound as a parameter and stored as sent. */
import { setTimeout as sleep } from 'node:timers/promises';
import { contentHash, DatabaseBusyError, isBusy, type Db } from './database.js';
import { gmtString, jsonList, likeContaining, preparedOnUse } from './sql.js';

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

const TRASHED = 'c.id IN (SELECT comment FROM comment_trash)';
const SELECT_EDIT = `
  SELECT c.id, c.post, p.slug AS post_slug, coalesce(c.parent, 0) AS parent, c.author_name, c.author_email,
         c.author_url, c.date_gmt, c.content, c.content_html, c.author_ip, c.author_user_agent,
         CASE WHEN ${TRASHED} THEN 'trash' ELSE c.status END AS status, ${HAS_CHILDREN}
  FROM comments c JOIN posts p ON p.id = c.post`;

// List filters are JSON arrays, so one prepared statement serves any number of ids. `search` is a LIKE pattern with
// `\` escaping (wpdb::esc_like), on the columns WP_Comment_Query searches that anonymous readers may see.
const FILTERS = `(:posts IS NULL OR c.post IN (SELECT value FROM json_each(:posts)))
  AND (:parents IS NULL OR coalesce(c.parent, 0) IN (SELECT value FROM json_each(:parents)))
  AND (:parentExclude IS NULL OR coalesce(c.parent, 0) NOT IN (SELECT value FROM json_each(:parentExclude)))
  AND (:include IS NULL OR c.id IN (SELECT value FROM json_each(:include)))
  AND (:exclude IS NULL OR c.id NOT IN (SELECT value FROM json_each(:exclude)))
  AND (:search IS NULL OR c.content LIKE :search ESCAPE '\\' OR c.author_name LIKE :search ESCAPE '\\'
       OR c.author_url LIKE :search ESCAPE '\\')
  AND (:before IS NULL OR c.date_gmt < :before)
  AND (:after IS NULL OR c.date_gmt > :after)`;
const APPROVED = `c.status = 'approved' AND ${FILTERS}`;
/** A moderation queue (`:queue`, one of QUEUES): the trash is migration 7's table, whatever the rows' status. */
const IN_QUEUE = `CASE :queue
    WHEN 'trash' THEN ${TRASHED}
    WHEN 'all' THEN c.status IN ('approved', 'hold') AND NOT ${TRASHED}
    ELSE c.status = (CASE :queue WHEN 'approve' THEN 'approved' ELSE :queue END) AND NOT ${TRASHED}
  END AND ${FILTERS}`;

type QueueParams = FilterParams & { queue: Queue };
type FilterParams = Record<'posts' | 'parents' | 'parentExclude' | 'include' | 'exclude' | 'search' | 'before' | 'after', string | null>;
type ListParams = FilterParams & { limit: number; offset: number };

/**
 * WP_Comment_Query's ORDER BY for each `orderby`, the comment id breaking ties in the same direction; `include`
 * keeps the order of the ids given (FIELD()), whatever `order` says.
 */
function orderBy(orderby: CommentOrderby, order: 'asc' | 'desc', hasInclude: boolean): string {
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
      if (hasInclude) return `(SELECT key FROM json_each(:include) WHERE value = c.id) ASC, c.id ${dir}`;
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
 * How long a write waits for the write lock another process holds, and how often it tries. The waiting is
 * done between tries, off SQLite's busy handler, so the event loop keeps serving reads meanwhile.
 */
export const WRITE_WAIT = { totalMs: 1000, stepMs: 25 };

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

const TRAILING_SPACE = 'char(32, 9, 10, 11, 12, 13)';
/** WordPress compares e-mail addresses through a case-insensitive collation; stored ones may carry stray space. */
const EMAIL_KEY = 'lower(trim(author_email))';

/**
 * WordPress's duplicate check (wp_allow_comment): same post and parent, same name and e-mail address, same text. One
 * probe of migration 3's index on (post, e-mail key, content_hash); rows written by other tools without a hash
 * (content_hash NULL) are probed too, so they still count. The text itself is always compared.
 */
const duplicateBranch = (hash: string) =>
  `SELECT 1 FROM comments WHERE post = :post AND ${EMAIL_KEY} = lower(trim(:email)) AND ${hash}
     AND coalesce(parent, 0) = :parent AND author_name = :name AND rtrim(content, ${TRAILING_SPACE}) = :text`;
export const DUPLICATE_SQL = `${duplicateBranch('content_hash = :hash')}
  UNION ALL
  ${duplicateBranch('content_hash IS NULL')}
  LIMIT 1`;

/** WordPress's flood check (wp_check_comment_flood): the latest comment from this address *or* this e-mail address. */
const LATEST_SQL = `SELECT max(latest) FROM (
    SELECT max(date_gmt) AS latest FROM comments WHERE author_ip = :ip
    UNION ALL
    SELECT max(date_gmt) FROM comments WHERE ${EMAIL_KEY} = lower(trim(:email)))`;

type InsertParams = NewComment & { contentHash: number };

export function createCommentStore(db: Db) {
  const statements = {
    // RETURNING gives back the stored row, slug included, so a new comment costs one statement.
    insert: db.prepare<InsertParams, CommentRow>(
      `INSERT INTO comments (post, parent, author_name, author_email, author_url, author_ip, author_user_agent, date_gmt, content, status, content_hash, content_html)
       VALUES (:post, nullif(:parent, 0), :authorName, :authorEmail, :authorUrl, :authorIp, :authorUserAgent, :dateGmt, :content, :status, :contentHash, :contentHtml)
       RETURNING id, post, (SELECT slug FROM posts WHERE posts.id = comments.post) AS post_slug, coalesce(parent, 0) AS parent,
                 author_name, author_email, author_url, date_gmt, content, content_html, status, 0 AS has_children`,
    ),
    byId: db.prepare<[number], CommentRow>(`${SELECT} WHERE c.id = ?`),
    // Uses comments_by_post alone, never the comments themselves.
    approvedOn: db.prepare<[number], number>(`SELECT count(*) FROM comments WHERE post = ? AND status = 'approved'`).pluck(),
    count: db.prepare<FilterParams, number>(`SELECT count(*) FROM comments c WHERE ${APPROVED}`).pluck(),
    previews: db.prepare<{ post: number; limit: number; offset: number }, CommentRow & { truncated: 0 | 1 }>(
      `${SELECT_PREVIEW} WHERE c.post = :post AND c.status = 'approved' ORDER BY c.date_gmt ASC, c.id ASC LIMIT :limit OFFSET :offset`,
    ),
    duplicate: db
      .prepare<{ post: number; parent: number; name: string; email: string; text: string; hash: number }, number>(DUPLICATE_SQL)
      .pluck(),
    latest: db.prepare<{ ip: string; email: string }, string | null>(LATEST_SQL).pluck(),
    editable: db.prepare<[number], EditableRow>(`${SELECT_EDIT} WHERE c.id = ?`),
    queueCount: db.prepare<QueueParams, number>(`SELECT count(*) FROM comments c WHERE ${IN_QUEUE}`).pluck(),
    trashedFrom: db.prepare<[number], CommentStatus>('SELECT previous_status FROM comment_trash WHERE comment = ?').pluck(),
    trash: db.prepare<{ id: number; previous: CommentStatus; date: string }>(
      'INSERT INTO comment_trash (comment, previous_status, date_gmt) VALUES (:id, :previous, :date)',
    ),
    untrash: db.prepare<[number]>('DELETE FROM comment_trash WHERE comment = ?'),
    setStatus: db.prepare<{ id: number; status: CommentStatus }>('UPDATE comments SET status = :status WHERE id = :id'),
    setContent: db.prepare<{ id: number; content: string; html: string; hash: number }>(
      'UPDATE comments SET content = :content, content_html = :html, content_hash = :hash WHERE id = :id',
    ),
    // wp_delete_comment: the replies move up to the deleted comment's parent rather than going with it.
    adoptReplies: db.prepare<{ id: number }>(
      'UPDATE comments SET parent = (SELECT parent FROM comments WHERE id = :id) WHERE parent = :id',
    ),
    remove: db.prepare<[number]>('DELETE FROM comments WHERE id = ?'),
    approvedFrom: db
      .prepare<{ name: string; email: string }, number>(
        `SELECT 1 FROM comments WHERE ${EMAIL_KEY} = lower(trim(:email)) AND author_name = :name AND status = 'approved' LIMIT 1`,
      )
      .pluck(),
  };
  // BEGIN IMMEDIATE: the checks and the insert they allow see the same database, even with a second writer.
  const immediate = db.transaction(<T>(work: () => T): T => work()).immediate;

  // ORDER BY cannot be a parameter: one statement per ordering, prepared when first asked for.
  const prepared = preparedOnUse(db);
  const listStatement = (order: string) =>
    prepared<ListParams, CommentRow>(`${SELECT} WHERE ${APPROVED} ORDER BY ${order} LIMIT :limit OFFSET :offset`);
  const queueStatement = (order: string) =>
    prepared<ListParams & QueueParams, EditableRow>(`${SELECT_EDIT} WHERE ${IN_QUEUE} ORDER BY ${order} LIMIT :limit OFFSET :offset`);

  // An empty list filters nothing, as WP_Comment_Query ignores an empty `post__in`, `comment__in`, …
  const ids = (list: readonly number[] | undefined) => (list?.length ? jsonList(list) : null);
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
    /** Stores the comment; it is committed when this returns, unless called inside `atomically`. */
    insert(comment: NewComment): Comment {
      const hash = contentHash(withoutTrailingSpace(comment.content));
      return toComment(statements.insert.get({ ...comment, contentHash: hash }) as CommentRow);
    },
    /**
     * Runs `work` in one write transaction, committed when it resolves and rolled back if it throws. While
     * another process holds the write lock it tries again every `WRITE_WAIT.stepMs` without blocking; after
     * `WRITE_WAIT.totalMs` it rejects with `DatabaseBusyError`. BEGIN IMMEDIATE takes the lock before `work`
     * runs, so a try that failed did nothing and the next one starts afresh.
     */
    async atomically<T>(work: () => T): Promise<T> {
      const deadline = performance.now() + WRITE_WAIT.totalMs;
      for (;;) {
        try {
          return immediate(work) as T;
        } catch (error) {
          if (!isBusy(error)) throw error;
          if (performance.now() + WRITE_WAIT.stepMs > deadline) throw new DatabaseBusyError('the database is locked by another writer');
        }
        await sleep(WRITE_WAIT.stepMs);
      }
    },
    get(id: number): Comment | undefined {
      const row = statements.byId.get(id);
      return row && toComment(row);
    },
    count(filter: CommentFilter): number {
      return statements.count.get(filterParams(filter)) ?? 0;
    },
    list(filter: CommentFilter, page: CommentPage): Comment[] {
      const params = filterParams(filter);
      const statement = listStatement(orderBy(page.orderby ?? 'date_gmt', page.order, params.include !== null));
      return statement.all({ ...params, limit: page.limit, offset: page.offset }).map(toComment);
    },
    /** How many approved comments `post` has. */
    approvedOn(post: number): number {
      return statements.approvedOn.get(post) ?? 0;
    },
    /** Approved comments on `post`, oldest first, long ones cut to their stored 300-character preview. */
    previews(post: number, page: { limit: number; offset: number }): CommentPreview[] {
      return statements.previews
        .all({ post, ...page })
        .map((row) => ({ ...toComment(row), truncated: row.truncated === 1 }));
    },
    isDuplicate(comment: Pick<NewComment, 'post' | 'parent' | 'authorName' | 'authorEmail' | 'content'>): boolean {
      const text = withoutTrailingSpace(comment.content);
      const found = statements.duplicate.get({
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
    latestFrom(ip: string, email: string): string | undefined {
      return statements.latest.get({ ip, email }) ?? undefined;
    },
    /** Any comment, whatever its status, as a moderator sees it. */
    editable(id: number): EditableComment | undefined {
      const row = statements.editable.get(id);
      return row && toEditable(row);
    },
    queueCount(filter: CommentFilter, queue: Queue): number {
      return statements.queueCount.get({ ...filterParams(filter), queue }) ?? 0;
    },
    queue(filter: CommentFilter, queue: Queue, page: CommentPage): EditableComment[] {
      const params = filterParams(filter);
      const statement = queueStatement(orderBy(page.orderby ?? 'date_gmt', page.order, params.include !== null));
      return statement.all({ ...params, queue, limit: page.limit, offset: page.offset }).map(toEditable);
    },
    /** The status a trashed comment had before, which restoring it gives back (WordPress's `_wp_trash_meta_status`). */
    trashedFrom(id: number): CommentStatus | undefined {
      return statements.trashedFrom.get(id) ?? undefined;
    },
    /**
     * Moves the comment to `to`. Into the trash it keeps its status before (held, if it was approved, so that no
     * public read shows it); out of the trash, the row is its new status.
     */
    setStatus(id: number, from: ModerationStatus, to: ModerationStatus): void {
      if (from === to) return;
      if (from === 'trash') statements.untrash.run(id);
      if (to === 'trash') {
        statements.trash.run({ id, previous: from as CommentStatus, date: gmtString() });
        if (from === 'approved') statements.setStatus.run({ id, status: 'hold' });
      } else {
        statements.setStatus.run({ id, status: to });
      }
    },
    setContent(id: number, content: string, html: string): void {
      statements.setContent.run({ id, content, html, hash: contentHash(withoutTrailingSpace(content)) });
    },
    /** Whether this name and e-mail address have an approved comment (check_comment's "previously approved"). */
    hasApprovedFrom(name: string, email: string): boolean {
      return statements.approvedFrom.get({ name, email }) !== undefined;
    },
    remove(id: number): void {
      statements.adoptReplies.run({ id });
      statements.remove.run(id);
    },
  };
}
