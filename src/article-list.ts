/** Registers `<nw-article-list>` and the `<nw-article-card>` it lists; `dist/article-list.js` is built from this file. */
import './article-card.js';
import { type ArticleListLoadDetail, NwArticleList } from './components/article-list/article-list.js';
import { define } from './internal/define.js';

define('nw-article-list', NwArticleList);

export { NwArticleList };
export type { ArticleListLoadDetail };

declare global {
  interface HTMLElementTagNameMap {
    'nw-article-list': NwArticleList;
  }
  interface GlobalEventHandlersEventMap {
    'nw-list-load': CustomEvent<ArticleListLoadDetail>;
  }
}
