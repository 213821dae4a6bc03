/** The count in words for a listing ("3 تعليقات" / "3 comments"), all six Arabic plural forms (see `i18n/plural.ts`). */
import { msg, str } from '../../i18n/msg.js';
import { formatNumber } from '../../i18n/format.js';
import { plural } from '../../i18n/plural.js';

/** The link's name when there is no number: while it loads, and after a failure. */
export const commentsLabel = (): string => msg('Comments', { id: 'comment-count.label' });

export function countWords(count: number, tag: string): string {
  const n = formatNumber(count, tag);
  const none = (): string => msg('No comments', { id: 'comment-count.zero' });
  // English and Arabic put 0 in different categories (`other`, `zero`); "No comments" reads better than "0 comments".
  if (count === 0) return none();
  return plural(count, tag, {
    zero: none,
    one: () => msg('1 comment', { id: 'comment-count.one' }),
    two: () => msg('2 comments', { id: 'comment-count.two' }),
    few: () => msg(str`${n} comments`, { id: 'comment-count.few' }),
    many: () => msg(str`${n} comments`, { id: 'comment-count.many' }),
    other: () => msg(str`${n} comments`, { id: 'comment-count.other' }),
  });
}

/**
 * The counts whose words are widest, one per plural form (and three digits): the width the element reserves
 * before its count arrives, so the count never moves what follows it.
 */
export const WIDEST = [0, 1, 2, 10, 99, 999] as const;
