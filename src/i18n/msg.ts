/**
 * The `msg` and `str` every element writes its UI strings with. They have `@lit/localize`'s types, which is how
 * `lit-localize extract` recognises them, but they are this project's: `msg` looks the message up in the catalog
 * the rendering element made active (see localize.ts).
 */
import type { MsgFn, str as litStr } from '@lit/localize';
import { lookup } from './localize.js';

export const msg = lookup as MsgFn;

export const str = ((strings: TemplateStringsArray, ...values: unknown[]) => ({
  strTag: true as const,
  strings,
  values,
})) as typeof litStr;
