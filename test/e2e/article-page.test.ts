/** The main site's Arabic article page `/` (SPEC §9) as a reader gets it from the real server. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoUnderTest, newSession, scrollThrough, storageOf, until } from './support.js';

const HEADLINE = 'محادثات سرية مباشرة بين أمريكا و”حماس”.. هل تفتح باباً جديداً لإنهاء الحرب؟';
const SUBHEADINGS = ['محادثات سرية', 'رهائن أحياء', 'رفض التواصل', 'المرحلة الأصعب', 'صمت رسمي'];

const env = demoUnderTest();

describe('article page /', () => {
  it('shows the Arabic article, its list of other articles and share bar, and loads, sets and stores nothing elsewhere', async () => {
    const session = await newSession(env.browser, env.server.base);
    const { page } = session;
    try {
      await page.goto(`${env.server.base}/`, { waitUntil: 'load' });

      assert.equal(await page.getAttribute('html', 'lang'), 'ar');
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      const h1 = page.locator('main article h1');
      assert.equal((await h1.textContent())?.trim(), HEADLINE);
      assert.ok(await h1.isVisible());

      const byline = page.locator('main article .byline');
      const bylineText = (await byline.innerText()).replace(/\s+/g, ' ');
      assert.match(bylineText, /فريق التحرير/);
      assert.match(bylineText, /4 دقائق للقراءة/);

      const subheadings = await page.locator('main article .article-body :is(h2, h3)').allInnerTexts();
      assert.deepEqual(
        subheadings.map((text) => text.trim()),
        SUBHEADINGS,
      );

      // The "read also" row: <nw-article-list>, its cards loaded from the REST API as it nears the viewport, each
      // card's headline the one its light-DOM fallback links to; the fallback stays in the DOM, not shown.
      const list = page.locator('.related nw-article-list');
      await list.scrollIntoViewIfNeeded();
      const cards = list.locator('nw-article-card');
      const links = await list.locator('ul.related-fallback a').allTextContents();
      assert.equal(links.length, 2, 'the two other politics posts');
      await until(async () => (await cards.count()) === links.length && (await cards.locator('[part=headline] a').count()) === links.length, 'the cards loaded');
      for (let i = 0; i < links.length; i++) {
        const card = cards.nth(i);
        const shown = await card.evaluate((el) => el.shadowRoot?.querySelector('[part=headline]')?.textContent?.trim());
        assert.equal(shown, links[i].trim(), `card ${i} shows the headline its fallback links to`);
        const box = await card.boundingBox();
        assert.ok(box && box.width > 100 && box.height > 50, `card ${i} has a size: ${JSON.stringify(box)}`);
      }
      assert.equal(await list.locator('ul.related-fallback').isVisible(), false, "the list's fallback links are not shown");
      await page.evaluate(() => scrollTo(0, 0));

      // The inline share bar under the article.
      const share = page.locator('main article nw-share-button[mode=inline]');
      const heading = share.locator('[part=heading]');
      await heading.waitFor({ state: 'visible' });
      assert.equal((await heading.textContent())?.trim(), 'شارك المقال');
      assert.ok((await share.locator('a[part=item]').count()) >= 4, 'the share bar lists networks as links');
      const fallback = share.locator(':scope > .share-fallback');
      assert.equal(await fallback.count(), 1, 'the fallback share links stay in the DOM');
      assert.equal(await fallback.isVisible(), false, 'the fallback share links are not shown');

      const privacy = async (when: string) => {
        assert.deepEqual(session.offsite, [], `no request left the server's origin (${when})`);
        assert.deepEqual(await session.context.cookies(), [], `no cookie (${when})`);
        assert.deepEqual(await storageOf(page), { local: [], session: [] }, `no storage (${when})`);
      };
      await privacy('after load');

      // Lazy parts (images, the comment list) load while the reader scrolls: still nothing leaves the origin.
      await scrollThrough(page);
      await page.waitForLoadState('networkidle');
      await privacy('after scrolling through the page');
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });
});
