/**
 * `npm run bench`: bundle sizes, render speed in headless Chromium and Firefox, load on the reference server,
 * and the cost of each expensive rule of the card's CSS in both browsers.
 * Prints figures with their budgets and targets (✓/✗) and asserts nothing: it exits 0 unless a section could not
 * be measured (in every browser, for render).
 *
 *   node scripts/bench.mjs [--build] [--only=sizes,render,server,css] [--dist=DIR]
 *
 * `npm run build` runs first only when dist/ lacks an entry or a file an entry imports (others may be testing
 * against dist/ at the same time, and a build empties it); `--build` forces it. A failed build is retried, since
 * sources may be mid-edit. `--dist=DIR` measures another build (say, the last release's) instead of dist/; it is
 * never built or written to.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDist, MissingFileError, measureLitAlone, measureSizes } from './bench/sizes.mjs';
import { measureRender } from './bench/render.mjs';
import { measureServer } from './bench/server-load.mjs';
import { measureCssCost } from './bench/css-cost.mjs';

const SECTIONS = ['sizes', 'render', 'server', 'css'];
const BUILD_ATTEMPTS = 3;

const root = fileURLToPath(new URL('../', import.meta.url)).replace(/\/$/, '');
const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(`--${name}=`.length);
const only = option('only')?.split(',');
const otherDist = option('dist');
const dist = otherDist ? resolve(otherDist).replace(/\/$/, '') : `${root}/dist`;
const unknown = [
  ...args.filter((arg) => arg !== '--build' && !arg.startsWith('--only=') && !arg.startsWith('--dist=')),
  ...(only ?? []).filter((name) => !SECTIONS.includes(name)),
];
if (unknown.length > 0) {
  console.error(`bench: unknown argument(s) ${unknown.join(' ')}; use [--build | --dist=DIR] [--only=${SECTIONS.join(',')}]`);
  process.exit(2);
}
if (otherDist && args.includes('--build')) {
  console.error('bench: --build builds dist/; --dist=DIR measures a build as it is: use one of them');
  process.exit(2);
}
const wanted = (section) => !only || only.includes(section);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function build() {
  for (let attempt = 1; attempt <= BUILD_ATTEMPTS; attempt++) {
    console.log(`bench: npm run build (attempt ${attempt} of ${BUILD_ATTEMPTS})…`);
    if (spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' }).status === 0) return true;
    if (attempt < BUILD_ATTEMPTS) await sleep(5000);
  }
  return false;
}

/**
 * Makes sure dist/ is complete. A build by someone else can empty it under us, so a missing file is first
 * waited for, and only then rebuilt.
 */
async function ensureDist(force) {
  if (force) return build();
  if (otherDist) {
    try {
      checkDist(dist);
      return true;
    } catch (error) {
      console.log(`bench: ${dist} is not a complete build (${error instanceof Error ? error.message : error}).`);
      return false;
    }
  }
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      checkDist(dist);
      return true;
    } catch (error) {
      if (!(error instanceof MissingFileError)) throw error;
      if (attempt === 1) console.log(`bench: dist/ is incomplete (${error.message}); waiting for it…`);
      await sleep(3000);
    }
  }
  return build();
}

async function main() {
  const failures = [];
  const started = Date.now();
  console.log(
    `news-widgets bench — ${new Date().toISOString()} — Node ${process.versions.node}, ${availableParallelism()} CPUs, ` +
      `load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} (1/5/15 min)`,
  );

  const needsDist = wanted('sizes') || wanted('render') || wanted('css');
  if (otherDist) console.log(`bench: measuring ${dist}`);
  const built = needsDist ? await ensureDist(args.includes('--build')) : true;
  if (!built) console.log(`bench: ${otherDist ? 'no usable build' : 'npm run build failed'}; sizes and rendering cannot be measured.`);

  const measures = {
    sizes: async () => measureSizes(dist, { litAlone: await measureLitAlone(root) }),
    render: () => measureRender(dist),
    // The server needs no build.
    server: () => measureServer(root),
    css: () => measureCssCost(dist),
  };
  for (const name of SECTIONS) {
    if (!wanted(name)) continue;
    if (name !== 'server' && !built) {
      failures.push(name);
      continue;
    }
    try {
      const { text, incomplete } = await measures[name]();
      console.log(text);
      if (incomplete) failures.push(name);
    } catch (error) {
      failures.push(name);
      console.log(`\n${name}: could not be measured — ${error instanceof Error ? error.message : error}`);
    }
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\nbench finished in ${seconds} s${failures.length > 0 ? `; not measured: ${failures.join(', ')}` : ''}.`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
