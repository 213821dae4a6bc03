/**
 * What a moderator can do to a comment in each tab, as WordPress's admin offers it, the keys for it (its
 * comment shortcuts: a approve, u unapprove, s spam, d trash, z restore/undo), and how an action is undone.
 */
import type { Status, Tab } from './moderation-api.js';

/** A status change, or `delete` (forever). */
export type Action = 'approve' | 'unapprove' | 'spam' | 'unspam' | 'trash' | 'restore' | 'delete';

/** Per tab, in the order the buttons appear. */
export const ACTIONS: Record<Tab, readonly Action[]> = {
  hold: ['approve', 'spam', 'trash'],
  approve: ['unapprove', 'spam', 'trash'],
  spam: ['unspam', 'delete'],
  trash: ['restore', 'delete'],
};

/**
 * The status an action asks for; `undefined` for delete forever. Restore and "not spam" ask WordPress for `untrash`
 * and `unspam`, which give back the status the comment had before (held when WordPress kept none): the status it
 * ends with is the one the answer says.
 */
export const TARGET: Record<Action, Status | 'untrash' | 'unspam' | undefined> = {
  approve: 'approved',
  unapprove: 'hold',
  spam: 'spam',
  unspam: 'unspam',
  trash: 'trash',
  restore: 'untrash',
  delete: undefined,
};

/** WordPress's comment shortcuts (Users → Profile → Keyboard Shortcuts), each bound where the tab has the action. */
const KEYS: Record<string, readonly Action[]> = { a: ['approve', 'unspam'], u: ['unapprove'], s: ['spam'], d: ['trash'], z: ['restore'] };

/** The action key `key` stands for in `tab`, if any. */
export function actionForKey(key: string, tab: Tab): Action | undefined {
  return KEYS[key.toLowerCase()]?.find((action) => ACTIONS[tab].includes(action));
}

/** One comment's change, as `nw-moderate` reports it: `to` is `deleted` for delete forever. */
export interface Change {
  id: number;
  from: Status;
  to: Status | 'deleted';
}

/** A change as asked for: `to` may be `untrash` or `unspam`, which the answer turns into a status. */
export interface Request {
  id: number;
  from: Status;
  to: Status | 'deleted' | 'untrash' | 'unspam';
}

/** The changes that undo `changes` (each back to where it came from); delete forever cannot be undone. */
export function undoOf(changes: readonly Change[]): Change[] {
  return changes.filter((c): c is Change & { to: Status } => c.to !== 'deleted').map(({ id, from, to }) => ({ id, from: to, to: from }));
}

/** The next index when moving with `key` through `length` rows from `index` (j/ArrowDown down, k/ArrowUp up, Home, End). */
export function moveIndex(key: string, index: number, length: number): number | undefined {
  if (!length) return undefined;
  if (key === 'j' || key === 'ArrowDown') return Math.min(index + 1, length - 1);
  if (key === 'k' || key === 'ArrowUp') return Math.max(index - 1, 0);
  if (key === 'Home') return 0;
  if (key === 'End') return length - 1;
  return undefined;
}
