/**
 * What a refused comment means for the form (src/components/comment-form/error-codes.ts) is a chunk of its own,
 * loaded on demand: on `/` (news-widgets.js) neither the page nor an accepted comment downloads it; the first
 * refusal does. If it cannot load, the form still says that the site refused the comment, and keeps the text.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type E2eServer, launchBrowser, newSession, readDb, startServer, until } from './support.js';

const FORM = '#comments > nw-comment-form';
const CHUNK = /\/dist\/chunks\/error-codes-[\w-]+\.js$/;
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
