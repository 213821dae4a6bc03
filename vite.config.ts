import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyHTMLLiterals } from 'minify-html-literals';
import { defineConfig, type Plugin } from 'vite';

// Every top-level module of src/ is a registering entry point and becomes dist/<name>.js with Lit bundled in.
// scripts/build.ts builds them one at a time (NW_ENTRY), so each is one self-contained file a page downloads
// in one request; only what loads on demand (the Arabic catalog, DOMPurify) goes into dist/chunks/.
const srcDir = fileURLToPath(new URL('./src/', import.meta.url));
const names = readdirSync(srcDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((name) => !process.env.NW_ENTRY || name === process.env.NW_ENTRY);

/** Collapses the white space inside html`` and css`` templates, which no JS minifier touches. */
function minifyTemplates(): Plugin {
  return {
    name: 'nw-minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.ts')) return null;
      const result = minifyHTMLLiterals(code, { fileName: id, minifyOptions: { conservativeCollapse: true } });
      return result ? { code: result.code, map: result.map?.toString() } : null;
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

export default defineConfig({
  plugins: [minifyTemplates(), standaloneCatalogs()],
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
      // news-widgets.js imports the comment form statically and the list imports it on demand: expected there.
      onLog(level, log, handler) {
        if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
      },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Library mode leaves ES output unminified; these files are what pages download.
        minify: true,
      },
    },
  },
});
