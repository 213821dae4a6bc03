/**
 * What elements inherit from their ancestors' `lang` and `dir` (SPEC §3), read once per ancestor: what each
 * ancestor passes on is remembered, so 1,000 cards under one section read that section's ancestry once (one
 * `Intl.getCanonicalLocales` per `lang` on the way, not one per card), and every element on a page resolves
 * again only when a `lang` or `dir` changes.
 *
 * The memory is forgotten when a `lang`/`dir` attribute changes anywhere watched (one MutationObserver over
 * the document and every shadow root the walks cross, read synchronously before each resolution) and when a
 * watched element disconnects. That second rule keeps it right when the tree changes: an ancestor is only
 * remembered because a watched element inside it connected, and no ancestor can move without that element
 * disconnecting first.
 */
import { canonicalTag, type Direction, readDir } from '../i18n/locale.js';

export interface Inherited {
  /** The nearest ancestor's valid `lang`, else `undefined`. */
  lang?: string;
  /** The nearest ancestor's `dir` (`ltr`/`rtl`), else `undefined`. */
  dir?: Direction;
}

export interface LanguageWatcher extends Element {
  /** Re-reads the element's language and direction. */
  resolveLanguage(): void;
}

const NOTHING: Inherited = {};
const watchers = new Set<LanguageWatcher>();
const observedRoots = new WeakSet<Node>();
let passed = new WeakMap<Element, Inherited>();
let observer: MutationObserver | undefined;

function changed(): void {
  passed = new WeakMap();
  watchers.forEach((el) => el.resolveLanguage());
}

function observe(root: Node): void {
  if (observedRoots.has(root)) return;
  observer ??= new MutationObserver(changed);
  observer.observe(root, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
  observedRoots.add(root);
}

/** The parent in the flattened ancestry (through shadow roots to their hosts); each crossed root is watched. */
function parentOf(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  if (!(root instanceof ShadowRoot)) return null;
  observe(root);
  return root.host;
}

/** What `node` and its ancestors pass on to `node`'s descendants (recursive: as deep as the tree). */
function passedOn(node: Element | null): Inherited {
  if (!node) return NOTHING;
  let found = passed.get(node);
  if (!found) {
    const above = passedOn(parentOf(node));
    const lang = canonicalTag(node.getAttribute('lang'));
    const dir = readDir(node);
    found = lang || dir ? { lang: lang ?? above.lang, dir: dir ?? above.dir } : above;
    passed.set(node, found);
  }
  return found;
}

/** Starts resolving `el` again whenever a `lang` or `dir` changes; call from `connectedCallback`. */
export function watch(el: LanguageWatcher): void {
  watchers.add(el);
  observe(document.documentElement);
}

/** Stops it; call from `disconnectedCallback`. */
export function unwatch(el: LanguageWatcher): void {
  watchers.delete(el);
  passed = new WeakMap();
}

/** What `el` inherits from its ancestors, crossing shadow boundaries; `el` itself is not read. */
export function inheritedFrom(el: Element): Inherited {
  // Changes made earlier in this task are applied first, so an element appended right after them sees them.
  if (observer?.takeRecords().length) changed();
  return passedOn(parentOf(el));
}
