/**
 * What every contestant of the render bench shares: the same end point, the same phases, and building "the
 * same DOM by hand" from a rendered element. Runs in the bench page, not in Node.
 */
/* global document, requestAnimationFrame, Node */

/**
 * Resolves in the first task after the next frame has been produced, with the time that frame's work began
 * (its animation-frame callbacks). `content-visibility: auto` decides what to render in that frame, so a
 * forced layout alone is not the end of a render.
 */
export function nextFrame() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const began = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(began);
      };
      channel.port2.postMessage(undefined);
    }),
  );
}

/**
 * Ends a run the same way for every contestant: a forced style + layout (`offsetHeight`), then the next frame.
 * `marks` are the times the contestant's phases ended (`start`, `created`, `appended`, `rendered`). The idle wait
 * for the next vsync (0–16.7 ms, the same whatever was rendered) is not counted: it would only add noise.
 */
export async function finish(container, marks) {
  void container.offsetHeight;
  const laidOut = performance.now();
  const frameBegan = await nextFrame();
  const end = performance.now();
  const phases = {
    create: marks.created - marks.start,
    append: marks.appended - marks.created,
    render: marks.rendered - marks.appended,
    layout: laidOut - marks.rendered,
    frame: end - frameBegan,
  };
  return { phases, time: Object.values(phases).reduce((sum, value) => sum + value, 0), idle: frameBegan - laidOut };
}

/**
 * One run of a contestant: `make()` builds its items (the create phase), they are appended to a fresh container
 * of class `className` (append), elements with an `updateComplete` are awaited (render), then finish(). `shows(item,
 * i)` tells whether item i shows its content; `before(items)`, if given, runs before the container goes and its
 * result joins the run's.
 */
export async function timeRun(className, make, shows, before = () => ({})) {
  const container = grid(className);
  const marks = { start: performance.now() };
  const items = make();
  marks.created = performance.now();
  for (const item of items) container.append(item);
  marks.appended = performance.now();
  if (items[0]?.updateComplete) {
    await Promise.all(items.map((item) => item.updateComplete));
    marks.rendered = performance.now();
  } else {
    marks.rendered = marks.appended;
  }
  const result = await finish(container, marks);
  const rendered = items.filter(shows).length;
  const extra = before(items);
  container.remove();
  return { ...result, ...extra, rendered };
}

/** A fresh container in the page's front-page grid. */
export function grid(className = '') {
  const container = document.createElement('div');
  container.className = `grid ${className}`.trim();
  document.body.append(container);
  return container;
}

/** Lets the page settle between runs: a frame, then a pause for the collector. */
export const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));

const HTML = 'http://www.w3.org/1999/xhtml';

/**
 * The steps that build `parent`'s children again with createElement/setAttribute/append: elements with their
 * attributes, text, and no comments (Lit's markers). `pick` maps what varies from item to item to a function
 * of the item: `text(node)` for a text node, `attribute(element, attr)` for an attribute; `slot(element)` names
 * an element the contestant builds itself (a comment's sanitized content, a thread of replies).
 */
export function recipe(parent, pick = {}) {
  const steps = [];
  for (const node of parent.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      steps.push({ text: pick.text?.(node) ?? node.data });
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const slot = pick.slot?.(node);
      const attributes = [...node.attributes].map((attr) => [attr.name, pick.attribute?.(node, attr) ?? attr.value]);
      if (slot) steps.push({ slot, tag: node.localName, attributes });
      else {
        const ns = node.namespaceURI === HTML ? undefined : node.namespaceURI;
        steps.push({ tag: node.localName, ns, attributes, children: recipe(node, pick) });
      }
    }
  }
  return steps;
}

/** Creates the element of a recipe step (attributes set, no children) for `item`. */
export function element(step, item) {
  const el = step.ns ? document.createElementNS(step.ns, step.tag) : document.createElement(step.tag);
  for (const [name, value] of step.attributes) el.setAttribute(name, typeof value === 'function' ? value(item) : value);
  return el;
}

/** Appends what `steps` build for `item` to `parent`; a slot step calls `slots[name](step, item, parent)`. */
export function build(parent, steps, item, slots = {}) {
  for (const step of steps) {
    if ('text' in step) parent.append(typeof step.text === 'function' ? step.text(item) : step.text);
    else if (step.slot) slots[step.slot]?.(step, item, parent);
    else {
      const el = element(step, item);
      build(el, step.children, item, slots);
      parent.append(el);
    }
  }
}

/** How many elements `steps` create for one item (slots not counted). */
export function elementCount(steps) {
  return steps.reduce((sum, step) => sum + (step.children ? 1 + elementCount(step.children) : 0), 0);
}

/**
 * What a rendered element's host looks like to its style sheets: its attributes but those the page wrote
 * (`written`), so reflected ones such as `layout` or `mode` are copied; and the sheets it adopted.
 */
export function hostOf(el, written = []) {
  const attributes = [...el.attributes].filter((attr) => !written.includes(attr.name)).map((attr) => [attr.name, attr.value]);
  const sheets = [...el.shadowRoot.adoptedStyleSheets];
  if (sheets.length === 0 && !el.shadowRoot.querySelector('style')) throw new Error(`<${el.localName}> has no style sheets to copy`);
  return { attributes, sheets };
}

/** A host for a hand-built copy: an element no one defined, with `host`'s attributes and sheets in an open shadow root. */
export function handHost(tag, host) {
  const el = document.createElement(tag);
  for (const [name, value] of host.attributes) el.setAttribute(name, value);
  const root = el.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = host.sheets;
  return { el, root };
}

const longDate = new Intl.DateTimeFormat('en', { dateStyle: 'long' });
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** A date as a hand-written page would show it: relative within a week, else a long date (the elements' rule). */
export function when(date, now = Date.now()) {
  const diff = date.getTime() - now;
  if (Math.abs(diff) >= 7 * 86_400_000) return longDate.format(date);
  const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? UNITS[3];
  return relative.format(Math.trunc(diff / ms), unit);
}
