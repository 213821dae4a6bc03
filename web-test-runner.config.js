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

export default {
  files: ['test/{components,i18n,internal}/**/*.test.ts'],
  nodeResolve: true,
  middleware: [slowFixture],
  // Lit's development build runs in tests for its warnings; its one notice that it is the development build is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  browsers,
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000, ...(process.env.NW_GREP ? { grep: process.env.NW_GREP } : {}) } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
};
