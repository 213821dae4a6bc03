/**
 * The measuring code of the render bench page (served at /bench/page/index.js); page.evaluate calls into
 * `window.bench`. Every run returns `{ time, phases, idle, rendered }` so the caller can tell a fast run from
 * one that rendered nothing.
 */
/* global window, customElements */
import { articles } from '../fixtures.mjs';
import { settle } from './measure.js';
import { prepareHandBuilt, runCards, runHandBuilt, runLitFloor, runPlain } from './cards.js';
import { prepareHandBars, runBars, runHandBars } from './share.js';
import * as commentList from './comments.js';
import * as articleList from './lists.js';

const lists = new Map();
const articlesOf = (count) => {
  if (!lists.has(count)) lists.set(count, articles(count));
  return lists.get(count);
};

window.bench = {
  ready: Promise.all(['nw-article-card', 'nw-article-list', 'nw-share-button', 'nw-comment-list'].map((tag) => customElements.whenDefined(tag))).then(() => ({
    crossOriginIsolated: window.crossOriginIsolated,
    sanitizerApi: commentList.sanitizerApi(),
  })),
  settle,
  cards: {
    prepare: async (count) => prepareHandBuilt(articlesOf(count)[0]),
    card: (count) => runCards(articlesOf(count)),
    hand: (count) => runHandBuilt(articlesOf(count)),
    lit: (count) => runLitFloor(articlesOf(count)),
    plain: (count) => runPlain(articlesOf(count)),
  },
  bars: { prepare: prepareHandBars, card: runBars, hand: runHandBars },
  lists: { list: articleList.runList, cards: articleList.runCards },
  comments: {
    // The list's own warm-up run renders the list the hand-built copy is taken from.
    prepare: async (options) => ({ warmUp: await commentList.runList(options), ...commentList.prepareHandBuilt() }),
    card: commentList.runList,
    hand: commentList.runHandBuilt,
  },
};

