/**
 * CLDR plurals through `Intl.PluralRules`. `lit-localize` has no plural syntax, so a plural message is six
 * messages, one per CLDR category, with ids `<name>.<category>`; Arabic uses all six.
 *
 * In Arabic and English the `one` and `two` categories hold exactly 1 and 2, and Arabic words them without a
 * numeral ("دقيقة واحدة", "دقيقتان"). lit-localize requires a translation to keep every placeholder of its
 * source, so those two source messages carry no number; a language whose `one` covers 21 or 31 needs them
 * to take one.
 */
import { pluralCategory } from './format.js';

export type PluralForms = Readonly<Record<Intl.LDMLPluralRule, () => string>>;

/** The form of `forms` that `count` takes in `tag`'s language. */
export function plural(count: number, tag: string, forms: PluralForms): string {
  return forms[pluralCategory(count, tag)]();
}
