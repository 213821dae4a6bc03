/**
 * `msg` and `str` without `@lit/localize`'s index module, whose module-level side effects (a resolved
 * loading promise, a hex table for id hashing) would otherwise end up in every bundle.
 * lit-localize's extractor finds messages by type, so calls through these re-exports are still extracted.
 */
export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';
