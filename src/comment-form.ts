/** Registers `<nw-comment-form>`. */
import { define } from './internal/define.js';
import { type CommentErrorDetail, NwCommentForm } from './components/comment-form/comment-form.js';
import type { CommentPayload, WpComment } from './components/comment-form/comments-api.js';

export { NwCommentForm };
export type { CommentErrorDetail, CommentPayload, WpComment };

define('nw-comment-form', NwCommentForm);

declare global {
  interface HTMLElementTagNameMap {
    'nw-comment-form': NwCommentForm;
  }
  interface GlobalEventHandlersEventMap {
    'nw-comment-submit': CustomEvent<CommentPayload>;
    'nw-comment-sent': CustomEvent<WpComment>;
    'nw-comment-error': CustomEvent<CommentErrorDetail>;
  }
}
