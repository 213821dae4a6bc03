/**
 * `Intl` formatting with a resolved tag, so `ar-EG` gives Arabic-Indic digits and `-u-ca-islamic-umalqura`
 * gives Hijri dates. Formatters are cached per tag: creating them dominates the cost of a render.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

export function formatNumber(value: number, tag: string): string {
  return cached(`n|${tag}`, () => new Intl.NumberFormat(tag)).format(value);
}

export function pluralCategory(value: number, tag: string): Intl.LDMLPluralRule {
  return cached(`p|${tag}`, () => new Intl.PluralRules(tag)).select(value);
}

/** A long date in the tag's calendar and numbering system: "29 November 2026", "٢٩ نوفمبر ٢٠٢٦". */
export function formatLongDate(date: Date, tag: string): string {
  return cached(`d|${tag}`, () => new Intl.DateTimeFormat(tag, { dateStyle: 'long' })).format(date);
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

export const RELATIVE_LIMIT_MS = 7 * 86_400_000;

/**
 * "2 hours ago" / "قبل ساعتين" within seven days of `now`, else a long date; `undefined` for an invalid date.
 */
export function formatPublished(date: Date, tag: string, now: number = Date.now()): string | undefined {
  const time = date.getTime();
  if (Number.isNaN(time)) return undefined;
  const diff = time - now;
  if (Math.abs(diff) >= RELATIVE_LIMIT_MS) return formatLongDate(date, tag);
  const rtf = cached(`r|${tag}`, () => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }));
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') return rtf.format(Math.trunc(diff / ms), unit);
  }
  return undefined;
}
