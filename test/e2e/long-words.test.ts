/**
 * A name or word of any length never widens the page: the server-rendered fallbacks (comments, names,
 * headlines) wrap inside the viewport, measured with JavaScript off so the widgets do not replace them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, readDb, startServer, type E2eServer } from './support.js';
import Database from 'better-sqlite3';

/** WordPress's longest name (245 bytes of UTF-8, as it counts), without a place to break. */
const NAME = 'ب'.repeat(60) + 'W'.repeat(125);
const WORD = 'x'.repeat(400);
const WIDTHS = [375, 1280];

describe('long unbroken names and words in the server-rendered page', () => {
  let server: E2eServer;
  let browser: Browser;
  let commentPage = '';
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const response = await fetch(`${server.base}/wp-json/wp/v2/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ post: 1, author_name: NAME, author_email: 'long@example.com', content: `${WORD} ${'y'.repeat(2000)}` }),
    });
    assert.equal(response.status, 201);
    commentPage = `/articles/us-hamas-direct-talks/comments/${((await response.json()) as { id: number }).id}`;
    // A post whose headline, section and author are one long word each: its card and its own page.
    const db = new Database(server.dbFile);
    const author = db.prepare(`INSERT INTO authors (slug, name) VALUES ('long', ?) RETURNING id`).pluck().get(NAME) as number;
    db.prepare(
      `INSERT INTO posts (id, slug, lang, title, content, excerpt, author, date_gmt, modified_gmt)
       VALUES (60, 'long-words', 'en', ?, ?, ?, ?, '2026-11-30T08:00:00', '2026-11-30T08:00:00')`,
    ).run(WORD, `<p>${WORD}</p>`, WORD, author);
    db.close();
    const check = readDb(server.dbFile);
    assert.equal(check.prepare('SELECT author_name FROM comments').pluck().get(), NAME);
    check.close();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const pages: ReadonlyArray<[string, () => string, string]> = [
    ['/', () => '/', NAME],
    ['an English article with a long headline, author and text', () => '/articles/long-words', WORD],
    ['a comment’s own page', () => commentPage, NAME],
  ];
  for (const [name, path, long] of pages) {
    for (const width of WIDTHS) {
      test(`${name} at ${width} px is no wider than the viewport`, async () => {
        const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
        try {
          const page = await context.newPage();
          assert.equal((await page.goto(`${server.base}${path()}`))?.status(), 200);
          assert.ok((await page.locator('body').innerText()).replace(/\s/g, '').includes(long), 'the long text is on the page');
          // In an RTL page, overflow to the right is clipped rather than scrollable, so the boxes are checked too.
          const { scrollWidth, innerWidth, left, right } = await page.evaluate(() => {
            const rects = Array.from(document.body.querySelectorAll('*')).map((element) => element.getBoundingClientRect()).filter((rect) => rect.width > 0);
            return {
              scrollWidth: document.documentElement.scrollWidth,
              innerWidth: window.innerWidth,
              left: Math.min(...rects.map((rect) => rect.left)),
              right: Math.max(...rects.map((rect) => rect.right)),
            };
          });
          assert.equal(scrollWidth, innerWidth);
          assert.ok(left >= 0 && right <= innerWidth, `boxes from ${left} to ${right} px`);
        } finally {
          await context.close();
        }
      });
    }
  }
});
