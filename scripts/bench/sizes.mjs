/**
 * Bench section 1: what a page downloads for each `dist/<entry>.js` — the entry plus every chunk it imports
 * statically, transitively — raw, gzip -9 and brotli (max quality), each file compressed on its own and summed,
 * as they travel. Dynamically imported chunks are listed apart, "on demand".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { attributeBytes, shortSource, sourceGroup } from './sourcemap.mjs';
import { heading, kb, mark, table } from './format.mjs';

/** Gzip budgets in bytes (KB = 1000 bytes). */
export const BUDGETS = {
  'article-card.js': 12_000,
  'article-list.js': 14_000,
  'share-button.js': 13_000,
  'comment-form.js': 13_000,
  'comment-list.js': 13_000,
  'comment-count.js': 8_500,
  'comment-moderation.js': 15_000,
  'news-widgets.js': 26_000,
};

/** A minimal Lit element (a property, styles, a template): the floor every entry stands on. */
const LIT_ALONE = `import { LitElement, css, html } from 'lit';
customElements.define('x-lit', class extends LitElement {
  static properties = { name: {} };
  static styles = css\`:host { display: block }\`;
  render() { return html\`<p>\${this.name}</p>\`; }
});`;

/**
 * The same minimal element built and minified like dist/ (Rolldown's minifier, then terser), gzip -9: the
 * reference printed under the sizes table, measured rather than written down.
 */
export async function measureLitAlone(root) {
  const { build } = await import('vite');
  const { secondPass } = await import('../second-pass.mjs');
  const id = 'virtual:lit-alone';
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [{ name: 'lit-alone', resolveId: (source) => (source.endsWith(id) ? `\0${id}` : null), load: (file) => (file === `\0${id}` ? LIT_ALONE : null) }],
    build: { write: false, lib: { entry: id, formats: ['es'], fileName: 'lit-alone' }, rollupOptions: { output: { minify: true } } },
  });
  const code = [output].flat()[0].output[0].code;
  return gzipSync((await secondPass(code)).code, { level: 9 }).length;
}

// `import{a as b}from"./x.js"`, `import"./x.js"`, `export{t as X}from"./x.js"`, `export*from"./x.js"`: static
// import/export statements start a file or follow `;`/`}`; their specifier is a plain string literal.
const STATIC_IMPORT = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;
// `import("./x.js")`, also with backquotes as the minifier writes them; template holes are not followed.
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(["'`])([^"'`$\n]+)\1\s*\)/g;

export class MissingFileError extends Error {}

function importsOf(code) {
  const relativeOnly = (specifier) => specifier.startsWith('./') || specifier.startsWith('../');
  const found = (pattern) => [...code.matchAll(pattern)].map((match) => match[2]).filter(relativeOnly);
  return { statics: [...new Set(found(STATIC_IMPORT))], dynamics: [...new Set(found(DYNAMIC_IMPORT))] };
}

/** The module graph of dist/, read lazily from disk. */
function createGraph(distDir) {
  const modules = new Map();
  const read = (file) => {
    let module = modules.get(file);
    if (!module) {
      if (!existsSync(file)) throw new MissingFileError(`${relative(distDir, file)} is missing`);
      const bytes = readFileSync(file);
      const { statics, dynamics } = importsOf(bytes.toString('utf8'));
      const resolveFrom = (specifier) => resolve(dirname(file), specifier);
      module = { file, bytes, statics: statics.map(resolveFrom), dynamics: dynamics.map(resolveFrom) };
      modules.set(file, module);
    }
    return module;
  };
  /** The file and everything it imports statically, in load order. */
  const closure = (file) => {
    const seen = new Set();
    const visit = (current) => {
      if (seen.has(current)) return;
      seen.add(current);
      for (const next of read(current).statics) {
        if (!existsSync(next)) {
          throw new MissingFileError(`${relative(distDir, current)} imports ${relative(distDir, next)}, which is missing`);
        }
        visit(next);
      }
    };
    visit(file);
    return [...seen];
  };
  return { read, closure };
}

const compressed = new Map();
function sizesOf(module) {
  let sizes = compressed.get(module.file);
  if (!sizes) {
    const raw = module.bytes;
    sizes = {
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }).length,
    };
    compressed.set(module.file, sizes);
  }
  return sizes;
}

const sum = (list) =>
  list.reduce((total, item) => ({ raw: total.raw + item.raw, gzip: total.gzip + item.gzip, brotli: total.brotli + item.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });

/** Throws `MissingFileError` unless dist/ has entries and every file they import, statically or not. */
export function checkDist(distDir) {
  const graph = createGraph(distDir);
  const entries = existsSync(distDir) ? readdirSync(distDir).filter((file) => file.endsWith('.js')) : [];
  if (entries.length === 0) throw new MissingFileError('dist/ has no *.js entries');
  for (const entry of entries) {
    for (const file of graph.closure(join(distDir, entry))) {
      for (const target of graph.read(file).dynamics) graph.closure(target);
    }
  }
}

/** Measures dist/ and returns `{ text, entries }`; throws `MissingFileError` when the build is incomplete. */
export function measureSizes(distDir, { topSources = 6, minAttributed = 2000, litAlone } = {}) {
  const graph = createGraph(distDir);
  const name = (file) => relative(distDir, file);
  const entryFiles = readdirSync(distDir)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => join(distDir, file));
  if (entryFiles.length === 0) throw new MissingFileError('dist/ has no *.js entries');

  const entries = entryFiles.map((file) => {
    const files = graph.closure(file);
    const sizes = sum(files.map((each) => sizesOf(graph.read(each))));
    const dynamics = [...new Set(files.flatMap((each) => graph.read(each).dynamics))];
    return { name: name(file), file, files, sizes, dynamics, budget: BUDGETS[name(file)] };
  });

  const lines = [heading('1. Sizes — what a page downloads per entry')];
  lines.push(
    '  Entry file + every chunk it imports statically (transitively); each file compressed on its own (gzip -9,',
    '  brotli q11) and summed, as it goes over the wire. KB = 1000 bytes. Budgets are on gzip.',
    '',
  );
  lines.push(
    table(
      [
        { title: 'entry', align: 'left' },
        { title: 'files', align: 'right' },
        { title: 'raw', align: 'right' },
        { title: 'gzip', align: 'right' },
        { title: 'brotli', align: 'right' },
        { title: 'gzip budget', align: 'left' },
      ],
      entries.map((entry) => [
        entry.name,
        entry.files.length,
        kb(entry.sizes.raw),
        kb(entry.sizes.gzip),
        kb(entry.sizes.brotli),
        entry.budget === undefined
          ? '(none)'
          : `≤ ${kb(entry.budget, 0)} ${mark(entry.sizes.gzip <= entry.budget)}${
              entry.sizes.gzip > entry.budget ? `  (+${kb(entry.sizes.gzip - entry.budget)})` : ''
            }`,
      ]),
    ),
  );
  if (litAlone !== undefined) {
    lines.push(`  Reference: Lit alone (a minimal element, built and minified the same way) is ${kb(litAlone)} gzip.`);
  }

  // On demand: each dynamic import once, with what it adds over the smallest entry that can trigger it.
  const targets = [...new Set(entries.flatMap((entry) => entry.dynamics))].sort();
  if (targets.length > 0) {
    const rows = targets.map((target) => {
      const importers = entries.filter((entry) => entry.dynamics.includes(target));
      const base = importers.reduce((a, b) => (a.files.length <= b.files.length ? a : b));
      const extra = graph.closure(target).filter((file) => !base.files.includes(file));
      const sizes = sum(extra.map((file) => sizesOf(graph.read(file))));
      const label = `${name(target)}${extra.length > 1 ? ` (+ ${extra.filter((f) => f !== target).map(name).join(', ')})` : ''}`;
      const by = importers.length === entries.length ? 'every entry' : importers.map((entry) => entry.name).join(', ');
      return [`on demand  ${label}`, by, kb(sizes.raw), kb(sizes.gzip), kb(sizes.brotli)];
    });
    lines.push('', '  Loaded on demand (dynamic import(), not in the figures above):', '');
    lines.push(
      table(
        [
          { title: 'chunk', align: 'left' },
          { title: 'loaded by', align: 'left' },
          { title: 'raw', align: 'right' },
          { title: 'gzip', align: 'right' },
          { title: 'brotli', align: 'right' },
        ],
        rows,
      ),
    );
  }

  // Every statically loaded file once: where the bytes are.
  const staticFiles = [...new Set(entries.flatMap((entry) => entry.files))].sort(
    (a, b) => sizesOf(graph.read(b)).gzip - sizesOf(graph.read(a)).gzip,
  );
  lines.push('', '  Per file (statically loaded files, largest first):', '');
  lines.push(
    table(
      [
        { title: 'file', align: 'left' },
        { title: 'raw', align: 'right' },
        { title: 'gzip', align: 'right' },
        { title: 'brotli', align: 'right' },
        { title: 'in entries', align: 'right' },
      ],
      staticFiles.map((file) => {
        const sizes = sizesOf(graph.read(file));
        const users = entries.filter((entry) => entry.files.includes(file)).length;
        return [name(file), kb(sizes.raw), kb(sizes.gzip), kb(sizes.brotli), `${users} of ${entries.length}`];
      }),
    ),
  );

  // Source-map attribution of every statically loaded file of some size: the shared runtime chunk
  // (chunks/define-*) and the entries' own code, wherever the build put them.
  const attributed = staticFiles.filter((file) => existsSync(`${file}.map`) && sizesOf(graph.read(file)).raw >= minAttributed);
  if (attributed.length > 0) {
    lines.push('', `  What fills them (source-map byte attribution of the raw minified bytes; files ≥ ${kb(minAttributed, 0)} raw):`);
    for (const file of attributed) {
      const bySource = attributeBytes(file);
      const total = bySource.reduce((all, item) => all + item.bytes, 0);
      const groups = new Map();
      for (const item of bySource) {
        const group = item.source === '(unmapped)' ? '(unmapped)' : sourceGroup(item.source);
        groups.set(group, (groups.get(group) ?? 0) + item.bytes);
      }
      const percent = (bytes) => `${((100 * bytes) / total).toFixed(1)} %`;
      const top = bySource.slice(0, topSources);
      const rest = bySource.slice(topSources).reduce((all, item) => all + item.bytes, 0);
      const ranked = [...groups.entries()].sort((a, b) => b[1] - a[1]);
      const shown = ranked.slice(0, 5).map(([group, bytes]) => `${group} ${percent(bytes)}`);
      const others = ranked.slice(5).reduce((all, [, bytes]) => all + bytes, 0);
      if (others > 0) shown.push(`others ${percent(others)}`);
      lines.push('', `  ${name(file)} — ${kb(total)} raw`, `  by package/folder: ${shown.join(', ')}`);
      lines.push(
        table(
          [
            { title: 'source', align: 'left' },
            { title: 'raw', align: 'right' },
            { title: 'share', align: 'right' },
          ],
          [
            ...top.map((item) => [item.source === '(unmapped)' ? item.source : shortSource(item.source), kb(item.bytes), percent(item.bytes)]),
            ...(rest > 0 ? [[`${bySource.length - topSources} more sources`, kb(rest), percent(rest)]] : []),
          ],
        ),
      );
    }
  }

  // Files no entry reaches are not counted; say so, since a stale dist/ would otherwise mislead.
  const reachable = new Set([...staticFiles, ...targets.flatMap((target) => graph.closure(target))]);
  const chunkDir = join(distDir, 'chunks');
  const stray = existsSync(chunkDir)
    ? readdirSync(chunkDir).filter((file) => file.endsWith('.js') && !reachable.has(join(chunkDir, file)))
    : [];
  if (stray.length > 0) {
    lines.push('', `  Note: ${stray.length} file(s) in dist/chunks/ are not reached from any entry (left by older builds?)`,
      '  and are not counted.');
  }

  return { text: lines.join('\n'), entries };
}
