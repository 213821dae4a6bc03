/** The main site's Arabic article page `/` (SPEC §9) as a reader gets it from the real server. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoUnderTest, newSession, scrollThrough, storageOf } from './support.js';

const HEADLINE = 'محادثات سرية مباشرة بين أمريكا و”حماس”.. هل تفتح باباً جديداً لإنهاء الحرب؟';
const SUBHEADINGS = ['محادثات سرية', 'رهائن أحياء', 'رفض التواصل', 'المرحلة الأصعب', 'صمت رسمي'];

const env = demoUnderTest();

describe('article page /', () => {
  it('shows the Arabic article, its cards and share bar, and loads, sets and stores nothing elsewhere', async () => {
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

      // The grid: every card upgraded, its headline visible in its shadow root, its light-DOM fallback hidden.
      const cards = page.locator('.card-grid nw-article-card');
      const count = await cards.count();
      assert.ok(count >= 3, `expected at least 3 cards, got ${count}`);
      for (let i = 0; i < count; i++) {
        const card = cards.nth(i);
        await card.locator('[part=headline]').waitFor({ state: 'visible' });
        const expected = (await card.getAttribute('headline'))?.trim();
        assert.ok(expected, `card ${i} has a headline attribute`);
        const shown = await card.evaluate((el) => el.shadowRoot?.querySelector('[part=headline]')?.textContent?.trim());
        assert.equal(shown, expected, `card ${i} shows its headline in its shadow root`);
        const box = await card.boundingBox();
        assert.ok(box && box.width > 100 && box.height > 50, `card ${i} has a size: ${JSON.stringify(box)}`);
        const fallback = card.locator(':scope > a');
        assert.equal(await fallback.count(), 1, `card ${i} keeps its fallback link in the DOM`);
        assert.equal(await fallback.isVisible(), false, `card ${i}'s fallback link is not shown`);
      }

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
