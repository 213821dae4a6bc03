/**
 * Moderating comments as WordPress's REST API does it (WP_REST_Comments_Controller::update_item, delete_item and
 * handle_status_param): `POST /comments/:id` with `status` or `content`, `DELETE /comments/:id` to the trash and
 * `?force=true` for good. Only a signed-in account may (401 without one, 403 for a role that may not), and every
 * change is written to the moderation log with who, what, when and from where.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../auth/sign-in.js';
import { commentHtml } from '../comments/comment-html.js';
import { editableJson } from '../comments/render.js';
import { requestParams } from '../comments/request-params.js';
import { MAX_LENGTHS } from '../comments/validation.js';
import { clientAddress } from '../http/client.js';
import { createAccountStore, type Account } from '../store/accounts.js';
import type { Sql } from '../store/client.js';
import { createCommentStore, type CommentStore, type EditableComment, type ModerationStatus } from '../store/comments.js';
import { invalidParams, WpError } from '../wp/errors.js';
import { ParamReader } from '../wp/params.js';
import { ID, idParam, siteOf } from './responses.js';

/** The values handle_status_param takes, each with the status it leads to. */
const STATUS_VALUES = ['approved', 'approve', '1', 'hold', '0', 'spam', 'unspam', 'trash', 'untrash'] as const;

function statusTarget(value: string, comment: EditableComment, trashedFrom: ModerationStatus | undefined): ModerationStatus | undefined {
  switch (value.toLowerCase()) {
    case 'approved':
    case 'approve':
    case '1':
      return 'approved';
    case 'hold':
    case '0':
      return 'hold';
    case 'spam':
    case 'trash':
      return value.toLowerCase() as ModerationStatus;
    // wp_unspam_comment and wp_untrash_comment give back the status kept when it was moved, else held.
    case 'unspam':
      return comment.status === 'spam' ? 'hold' : comment.status;
    case 'untrash':
      return comment.status === 'trash' ? (trashedFrom ?? 'hold') : comment.status;
    default:
      return undefined;
  }
}

/** `check_edit_permission`: 401 for an anonymous request, 403 for an account without the capability. */
function permitted(request: FastifyRequest, capability: string, code: string, message: string): Account {
  const account = request.account;
  if (!account) throw new WpError(code, message, 401);
  if (!can(account, capability)) throw new WpError(code, message, 403);
  return account;
}

/** WordPress takes `content` as a string or as `{ raw }`. */
function contentParam(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const raw = (value as { raw?: unknown } | null)?.raw;
  return typeof raw === 'string' ? raw : undefined;
}

export function moderationRoutes(api: FastifyInstance, db: Sql, comments: CommentStore): void {
  const found = async (request: FastifyRequest): Promise<EditableComment> => {
    const id = idParam(request);
    const comment = id === undefined ? undefined : await comments.editable(id);
    if (!comment) throw new WpError('rest_comment_invalid_id', 'Invalid comment ID.', 404);
    return comment;
  };
  /** A change and its line in the moderation log, in one transaction. */
  type Change = (stores: { comments: CommentStore; audit: (action: string, from: string | null, to: string | null) => Promise<void> }) => Promise<void>;
  const change = (request: FastifyRequest, account: Account, comment: number, work: Change) =>
    db.transaction(async (tx) => {
      const log = createAccountStore(tx);
      await work({
        comments: createCommentStore(tx),
        audit: (action, from, to) => log.audit({ user: account.id, login: account.login, action, comment, from, to, ip: clientAddress(request) }),
      });
    });

  const update = async (request: FastifyRequest) => {
    const comment = await found(request);
    const account = permitted(request, 'moderate_comments', 'rest_cannot_edit', 'Sorry, you are not allowed to edit this comment.');
    const params = requestParams(request.query, request.body);
    const status = typeof params.status === 'string' ? params.status : undefined;
    const target = status === undefined ? undefined : statusTarget(status, comment, await comments.trashedFrom(comment.id));
    if (status !== undefined && target === undefined) {
      throw invalidParams({ status: { code: 'rest_not_in_enum', message: `status is not one of ${STATUS_VALUES.join(', ')}.` } });
    }
    const content = params.content === undefined ? undefined : contentParam(params.content);
    if (params.content !== undefined) {
      if (!can(account, 'edit_comment_content')) {
        throw new WpError('rest_cannot_edit', 'Sorry, only an administrator may change what a reader wrote.', 403);
      }
      if (content === undefined || content.trim() === '') throw new WpError('rest_comment_content_invalid', 'Invalid comment content.', 400);
      if (content.length > MAX_LENGTHS.content) {
        throw new WpError('comment_content_column_length', 'Your comment is too long.', 400);
      }
    }
    await change(request, account, comment.id, async (tx) => {
      if (content !== undefined && content !== comment.content) {
        await tx.comments.setContent(comment.id, content, commentHtml(content));
        await tx.audit('edit', comment.status, comment.status);
      }
      if (target !== undefined && target !== comment.status) {
        await tx.comments.setStatus(comment.id, comment.status, target);
        await tx.audit('status', comment.status, target);
      }
    });
    // update_item answers in the edit context.
    return editableJson((await comments.editable(comment.id))!, siteOf(request));
  };
  for (const method of ['POST', 'PUT', 'PATCH'] as const) api.route({ method, url: `/wp-json/wp/v2/comments/${ID}`, handler: update });

  api.delete(`/wp-json/wp/v2/comments/${ID}`, async (request) => {
    const comment = await found(request);
    const account = permitted(request, 'moderate_comments', 'rest_cannot_delete', 'Sorry, you are not allowed to delete this comment.');
    const reader = new ParamReader(requestParams(request.query, request.body));
    const force = reader.boolean('force') ?? false;
    reader.done();
    const site = siteOf(request);
    if (force) {
      if (!can(account, 'delete_comments_permanently')) {
        throw new WpError('rest_cannot_delete', 'Sorry, only an administrator may delete a comment permanently.', 403);
      }
      const previous = editableJson(comment, site);
      await change(request, account, comment.id, async (tx) => {
        await tx.comments.remove(comment.id);
        await tx.audit('delete', comment.status, null);
      });
      return { deleted: true, previous };
    }
    if (comment.status === 'trash') throw new WpError('rest_already_trashed', 'The comment has already been trashed.', 410);
    await change(request, account, comment.id, async (tx) => {
      await tx.comments.setStatus(comment.id, comment.status, 'trash');
      await tx.audit('status', comment.status, 'trash');
    });
    return editableJson((await comments.editable(comment.id))!, site);
  });
}
