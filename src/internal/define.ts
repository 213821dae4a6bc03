import { VERSION } from './version.js';

type Versioned = CustomElementConstructor & { version?: string };

/**
 * Registers `tag` without ever throwing: the same or an equal-version copy of the element (two script tags,
 * or `news-widgets.js` beside `article-card.js`) is left alone silently; a different version already
 * registered gets one warning, and the first one stays.
 */
export function define(tag: string, element: Versioned): void {
  const existing = customElements.get(tag) as Versioned | undefined;
  if (!existing) {
    customElements.define(tag, element);
    return;
  }
  if (existing === element || existing.version === VERSION) return;
  console.warn(`news-widgets: <${tag}> ${VERSION} is not registered: ${existing.version ?? 'another version'} is defined.`);
}
