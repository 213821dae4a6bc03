import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serverUnderTest } from './support.js';

const server = serverUnderTest();

const get = (path: string) => fetch(server.base + path);

describe('static files', () => {
  const files: ReadonlyArray<[string, RegExp, string]> = [
    ['/dist/news-widgets.js', /^(text|application)\/javascript/, 'public, max-age=300'],
    ['/dist/chunks/shared-AbC123xy.js', /^(text|application)\/javascript/, 'public, max-age=31536000, immutable'],
    ['/dist/news-widgets.js.map', /^application\/json/, 'public, max-age=300'],
    ['/media/us-hamas-direct-talks.svg', /^image\/svg\+xml/, 'public, max-age=86400'],
    ['/media/avatar.svg', /^image\/svg\+xml/, 'public, max-age=86400'],
    ['/site.css', /^text\/css/, 'no-cache'],
    ['/partner.css', /^text\/css/, 'no-cache'],
    ['/partner.html', /^text\/html/, 'no-cache'],
  ];
  for (const [path, type, cache] of files) {
    test(`${path} is served as ${type.source}`, async () => {
      const response = await get(path);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', type);
      assert.equal(response.headers.get('cache-control'), cache);
      assert.ok((await response.text()).length > 0);
    });
  }

  test('every seed image is a self-contained 1200×675 SVG without text', async () => {
    for (const file of ['us-hamas-direct-talks', 'protected-bike-lanes-approved', 'phone-battery-cold', 'manuscript-goes-online']) {
      const svg = await (await get(`/media/${file}.svg`)).text();
      assert.match(svg, /viewBox="0 0 1200 675"/, file);
      assert.doesNotMatch(svg, /<text|<image|<script|href="http|url\(http|<foreignObject/i, file);
    }
  });

  test('the page template is not served raw: /index.html moves to /', async () => {
    const response = await fetch(`${server.base}/index.html`, { redirect: 'manual' });
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/');
  });

  test('missing files, directories, hidden files and escapes from the roots are 404 rest_no_route', async () => {
    for (const path of [
      '/dist/missing.js',
      '/dist/',
      '/dist/chunks/',
      '/media/../config.ts',
      '/media/%2e%2e/extras.ts',
      '/dist/..%2f..%2fpackage.json',
      '/.gitignore',
      '/site.css/',
    ]) {
      const response = await get(path);
      assert.equal(response.status, 404, path);
      assert.equal(((await response.json()) as { code: string }).code, 'rest_no_route', path);
    }
  });
});

describe('security headers', () => {
  for (const path of ['/', '/partner.html', '/wp-json/wp/v2/posts', '/dist/news-widgets.js', '/no-such-thing']) {
    test(`${path} has a strict CSP, nosniff and a referrer policy, and sets no cookie`, async () => {
      const response = await get(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /(^|; )script-src 'self'(;|$)/);
      assert.match(csp, /(^|; )img-src 'self' data:(;|$)/);
      assert.match(csp, /(^|; )default-src 'self'(;|$)/);
      assert.match(csp, /(^|; )object-src 'none'(;|$)/);
      assert.doesNotMatch(csp, /https?:|\*/, 'no third party is allowed');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
      assert.equal(response.headers.get('set-cookie'), null);
    });
  }
});
