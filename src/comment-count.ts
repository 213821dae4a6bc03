/** Registers `<nw-comment-count>` (what `dist/comment-count.js` is built from). */
import { define } from './internal/define.js';
import { NwCommentCount } from './components/comment-count/comment-count.js';

export { NwCommentCount };

define('nw-comment-count', NwCommentCount);

declare global {
  interface HTMLElementTagNameMap {
    'nw-comment-count': NwCommentCount;
  }
}
