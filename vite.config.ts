import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import { minifyHTMLLiterals } from 'minify-html-literals';
import { defineConfig, type Plugin } from 'vite';
import { secondPass } from './scripts/second-pass.mjs';

// Every top-level module of src/ is a registering entry point and becomes dist/<name>.js with Lit bundled in.
// scripts/build.ts builds them one at a time (NW_ENTRY), so each is one self-contained file a page downloads
// in one request; only what loads on demand (the Arabic catalog, DOMPurify, the list's reply form, what a refused
// comment means) goes into dist/chunks/.
const srcDir = fileURLToPath(new URL('./src/', import.meta.url));
const names = readdirSync(srcDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((name) => !process.env.NW_ENTRY || name === process.env.NW_ENTRY);

/**
 * Collapses the white space inside html`` and css`` templates, which no JS minifier touches, and drops the quotes
 * around attribute values that need none (`part=icon`, `@click=${…}`: Lit parses unquoted bindings the same);
 * 41 bytes gzip off news-widgets.js.
 */
function minifyTemplates(): Plugin {
  return {
    name: 'nw-minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.ts')) return null;
      const result = minifyHTMLLiterals(code, { fileName: id, minifyOptions: { conservativeCollapse: true, removeAttributeQuotes: true } });
      return result ? { code: result.code, map: result.map?.toString() } : null;
    },
  };
}

/**
 * A css`` template (the stylesheets have no `${}`), and in it a calc() (with up to two levels of parentheses inside)
 * or a comma and its space.
 */
const CSS_TEMPLATE = /\bcss`[^`]*`/g;
const SPACED = /calc\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|, /g;

/**
 * What clean-css leaves spaced in the minified stylesheets: `calc(var(--_space) * 1.25)`, `calc(100% / 2)` and
 * the commas of `var(--nw-radius, 4px)` and `light-dark(#fff, #1e1e1e)` (custom property values it does not
 * touch). `*` and `/` need no spaces (only `+` and `-` do), nor does a comma: 8 bytes gzip off share-button.js, 7 off
 * comment-form.js and comment-list.js.
 */
function tightenCss(): Plugin {
  return {
    name: 'nw-tighten-css',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.styles.ts')) return null;
      const result = new MagicString(code);
      for (const template of code.matchAll(CSS_TEMPLATE)) {
        for (const match of template[0].matchAll(SPACED)) {
          const start = template.index + match.index;
          result.overwrite(start, start + match[0].length, match[0] === ', ' ? ',' : match[0].replace(/ ?([*/]) /g, '$1'));
        }
      }
      return result.hasChanged() ? { code: result.toString(), map: result.generateMap({ hires: true }) } : null;
    },
  };
}

/**
 * The stylesheets as `unsafeCSS('…')` instead of css`…` in what pages download, so Lit's `css` tag, with its
 * check of interpolated values and that check's long error message, is left out of every bundle: 149 bytes gzip
 * off news-widgets.js, 147 off share-button.js, 146 off article-card.js. The same `CSSResult` comes out (only the literals' sheet cache differs, and each stylesheet is one
 * module-level constant, made once). Only a css`` without `${…}` is rewritten, so nothing unchecked goes in.
 */
function plainStylesheets(): Plugin {
  return {
    name: 'nw-plain-stylesheets',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.styles.ts')) return null;
      const result = new MagicString(code);
      const imported = /import\s*\{\s*css\s*\}\s*from\s*(["'])lit\1/.exec(code);
      if (!imported) return null;
      result.overwrite(imported.index, imported.index + imported[0].length, "import { unsafeCSS } from 'lit'");
      for (const match of code.matchAll(CSS_TEMPLATE)) {
        if (match[0].includes('${')) throw new Error(`${id}: a css\`\` with \${…} must stay a css\`\``);
        result.overwrite(match.index, match.index + 4, 'unsafeCSS(`');
        result.appendLeft(match.index + match[0].length, ')');
      }
      return result.hasChanged() ? { code: result.toString(), map: result.generateMap({ hires: true }) } : null;
    },
  };
}

/**
 * news-widgets.js has the comment form in it: the list's on-demand `import()` of the form (for comment-list.js)
 * is never reached there, since the form is registered before any reader can press "Reply", but it made Rolldown
 * build the form's module namespace and the helper that builds one. Replaced by `Promise.resolve()` in that
 * bundle only: 91 bytes gzip off news-widgets.js, and no INEFFECTIVE_DYNAMIC_IMPORT warning to silence.
 */
function formAlreadyBundled(): Plugin {
  const FORM_IMPORT = /\bimport\((["'])\.\.\/\.\.\/comment-form\.js\1\)/;
  return {
    name: 'nw-form-already-bundled',
    apply: 'build',
    transform(code, id) {
      if (process.env.NW_ENTRY !== 'news-widgets' || !id.endsWith('/components/comment-list/comment-list.ts')) return null;
      const found = FORM_IMPORT.exec(code);
      if (!found) throw new Error(`${id}: the import() of the comment form moved; update formAlreadyBundled()`);
      const result = new MagicString(code);
      result.overwrite(found.index, found.index + found[0].length, 'Promise.resolve()');
      return { code: result.toString(), map: result.generateMap({ hires: true }) };
    },
  };
}

const COPY = '?nw-chunk-copy';

/** On-demand modules whose chunks import nothing (see `standaloneChunks`). */
const STANDALONE = [`${srcDir}components/comment-form/error-codes.ts`, `${srcDir}components/comment-list/clean-html.ts`];

/**
 * Gives the chunks of `STANDALONE` their own copy of every module they share with the entry (for the error codes:
 * the field order), as the catalogs get their own `str`. A chunk that imports from its entry names it by its plain
 * URL, so an entry loaded with a query string (WordPress adds `?ver=…` to every script it enqueues) would be
 * downloaded and run a second time. Only for modules whose copies hold no state that must be shared.
 */
function standaloneChunks(): Plugin {
  return {
    name: 'nw-standalone-chunks',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !(STANDALONE.includes(importer) || importer.endsWith(COPY))) return null;
      const resolved = await this.resolve(source, importer.replace(COPY, ''), { ...options, skipSelf: true });
      return resolved?.id.startsWith(srcDir) ? `${resolved.id}${COPY}` : resolved;
    },
    load(id) {
      return id.endsWith(COPY) ? { code: readFileSync(id.slice(0, -COPY.length), 'utf8'), moduleType: 'ts' } : null;
    },
  };
}

const STR_TAG = '\0nw-str-tag';

/**
 * Gives the generated catalogs (src/generated/locales/*.ts) their own copy of `str`, a one-line tagger, instead
 * of `@lit/localize`: a catalog then imports nothing, so the entry stays one file instead of sharing a chunk
 * with it.
 */
function standaloneCatalogs(): Plugin {
  return {
    name: 'nw-standalone-catalogs',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '@lit/localize' && importer?.includes('/src/generated/locales/') ? STR_TAG : null;
    },
    load(id) {
      return id === STR_TAG ? 'export const str = (strings, ...values) => ({ strTag: true, strings, values });' : null;
    },
  };
}

const CATALOG = fileURLToPath(new URL('./src/generated/locales/ar.ts', import.meta.url));

/**
 * Shortens the message ids in what pages download: `{ id: 'comment-form.error.too-long' }` becomes `{ id: '1x' }`
 * in the elements and the same key in the generated catalogs. The ids stay readable in the source, the XLIFF
 * and the tests (which run the source); the ~2 KB of them would otherwise ship in every bundle. The list is the
 * catalog's keys: `npm run l10n:check` keeps every message translated, so every id is there.
 */
function shortMessageIds(): Plugin {
  const ids = [...readFileSync(CATALOG, 'utf8').matchAll(/^\s*'([\w.-]+)':/gm)].map((match) => match[1]).sort();
  const short = new Map(ids.map((id, index) => [id, index.toString(36)]));
  return {
    name: 'nw-short-message-ids',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.ts')) return null;
      const pattern = id.includes('/generated/locales/') ? /^\s*'([\w.-]+)':/dgm : /\bid: '([\w.-]+)'/dg;
      const result = new MagicString(code);
      for (const match of code.matchAll(pattern)) {
        const [start, end] = match.indices![1];
        if (short.has(match[1])) result.overwrite(start, end, short.get(match[1])!);
      }
      return result.hasChanged() ? { code: result.toString(), map: result.generateMap({ hires: true }) } : null;
    },
  };
}

/** An element's private custom property: `--_space`, `--_fit` (the public theme is `--nw-*`). */
const PRIVATE_PROPERTY = /--_[a-z][a-z0-9-]*/g;

/**
 * Shortens the elements' private custom properties in what pages download: `--_space` becomes `--_a` in the
 * stylesheets and in the scripts that set them (`--_fit`, `--_w`). One table for every file, from every name in
 * src/, so a property reads the same wherever it is set or inherited; the source and the tests keep the readable
 * names. 60 bytes gzip off news-widgets.js, 22 off share-button.js, 37 off article-card.js.
 */
function shortCustomProperties(): Plugin {
  const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const names = new Set(sources.flatMap((file) => readFileSync(path.join(srcDir, file), 'utf8').match(PRIVATE_PROPERTY) ?? []));
  const short = new Map([...names].sort().map((name, index) => [name, `--_${(index + 10).toString(36)}`]));
  return {
    name: 'nw-short-custom-properties',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.ts')) return null;
      const result = new MagicString(code);
      for (const match of code.matchAll(PRIVATE_PROPERTY)) result.overwrite(match.index, match.index + match[0].length, short.get(match[0])!);
      return result.hasChanged() ? { code: result.toString(), map: result.generateMap({ hires: true }) } : null;
    },
  };
}

/**
 * The second minification pass (scripts/second-pass.mjs, terser) over what Rolldown (oxc) wrote: 0.06 KB gzip
 * off share-button.js and 0.2 KB off news-widgets.js, measured. It runs on the written files, composing their
 * source maps with its own: at `generateBundle` a chunk's map does not match its code yet.
 */
function terserPass(): Plugin {
  return {
    name: 'nw-terser-pass',
    apply: 'build',
    async writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const file = path.join(options.dir!, chunk.fileName);
        const result = await secondPass(readFileSync(file, 'utf8'), {
          content: readFileSync(`${file}.map`, 'utf8'),
          url: `${path.basename(file)}.map`,
        });
        writeFileSync(file, result.code!);
        writeFileSync(`${file}.map`, result.map as string);
      }
    },
  };
}

export default defineConfig({
  plugins: [minifyTemplates(), tightenCss(), plainStylesheets(), formAlreadyBundled(), standaloneCatalogs(), standaloneChunks(), shortMessageIds(), shortCustomProperties(), terserPass()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: !process.env.NW_ENTRY,
    sourcemap: true,
    lib: { entry: Object.fromEntries(names.map((name) => [name, `${srcDir}${name}.ts`])), formats: ['es'] },
    rollupOptions: {
      // Lets what an entry shares with its on-demand chunks (the comment list with the reply form) stay in the
      // entry file instead of a third file every reader downloads.
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Library mode leaves ES output unminified; these files are what pages download.
        minify: true,
      },
    },
  },
});
