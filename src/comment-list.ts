/** Registers `<nw-comment-list>`; `<nw-comment-form>` for its reply forms loads with the first "Reply". */
import { define } from './internal/define.js';
import { NwCommentList } from './components/comment-list/comment-list.js';

export { NwCommentList };

define('nw-comment-list', NwCommentList);

declare global {
  interface HTMLElementTagNameMap {
    'nw-comment-list': NwCommentList;
  }
}
