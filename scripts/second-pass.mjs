/**
 * The second minification pass over what Rolldown (oxc) wrote, shared by the build (vite.config.ts) and the
 * bench's Lit reference, so both are minified the same way: terser's extra passes find what oxc leaves, and it
 * drops the `@__PURE__` annotations oxc keeps. `keep_fargs: false` drops unused trailing parameters (Lit's empty
 * `willUpdate(e){}` and the like): nothing here reads a function's `length`. With a third pass, against
 * `passes: 2` alone: 15 bytes gzip off news-widgets.js, 13 off share-button.js, 21 off article-card.js.
 */
import { minify } from 'terser';

/**
 * The elements' internal reactive state: TypeScript `private` fields, not `#private` (Lit's reactive properties
 * need a property name), so the minifier would keep their names. Each is read and written only inside its own
 * element's class (and, for `shown`, the objects that class makes), never by a page, a test of dist/ or another
 * file, and none is a DOM name: renamed consistently in each file, 98 bytes gzip off news-widgets.js, 16 off
 * share-button.js. A name added here must be just as private; `changed.has('…')` strings are not renamed.
 */
const INTERNAL_STATE = [
  'announcement',
  'fetched',
  'formProblem',
  'imageFailed',
  'phase',
  'problems',
  'remember',
  'replyForm',
  'restored',
  'sheetFailed',
  'shown',
];

/** `sourceMap`, when given, is terser's option: e.g. `{ content, url }` to compose with the input's map. */
export function secondPass(code, sourceMap) {
  return minify(code, {
    module: true,
    compress: { passes: 3, keep_fargs: false },
    mangle: { properties: { regex: new RegExp(`^(?:${INTERNAL_STATE.join('|')})$`) } },
    ...(sourceMap && { sourceMap }),
  });
}
