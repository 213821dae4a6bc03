/**
 * No page of the demo logs a failed request (issue 8, item 9): not the favicon a browser asks for on its own,
 * nor anything the page itself loads. Each page gets a fresh browser, since a browser asks for a site's icon
 * once and then remembers the answer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, scrollThrough, startServer, type E2eServer } from './support.js';

const PAGES = ['/', '/articles/protected-bike-lanes-approved/', '/partner.html', '/blogger.html', '/moderation.html', '/category/politics/'];

describe('demo pages', () => {
  let server: E2eServer;
  before(async () => (server = await startServer()));
  after(() => server?.dispose());

  it('serve the site icon as SVG and ICO', async () => {
    for (const [path, type] of [
      ['/favicon.svg', 'image/svg+xml'],
      ['/favicon.ico', 'image/vnd.microsoft.icon'],
    ]) {
      const response = await fetch(`${server.base}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', new RegExp(`^${type.replace('+', '\\+')}`), path);
      assert.ok((await response.arrayBuffer()).byteLength > 100, `${path} has content`);
    }
  });

  for (const path of PAGES) {
    it(`${path} logs no failed request, not even for its icon`, async () => {
      const browser = await launchBrowser();
      try {
        // A plain context: request interception (as newSession() sets up) keeps Chromium from asking for the icon.
        const page = await browser.newPage();
        const failed: string[] = [];
        page.on('response', (response) => {
          if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
        });
        page.on('console', (message) => {
          if (message.type() === 'error') failed.push(`${message.text()} (${message.location().url})`);
        });
        page.on('pageerror', (error) => failed.push(error.message));
        await page.goto(`${server.base}${path}`, { waitUntil: 'networkidle' });
        await scrollThrough(page);
        await page.waitForLoadState('networkidle');
        // The icon is fetched after the page has loaded; a 404 for it shows only as a console error.
        await page.waitForTimeout(1000);
        assert.deepEqual(failed, []);
      } finally {
        await browser.close();
      }
    });
  }
});
