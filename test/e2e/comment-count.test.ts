/**
 * `<nw-comment-count>` on the built demo against the real server: a category archive shows each post's count in
 * words, from one request per post, with no layout shift, and each count leads to that article's comments.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoUnderTest, newSession, until } from './support.js';

const env = demoUnderTest();

/** Sums every layout shift of the page, from its first paint. */
const RECORD_SHIFTS = `globalThis.__shifts = 0;
new PerformanceObserver((list) => { for (const entry of list.getEntries()) globalThis.__shifts += entry.value; })
  .observe({ type: 'layout-shift', buffered: true });`;

describe('<nw-comment-count> on an archive page', () => {
  it('shows each post’s count in words, one request per post, without moving anything, linking to its comments', async () => {
    const session = await newSession(env.browser, env.server.base, { viewport: { width: 375, height: 800 } });
    const { page } = session;
    try {
      await session.context.addInitScript(RECORD_SHIFTS);
      await page.goto(`${env.server.base}/category/politics/`, { waitUntil: 'load' });
      const counts = page.locator('nw-comment-count');
      const total = await counts.count();
      assert.ok(total >= 2, 'the archive lists several posts');
      const shown = () =>
        counts.evaluateAll((els) =>
          els.map((el) => {
            const count = el.shadowRoot?.querySelector('[part~=count]');
            return count && !count.classList.contains('visually-hidden') ? count.textContent!.trim() : '';
          }),
        );
      const texts = await until(async () => ((await shown()).every(Boolean) ? shown() : undefined), 'every count shown');
      const expected = await Promise.all(
        (await counts.evaluateAll((els) => els.map((el) => el.getAttribute('post-id')!))).map(async (id) => {
          const response = await fetch(`${env.server.base}/wp-json/wp/v2/comments?post=${id}&per_page=1`);
          return Number(response.headers.get('x-wp-total'));
        }),
      );
      const words = (n: number) => (n === 0 ? 'لا تعليقات' : n === 1 ? 'تعليق واحد' : n === 2 ? 'تعليقان' : undefined);
      expected.forEach((n, index) => {
        if (words(n)) assert.equal(texts[index], words(n));
        else assert.match(texts[index], new RegExp(`^${n} `));
      });
      const countRequests = session.requests.filter((request) => new URL(request.url).pathname === '/wp-json/wp/v2/comments');
      assert.equal(countRequests.length, total, 'one request per post');
      assert.equal(await page.evaluate(() => (globalThis as unknown as { __shifts: number }).__shifts), 0, 'no layout shift');
      assert.deepEqual(session.offsite, []);
      assert.deepEqual(session.errors, []);

      const first = counts.first();
      const href = await first.getAttribute('href');
      await first.evaluate((el) => (el.shadowRoot!.querySelector('a') as HTMLAnchorElement).click());
      await page.waitForURL(`${env.server.base}${href}#comments`);
      assert.equal(await page.locator('#comments').count(), 1, 'the article page has the comments section it links to');
    } finally {
      await session.close();
    }
  });
});
