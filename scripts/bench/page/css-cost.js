/**
 * The measuring code of the CSS-cost bench; it runs in the bench page (served at /bench/css-cost-page.js), not
 * in Node. It copies the shadow DOM of real `<nw-article-card>`s, then times style + layout of 1,000 such copies
 * in shadow roots that adopt the card's own style sheet text, as is or with one rule removed or replaced.
 */
/* global document, window, requestAnimationFrame, customElements, CSSStyleSheet, CSSStyleRule, CSSGroupingRule */

const ready = customElements.whenDefined('nw-article-card');

/** What capture() took, by name: kept in the page rather than sent to Node and back for every run. */
const captured = new Map();

/** Lit's part markers are comments; they cost nothing to style, and copies are plain DOM anyway. */
const withoutComments = (markup) => markup.replace(/<!--[^]*?-->/g, '');

/**
 * Renders one real card per article (attributes as a page writes them) and returns each one's shadow DOM as
 * markup, plus the card's style sheet texts in order, under `name`. Cards with `src` are captured in their first render,
 * while they wait for the viewport: the reserved, loading state.
 */
async function capture(name, articles, attributes = {}) {
  await ready;
  const host = document.createElement('div');
  document.body.append(host);
  const cards = articles.map((article) => {
    const card = document.createElement('nw-article-card');
    for (const [name, value] of Object.entries({ ...article, ...attributes })) card.setAttribute(name, String(value));
    host.append(card);
    return card;
  });
  await Promise.all(cards.map((card) => card.updateComplete));
  const markup = cards.map((card) => withoutComments(card.shadowRoot.innerHTML));
  host.remove();
  const styles = customElements.get('nw-article-card').elementStyles.map((style) => style.cssText);
  captured.set(name, { markup, styles });
  return { cards: markup.length, bytes: markup.reduce((sum, html) => sum + html.length, 0) };
}


/** A selector list as a comparable key: browsers and minifiers differ in spaces, order and a `*` before `::`. */
const selectorKey = (selector) =>
  selector
    .split(',')
    .map((part) => part.replace(/\s+/g, '').replace(/\*(?=:)/g, ''))
    .sort()
    .join(',');

function* styleRules(rules) {
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule) yield rule;
    else if (rule instanceof CSSGroupingRule) yield* styleRules(rule.cssRules);
  }
}

/**
 * One style sheet per text, edited: `text` rewrites the source first (`[pattern, replacement]`), then each
 * `rules` entry `{ selector, set?: { property: value | null }, remove?: true }` edits every style rule whose
 * selector list is `selector` (spaces and order ignored), also inside @media. An edit that finds no rule or no
 * declaration throws, so a variant cannot silently measure the unchanged sheet. `append` adds rules at the end
 * of the card's own sheet. `unstyled` adopts no sheet at
 * all: the floor of the structure itself.
 */
function sheetsFor(styles, variant) {
  if (variant.unstyled) return [];
  for (const [pattern] of variant.text ?? []) {
    if (!styles.some((style) => new RegExp(pattern).test(style))) throw new Error(`${variant.name}: no ${pattern} in the card's styles`);
  }
  return styles.map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync((variant.text ?? []).reduce((source, [pattern, by]) => source.replace(new RegExp(pattern, 'g'), by), text));
    return sheet;
  });
}

function applyRuleEdits(sheets, variant) {
  for (const rule of variant.append ?? []) sheets.at(-1).insertRule(rule, sheets.at(-1).cssRules.length);
  for (const edit of variant.rules ?? []) {
    let found = 0;
    for (const sheet of sheets) {
      const matches = [...styleRules(sheet.cssRules)].filter((rule) => selectorKey(rule.selectorText) === selectorKey(edit.selector));
      for (const rule of matches) {
        if (edit.remove) {
          const list = rule.parentRule ?? rule.parentStyleSheet;
          list.deleteRule([...list.cssRules].indexOf(rule));
          found++;
          continue;
        }
        for (const [property, value] of Object.entries(edit.set ?? {})) {
          const had = rule.style.getPropertyValue(property) !== '';
          if (value === null) {
            if (had) found++;
            rule.style.removeProperty(property);
          } else {
            rule.style.setProperty(property, value);
            if (rule.style.getPropertyValue(property) === '') {
              throw new Error(`${variant.name}: ${property}: ${value} is not valid in this browser`);
            }
            found++;
          }
        }
      }
    }
    if (found === 0) throw new Error(`${variant.name}: nothing to edit in ${edit.selector}`);
  }
}

/** The cards as the variant sees them: hosts with open shadow roots, all rendered, in a connected container kept unstyled. */
function build(markup, sheets) {
  const container = document.createElement('div');
  container.style.display = 'none';
  for (const html of markup) {
    const host = document.createElement('div');
    // Every copy laid out, as cards in view are: content-visibility would skip those off screen, and the
    // rules' cost with them (the page's style on a host wins over its :host rules).
    host.style.contentVisibility = 'visible';
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheets;
    root.innerHTML = html;
    container.append(host);
  }
  document.body.append(container);
  return container;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * Times one run: the copies are in the document but `display: none` (a subtree that is never styled), so the
 * clock covers showing them, which is style + layout, and nothing of building them. `forced`: until
 * `offsetHeight` returns; `frame`: until the next frame has been rendered (style, layout and paint of what is
 * in the viewport).
 */
async function run(name, variant, mode) {
  const { markup, styles } = captured.get(name);
  const sheets = sheetsFor(styles, variant);
  applyRuleEdits(sheets, variant);
  const container = build(markup, sheets);
  // Chromium with --expose-gc; Firefox collects on its own schedule.
  globalThis.gc?.();
  await nextFrame();
  const start = performance.now();
  container.style.display = '';
  if (mode === 'forced') void container.offsetHeight;
  else await nextFrame();
  const time = performance.now() - start;
  const height = container.offsetHeight;
  const laidOut = [...container.children].filter((host) => host.shadowRoot.childElementCount > 0 && host.offsetHeight > 0).length;
  container.remove();
  await nextFrame();
  return { time, height, laidOut };
}

/** Whether the browser takes a declaration, for variants only some browsers can measure. */
const supports = (property, value) => globalThis.CSS?.supports(property, value) ?? false;

window.cssCost = { ready, capture, run, supports };
