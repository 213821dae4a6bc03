import { fixture, html } from '@open-wc/testing';
import '../../../src/share-button.js';
import type { NwShareButton } from '../../../src/share-button.js';

export interface Direction {
  name: string;
  dir: 'rtl' | 'ltr';
  lang: 'ar' | 'en';
}

/** Every behaviour is checked inside an Arabic RTL page section and an English LTR one. */
export const DIRECTIONS: readonly Direction[] = [
  { name: 'Arabic RTL', dir: 'rtl', lang: 'ar' },
  { name: 'English LTR', dir: 'ltr', lang: 'en' },
];

/** Expected UI strings per language. */
export const TEXT = {
  ar: {
    share: 'شارك',
    heading: 'شارك المقال',
    copied: 'تم نسخ الرابط',
    failed: 'تعذّر نسخ الرابط',
    copy: 'انسخ الرابط',
    onWhatsapp: 'شارك على واتساب',
    onX: 'شارك على إكس',
    whatsapp: 'واتساب',
  },
  en: {
    share: 'Share',
    heading: 'Share this article',
    copied: 'Link copied',
    failed: "Couldn't copy the link",
    copy: 'Copy link',
    onWhatsapp: 'Share on WhatsApp',
    onX: 'Share on X',
    whatsapp: 'WhatsApp',
  },
} as const;

/** A share button with `attributes`, inside `<div dir lang>`, rendered. */
export async function mount(direction: Direction, attributes: Record<string, string | true> = {}): Promise<NwShareButton> {
  const wrapper = await fixture<HTMLElement>(html`<div dir=${direction.dir} lang=${direction.lang}></div>`);
  const el = document.createElement('nw-share-button');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value === true ? '' : value);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T =>
  el.shadowRoot!.querySelector<T>(selector)!;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

export const trigger = (el: NwShareButton) => $<HTMLButtonElement>(el, '[part="trigger"]');
export const menu = (el: NwShareButton) => $<HTMLElement>(el, '[part="menu"]');
export const items = (el: NwShareButton) => $$<HTMLElement>(el, '[part~="item"]');
export const status = (el: NwShareButton) => $(el, '[role="status"]').textContent!.trim();
export const focused = (el: NwShareButton) => el.shadowRoot!.activeElement;

export interface Navigation {
  href: string;
  target: string;
  /** Whether the element (or a `nw-share` listener) had already stopped the link. */
  prevented: boolean;
}

/**
 * Records every link click that reaches the window and stops it, so no test ever navigates away (the machine has
 * no internet, and a test page must never leave). Returns the log and a function that removes the guard.
 */
export function guardNavigation(): { log: Navigation[]; restore: () => void } {
  const log: Navigation[] = [];
  const listener = (event: Event): void => {
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link) return;
    log.push({ href: link.href, target: link.target, prevented: event.defaultPrevented });
    event.preventDefault();
  };
  window.addEventListener('click', listener);
  return { log, restore: () => window.removeEventListener('click', listener) };
}

/** Replaces `navigator[name]` for one test; returns the function that puts it back. */
export function stubNavigator(name: 'share' | 'canShare', value: unknown): () => void {
  const had = Object.prototype.hasOwnProperty.call(navigator, name);
  const previous = Object.getOwnPropertyDescriptor(navigator, name);
  Object.defineProperty(navigator, name, { value, configurable: true, writable: true });
  return () => {
    if (had && previous) Object.defineProperty(navigator, name, previous);
    else delete (navigator as unknown as Record<string, unknown>)[name];
  };
}
