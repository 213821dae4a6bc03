/**
 * The front page of 1,000 cards (served at /bench/front-page.html): when it first painted, when every card had
 * rendered, and scrolling through it one viewport per frame.
 */
/* global document, window, customElements, requestAnimationFrame, innerHeight, scrollY, scrollTo, scrollBy */
import { nextFrame } from './measure.js';

const cards = () => [...document.querySelectorAll('nw-article-card')];

/** Paint Timing entries can be queued a little after the frame they describe. */
async function paints() {
  for (let i = 0; i < 20; i++) {
    const entries = performance.getEntriesByType('paint');
    if (entries.some((entry) => entry.name === 'first-contentful-paint')) return entries;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return performance.getEntriesByType('paint');
}

/** Times from navigation start, in ms: first (contentful) paint, article-card.js calling define, every card rendered and drawn. */
async function loaded() {
  await customElements.whenDefined('nw-article-card');
  // Set by the page's first script when the card's module calls customElements.define.
  const defined = window.nwBenchDefined;
  const all = cards();
  await Promise.all(all.map((card) => card.updateComplete));
  await nextFrame();
  const rendered = performance.now();
  const entries = await paints();
  const at = (name) => entries.find((entry) => entry.name === name)?.startTime ?? null;
  return { firstPaint: at('first-paint'), firstContentfulPaint: at('first-contentful-paint'), defined, rendered, cards: all.length };
}

/** Whether a card's content is rendered: its headline is not skipped by `content-visibility` or hidden. */
const drawn = (card) => card.shadowRoot?.querySelector('h3, [part~="headline"]')?.checkVisibility({ contentVisibilityAuto: true }) ?? false;

/** The cards that intersect the viewport now (read where the last frame left the layout: no layout is forced). */
const onScreen = (all) =>
  all.filter((card) => {
    const { top, bottom } = card.getBoundingClientRect();
    return bottom > 0 && top < innerHeight;
  });

/**
 * Scrolls from the top to the end, one viewport each frame, and resolves when the frame that drew the last
 * viewport has been produced: `{ time, frames, longest }` in ms. With `verify`, it also counts the cards whose
 * content was rendered in one of the two frames after one they were on screen in (an uncounted run: the checks
 * cost time).
 */
async function scroll({ verify = false } = {}) {
  scrollTo(0, 0);
  await nextFrame();
  const all = cards();
  const seen = new Set();
  let previous = [];
  const check = () => {
    const now = onScreen(all);
    for (const card of [...previous, ...now]) if (!seen.has(card) && drawn(card)) seen.add(card);
    previous = now;
  };
  const result = await new Promise((resolve) => {
    let start;
    let last;
    let longest = 0;
    let frames = 0;
    const step = (timestamp) => {
      if (start === undefined) start = performance.now();
      else longest = Math.max(longest, timestamp - last);
      last = timestamp;
      frames++;
      if (verify) check();
      const before = scrollY;
      scrollBy(0, innerHeight);
      // The previous frame drew the last viewport when a scroll moves no further.
      if (scrollY === before) resolve({ time: performance.now() - start, frames, longest });
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  if (verify) {
    await nextFrame();
    check();
  }
  return { ...result, cards: all.length, drawn: verify ? seen.size : undefined };
}

window.frontPage = { loaded: loaded(), scroll };
