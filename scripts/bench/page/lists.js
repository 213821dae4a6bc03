/**
 * `<nw-article-list>` of N posts from the bench server's collection against the N `<nw-article-card>`s a page would
 * otherwise write by hand, with the same fields as attributes. Each returns `{ time, phases, rendered }`.
 */
/* global document */
import { articles, cardAttributes } from '../fixtures.mjs';
import { createWith } from './lit-floor.js';
import { finish, grid, timeRun } from './measure.js';

const showsArticle = (card, a) => card.shadowRoot?.querySelector('a')?.textContent === a.headline;

/**
 * From the list's insertion to every card showing its article: its wait for the viewport (one IntersectionObserver
 * callback), one fetch from the local bench server, parsing and normalizing the posts, and the cards' render.
 */
export async function runList(count) {
  const list = articles(count);
  const container = grid();
  const marks = { start: performance.now() };
  const el = document.createElement('nw-article-list');
  el.setAttribute('src', `/wp-json/wp/v2/posts?per_page=${count}&_embed`);
  const loaded = new Promise((resolve) => el.addEventListener('nw-list-load', resolve, { once: true }));
  marks.created = performance.now();
  container.append(el);
  marks.appended = performance.now();
  await loaded;
  const cards = [...el.shadowRoot.querySelectorAll('nw-article-card')];
  await Promise.all(cards.map((card) => card.updateComplete));
  marks.rendered = performance.now();
  const result = await finish(container, marks);
  const rendered = cards.filter((card, i) => showsArticle(card, list[i])).length;
  container.remove();
  return { ...result, rendered };
}

/** The same articles as `<nw-article-card>` tags with attributes, the reading time left out as the list has none. */
export function runCards(count) {
  const list = articles(count);
  const attributes = (a) => Object.fromEntries(Object.entries(cardAttributes(a)).filter(([name]) => name !== 'reading-time'));
  return timeRun('', () => list.map((a) => createWith('nw-article-card', attributes(a))), (card, i) => showsArticle(card, list[i]));
}
