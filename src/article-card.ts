/** Registers `<nw-article-card>`; `dist/article-card.js` is built from this file. */
import { type ArticleCardErrorDetail, NwArticleCard } from './components/article-card/article-card.js';
import type { Article } from './components/article-card/article-source.js';
import { define } from './internal/define.js';

define('nw-article-card', NwArticleCard);

export { NwArticleCard };
export type { Article, ArticleCardErrorDetail };

declare global {
  interface HTMLElementTagNameMap {
    'nw-article-card': NwArticleCard;
  }
  interface GlobalEventHandlersEventMap {
    'nw-load': CustomEvent<Article>;
    'nw-error': CustomEvent<ArticleCardErrorDetail>;
  }
}
