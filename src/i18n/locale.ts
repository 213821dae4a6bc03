/**
 * Language and direction resolution (SPEC §3). Pure functions over tags and the DOM tree; no element state.
 */

/** Languages written right to left (ISO 639 base subtags). */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

export type Direction = 'ltr' | 'rtl';

/** The canonical form of a BCP 47 tag, or `undefined` when the value is empty or not a valid tag. */
export function canonicalTag(raw: string | null | undefined): string | undefined {
  const value = raw?.trim();
  if (!value || value.length > 200) return undefined;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

/** The base language subtag of a canonical tag: `ar-EG-u-nu-arab` → `ar`. */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

export function isRtlLanguage(tag: string): boolean {
  return RTL_LANGUAGES.has(baseLanguage(tag));
}

export function directionOf(tag: string): Direction {
  return isRtlLanguage(tag) ? 'rtl' : 'ltr';
}

/** An element's own `dir` when it is `ltr` or `rtl`. */
export function readDir(el: Element): Direction | undefined {
  const dir = el.getAttribute('dir')?.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : undefined;
}

/** The element's own `lang` and `dir` attributes, validated. */
export function ownLanguage(el: Element): { lang: string | undefined; dir: Direction | undefined } {
  return { lang: canonicalTag(el.getAttribute('lang')), dir: readDir(el) };
}

const SCRIPT_LANGUAGES: ReadonlyArray<[RegExp, string]> = [
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
];

/**
 * The language a text's script implies, when most of its letters are Arabic or Hebrew script.
 * Used for WordPress posts, which carry no language of their own.
 */
export function languageFromScript(text: string): string | undefined {
  const sample = text.slice(0, 2000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return undefined;
  for (const [pattern, lang] of SCRIPT_LANGUAGES) {
    const count = sample.match(pattern)?.length ?? 0;
    if (count / letters > 0.5) return lang;
  }
  return undefined;
}
