/**
 * Server-rendered text in an article's language through the widgets' own catalogs, so the page says exactly
 * what the widgets say for the same thing (reading time, share network names).
 */
import { ensureCatalog, inLocale, uiLocaleFor } from '../../src/i18n/localize.js';

/** A page's own strings in the article's language: Arabic for Arabic articles, English for any other. */
export const stringsIn = <T>(lang: string, strings: { readonly ar: T; readonly en: T }): T =>
  lang.startsWith('ar') ? strings.ar : strings.en;

/** Runs `render` with the UI catalog for `lang` active: every `msg()` inside answers in that language. */
export async function inLanguage<T>(lang: string, render: () => T): Promise<T> {
  const locale = uiLocaleFor(lang);
  await ensureCatalog(locale);
  return inLocale(locale, render);
}
