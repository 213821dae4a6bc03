/**
 * `<nw-comment-list>` loading every page of an article's comments from the bench's WordPress-like API, against
 * the same markup and sheets built by hand in a shadow root from the same requests. Both wait until the list
 * is near the viewport, fetch the same pages one after the other, parse the JSON, sanitize each comment's HTML
 * with `Element.setHTML` and the list's allow-list, thread the replies and format the dates; the element also
 * validates each item, re-renders the whole list after each page, and its "Load more" button is clicked as
 * soon as it shows.
 */
/* global document, Element, IntersectionObserver, MutationObserver */
import { build, element, elementCount, finish, handHost, hostOf, recipe, when } from './measure.js';

const ENDPOINT = '/wp-json/wp/v2/comments';
const PAGE_TIMEOUT_MS = 20_000;

// The list's allow-list (src/components/comment-list/sanitize.ts), for the hand-built contestant.
const ELEMENTS = ['p', 'br', 'a', 'strong', 'em', 'blockquote', 'code', 'ul', 'ol', 'li'];
const UNWRAP = ['b', 'i', 'u', 's', 'span', 'div', 'font', 'small', 'sub', 'sup', 'del', 'ins', 'q', 'cite', 'abbr',
  'mark', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'section', 'article', 'header', 'footer', 'dl', 'dt', 'dd'];
const SANITIZER = {
  sanitizer: {
    elements: ELEMENTS.map((name) => (name === 'a' ? { name, attributes: ['href'] } : name)),
    replaceWithChildrenElements: UNWRAP,
    attributes: [],
    comments: false,
  },
};

export const sanitizerApi = () => typeof Element.prototype.setHTML === 'function';

const createList = ({ post, perPage }) => {
  const list = document.createElement('nw-comment-list');
  list.setAttribute('endpoint', ENDPOINT);
  list.setAttribute('post-id', String(post));
  list.setAttribute('per-page', String(perPage));
  return list;
};

const shownComments = (root) => root.querySelectorAll('article[id^="comment-"]').length;

/** Resolves once the list's `aria-busy` goes from `true` back to `false`: a page has arrived and rendered. */
function pageLoaded(list) {
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver((records) => {
      if (!records.some((r) => r.oldValue === 'true' && r.target.getAttribute('aria-busy') === 'false')) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`<nw-comment-list> did not finish loading a page within ${PAGE_TIMEOUT_MS / 1000} s`));
    }, PAGE_TIMEOUT_MS);
    observer.observe(list.shadowRoot, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true, subtree: true });
  });
}

function container() {
  const box = document.createElement('div');
  box.className = 'comments';
  document.body.append(box);
  return box;
}

let reference;

export async function runList({ post, perPage, total }) {
  const box = container();
  const marks = { start: performance.now() };
  const list = createList({ post, perPage });
  marks.created = performance.now();
  box.append(list);
  marks.appended = performance.now();
  for (;;) {
    await pageLoaded(list);
    const more = list.shadowRoot.querySelector('[part~="more"]');
    if (!more || shownComments(list.shadowRoot) >= total) break;
    more.click();
  }
  await list.updateComplete;
  marks.rendered = performance.now();
  const result = await finish(box, marks);
  const rendered = shownComments(list.shadowRoot);
  reference = list;
  box.remove();
  return { ...result, rendered };
}

let hand;

/**
 * Takes the hand-built copy from the list the last `runList` rendered: its host and sheets, the section around
 * the comments, the thread list, and one comment with and one without a link to its author's site, where the
 * comment's id, author, URL and date become each comment's.
 */
export function prepareHandBuilt() {
  const root = reference.shadowRoot;
  const authorLink = (li) => li.querySelector(':scope > article [part~="author"] a');
  const top = root.querySelector('ol');
  const section = recipe(root, { slot: (el) => (el === top ? 'threads' : undefined) });
  const comment = (li) => {
    const article = li.querySelector(':scope > article');
    const id = article.id.slice('comment-'.length);
    const name = article.querySelector('[part~="author"]').textContent.trim();
    const link = authorLink(li)?.getAttribute('href');
    const datetime = article.querySelector('time')?.getAttribute('datetime');
    const children = recipe(li, {
      slot: (el) => (el.localName === 'ol' && el.parentElement === li ? 'replies' : el.matches('[part~="content"]') ? 'content' : undefined),
      text: (node) => (node.parentElement.localName === 'time' ? (c) => c.when : node.data.trim() === name ? (c) => c.author_name : undefined),
      attribute: (_, attr) => {
        if (attr.value.endsWith(`-${id}`)) {
          const prefix = attr.value.slice(0, -id.length);
          return (c) => prefix + c.id;
        }
        if (attr.value === link) return (c) => c.author_url;
        if (attr.value === datetime) return (c) => c.iso;
        return undefined;
      },
    });
    return [{ tag: 'li', attributes: [...li.attributes].map((attr) => [attr.name, attr.value]), children }];
  };
  const items = [...root.querySelectorAll('li')].filter((li) => li.querySelector(':scope > article'));
  const linked = items.find(authorLink);
  const unlinked = items.find((li) => !authorLink(li));
  if (!linked || !unlinked || !top) throw new Error('the rendered <nw-comment-list> lacks a thread or a comment with and without an author link');
  const thread = { tag: 'ol', attributes: [...top.attributes].map((attr) => [attr.name, attr.value]) };
  hand = { host: hostOf(reference, ['endpoint', 'post-id', 'per-page']), section, thread, linked: comment(linked), unlinked: comment(unlinked) };
  return { elements: elementCount(hand.section) + elementCount(hand.linked), sheets: hand.host.sheets.length };
}

/** The same requests as the list: `fetchComments` in src/components/comment-form/comments-api.ts. */
async function fetchPage(post, page, perPage) {
  const url = new URL(ENDPOINT, document.baseURI);
  for (const [name, value] of Object.entries({ post, per_page: perPage, page, order: 'asc' })) url.searchParams.set(name, String(value));
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return { items: await response.json(), pages: Number(response.headers.get('X-WP-TotalPages')) };
}

const nearViewport = (el) =>
  new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        resolve();
      },
      { rootMargin: '400px' },
    );
    observer.observe(el);
  });

export async function runHandBuilt({ post, perPage }) {
  const box = container();
  const marks = { start: performance.now() };
  const { el, root } = handHost('nw-bench-comments', hand.host);
  let threads;
  build(root, hand.section, undefined, {
    threads: (_, __, parent) => parent.append((threads = element(hand.thread))),
  });
  marks.created = performance.now();
  box.append(el);
  marks.appended = performance.now();
  await nearViewport(el);
  const items = new Map();
  const slots = {
    content: (step, c, parent) => {
      const content = element(step, c);
      content.setHTML(c.content.rendered, SANITIZER);
      for (const a of content.querySelectorAll('a')) a.rel = 'nofollow ugc noopener';
      parent.append(content);
    },
  };
  for (let page = 1, pages = 1; page <= pages; page++) {
    const answer = await fetchPage(post, page, perPage);
    pages = answer.pages;
    for (const c of answer.items) {
      const date = new Date(`${c.date_gmt}Z`);
      const item = { ...c, iso: date.toISOString(), when: when(date) };
      const li = document.createDocumentFragment();
      build(li, c.author_url ? hand.linked : hand.unlinked, item, slots);
      const node = li.firstElementChild;
      const parent = items.get(c.parent);
      if (parent) {
        parent.replies ??= parent.node.appendChild(element(hand.thread));
        parent.replies.append(node);
      } else {
        threads.append(node);
      }
      items.set(c.id, { node });
    }
  }
  marks.rendered = performance.now();
  const result = await finish(box, marks);
  const rendered = shownComments(root);
  box.remove();
  return { ...result, rendered };
}
