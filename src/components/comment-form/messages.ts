/** The form's one plural message, with all six Arabic plural forms (see `i18n/plural.ts` on `one`/`two`). */
import { msg, str } from '../../i18n/msg.js';
import { formatNumber } from '../../i18n/format.js';
import { plural } from '../../i18n/plural.js';

/** "The site is busy. Trying again in 2 seconds…": said while the form waits to send the comment again. */
export function busyText(seconds: number, tag: string): string {
  const n = formatNumber(seconds, tag);
  return plural(seconds, tag, {
    zero: () => msg(str`The site is busy. Trying again in ${n} seconds…`, { id: 'comment-form.status.busy.zero' }),
    one: () => msg('The site is busy. Trying again in 1 second…', { id: 'comment-form.status.busy.one' }),
    two: () => msg('The site is busy. Trying again in 2 seconds…', { id: 'comment-form.status.busy.two' }),
    few: () => msg(str`The site is busy. Trying again in ${n} seconds…`, { id: 'comment-form.status.busy.few' }),
    many: () => msg(str`The site is busy. Trying again in ${n} seconds…`, { id: 'comment-form.status.busy.many' }),
    other: () => msg(str`The site is busy. Trying again in ${n} seconds…`, { id: 'comment-form.status.busy.other' }),
  });
}
