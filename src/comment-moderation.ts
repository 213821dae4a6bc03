/** Registers `<nw-comment-moderation>`: the moderation queue, apart from `news-widgets.js` (readers never need it). */
import { define } from './internal/define.js';
import { NwCommentModeration } from './components/comment-moderation/comment-moderation.js';
import type { Change } from './components/comment-moderation/actions.js';

export { NwCommentModeration };
export type { Change };

define('nw-comment-moderation', NwCommentModeration);

declare global {
  interface HTMLElementTagNameMap {
    'nw-comment-moderation': NwCommentModeration;
  }
  interface GlobalEventHandlersEventMap {
    'nw-moderate': CustomEvent<Change>;
  }
}
