/**
 * The second minification pass over what Rolldown (oxc) wrote, shared by the build (vite.config.ts) and the
 * bench's Lit reference, so both are minified the same way: terser's extra passes find what oxc leaves, and it
 * drops the `@__PURE__` annotations oxc keeps. `keep_fargs: false` drops unused trailing parameters (Lit's empty
 * `willUpdate(e){}` and the like): nothing here reads a function's `length`. With a third pass, against
 * `passes: 2` alone: 15 bytes gzip off news-widgets.js, 13 off share-button.js, 21 off article-card.js.
 */
import { minify } from 'terser';

/**
 * Names only one file's own code uses, which the minifier would keep: the elements' internal reactive state
 * (TypeScript `private` fields, not `#private`: Lit's reactive properties need a property name), the base's
 * `contentLang`, and the fields of objects that never leave their module (a page of comments' counts, the
 * validation options, a shown comment's `own`). None is read by a page, a test of dist/, JSON or another file,
 * and none is a DOM name: renamed consistently in each file, 122 bytes gzip off news-widgets.js, 17 off
 * share-button.js. A name added here must be just as private: each file is minified on its own, so a name that
 * crosses into a chunk would be renamed differently on either side (a refusal's `fields`, made in the form's
 * on-demand chunk of error codes, is not here). `changed.has('…')` strings are not renamed.
 */
const INTERNAL_NAMES = [
  'announcement',
  'contentLang',
  'failed',
  'fetched',
  'formProblem',
  'identityRequired',
  'imageFailed',
  'kind',
  'own',
  'pages',
  'phase',
  'problems',
  'remember',
  'replyForm',
  'restored',
  'sheetFailed',
  'shown',
  'total',
  'totalPages',
  'website',
];

/** `sourceMap`, when given, is terser's option: e.g. `{ content, url }` to compose with the input's map. */
export function secondPass(code, sourceMap) {
  return minify(code, {
    module: true,
    compress: { passes: 3, keep_fargs: false },
    mangle: { properties: { regex: new RegExp(`^(?:${INTERNAL_NAMES.join('|')})$`) } },
    ...(sourceMap && { sourceMap }),
  });
}
