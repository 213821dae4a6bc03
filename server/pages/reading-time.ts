/**
 * The reading-time label computed by the widgets' own code (word count, speeds, plural messages), so the
 * server-rendered page says exactly what an `<nw-article-card>` would say for the same text.
 */
import { ensureCatalog, inLocale, uiLocaleFor } from '../../src/i18n/localize.js';
import { readingTimeText } from '../../src/i18n/messages.js';
import { countWords, readingMinutes } from '../../src/i18n/reading-time.js';

export async function readingTimeLabel(text: string, lang: string): Promise<string> {
  const minutes = readingMinutes(countWords(text, lang), lang) ?? 1;
  const locale = uiLocaleFor(lang);
  await ensureCatalog(locale);
  return inLocale(locale, () => readingTimeText(minutes, lang));
}
