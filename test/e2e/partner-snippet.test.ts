/**
 * The README's partner snippet, pasted as written into a page on another origin (a second HTTP server on another
 * port: another origin to the browser, and on loopback like ours, so Chromium's private-network rules stay out of
 * it) against the real server with its default settings (no ALLOWED_ORIGINS): the card is filled from `src` across
 * origins, in Arabic and right to left; when `src` fails, it shows the snippet's link.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoUnderTest, partnerSite, readmeHtml, until, visitPartner } from './support.js';

/** The README's snippet for "**A partner site**", with its example host pointed at `base`. */
const readmeSnippet = (base: string) =>
  readmeHtml('**A partner site**').replaceAll('https://news.example/widgets/', `${base}/dist/`).replaceAll('https://news.example', base);

const env = demoUnderTest();

/** The partner's own server: one page, the snippet inside an English page of its own. */
const partner = partnerSite({
  '/': () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Partner news</h1>
${readmeSnippet(env.server.base)}
</main></body></html>`,
});

/** A partner page on its own origin holding the snippet; `failSrc` makes the card's REST request fail. */
const openPartnerPage = (width: number, failSrc = false) =>
  visitPartner(env.browser, env.server.base, partner.base, `${partner.base}/`, { width, blockRest: failSrc });

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
