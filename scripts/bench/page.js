/**
 * The measuring code of the render bench; it runs in the bench page (served at /bench/page.js), not in Node.
 * Each function returns `{ time, rendered }` so the caller can tell a fast run from one that rendered nothing.
 */
/* global document, window, requestAnimationFrame, customElements */

const defined = customElements.whenDefined('nw-article-card').then(() => performance.now());

async function runCards(list) {
  const container = document.createElement('div');
  document.body.append(container);
  const start = performance.now();
  const cards = [];
  for (const a of list) {
    const card = createCard(a);
    container.append(card);
    cards.push(card);
  }
  await Promise.all(cards.map((card) => card.updateComplete));
  void container.offsetHeight;
  const time = performance.now() - start;
  const rendered = cards.filter((card) => card.shadowRoot?.querySelector('h3 a')?.textContent === card.headline).length;
  container.remove();
  return { time, rendered };
}

async function runPlain(list) {
  const container = document.createElement('div');
  container.className = 'plain';
  document.body.append(container);
  const start = performance.now();
  const day = new Intl.DateTimeFormat('en', { dateStyle: 'long' });
  const recent = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const now = Date.now();
  let rendered = 0;
  for (const a of list) {
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
    const hours = Math.trunc((date.getTime() - now) / 3_600_000);
    time.textContent = Math.abs(hours) < 168 ? recent.format(hours, 'hour') : day.format(date);
    const minutes = document.createElement('span');
    minutes.textContent = `${a.readingTime} min read`;
    meta.append(author, time, minutes);
    article.append(img, section, h3, excerpt, meta);
    container.append(article);
    rendered++;
  }
  void container.offsetHeight;
  const time = performance.now() - start;
  container.remove();
  return { time, rendered };
}

/** One `<nw-article-card>` with every attribute of article `a` set, as a page would write it. */
function createCard(a) {
  const card = document.createElement('nw-article-card');
  card.setAttribute('headline', a.headline);
  card.setAttribute('excerpt', a.excerpt);
  card.setAttribute('section', a.section);
  card.setAttribute('image', a.image);
  card.setAttribute('image-width', String(a.imageWidth));
  card.setAttribute('image-height', String(a.imageHeight));
  card.setAttribute('author', a.author);
  card.setAttribute('published', a.published);
  card.setAttribute('reading-time', String(a.readingTime));
  card.setAttribute('href', a.href);
  return card;
}

async function firstCard(a) {
  const definedAt = await defined;
  const start = performance.now();
  const card = createCard(a);
  document.body.append(card);
  await card.updateComplete;
  void document.body.offsetHeight;
  const time = performance.now() - start;
  return { definedAt, time, rendered: card.shadowRoot?.querySelector('h3 a') ? 1 : 0 };
}

const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));

window.bench = { defined, runCards, runPlain, firstCard, settle };
