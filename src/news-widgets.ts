/** Registers every news-widgets element. */
import './article-card.js';
import './share-button.js';
import './comment-form.js';
import './comment-list.js';
