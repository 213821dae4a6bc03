// Builds each entry of src/ into its own self-contained dist/<name>.js (see vite.config.ts), then the
// unbundled library (lit external) with its types, and the custom-elements manifest.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { packagesIn } from './bench/sourcemap.mjs';

rmSync('dist', { recursive: true, force: true });
const entries = readdirSync('src')
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => file.replace(/\.ts$/, ''));
for (const entry of entries) {
  process.env.NW_ENTRY = entry;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}

// A chunk that imports from its entry names the entry by its plain URL: loaded from `news-widgets.js?ver=…` (as
// WordPress enqueues scripts), the entry would be downloaded and run a second time. So every on-demand chunk imports
// nothing (see vite.config.ts, standaloneChunks), but the list's reply form, which needs the list's Lit and base.
const importing = readdirSync('dist/chunks')
  .filter((file) => file.endsWith('.js') && !file.startsWith('comment-form-'))
  .filter((file) => /(?:^|[;}])\s*(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["']/.test(readFileSync(`dist/chunks/${file}`, 'utf8')));
if (importing.length) throw new Error(`dist/chunks/${importing.join(', ')} import(s) another file: add the module to STANDALONE in vite.config.ts`);

// Minified, the bundles lose the licence comments of the third-party code in them: the licences go beside them,
// in dist/THIRD-PARTY-LICENSES.txt, for every package the bundles' source maps name.
const maps = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js.map'));
const bundled = new Set(maps.flatMap((file) => packagesIn(`dist/${file}`)));
const licences = [...bundled].sort().map((name) => {
  const dir = `node_modules/${name}`;
  const { version, license } = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { version: string; license: string };
  const texts = readdirSync(dir).filter((file) => /^licen[cs]e/i.test(file));
  if (!texts.length) throw new Error(`${name} is bundled but has no licence file to ship with it`);
  return [`${name} ${version}, licence ${license}`, ...texts.map((file) => readFileSync(`${dir}/${file}`, 'utf8').trim())].join('\n\n');
});
writeFileSync('dist/THIRD-PARTY-LICENSES.txt', `${licences.join(`\n\n${'='.repeat(78)}\n\n`)}\n`);

const run = (command: string, args: string[]) => execFileSync('npx', [command, ...args], { stdio: 'inherit' });
run('tsc', ['-p', 'tsconfig.lib.json']);
run('cem', ['analyze', '--quiet']);

// The manifest names a tag only where the class's JSDoc says `@tagname` (it cannot see through `define()`):
// fail the build when a registered element is missing from it.
const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as {
  modules: { declarations?: { tagName?: string }[] }[];
};
const listed = new Set(manifest.modules.flatMap((module) => module.declarations ?? []).map((declaration) => declaration.tagName));
const registered = entries.flatMap((entry) =>
  [...readFileSync(`src/${entry}.ts`, 'utf8').matchAll(/define\('([a-z-]+)'/g)].map((match) => match[1]),
);
const missing = registered.filter((tag) => !listed.has(tag));
if (missing.length) throw new Error(`custom-elements.json lacks ${missing.join(', ')}: add @tagname to the class's JSDoc`);
