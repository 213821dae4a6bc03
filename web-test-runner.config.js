// Runs the browser suite in Debian's Chromium and Firefox ESR (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const only = process.env.NW_BROWSERS?.split(',');
const browsers = [
  ['chromium', () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs },
    })],
  ['firefox', () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
        extraPrefsFirefox: { 'network.proxy.allow_hijacking_localhost': false },
      },
    })],
]
  .filter(([name]) => !only || only.includes(name))
  .map(([, launch]) => launch());

export default {
  files: ['test/{components,i18n,internal}/**/*.test.ts'],
  nodeResolve: true,
  browsers,
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
};
