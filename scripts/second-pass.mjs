/**
 * The second minification pass over what Rolldown (oxc) wrote, shared by the build (vite.config.ts) and the
 * bench's Lit reference, so both are minified the same way: terser's extra passes find what oxc leaves, and it
 * drops the `@__PURE__` annotations oxc keeps.
 */
import { minify } from 'terser';

/** `sourceMap`, when given, is terser's option: e.g. `{ content, url }` to compose with the input's map. */
export function secondPass(code, sourceMap) {
  return minify(code, { module: true, compress: { passes: 2 }, ...(sourceMap && { sourceMap }) });
}
