/**
 * Creating a comment: the checks that need the database, in WordPress's order, around the pure validation.
 * Both the REST route and the no-JavaScript form route go through here.
 */
import type { Moderation } from '../config.js';
import { gmtString, type Sql } from '../store/client.js';
import { createCommentStore, type Comment, type CommentStore } from '../store/comments.js';
import { createPostStore, type PostStore } from '../store/posts.js';
import { WpError } from '../wp/errors.js';
import { commentHtml } from './comment-html.js';
import { judge, NO_RULES, type SpamRules } from './spam-rules.js';
import { checkCommentFields, type CommentDraft } from './validation.js';

export interface CreateContext {
  db: Sql;
  moderation: Moderation;
  spamRules?: SpamRules;
  floodSeconds: number;
  now?: () => Date;
}

export interface Client {
  ip: string;
  userAgent: string;
}


/** The stores one comment's checks and insert go through: those of its transaction. */
interface Stores {
  posts: PostStore;
  comments: CommentStore;
}

/**
 * Checks and stores one comment in a single write transaction: it is committed before this returns, so a
 * caller that answers 201 afterwards never acknowledges a comment the database does not hold. The transaction is
 * locked on the e-mail address and (with a flood interval) the client address, the keys of the duplicate and flood
 * checks: two instances never both let through the same comment, or two from one client inside the interval.
 */
export function createComment(context: CreateContext, draft: CommentDraft, client: Client): Promise<Comment> {
  const email = `comment from ${draft.authorEmail.trim().toLowerCase()}`;
  const locks = context.floodSeconds > 0 ? [email, `comment from ${client.ip}`] : [email];
  return context.db.transaction(
    (tx) => checkAndInsert({ posts: createPostStore(tx), comments: createCommentStore(tx) }, context, draft, client),
    { locks },
  );
}

async function checkAndInsert(stores: Stores, context: CreateContext, draft: CommentDraft, client: Client): Promise<Comment> {
  const post = draft.post > 0 ? await stores.posts.commentTarget(draft.post) : undefined;
  if (!post) {
    throw new WpError(
      'rest_comment_invalid_post_id',
      'Sorry, you are not allowed to create this comment without a post.',
      403,
    );
  }
  if (post.commentStatus !== 'open') {
    throw new WpError('rest_comment_closed', 'Sorry, comments are closed for this item.', 403);
  }
  if (draft.parent !== 0) {
    // WordPress stores any parent id; a thread needs a real one, approved and on the same post.
    const parent = await stores.comments.get(draft.parent);
    if (!parent || parent.post !== post.id || parent.status !== 'approved') {
      throw new WpError('rest_comment_invalid_parent', 'Invalid parent comment ID.', 400);
    }
  }

  checkCommentFields(draft);

  if (await stores.comments.isDuplicate(draft)) {
    throw new WpError(
      'comment_duplicate',
      'Duplicate comment detected; it looks as though you&#8217;ve already said that!',
      409,
    );
  }

  const now = (context.now ?? (() => new Date()))();
  const last = context.floodSeconds > 0 ? await stores.comments.latestFrom(client.ip, draft.authorEmail) : undefined;
  if (last !== undefined && now.getTime() - Date.parse(`${last}Z`) < context.floodSeconds * 1000) {
    throw new WpError('comment_flood', 'You are posting comments too quickly. Slow down.', 400);
  }

  const authorUserAgent = client.userAgent.slice(0, 254);
  const contentHtml = commentHtml(draft.content);
  return stores.comments.insert({
    ...draft,
    authorIp: client.ip,
    authorUserAgent,
    dateGmt: gmtString(now),
    contentHtml,
    status: await statusFor(stores, context, { ...draft, ip: client.ip, userAgent: authorUserAgent, html: contentHtml }),
  });
}

/**
 * wp_allow_comment's verdict: a disallowed word sends it to spam; else held when the site holds every comment, when
 * check_comment finds too many links or a moderation word, or (`MODERATION=first`) when its author has no approved
 * comment yet; else published.
 */
async function statusFor(stores: Stores, context: CreateContext, comment: Parameters<typeof judge>[1]): Promise<'approved' | 'hold' | 'spam'> {
  const verdict = judge(context.spamRules ?? NO_RULES, comment);
  if (verdict === 'spam') return 'spam';
  if (verdict === 'hold' || context.moderation === 'hold') return 'hold';
  if (context.moderation === 'first' && !(await stores.comments.hasApprovedFrom(comment.authorName, comment.authorEmail))) return 'hold';
  return 'approved';
}
