/**
 * CLDR plurals through `Intl.PluralRules`. `lit-localize` has no plural syntax, so a plural message is six
 * messages, one per CLDR category, with ids `<name>.<category>`; Arabic uses all six.
 */
import { pluralCategory } from './format.js';

export type PluralForms = Readonly<Record<Intl.LDMLPluralRule, () => string>>;

/** The form of `forms` that `count` takes in `tag`'s language. */
export function plural(count: number, tag: string, forms: PluralForms): string {
  return forms[pluralCategory(count, tag)]();
}
