// Runs the browser suite in Debian's Chromium and Firefox ESR (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH } from './scripts/browsers.mjs';


const only = process.env.NW_BROWSERS?.split(',');
const browsers = [
  ['chromium', () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
    })],
  ['firefox', () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        extraPrefsFirefox: { 'network.proxy.allow_hijacking_localhost': false },
      },
    })],
]
  .filter(([name]) => !only || only.includes(name))
  .map(([, launch]) => launch());

/**
 * `/test-api/slow?ms=N&file=NAME.json` answers test/fixtures/NAME.json after N ms (at most 15 s): a real slow
 * server for the tests of loading states and time-outs.
 */
async function slowFixture(ctx, next) {
  if (ctx.path !== '/test-api/slow') return next();
  await delay(Math.min(Number(ctx.query.ms) || 0, 15_000));
  const name = String(ctx.query.file ?? '');
  if (!/^[\w-]+\.json$/.test(name)) {
    ctx.status = 400;
    return;
  }
  ctx.type = 'application/json';
  ctx.body = await readFile(new URL(`./test/fixtures/${name}`, import.meta.url));
}

/**
 * `/test-api/collection?file=NAME.json&per_page=N&page=M` answers page M of the array in test/fixtures/NAME.json
 * with WordPress's `X-WP-Total` and `X-WP-TotalPages`, as a REST collection does; `ms=N` delays it, `status=N`
 * answers that status (with a WordPress error body) instead, for every page or, with `fail=M`, for page M only.
 */
async function collectionFixture(ctx, next) {
  if (ctx.path !== '/test-api/collection') return next();
  await delay(Math.min(Number(ctx.query.ms) || 0, 15_000));
  const name = String(ctx.query.file ?? '');
  const failing = !ctx.query.fail || Number(ctx.query.fail) === Number(ctx.query.page || 1);
  const status = (failing && Number(ctx.query.status)) || 200;
  if (!/^[\w-]+\.json$/.test(name) || status !== 200) {
    ctx.status = status === 200 ? 400 : status;
    ctx.body = { code: 'test_error', message: 'Asked to fail.', data: { status: ctx.status } };
    return;
  }
  const posts = JSON.parse(await readFile(new URL(`./test/fixtures/${name}`, import.meta.url), 'utf8'));
  const perPage = Math.min(Math.max(Number(ctx.query.per_page) || 10, 1), 100);
  const page = Math.max(Number(ctx.query.page) || 1, 1);
  ctx.set('X-WP-Total', String(posts.length));
  ctx.set('X-WP-TotalPages', String(Math.ceil(posts.length / perPage)));
  ctx.body = posts.slice((page - 1) * perPage, page * perPage);
}

export default {
  files: ['test/{components,i18n,internal}/**/*.test.ts'],
  nodeResolve: true,
  middleware: [slowFixture, collectionFixture],
  // Lit's development build runs in tests for its warnings; its one notice that it is the development build is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  browsers,
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000, ...(process.env.NW_GREP ? { grep: process.env.NW_GREP } : {}) } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
};
