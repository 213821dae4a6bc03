/**
 * The four card contestants: `<nw-article-card>`, the same DOM and style sheets built by hand in shadow roots,
 * the same again from a minimal Lit element configured by the same attributes (Lit's floor), and plain DOM (one
 * simple style sheet, no shadow DOM). Each returns `{ time, phases, rendered }`.
 */
/* global document */
import { cardAttributes } from '../fixtures.mjs';
import { createWith, defineLitFloor } from './lit-floor.js';
import { build, elementCount, grid, handHost, hostOf, recipe, timeRun, when } from './measure.js';

const createCard = (a) => createWith('nw-article-card', cardAttributes(a));

/** A card shows article `a` when its headline link carries the headline. */
const showsArticle = (card, a) => card.shadowRoot?.querySelector('a')?.textContent === a.headline;

export function runCards(list) {
  return timeRun('', () => list.map(createCard), (card, i) => showsArticle(card, list[i]), (cards) => {
    // The base element's language resolution once more on each connected card (outside the total): the part of
    // connectedCallback that walks the ancestors.
    if (typeof cards[0].resolveLanguage !== 'function') return {};
    const start = performance.now();
    for (const card of cards) card.resolveLanguage();
    return { language: performance.now() - start };
  });
}

/** What a hand-written card needs that attributes do not give: its date and reading time, as text. */
const derive = (a) => {
  const date = new Date(a.published);
  return { ...a, iso: date.toISOString(), when: when(date), minutes: `${a.readingTime} min read` };
};

let hand;
let floorTag;

/** The article fields behind the card's attributes, as `[attribute, field]`. */
const FIELDS = [
  ['headline', 'headline'],
  ['excerpt', 'excerpt'],
  ['section', 'section'],
  ['image', 'image'],
  ['image-width', 'imageWidth'],
  ['image-height', 'imageHeight'],
  ['author', 'author'],
  ['published', 'published'],
  ['reading-time', 'readingTime'],
  ['href', 'href'],
];

/**
 * Renders one real card and takes from it what the hand-built contestant copies: its host's reflected
 * attributes and adopted sheets, and its shadow DOM, where each text or attribute equal to one of the article's
 * values becomes that value of each article. It follows the card when its CSS or markup changes.
 */
export async function prepareHandBuilt(a) {
  const container = grid();
  const card = createCard(a);
  container.append(card);
  await card.updateComplete;
  const reference = derive(a);
  const absolute = (url) => new URL(url, document.baseURI).href;
  // What the card may show of each value: as written, or (for URLs) resolved against the page.
  const values = [
    ...['headline', 'excerpt', 'section', 'author', 'image', 'href', 'iso'].map((key) => [reference[key], (item) => item[key]]),
    [String(reference.imageWidth), (item) => String(item.imageWidth)],
    [String(reference.imageHeight), (item) => String(item.imageHeight)],
    [absolute(reference.href), (item) => absolute(item.href)],
    [absolute(reference.image), (item) => absolute(item.image)],
  ];
  const field = (text) => values.find(([value]) => value === text.trim())?.[1];
  const steps = recipe(card.shadowRoot, {
    text: (node) => {
      const part = node.parentElement?.getAttribute('part') ?? '';
      if (node.parentElement?.localName === 'time') return (item) => item.when;
      if (part.split(' ').includes('reading-time')) return (item) => item.minutes;
      return field(node.data);
    },
    attribute: (_, attr) => field(attr.value),
  });
  hand = { host: hostOf(card, Object.keys(cardAttributes(a))), steps };
  container.remove();
  if (hand.host.attributes.length > 0) throw new Error('the Lit floor writes no host attributes, the card now does');
  const missing = Object.keys(cardAttributes(a)).filter((name) => !FIELDS.some(([attribute]) => attribute === name));
  if (missing.length > 0) throw new Error(`the Lit floor does not read ${missing.join(', ')}`);
  floorTag = defineLitFloor('nw-bench-lit-card', {
    steps,
    sheets: hand.host.sheets,
    attributes: FIELDS,
    derive: (el) => derive(Object.fromEntries(FIELDS.map(([, field]) => [field, el[field]]))),
  });
  return { elements: elementCount(steps), sheets: hand.host.sheets.length, hostAttributes: hand.host.attributes.map(([name]) => name) };
}

export function runHandBuilt(list) {
  const make = () =>
    list.map((a) => {
      const { el, root } = handHost('nw-bench-card', hand.host);
      build(root, hand.steps, derive(a));
      return el;
    });
  return timeRun('', make, (host, i) => showsArticle(host, list[i]));
}

export function runLitFloor(list) {
  return timeRun('', () => list.map((a) => createWith(floorTag, cardAttributes(a))), (card, i) => showsArticle(card, list[i]));
}

export function runPlain(list) {
  const make = () =>
    list.map((a) => {
      const article = document.createElement('article');
      const img = document.createElement('img');
      img.src = a.image;
      img.alt = '';
      img.width = a.imageWidth;
      img.height = a.imageHeight;
      img.loading = 'lazy';
      img.decoding = 'async';
      const section = document.createElement('p');
      section.textContent = a.section;
      const h3 = document.createElement('h3');
      const link = document.createElement('a');
      link.href = a.href;
      link.textContent = a.headline;
      h3.append(link);
      const excerpt = document.createElement('p');
      excerpt.textContent = a.excerpt;
      const meta = document.createElement('p');
      const author = document.createElement('span');
      author.textContent = a.author;
      const date = new Date(a.published);
      const time = document.createElement('time');
      time.dateTime = date.toISOString();
      time.textContent = when(date);
      const minutes = document.createElement('span');
      minutes.textContent = `${a.readingTime} min read`;
      meta.append(author, time, minutes);
      article.append(img, section, h3, excerpt, meta);
      return article;
    });
  return timeRun('plain', make, (article, i) => article.querySelector('a').textContent === list[i].headline);
}

