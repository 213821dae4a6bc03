/**
 * Per-element UI language on top of `@lit/localize`.
 *
 * `@lit/localize` keeps one page-wide locale, but an Arabic card on an English partner page must speak Arabic
 * while its neighbours speak English. Messages are still written with `msg()` and translated through
 * `lit-localize extract`/`build` and XLIFF; what changes is the lookup: `msg()` reads the catalog that is
 * *active*, and an element makes its own catalog active for the duration of its (synchronous) render.
 * Catalogs other than the source locale load on demand, once, and are shared by every element.
 *
 * `msg` and `str` themselves are this project's (see msg.ts), typed as `@lit/localize`'s so its extractor
 * still finds every message: no `@lit/localize` code ships, and a host page that configures `@lit/localize`
 * for itself cannot collide with the widgets.
 */
import type { MsgOptions, TemplateLike, TemplateMap } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { baseLanguage } from './locale.js';

export type UiLocale = typeof sourceLocale | (typeof targetLocales)[number];

/** One loader per target locale, written out so bundlers see each import (a template-literal import 404s). */
const loaders: Record<(typeof targetLocales)[number], () => Promise<{ templates: TemplateMap }>> = {
  ar: () => import('../generated/locales/ar.js'),
};

const catalogs = new Map<UiLocale, TemplateMap>();
const pending = new Map<UiLocale, Promise<void>>();
let active: TemplateMap | undefined;

/** The source's text with its values, in the order a translation gives (`order[i]` indexes `values`). */
function join(strings: readonly string[], values: readonly unknown[], order?: readonly unknown[]): string {
  return strings.reduce((text, part, i) => text + String(values[order ? Number(order[i - 1]) : i - 1]) + part);
}

/**
 * `msg()` against the active catalog. Every message here has an explicit id, so unlike `@lit/localize`'s own
 * runtime this needs no id hashing; messages are plain strings or `str` templates (a translated `str`
 * carries the indices of the source's values in its `values`).
 */
export function lookup(template: TemplateLike, options?: MsgOptions): TemplateLike {
  const translated = options?.id ? active?.[options.id] : undefined;
  if (typeof template === 'string' || !('strTag' in template)) return translated ?? template;
  if (typeof translated === 'string') return translated;
  return translated && 'strTag' in translated
    ? join(translated.strings, template.values, translated.values)
    : join(template.strings, template.values);
}

/** The UI locale for a resolved tag: its base language when translated, else the source locale. */
export function uiLocaleFor(tag: string): UiLocale {
  const base = baseLanguage(tag);
  return (targetLocales as readonly string[]).includes(base) ? (base as UiLocale) : sourceLocale;
}

/**
 * The tag to format numbers and dates with inside UI strings: the resolved tag when the UI speaks its language
 * (`ar-EG` keeps its digits), else the UI locale (a `fr` page gets English strings with English numbers).
 */
export function formatTag(tag: string): string {
  const ui = uiLocaleFor(tag);
  return ui === baseLanguage(tag) ? tag : ui;
}

/**
 * Makes sure the catalog for `locale` is loaded. Returns `undefined` when it already is (or is the source),
 * else a promise that settles when it is; a catalog that fails to load leaves the source strings in use.
 */
export function ensureCatalog(locale: UiLocale): Promise<void> | undefined {
  if (locale === sourceLocale || catalogs.has(locale)) return undefined;
  let loading = pending.get(locale);
  if (!loading) {
    loading = loaders[locale]().then(
      (module) => void catalogs.set(locale, module.templates),
      () => void pending.delete(locale),
    );
    pending.set(locale, loading);
  }
  return loading;
}

/** Runs `fn` with the catalog of `locale` active, so every `msg()` inside it answers in that locale. */
export function inLocale<T>(locale: UiLocale, fn: () => T): T {
  const previous = active;
  active = catalogs.get(locale);
  try {
    return fn();
  } finally {
    active = previous;
  }
}
