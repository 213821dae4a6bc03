/**
 * Code that only some readers need is a chunk of its own, loaded on demand, on `/` (news-widgets.js) as in the
 * single-element files:
 * - what a refused comment means for the form (src/components/comment-form/error-codes.ts): neither the page nor
 *   an accepted comment downloads it, the first refusal does; if it cannot load, the form still says that the
 *   site refused the comment, and keeps the text;
 * - the sanitizing of comments (src/components/comment-list/clean-html.ts): not loaded until the list nears the
 *   viewport, then with its first fetch of comments; if it cannot load, the list says they could not be loaded,
 *   and "Try again" shows them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type E2eServer, launchBrowser, newSession, readDb, startServer, until } from './support.js';

const FORM = '#comments > nw-comment-form';
const CHUNK = /\/dist\/chunks\/error-codes-[\w-]+\.js$/;
const CLEAN_CHUNK = /\/dist\/chunks\/clean-html-[\w-]+\.js$/;
const LIST = '#comments > nw-comment-list';
const TEXT = {
  published: 'نُشر تعليقك.',
  duplicate: 'سبق أن أرسلت هذا التعليق.',
  refused: 'لم يقبل الموقع تعليقك. راجعه ثم حاول مرة أخرى.',
};
const COMMENT = 'تعليق يُرسل مرتين: الثانية يرفضها الموقع.';

let server: E2eServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

function stored(content: string): number {
  const db = readDb(server.dbFile);
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM comments WHERE content = ?').get(content) as { n: number }).n;
  } finally {
    db.close();
  }
}

const input = (id: 'comment' | 'author' | 'email') => `${FORM} [part~=input]#${id}`;

async function send(page: Page, expected: string): Promise<void> {
  await page.locator(`${FORM} [part=submit]`).click();
  let said: string | undefined;
  await until(
    async () => (said = (await page.locator(`${FORM} [part=status]`).textContent())?.trim()) === expected,
    `the form to say "${expected}"`,
    10_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; it says "${said}"`);
  });
}

describe('what a refused comment means, on /', () => {
  it('loads with the first refusal only; without it the refusal is still said and the text kept', async () => {
    const session = await newSession(browser, server.base);
    const { page, requests } = session;
    const chunkRequests = () => requests.filter((request) => CHUNK.test(new URL(request.url).pathname)).length;
    try {
      await page.goto(`${server.base}/`, { waitUntil: 'load' });
      await page.locator(FORM).scrollIntoViewIfNeeded();
      await page.locator(input('comment')).fill(COMMENT);
      await page.locator(input('author')).fill('قارئ');
      await page.locator(input('email')).fill('reader@example.com');
      await send(page, TEXT.published);
      assert.equal(stored(COMMENT), 1);
      assert.equal(chunkRequests(), 0, 'neither the page nor an accepted comment downloads it');

      // The same comment again is refused as a duplicate (409), while the chunk cannot be loaded.
      await page.route(CHUNK, (route) => route.abort('connectionrefused'));
      await page.locator(input('comment')).fill(COMMENT);
      await send(page, TEXT.refused);
      assert.equal(chunkRequests(), 1, 'the refusal asked for it');
      assert.equal(await page.locator(input('comment')).inputValue(), COMMENT, 'the text is still in the form');

      // With the chunk back, the refusal says what it is.
      await page.unroute(CHUNK);
      await send(page, TEXT.duplicate);
      assert.equal(chunkRequests(), 2);
      assert.equal(stored(COMMENT), 1, 'still one row');
      assert.deepEqual(session.offsite, []);
    } finally {
      await session.close();
    }
  });
});

describe('the sanitizing of comments, on /', () => {
  it('loads with the first comments, not before the list nears the viewport; without it the list says so, and "Try again" shows them', async () => {
    const session = await newSession(browser, server.base);
    const { page, requests } = session;
    const content = 'تعليق يظهر <b>بلا</b> وسوم بعد أن يصل رمز التنظيف.';
    const index = (test: (path: string) => boolean) => requests.findIndex((request) => test(new URL(request.url).pathname));
    try {
      await page.goto(`${server.base}/`, { waitUntil: 'load' });
      const posted = await page.evaluate(
        (body) =>
          fetch('/wp-json/wp/v2/comments', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }).then((response) => response.status),
        { post: 1, content, author_name: 'قارئة', author_email: 'reader2@example.com' },
      );
      assert.equal(posted, 201);

      await page.route(CLEAN_CHUNK, (route) => route.abort('connectionrefused'));
      requests.length = 0;
      await page.reload({ waitUntil: 'load' });
      assert.equal(index((path) => CLEAN_CHUNK.test(path)), -1, 'not asked for before the list nears the viewport');
      await page.locator(LIST).scrollIntoViewIfNeeded();
      const failed = page.locator(`${LIST} [part=retry]`);
      await failed.waitFor({ state: 'visible' });
      assert.equal((await page.locator(`${LIST} [part=list] p`).first().textContent())?.trim(), 'تعذّر تحميل التعليقات.');
      const asked = index((path) => path === '/wp-json/wp/v2/comments');
      const loaded = index((path) => CLEAN_CHUNK.test(path));
      // Asked for with the comments, in parallel, not after them.
      assert.ok(asked >= 0 && loaded >= 0, `asked for with the comments (comments #${asked}, chunk #${loaded})`);

      await page.unroute(CLEAN_CHUNK);
      await failed.click();
      const shown = page.locator(`${LIST} article[part~=comment] [part~=content]`);
      await until(async () => (await shown.allTextContents()).some((text) => text.includes('بلا')), 'the comment in the list');
      assert.equal(await page.locator(`${LIST} article[part~=comment] [part~=content] b`).count(), 0, 'sanitized');
      assert.deepEqual(session.offsite, []);
    } finally {
      await session.close();
    }
  });
});
