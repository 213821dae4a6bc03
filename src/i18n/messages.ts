/**
 * Messages more than one element (and the demo server) use. Element-specific messages live beside the element.
 */
import { msg, str } from './msg.js';
import { formatNumber } from './format.js';
import { plural } from './plural.js';

/** "4 min read" / "4 دقائق للقراءة", with all six Arabic plural forms; `tag` is the formatting tag. */
export function readingTimeText(minutes: number, tag: string): string {
  const n = formatNumber(minutes, tag);
  return plural(minutes, tag, {
    zero: () => msg(str`${n} min read`, { id: 'reading-time.zero' }),
    one: () => msg('1 min read', { id: 'reading-time.one' }),
    two: () => msg('2 min read', { id: 'reading-time.two' }),
    few: () => msg(str`${n} min read`, { id: 'reading-time.few' }),
    many: () => msg(str`${n} min read`, { id: 'reading-time.many' }),
    other: () => msg(str`${n} min read`, { id: 'reading-time.other' }),
  });
}
