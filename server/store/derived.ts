/** Values stored with a row, derived from its other columns, computed the same way for every database. */
import { createHash } from 'node:crypto';
import { countWords } from '../../src/i18n/reading-time.js';
import { textFromHtml } from '../html.js';

/**
 * The duplicate check's key for a comment's text: the first 48 bits of its SHA-1, a safe integer for SQLite.
 * Only narrows the search; the text is always compared as well, so collisions cost a row read, never a
 * wrong answer.
 */
export function contentHash(text: string): number {
  return createHash('sha1').update(text).digest().readUIntBE(0, 6);
}

/** Words of a post's HTML as the widgets count them (word-like segments in its language). */
export function postWords(html: string, lang: string): number {
  return countWords(textFromHtml(html), lang);
}
