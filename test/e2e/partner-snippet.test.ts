/**
 * The README's partner snippet, pasted as written into a page on another origin (a second HTTP server on another
 * port: another origin to the browser, and on loopback like ours, so Chromium's private-network rules stay out of
 * it) against the real server with its default settings (no ALLOWED_ORIGINS): the card is filled from `src` across
 * origins, in Arabic and right to left; when `src` fails, it shows the snippet's link.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoUnderTest, ROOT, until } from './support.js';

/** The first ```html block after "**A partner site**" in the README, with its example host pointed at `base`. */
function readmeSnippet(base: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**A partner site**'));
  const snippet = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(snippet, 'the README has a partner snippet');
  return snippet.replaceAll('https://news.example/widgets/', `${base}/dist/`).replaceAll('https://news.example', base);
}

const env = demoUnderTest();

/** The partner's own server: one page, the snippet inside an English page of its own. */
let partner: Server;
let partnerBase = '';
before(async () => {
  partner = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Partner news</h1>
${readmeSnippet(env.server.base)}
</main></body></html>`);
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  partnerBase = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => partner.close(() => resolve())));

interface Seen {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A partner page on its own origin holding the snippet; `failSrc` makes the card's REST request fail. */
async function openPartnerPage(width: number, failSrc = false): Promise<Seen> {
  const { server, browser } = env;
  const context = await browser.newContext({ viewport: { width, height: 800 }, serviceWorkers: 'block' });
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // Nothing but the partner's page and our server is reachable.
  const allowed = new Set([new URL(server.base).origin, partnerBase]);
  await context.route((url) => !allowed.has(url.origin), (route) => route.abort('blockedbyclient'));
  if (failSrc) {
    await context.route((url) => url.pathname.startsWith('/wp-json/'), (route) => route.abort('connectionrefused'));
  }
  await page.goto(`${partnerBase}/`);
  return { page, errors, close: () => context.close() };
}

const cardView = (page: Page) =>
  page.$eval('nw-article-card', (card) => {
    const root = card.shadowRoot!;
    const link = root.querySelector('a');
    const box = card.getBoundingClientRect();
    return {
      dir: root.querySelector('[part~=card]')?.getAttribute('dir') ?? null,
      busy: root.querySelector('[part~=card]')?.getAttribute('aria-busy') ?? null,
      headline: root.querySelector('[part~=headline]')?.textContent?.trim() ?? '',
      href: link?.getAttribute('href') ?? null,
      linkText: link?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      image: Boolean(root.querySelector('[part~=image]')),
      height: box.height,
      width: box.width,
    };
  });

describe('the README partner snippet on another origin', () => {
  for (const width of [1280, 375]) {
    it(`fills the card from src across origins, Arabic and right to left (${width} px)`, async () => {
      const seen = await openPartnerPage(width);
      try {
        const card = await until(async () => {
          const view = await cardView(seen.page);
          return view.busy !== 'true' && view.headline ? view : undefined;
        }, 'the card to load');
        assert.match(card.headline, /^محادثات سرية مباشرة بين أمريكا/);
        assert.equal(card.dir, 'rtl');
        assert.equal(card.href, `${env.server.base}/articles/us-hamas-direct-talks`);
        assert.ok(card.image, 'the featured image is shown');
        assert.deepEqual(seen.errors, [], 'no CORS or other error');
        const pageWidth = await seen.page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(pageWidth <= width, `the page stays ${width} px wide (${pageWidth})`);
      } finally {
        await seen.close();
      }
    });
  }

  it('shows the snippet’s link, and no empty box, when src cannot be reached', async () => {
    const seen = await openPartnerPage(375, true);
    try {
      const card = await until(async () => {
        const view = await cardView(seen.page);
        return view.busy !== 'true' && view.href ? view : undefined;
      }, 'the fallback link');
      assert.equal(card.href, `${env.server.base}/articles/us-hamas-direct-talks`);
      assert.equal(card.linkText, 'محادثات سرية مباشرة بين أمريكا و”حماس”');
      assert.equal(card.image, false, 'no picture box');
      assert.ok(card.height < 200, `a short card, not a reserved box (${card.height} px)`);
    } finally {
      await seen.close();
    }
  });
});
