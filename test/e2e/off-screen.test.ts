/**
 * Cards and comments off screen skip their layout and paint (content-visibility: auto) until they come near the
 * viewport (issue 9, item 1), and a reader loses nothing by it: on a page of 1,000 cards from the real server,
 * in headless Chromium, nothing shifts while scrolling through, find in page reaches an off-screen card, the
 * printout has every card, a screen reader's accessibility tree has its link and headline, and a `#comment-ID`
 * link on the article page brings its comment into view. Each test first checks that what it reaches for is
 * skipped, so that it tests skipped content.
 */
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { before, describe, it } from 'node:test';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.mjs';
import { demoUnderTest, newSession, until } from './support.js';

const env = demoUnderTest();

const IMAGES = ['protected-bike-lanes-approved', 'phone-battery-cold', 'manuscript-goes-online', 'us-hamas-direct-talks'];

/** A front page of `count` cards in a grid, as the demo's, with headlines and excerpts of varied length. */
function cardsPage(count: number): string {
  const cards = Array.from({ length: count }, (_, i) => {
    const image = IMAGES[i % IMAGES.length];
    const words = 'lorem ipsum dolor sit amet '.repeat(1 + (i % 7));
    return `<nw-article-card href="/articles/card-${i}" headline="Card ${i}: ${words}" excerpt="Excerpt ${i}: ${words.repeat(2)}"
      section="Section ${i % 5}" image="/media/${image}.svg" image-alt="" image-width="1200" image-height="675"
      author="Desk ${i % 3}" published="2026-10-02T12:00:00Z" words="${300 + i}"></nw-article-card>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${count} cards</title><script type="module" src="/dist/news-widgets.js" blocking="render"></script>
    <style>body { margin: 0; padding: 1rem; font-family: sans-serif } .grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)) }</style>
    </head><body><main class="grid">${cards}</main></body></html>`;
}

const PATH = '/test-only/cards.html';

/** Opens a page of `count` cards: the page is made here, everything it loads comes from the real server. */
async function openCards(page: Page, count = 1000): Promise<void> {
  const body = cardsPage(count);
  await page.route(`**${PATH}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  await page.goto(env.server.base + PATH);
  await page.waitForFunction(() => customElements.get('nw-article-card') !== undefined);
}

/** Whether card `i`'s contents are rendered (false while content-visibility: auto skips them). */
function cardRendered(page: Page, i: number): Promise<boolean> {
  return page.evaluate(
    (i) => document.querySelectorAll('nw-article-card')[i].shadowRoot!.querySelector('[part~=headline]')!.checkVisibility({ contentVisibilityAuto: true }),
    i,
  );
}

const frames = (page: Page, n = 2): Promise<void> =>
  page.evaluate((n) => new Promise<void>((resolve) => {
    const step = (left: number): void => void (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  }), n);

const RECORD_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__shifts.push(entry.value.toFixed(4) + ' at y=' + scrollY + ': ' +
      (entry.sources || []).map((s) => (s.node && s.node.localName) + ' ' + [s.previousRect.y, s.previousRect.height, s.currentRect.y, s.currentRect.height].map(Math.round).join(',')).join('; '));
  }).observe({ type: 'layout-shift', buffered: true });
`;

describe('1,000 cards, most of them off screen', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
    it(`do not shift while the reader scrolls through them and back (${viewport.width} px)`, async () => {
      const session = await newSession(env.browser, env.server.base, { viewport });
      const { page } = session;
      try {
        await page.addInitScript(RECORD_SHIFTS);
        await openCards(page);
        await frames(page);
        assert.equal(await cardRendered(page, 999), false, 'the last card is skipped at first');
        // Down half a viewport at a time, so that every card is in view in two frames in a row (a shift counts
        // only for what was in view before and after), two rendering updates each; until the end (the page grows
        // as cards taller than their estimate render), then up again over the sizes the cards remembered.
        for (const direction of [1, -1]) {
          for (let moved = true; moved; ) {
            moved = await page.evaluate(async (direction) => {
              const before = scrollY;
              scrollBy(0, (direction * innerHeight) / 2);
              await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
              return scrollY !== before;
            }, direction);
          }
          if (direction === 1) assert.equal(await cardRendered(page, 999), true, 'the last card is rendered at the end');
        }
        const shifts = await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts);
        assert.deepEqual(shifts, [], `layout shifts:\n${shifts.join('\n')}`);
        assert.deepEqual(session.errors, []);
      } finally {
        await session.close();
      }
    });
  }

  it('are reached by find in page', async () => {
    const session = await newSession(env.browser, env.server.base);
    const { page } = session;
    try {
      await openCards(page);
      await frames(page);
      assert.equal(await cardRendered(page, 900), false, 'card 900 is skipped at first');
      // window.find() searches the flat tree, shadow roots included, as the browser's own find bar does.
      assert.equal(await page.evaluate(() => (window as unknown as { find(text: string): boolean }).find('Card 900:')), true, 'window.find() finds the headline of card 900');
      await until(() => cardRendered(page, 900), 'card 900 to be rendered once found');
      const { top, bottom } = await page.evaluate(() => document.querySelectorAll('nw-article-card')[900].getBoundingClientRect().toJSON() as DOMRect);
      const viewportHeight = await page.evaluate(() => innerHeight);
      assert.ok(bottom > 0 && top < viewportHeight, `card 900 is scrolled into view (top ${top}, bottom ${bottom})`);
    } finally {
      await session.close();
    }
  });

  it('are all in the printout', async () => {
    const session = await newSession(env.browser, env.server.base);
    const { page } = session;
    try {
      await openCards(page, 60);
      await frames(page);
      assert.equal(await cardRendered(page, 59), false, 'the last card is skipped on screen');
      const skipping = textOperations(await page.pdf());
      // The same page with nothing skipped, as README tells a site to do it.
      await page.addStyleTag({ content: 'nw-article-card { content-visibility: visible }' });
      await frames(page);
      assert.equal(await cardRendered(page, 59), true);
      const everything = textOperations(await page.pdf());
      assert.ok(everything > 60 * 5, `the printout has text (${everything} text operations)`);
      assert.equal(skipping, everything, 'the printout has as much text as one with nothing skipped');
    } finally {
      await session.close();
    }
  });

  it('keep their link and headline in the accessibility tree a screen reader reads', async () => {
    // A screen reader turns Chromium's accessibility on in full; this flag does the same. (Without it, the tree
    // that DevTools builds on demand leaves skipped content out, marked "notRendered".)
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--force-renderer-accessibility'] });
    try {
      const session = await newSession(browser, env.server.base);
      const { page } = session;
      await openCards(page);
      await frames(page);
      assert.equal(await cardRendered(page, 900), false, 'card 900 is skipped');
      const headline = await page.evaluate(() => document.querySelectorAll('nw-article-card')[900].getAttribute('headline')!);
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[] };
      const named = (role: string) => nodes.filter((node) => !node.ignored && node.role?.value === role && node.name?.value.trim() === headline.trim());
      assert.equal(named('link').length, 1, 'the link of card 900, named by its headline');
      assert.equal(named('heading').length, 1, 'the headline of card 900');
      assert.equal(await cardRendered(page, 900), false, 'card 900 is still skipped');
      await session.close();
    } finally {
      await browser.close();
    }
  });
});

/**
 * The text-showing operators (`Tj`, `TJ`) in a PDF's content streams: one or more for every run of text printed,
 * so a card left out of the printout leaves fewer.
 */
function textOperations(pdf: Buffer): number {
  const source = pdf.toString('latin1');
  let count = 0;
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, source.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // not a deflated stream (an image, a font)
    }
    count += content.match(/\bT[jJ]\b/g)?.length ?? 0;
  }
  return count;
}

describe('a #comment-ID link on the article page', () => {
  const ids: number[] = [];
  before(async () => {
    // Twenty comments (the list's first page), short and long, so the size estimate of a skipped one is wrong.
    for (let i = 0; i < 20; i++) {
      const content = `Comment ${i} on the seed article. ${'A longer thought that goes on and on. '.repeat(i % 4 === 0 ? 30 : 1)}`;
      const response = await fetch(`${env.server.base}/wp-json/wp/v2/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ post: 1, author_name: `Reader ${i}`, author_email: `reader${i}@example.com`, content }),
      });
      const body = (await response.json()) as { id: number };
      assert.equal(response.status, 201, JSON.stringify(body));
      ids.push(body.id);
    }
  });

  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
    it(`brings that comment into view, past the skipped comments before it (${viewport.width} px)`, async () => {
      const session = await newSession(env.browser, env.server.base, { viewport });
      const { page } = session;
      try {
        const target = ids[17];
        await page.goto(`${env.server.base}/#comment-${target}`);
        const inView = () =>
          page.evaluate((id) => {
            const box = document.querySelector('nw-comment-list')?.shadowRoot?.querySelector(`#comment-${id}`);
            if (!box) return false;
            const { top, bottom } = box.getBoundingClientRect();
            return top >= -1 && top < innerHeight && bottom > 0;
          }, target);
        await until(inView, `comment ${target} to come into view`, 10_000);
        // Held over several rendering updates: scroll anchoring keeps it there while the comments near it render.
        for (let i = 0; i < 5; i++) {
          await frames(page);
          assert.equal(await inView(), true, `comment ${target} stays in view`);
        }
        const firstRendered = await page.evaluate(
          (id) => document.querySelector('nw-comment-list')!.shadowRoot!.querySelector(`#comment-${id} [part~=author]`)!.checkVisibility({ contentVisibilityAuto: true }),
          ids[0],
        );
        assert.equal(firstRendered, false, 'the first comment, far above, is skipped');
        assert.deepEqual(session.errors, []);
      } finally {
        await session.close();
      }
    });
  }
});
