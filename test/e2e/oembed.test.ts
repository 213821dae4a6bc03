/**
 * A WordPress partner pastes our article's URL: what WordPress then does, step by step, against the real server.
 * It reads the article page's oEmbed discovery link, fetches the JSON, filters its `html` as `wp_filter_oembed_result`
 * does for a provider it does not know (only the blockquote and the iframe, a new secret, the iframe sandboxed and
 * hidden until it speaks), and puts it into a page of another origin (a second HTTP server on another port) with a
 * host script that does what wp-embed.js does. The frame must end up exactly as tall as its content, with nothing to
 * scroll, in both directions, and a click on its link must open the article in the top window.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { demoUnderTest, partnerSite, readmeHtml, ROOT, until, visitPartner } from './support.js';

const env = demoUnderTest();

/** `wp_kses` with `wp_filter_oembed_result`'s allow-list: other tags go, and every attribute not listed. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  blockquote: [],
  iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'],
};
function kses(markup: string, extra: readonly string[] = []): string {
  return markup.replace(/<(\/?)([a-z]+)([^>]*)>/gi, (_, close: string, name: string, attributes: string) => {
    const allowed = ALLOWED[name.toLowerCase()];
    if (!allowed) return '';
    if (close) return `</${name}>`;
    const kept = [...attributes.matchAll(/([\w-]+)="([^"]*)"/g)].filter(([, attribute]) => allowed.includes(attribute) || extra.includes(attribute));
    return `<${name}${kept.map(([whole]) => ` ${whole}`).join('')}>`;
  });
}

/** `wp_filter_oembed_result` for an unknown provider, step by step as WordPress 6.x does it. */
function wordpressFilter(markup: string, secret: string): string {
  let html = kses(markup);
  const content = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(html);
  assert.ok(content?.[2], 'an iframe survives the filter');
  html = (content[1] ?? '') + content[2];
  const src = / src=(['"])(.*?)\1/.exec(html);
  assert.ok(src, 'the iframe has a src');
  html = html.replace(src[0], ` src=${src[1]}${src[2]}#?secret=${secret}${src[1]} data-secret=${src[1]}${secret}${src[1]}`);
  html = html.replace('<blockquote', `<blockquote data-secret="${secret}"`);
  html = kses(html, ['data-secret']);
  if (content[1]) {
    html = html.replace('<iframe', '<iframe style="position: absolute; visibility: hidden;"');
    html = html.replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  return html.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/**
 * The host side of the protocol, written from what wp-includes/js/wp-embed.js does: check the message's shape and
 * secret, hide the blockquote, find the iframe the message came from, show it, set its height (bounded to
 * 200–1000) or follow a link to the frame's own host while the frame has focus; on load, tell each frame "ready".
 * `reported` keeps the heights the frames sent, for the test to compare with.
 */
const HOST_SCRIPT = `
window.reported = [];
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!(data || data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
  for (const blockquote of document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]')) blockquote.style.display = 'none';
  for (const iframe of document.querySelectorAll('iframe[data-secret="' + data.secret + '"]')) {
    if (event.source !== iframe.contentWindow) continue;
    iframe.removeAttribute('style');
    if (data.message === 'height') {
      window.reported.push(data.value);
      let height = parseInt(data.value, 10);
      if (height > 1000) height = 1000;
      else if (~~height < 200) height = 200;
      iframe.height = height;
    } else if (data.message === 'link') {
      const source = new URL(iframe.getAttribute('src'));
      const target = new URL(data.value);
      if (/^https?:$/i.test(target.protocol) && target.host === source.host && document.activeElement === iframe) {
        window.top.location.href = data.value;
      }
    }
  }
});
document.addEventListener('DOMContentLoaded', () => {
  for (const iframe of document.querySelectorAll('iframe.wp-embedded-content')) {
    iframe.contentWindow.postMessage({ message: 'ready', secret: iframe.getAttribute('data-secret') }, '*');
  }
});
`;

/** The README's iframe snippet ("**Any other site, in a frame**"), its example host pointed at `base`. */
const readmeFrameSnippet = (base: string) => readmeHtml('**Any other site, in a frame**').replaceAll('https://news.example', base);

/** The partner's WordPress: one post whose content is the filtered embed; `/frame` a site pasting the README's iframe. */
let embedded = '';
const partner = partnerSite({
  '/': () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner on WordPress</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0 auto; padding: 1rem; max-width: 40rem; } iframe.wp-embedded-content { max-width: 100%; }</style>
<script>${HOST_SCRIPT}</script></head>
<body><main><h1>A partner’s post</h1><p>From our friends:</p>
${embedded}
<p>After the embed.</p></main></body></html>`,
  '/frame': () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Any other site</title></head>
<body><h1>Any other site</h1>${readmeFrameSnippet(env.server.base)}</body></html>`,
});

const openPage = (url: string, width: number) => visitPartner(env.browser, env.server.base, partner.base, url, { width, height: 900 });

/** What WordPress does when the URL is pasted: discovery from the page, then the JSON, then the filter. */
async function pasteUrl(path: string, permalinkPath = path): Promise<{ title: string; secret: string }> {
  const article = await openPage(`${env.server.base}${path}`, 1280);
  let endpoint: string;
  try {
    endpoint = await article.page.$eval('link[rel=alternate][type="application/json+oembed"]', (link) => (link as HTMLLinkElement).href);
  } finally {
    await article.close();
  }
  assert.equal(new URL(endpoint).searchParams.get('url'), `${env.server.base}${permalinkPath}`, 'discovery names the permalink');
  const response = await fetch(endpoint);
  assert.equal(response.status, 200);
  const data = (await response.json()) as { type: string; html: string; title: string };
  assert.equal(data.type, 'rich');
  const secret = 'Ab3dE6gH9k';
  embedded = wordpressFilter(data.html, secret);
  return { title: data.title, secret };
}

/** The embed frame of the partner page, once its document is ours. */
const embedFrame = (page: Page): Promise<Frame> =>
  until(() => page.frames().find((frame) => frame.url().includes('/embed/')), 'the embed frame');

/**
 * Waits for the iframe to settle: its frame has reported its current content height, and the iframe took it
 * (bounded as wp-embed.js bounds it).
 */
async function settled(page: Page, frame: Frame): Promise<{ height: number; reported: number }> {
  return until(
    async () => {
      const state = await page.evaluate(() => {
        const iframe = document.querySelector('iframe.wp-embedded-content') as HTMLIFrameElement;
        const reported = (window as unknown as { reported: number[] }).reported;
        return { height: iframe.getBoundingClientRect().height, attribute: Number(iframe.height), reported: reported.at(-1) ?? 0 };
      });
      const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      const expected = Math.min(Math.max(state.reported, 200), 1000);
      const done = state.reported === content && state.attribute === expected && Math.abs(state.height - expected) < 0.5;
      return done ? { height: state.height, reported: state.reported } : undefined;
    },
    'the iframe to take the height its frame reported',
    10_000,
  );
}

/** Inside the frame: the card rendered, filling the width, and nothing to scroll. */
const frameView = (frame: Frame) =>
  frame.evaluate(() => {
    const card = document.querySelector('nw-article-card')!;
    const headline = card.shadowRoot?.querySelector('[part~=headline]')?.textContent?.trim() ?? '';
    const root = document.documentElement;
    return {
      dir: root.dir,
      lang: root.lang,
      headline,
      cardWidth: card.getBoundingClientRect().width,
      innerWidth,
      innerHeight,
      scrollHeight: root.scrollHeight,
      scrollWidth: root.scrollWidth,
      bodyHeight: Math.ceil(document.body.getBoundingClientRect().height),
    };
  });

const cases = [
  { name: 'the Arabic seed article, pasted as the front page', path: '/', permalink: '/articles/us-hamas-direct-talks', dir: 'rtl', lang: 'ar', headline: /^محادثات سرية مباشرة/ },
  { name: 'an English article', path: '/articles/phone-battery-cold', permalink: '/articles/phone-battery-cold', dir: 'ltr', lang: 'en', headline: /battery/i },
];

describe('a WordPress partner pastes the article URL', () => {
  for (const item of cases) {
    it(`${item.name}: the frame is as tall as its content, nothing scrolls, it follows a width change (${item.dir})`, async () => {
      const { title, secret } = await pasteUrl(item.path, item.permalink);
      assert.doesNotMatch(embedded, /<script|nw-article-card/, 'nothing but the blockquote and the iframe');
      const seen = await openPage(`${partner.base}/`, 1280);
      try {
        const frame = await embedFrame(seen.page);
        await until(async () => (await frameView(frame)).headline, 'the card to render in the frame');
        const { height, reported } = await settled(seen.page, frame);
        const first = await seen.page.evaluate(() => (window as unknown as { reported: number[] }).reported[0]);
        assert.equal(first, reported, 'the first height the frame sent was already the right one');
        const view = await frameView(frame);
        assert.equal(view.dir, item.dir);
        assert.equal(view.lang, item.lang);
        assert.match(view.headline, item.headline);
        assert.equal(view.headline, title);
        assert.equal(reported, view.bodyHeight, 'the frame reported its content height');
        assert.ok(reported >= 200, `the card is taller than wp-embed's minimum (${reported})`);
        assert.equal(view.innerHeight, Math.round(height), 'the iframe is that tall');
        assert.ok(view.scrollHeight <= view.innerHeight, `nothing to scroll (${view.scrollHeight} > ${view.innerHeight})`);
        assert.ok(view.scrollWidth <= view.innerWidth, 'nothing to scroll sideways');
        assert.ok(view.cardWidth >= view.innerWidth - 12, `the card fills the frame's width (${view.cardWidth} of ${view.innerWidth})`);
        const hidden = await seen.page.$eval(`blockquote[data-secret="${secret}"]`, (quote) => getComputedStyle(quote).display);
        assert.equal(hidden, 'none', 'the blockquote is hidden once the frame speaks');

        // Narrower: the iframe shrinks with the page (max-width: 100%), the card grows taller, the frame says so.
        await seen.page.setViewportSize({ width: 375, height: 900 });
        const narrow = await until(async () => {
          const state = await settled(seen.page, frame);
          return state.reported !== reported ? state : undefined;
        }, 'a new height after the page got narrower', 10_000);
        const narrowView = await frameView(frame);
        assert.equal(narrowView.innerHeight, Math.round(narrow.height));
        assert.equal(narrow.reported, narrowView.bodyHeight);
        assert.ok(narrowView.scrollHeight <= narrowView.innerHeight, 'still nothing to scroll');
        assert.deepEqual(seen.errors, [], 'no CSP, CORS or script error');
        assert.deepEqual(seen.offsite, [], 'no request to a third party');
        assert.deepEqual(await seen.page.context().cookies(), [], 'no cookie');
      } finally {
        await seen.close();
      }
    });
  }

  it('a click on the card opens the article in the top window, not in the frame', async () => {
    await pasteUrl('/articles/phone-battery-cold');
    const seen = await openPage(`${partner.base}/`, 1280);
    try {
      const frame = await embedFrame(seen.page);
      await settled(seen.page, frame);
      await frame.locator('nw-article-card [part~=card] a').first().click();
      await seen.page.waitForURL(`${env.server.base}/articles/phone-battery-cold`, { timeout: 10_000 });
      assert.match(await seen.page.$eval('h1', (h1) => h1.textContent ?? ''), /battery/i);
    } finally {
      await seen.close();
    }
  });

  it('opened on its own, the embed page is an ordinary page whose link navigates', async () => {
    const seen = await openPage(`${env.server.base}/articles/phone-battery-cold/embed/`, 600);
    try {
      await until(async () => (await seen.page.$eval('nw-article-card', (card) => card.shadowRoot?.querySelector('[part~=headline]')?.textContent)) ?? '', 'the card');
      await seen.page.locator('nw-article-card [part~=card] a').first().click();
      await seen.page.waitForURL(`${env.server.base}/articles/phone-battery-cold`, { timeout: 10_000 });
      assert.deepEqual(seen.errors, []);
    } finally {
      await seen.close();
    }
  });

  for (const item of cases) {
    it(`the embed page is axe-clean (${item.dir})`, async () => {
      // axe is injected inline, which the page's policy forbids: this context alone ignores it.
      const context = await env.browser.newContext({ viewport: { width: 600, height: 600 }, bypassCSP: true });
      try {
        const page = await context.newPage();
        await page.goto(`${env.server.base}${item.permalink}/embed/`);
        await page.waitForFunction(() => document.querySelector('nw-article-card')?.shadowRoot?.querySelector('[part~=headline]'));
        await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const { axe } = window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } };
          // The frame is a part of its host's page, inside the host's outline: the card's headline is an h3, as on
          // our own pages, not the h1 a page of its own would have.
          const { violations } = await axe.run(document, { rules: { 'page-has-heading-one': { enabled: false } } });
          return violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
        });
        assert.deepEqual(violations, []);
      } finally {
        await context.close();
      }
    });
  }

  it('the README’s iframe snippet on any other site: the card shows, and its link opens the article in the top window', async () => {
    const seen = await openPage(`${partner.base}/frame`, 1280);
    try {
      const frame = await embedFrame(seen.page);
      await until(async () => (await frameView(frame)).headline, 'the card to render in the frame');
      const view = await frameView(frame);
      assert.equal(view.dir, 'rtl');
      assert.ok(view.scrollHeight <= view.innerHeight, 'the snippet’s height holds the Arabic card at 600 px');
      await frame.locator('nw-article-card [part~=card] a').first().click();
      await seen.page.waitForURL(`${env.server.base}/articles/us-hamas-direct-talks`, { timeout: 10_000 });
      assert.deepEqual(seen.errors, []);
    } finally {
      await seen.close();
    }
  });
});
