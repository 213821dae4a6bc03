/** The comment count in words, with all six Arabic plural forms (see `i18n/plural.ts` on `one`/`two`). */
import { msg, str } from '../../i18n/msg.js';
import { formatNumber } from '../../i18n/format.js';
import { plural } from '../../i18n/plural.js';

export function commentCountText(count: number, tag: string): string {
  const n = formatNumber(count, tag);
  const none = (): string => msg('No comments yet', { id: 'comment-list.count.zero' });
  if (count === 0) return none();
  return plural(count, tag, {
    zero: none,
    one: () => msg('1 comment', { id: 'comment-list.count.one' }),
    two: () => msg('2 comments', { id: 'comment-list.count.two' }),
    few: () => msg(str`${n} comments`, { id: 'comment-list.count.few' }),
    many: () => msg(str`${n} comments`, { id: 'comment-list.count.many' }),
    other: () => msg(str`${n} comments`, { id: 'comment-list.count.other' }),
  });
}
