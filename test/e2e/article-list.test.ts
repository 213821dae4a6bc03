/**
 * `<nw-article-list>` on the built demo against the real server: the article page's "اقرأ أيضاً" row loads the
 * other posts of its section from `/wp-json/wp/v2/posts`, each card in its post's language, and the partner page's "From our
 * partner" list pages on through the server's real `X-WP-TotalPages`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoUnderTest, newSession, until } from './support.js';

const env = demoUnderTest();

interface RestPost {
  link: string;
  lang: string;
  title: { rendered: string };
}

/** What each card of the list shows: its headline, link, and the language and direction of its box. */
const shownCards = (list: import('playwright-core').Locator) =>
  list.evaluate((el) =>
    Array.from(el.shadowRoot!.querySelectorAll('nw-article-card'), (card) => {
      const box = card.shadowRoot!.querySelector('article')!;
      const link = box.querySelector('[part=headline] a') as HTMLAnchorElement | null;
      return { headline: link?.textContent?.trim(), href: link?.href, lang: box.lang, dir: box.dir };
    }),
  );

const decode = (html: string) => html.replace(/&#0*39;|&#8217;/g, (m) => (m === '&#8217;' ? '’' : "'")).replace(/&amp;/g, '&');

describe('<nw-article-list> on the demo', () => {
  it('the article page\'s "اقرأ أيضاً" row shows the other Arabic posts of its section from the REST API, right to left', async () => {
    const session = await newSession(env.browser, env.server.base);
    const { page } = session;
    try {
      await page.goto(`${env.server.base}/`, { waitUntil: 'load' });
      const list = page.locator('.related nw-article-list');
      const src = (await list.getAttribute('src'))!;
      const posts = (await (await fetch(new URL(src, env.server.base))).json()) as RestPost[];
      assert.deepEqual(
        posts.map((post) => post.link),
        [`${env.server.base}/articles/security-council-gaza-aid`, `${env.server.base}/articles/arab-ministers-gaza-reconstruction`],
        'the other politics posts, newest first',
      );
      assert.equal(await page.locator('.related h2').textContent(), 'اقرأ أيضاً');

      await list.scrollIntoViewIfNeeded();
      await until(async () => (await shownCards(list)).every((card) => card.headline) && (await shownCards(list)).length === posts.length, 'the cards loaded');
      const cards = await shownCards(list);
      assert.deepEqual(
        cards,
        posts.map((post) => ({
          headline: decode(post.title.rendered),
          href: post.link,
          lang: post.lang,
          dir: post.lang === 'ar' ? 'rtl' : 'ltr',
        })),
      );
      assert.ok(cards.every((card) => card.lang === 'ar' && card.dir === 'rtl'), 'Arabic cards, right to left');
      // Laid out right to left: the first card on the right, the two level.
      const [first, second] = await list.evaluate((el) =>
        Array.from(el.shadowRoot!.querySelectorAll('nw-article-card'), (card) => card.getBoundingClientRect().toJSON() as DOMRect),
      );
      assert.ok(first.left > second.left, `the first card is right of the second: ${first.left}, ${second.left}`);
      assert.equal(first.top, second.top);
      assert.equal(first.height, second.height);

      // One request for the collection (the page's per_page, page 1, embedded authors and terms), none per post.
      const rest = session.requests.filter((request) => new URL(request.url).pathname.startsWith('/wp-json/wp/v2/posts'));
      assert.equal(rest.length, 1, rest.map((request) => request.url).join('\n'));
      const asked = new URL(rest[0].url);
      assert.equal(asked.searchParams.get('page'), '1');
      assert.equal(asked.searchParams.get('per_page'), String(posts.length));
      assert.ok(asked.searchParams.has('_embed'));
      // Everything fits on the one page the server has: no "load more".
      const more = list.locator('[part=more]');
      assert.equal(await more.isVisible(), false);
      assert.deepEqual(session.offsite, []);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  it('without JavaScript, the row is the links the server wrote inside the list', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${env.server.base}/`);
      const links = page.locator('.related nw-article-list ul.related-fallback a');
      assert.deepEqual(await links.allTextContents(), [
        'مجلس الأمن يعقد جلسة طارئة لبحث إيصال المساعدات الإنسانية إلى غزة',
        'وزراء الخارجية العرب يبحثون في القاهرة خطة لإعادة إعمار غزة',
      ]);
      for (const link of await links.all()) assert.ok(await link.isVisible());
      assert.equal(await page.locator('.related-fallback li[lang=ar][dir=rtl]').count(), 2);
    } finally {
      await context.close();
    }
  });

  for (const width of [1280, 375]) {
    it(`the partner page's "From our partner" list loads more from the server's X-WP-TotalPages (${width} px)`, async () => {
      const session = await newSession(env.browser, env.server.base, { viewport: { width, height: 800 } });
      const { page } = session;
      try {
        const firstResponse = page.waitForResponse((response) => new URL(response.url()).pathname === '/wp-json/wp/v2/posts');
        await page.goto(`${env.server.base}/partner.html`, { waitUntil: 'load' });
        const list = page.locator('nw-article-list[heading="From our partner"]');
        await list.scrollIntoViewIfNeeded();
        const first = await firstResponse;
        const totalPages = Number(first.headers()['x-wp-totalpages']);
        const total = Number(first.headers()['x-wp-total']);
        assert.ok(totalPages >= 2, `the server has more than one page of two (${total} posts)`);
        await until(async () => (await shownCards(list)).filter((card) => card.headline).length === 2, 'the first page');
        const firstPage = await shownCards(list);
        assert.deepEqual(
          firstPage.map((card) => [card.lang, card.dir]),
          [
            ['ar', 'rtl'],
            ['en', 'ltr'],
          ],
          'the newest post is the Arabic one, right to left on the English page',
        );
        assert.equal((await list.locator('[part=heading]').textContent())?.trim(), 'From our partner');

        const more = list.locator('[part=more]');
        for (let pageNumber = 2; pageNumber <= totalPages; pageNumber++) {
          assert.ok(await more.isVisible(), `"More articles" shows before page ${pageNumber}`);
          await more.focus();
          const next = page.waitForResponse((response) => new URL(response.url()).searchParams.get('page') === String(pageNumber));
          await page.keyboard.press('Enter');
          const response = await next;
          assert.equal(new URL(response.url()).searchParams.get('per_page'), '2');
          const expected = Math.min(pageNumber * 2, total);
          await until(async () => (await shownCards(list)).filter((card) => card.headline).length === expected, `page ${pageNumber}`);
          // Focus is on the first card the page added.
          const focused = await list.evaluate((el) => {
            const card = el.shadowRoot!.activeElement as HTMLElement | null;
            return { index: Array.from(el.shadowRoot!.querySelectorAll('nw-article-card')).indexOf(card as Element), text: card?.shadowRoot?.activeElement?.textContent?.trim() };
          });
          const shown = await shownCards(list);
          assert.equal(focused.index, (pageNumber - 1) * 2);
          assert.equal(focused.text, shown[focused.index].headline);
        }
        assert.equal(await more.isVisible(), false, 'no button after the last page');
        const headlines = (await shownCards(list)).map((card) => card.headline);
        assert.equal(new Set(headlines).size, total, 'every post once');
        assert.deepEqual(session.offsite, []);
        assert.deepEqual(session.errors, []);
      } finally {
        await session.close();
      }
    });
  }
});
