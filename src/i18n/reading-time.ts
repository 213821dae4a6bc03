/**
 * Reading time from a word count (SPEC §4). Speeds in words a minute from the IReST study
 * (Trauzettel-Klosinski & Dietz 2012, "Standardized assessment of reading performance").
 */
import { baseLanguage } from './locale.js';

const WORDS_PER_MINUTE: Readonly<Record<string, number>> = {
  ar: 138,
  en: 228,
  fr: 195,
  de: 179,
  es: 218,
  it: 188,
  nl: 202,
  pl: 166,
  fi: 161,
  he: 187,
  ja: 193,
  zh: 158,
  pt: 181,
};
const DEFAULT_WORDS_PER_MINUTE = 184;

export function wordsPerMinute(tag: string): number {
  return WORDS_PER_MINUTE[baseLanguage(tag)] ?? DEFAULT_WORDS_PER_MINUTE;
}

/** Word-like segments by `Intl.Segmenter`, which knows languages written without spaces. */
export function countWords(text: string, tag: string): number {
  const segmenter = new Intl.Segmenter(tag, { granularity: 'word' });
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
  return words;
}

/** Minutes to read `words` words: ceil(words ÷ speed), at least 1; `undefined` for no usable count. */
export function readingMinutes(words: number, tag: string): number | undefined {
  if (!Number.isFinite(words) || words <= 0) return undefined;
  return Math.max(1, Math.ceil(words / wordsPerMinute(tag)));
}
