/**
 * Comments on the article page `/` against the real server and its SQLite file (SPEC §6, §7, §8): publish,
 * reload, reply, moderation hold, and a draft that survives a failed send.
 */
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import { commentListLoaded, type E2eServer, launchBrowser, newSession, readDb, type Session, startServer, storageOf, until } from './support.js';

const FORM = '#comments > nw-comment-form';
const LIST = '#comments > nw-comment-list';
const ENDPOINT = '/wp-json/wp/v2/comments';
const SEED_POST = 1;

const TEXT = {
  published: 'نُشر تعليقك.',
  held: 'تعليقك بانتظار المراجعة.',
  failed: 'تعذّر إرسال التعليق. تعليقك محفوظ هنا؛ حاول مرة أخرى.',
  restored: 'استُعيد تعليقك الذي لم يُرسَل.',
  heldMark: 'بانتظار المراجعة',
  noComments: 'لا توجد تعليقات بعد',
  reply: 'رد',
};

const READER = { name: 'قارئة الاختبار', email: 'reader@example.com' };
const COMMENT = 'تعليق تجريبي: <script>alert(1)</script> & "اقتباس" <b>ليس عريضاً</b>\nسطر ثانٍ مع English و😀';

interface Row {
  id: number;
  post: number;
  parent: number | null;
  author_name: string;
  author_email: string;
  content: string;
  status: string;
}

function rows(server: E2eServer, where = '1', ...params: unknown[]): Row[] {
  const db = readDb(server.dbFile);
  try {
    return db
      .prepare(`SELECT id, post, parent, author_name, author_email, content, status FROM comments WHERE ${where} ORDER BY id`)
      .all(...params) as Row[];
  } finally {
    db.close();
  }
}

let approve: E2eServer;
let hold: E2eServer;
let browser: Browser;

before(async () => {
  [approve, hold, browser] = await Promise.all([
    startServer({ MODERATION: 'approve' }),
    startServer({ MODERATION: 'hold' }),
    launchBrowser(),
  ]);
});

after(async () => {
  await browser?.close();
  await Promise.all([approve?.dispose(), hold?.dispose()]);
});

/** The article page, with the comment list scrolled into view and loaded. */
async function openArticle(server: E2eServer): Promise<Session & { dialogs: string[] }> {
  const session = await newSession(browser, server.base);
  const dialogs: string[] = [];
  session.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await session.page.goto(`${server.base}/`, { waitUntil: 'load' });
  await commentListLoaded(session.page);
  return { ...session, dialogs };
}

async function fillForm(page: Page, form: string, content: string, reader = READER): Promise<void> {
  await page.locator(field(form, 'comment')).fill(content);
  await page.locator(field(form, 'author')).fill(reader.name);
  await page.locator(field(form, 'email')).fill(reader.email);
}

/** A field of a form's shadow root (the light-DOM fallback form has the same ids, but no parts). */
const field = (form: string, id: 'comment' | 'author' | 'email') => `${form} [part~=input]#${id}`;

const statusOf = async (page: Page, form = FORM) => (await page.locator(`${form} [part=status]`).textContent())?.trim();

async function waitForStatus(page: Page, expected: string, form = FORM): Promise<void> {
  let said: string | undefined;
  await until(async () => (said = await statusOf(page, form)) === expected, `the form to say "${expected}"`, 10_000).catch(
    (error: Error) => {
      throw new Error(`${error.message}; it says "${said}"`);
    },
  );
}

/** The comments the list shows: id, author, text, held mark, and the id of the comment each one is nested under. */
function listed(page: Page) {
  return page.locator(LIST).evaluate((el) =>
    Array.from(el.shadowRoot?.querySelectorAll('article[part~=comment]') ?? []).map((article) => {
      const item = article.closest('li');
      const parentItem = item?.parentElement?.closest('li');
      return {
        id: article.id,
        author: article.querySelector('[part~=author]')?.textContent?.trim(),
        text: (article.querySelector('[part~=content]') as HTMLElement | null)?.innerText.trim(),
        held: article.querySelector('[part~=held]')?.textContent?.trim() ?? null,
        under: parentItem?.querySelector(':scope > article')?.id ?? null,
        thread: item?.parentElement?.getAttribute('part') ?? null,
      };
    }),
  );
}

/**
 * COMMENT as readers see it: the server's kses drops the script's tags (keeping their text) and curls the quotes
 * (wptexturize); it keeps `<b>`, which the list's narrower allow-list unwraps to its text.
 */
const RENDERED = 'تعليق تجريبي: alert(1) & “اقتباس” ليس عريضاً\nسطر ثانٍ مع English و😀';

const liveElements = (page: Page, selector = 'script, iframe, img, [onerror], [onclick]') =>
  page.locator(LIST).evaluate((el, which) => el.shadowRoot?.querySelectorAll(which).length, selector);

describe('comments on / (MODERATION=approve)', () => {
  let parentId = 0;

  it('publishes a comment: shown at once and after reload as WordPress renders it, stored byte for byte', async () => {
    const session = await openArticle(approve);
    const { page } = session;
    try {
      assert.equal((await page.locator(`${LIST} [part=count]`).textContent())?.trim(), TEXT.noComments);
      await fillForm(page, FORM, COMMENT);
      await page.locator(`${FORM} [part=submit]`).click();
      await waitForStatus(page, TEXT.published);
      assert.equal(await page.locator(field(FORM, 'comment')).inputValue(), '', 'the comment field is emptied');

      const [row, ...others] = rows(approve);
      assert.deepEqual(others, [], 'one row');
      assert.equal(row.content, COMMENT, 'the content is stored exactly as typed');
      assert.equal(Buffer.compare(Buffer.from(row.content, 'utf8'), Buffer.from(COMMENT, 'utf8')), 0);
      assert.equal(row.author_name, READER.name);
      assert.equal(row.author_email, READER.email);
      assert.equal(row.post, SEED_POST);
      assert.equal(row.parent, null);
      assert.equal(row.status, 'approved');
      parentId = row.id;

      // In the list at once, without a reload.
      await until(async () => (await listed(page)).length === 1, 'the new comment in the list');
      const [shown] = await listed(page);
      assert.deepEqual(shown, {
        id: `comment-${row.id}`,
        author: READER.name,
        text: RENDERED,
        held: null,
        under: null,
        thread: 'thread',
      });
      assert.equal((await page.locator(`${LIST} [part=count]`).textContent())?.trim(), 'تعليق واحد');

      await page.reload({ waitUntil: 'load' });
      await commentListLoaded(page);
      assert.deepEqual(await listed(page), [shown], 'still listed after a reload, the same');
      assert.equal(await liveElements(page), 0, 'no script, frame, picture or handler made from the comment');
      const api = (await (await fetch(`${approve.base}${ENDPOINT}/${row.id}`)).json()) as { content: { rendered: string } };
      assert.equal(api.content.rendered, '<p>تعليق تجريبي: alert(1) &amp; &#8220;اقتباس&#8221; <b>ليس عريضاً</b><br />\nسطر ثانٍ مع English و😀</p>\n');
      assert.equal(await liveElements(page, 'b'), 0, "the list's allow-list unwraps <b>");
      assert.deepEqual(session.dialogs, [], 'no script ran');
      assert.deepEqual(session.offsite, []);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  it('replies through "Reply": the reply nests under its parent, at once and after reload', async () => {
    assert.ok(parentId, 'needs the comment of the previous test');
    const session = await openArticle(approve);
    const { page } = session;
    const reply = 'ردّ على التعليق: أوافقك الرأي.';
    try {
      const button = page.locator(`${LIST} #comment-${parentId} [part~=reply]`);
      assert.equal((await button.textContent())?.trim(), TEXT.reply);
      await button.click();
      const form = `${LIST} #comment-${parentId} nw-comment-form`;
      await page.locator(field(form, 'comment')).waitFor({ state: 'visible' });
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      assert.equal(await page.locator(form).getAttribute('parent'), String(parentId));
      await fillForm(page, form, reply, { name: 'Second Reader', email: 'second@example.com' });
      await page.locator(`${form} [part=submit]`).click();

      await until(async () => (await listed(page)).length === 2, 'the reply in the list');
      const [row] = rows(approve, 'content = ?', reply);
      assert.ok(row, 'the reply is stored');
      assert.equal(row.parent, parentId);
      assert.equal(row.status, 'approved');
      const expected = [
        { id: `comment-${parentId}`, under: null },
        { id: `comment-${row.id}`, under: `comment-${parentId}` },
      ];
      const shape = (list: Awaited<ReturnType<typeof listed>>) => list.map(({ id, under }) => ({ id, under }));
      assert.deepEqual(shape(await listed(page)), expected, 'the reply sits in its parent\'s thread');
      assert.equal((await listed(page))[1].text, reply);
      await until(async () => (await page.locator(form).count()) === 0, 'the reply form to close');

      await page.reload({ waitUntil: 'load' });
      await commentListLoaded(page);
      assert.deepEqual(shape(await listed(page)), expected, 'nested after a reload too');
      assert.equal((await page.locator(`${LIST} [part=count]`).textContent())?.trim(), 'تعليقان');
      assert.deepEqual(session.offsite, []);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  it('keeps the draft through a failed send and a reload; "Try again" then stores exactly one row', async () => {
    const session = await openArticle(approve);
    const { page } = session;
    const draft = 'مسودة لا يجب أن تضيع: الخادم توقف أثناء الإرسال.';
    const draftKey = `nw-comment:draft:${approve.base}${ENDPOINT}|${SEED_POST}|0`;
    const isPost = (request: Request) => request.method() === 'POST';
    const onEndpoint = (url: URL) => url.pathname === ENDPOINT;
    try {
      await fillForm(page, FORM, draft);
      const stored = await storageOf(page);
      assert.deepEqual(stored.local.map((line) => line.split('=')[0]), [draftKey], 'the draft is kept while typing, nothing else');

      // The server goes away while the comment is on its way.
      await page.route(onEndpoint, async (route) => {
        if (!isPost(route.request())) return route.fallback();
        await approve.stop();
        return route.continue();
      });
      await page.locator(`${FORM} [part=submit]`).click();
      await waitForStatus(page, TEXT.failed);
      assert.equal(await page.locator(field(FORM, 'comment')).inputValue(), draft, 'the text is still in the form');
      assert.ok(await page.locator(`${FORM} [part=retry]`).isVisible(), 'a "Try again" button');
      assert.equal(rows(approve, 'content = ?', draft).length, 0);
      await page.unroute(onEndpoint);

      // Back up; a reload restores the draft with a notice (name and e-mail were not to be remembered).
      await approve.restart();
      await page.reload({ waitUntil: 'load' });
      const notice = page.locator(`${FORM} [part=notice]`);
      await notice.waitFor({ state: 'visible' });
      assert.match((await notice.textContent()) ?? '', new RegExp(TEXT.restored.replace('.', '\\.')));
      assert.equal(await page.locator(field(FORM, 'comment')).inputValue(), draft);
      assert.equal(await page.locator(field(FORM, 'author')).inputValue(), '', 'the name was not stored without consent');
      assert.equal(await page.locator(field(FORM, 'email')).inputValue(), '');

      // The network fails once more; "Try again" sends it when it is back.
      await page.locator(field(FORM, 'author')).fill(READER.name);
      await page.locator(field(FORM, 'email')).fill(READER.email);
      await page.route(onEndpoint, (route) => (isPost(route.request()) ? route.abort('connectionrefused') : route.fallback()));
      await page.locator(`${FORM} [part=submit]`).click();
      await waitForStatus(page, TEXT.failed);
      await page.unroute(onEndpoint);
      assert.equal(rows(approve, 'content = ?', draft).length, 0);

      await page.locator(`${FORM} [part=retry]`).click();
      await waitForStatus(page, TEXT.published);
      const stored2 = rows(approve, 'content = ?', draft);
      assert.equal(stored2.length, 1, 'exactly one row');
      assert.equal(stored2[0].author_name, READER.name);
      assert.equal(await notice.count(), 0, 'the notice is gone');
      assert.deepEqual((await storageOf(page)).local, [], 'the draft is removed after the server accepted it');
      await until(async () => (await listed(page)).some((c) => c.text === draft), 'the comment in the list');
      assert.deepEqual(session.offsite, []);
    } finally {
      await session.close();
    }
  });

  it('keeps the draft while another process holds the database: a 503, then "Try again" stores one row', async () => {
    const session = await openArticle(approve);
    const { page } = session;
    const draft = 'تعليق كُتب بينما كانت قاعدة البيانات مقفلة.';
    const locker = new Database(approve.dbFile);
    try {
      await fillForm(page, FORM, draft);
      locker.exec('BEGIN IMMEDIATE');
      const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === ENDPOINT);
      await page.locator(`${FORM} [part=submit]`).click();
      const response = await answered;
      assert.equal(response.status(), 503);
      assert.equal(response.headers()['retry-after'], '1');
      await waitForStatus(page, TEXT.failed);
      assert.equal(await page.locator(field(FORM, 'comment')).inputValue(), draft, 'the text is still in the form');
      // Reads go on meanwhile: the page itself still loads.
      assert.equal((await fetch(`${approve.base}/wp-json/wp/v2/posts/${SEED_POST}`)).status, 200);
      locker.exec('COMMIT');

      await page.locator(`${FORM} [part=retry]`).click();
      await waitForStatus(page, TEXT.published);
      assert.equal(rows(approve, 'content = ?', draft).length, 1, 'exactly one row');
    } finally {
      if (locker.inTransaction) locker.exec('ROLLBACK');
      locker.close();
      await session.close();
    }
  });
});

describe('comments on / (MODERATION=hold)', () => {
  it('shows a held comment to its author, marked awaiting moderation, but not after reload nor in the API', async () => {
    const session = await openArticle(hold);
    const { page } = session;
    const held = 'تعليق ينتظر المراجعة.';
    try {
      await fillForm(page, FORM, held);
      await page.locator(`${FORM} [part=submit]`).click();
      await waitForStatus(page, TEXT.held);

      const [row, ...others] = rows(hold);
      assert.deepEqual(others, []);
      assert.equal(row.content, held);
      assert.equal(row.status, 'hold');

      await until(async () => (await listed(page)).length === 1, 'the held comment shown to its author');
      const [shown] = await listed(page);
      assert.equal(shown.text, held);
      assert.equal(shown.held, TEXT.heldMark);
      assert.equal((await page.locator(`${LIST} [part=count]`).textContent())?.trim(), TEXT.noComments, 'not counted');

      await page.reload({ waitUntil: 'load' });
      await commentListLoaded(page);
      assert.deepEqual(await listed(page), [], 'not listed after a reload');
      assert.equal(await page.getByText(held).count(), 0, 'nowhere on the page');

      const response = await fetch(`${hold.base}${ENDPOINT}?post=${SEED_POST}`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), []);
      assert.equal(response.headers.get('x-wp-total'), '0');
      assert.deepEqual(session.offsite, []);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });
});

describe('the comment area of / on a 375 px phone', () => {
  let server: E2eServer;
  before(async () => {
    server = await startServer({ MODERATION: 'approve', FLOOD_SECONDS: '0' });
    // What a reader may send: WordPress's longest name, and words and a URL with no place to break.
    const long = [
      { author_name: 'x'.repeat(245), content: `${'ب'.repeat(600)} https://example.com/${'a'.repeat(500)}` },
      { author_name: 'ع'.repeat(120), author_url: `https://example.com/${'b'.repeat(150)}`, content: 'y'.repeat(2_000) },
    ];
    for (const [i, fields] of long.entries()) {
      const response = await fetch(`${server.base}${ENDPOINT}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ post: SEED_POST, author_email: `long${i}@example.com`, ...fields }),
      });
      assert.equal(response.status, 201, await response.text());
    }
  });
  after(() => server?.dispose());

  it('is never wider than the screen, with the longest name and unbroken words, nor with a reply form open', async () => {
    const session = await newSession(browser, server.base, { viewport: { width: 375, height: 740 } });
    try {
      const { page } = session;
      await page.goto(`${server.base}/`, { waitUntil: 'load' });
      await commentListLoaded(page);
      assert.equal((await listed(page)).length, 2);
      const width = () => page.evaluate(() => document.documentElement.scrollWidth);
      assert.equal(await width(), 375, 'the page with the long comments');
      await page.locator(`${LIST} [part~=reply]`).first().click();
      await page.locator(`${LIST} nw-comment-form [part~=input]#comment`).waitFor();
      assert.equal(await width(), 375, 'with a reply form open');
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  it('has one heading outline: the page’s comments heading, then the count and the forms under it', async () => {
    const session = await newSession(browser, server.base);
    try {
      const { page } = session;
      await page.goto(`${server.base}/`, { waitUntil: 'load' });
      await commentListLoaded(page);
      await page.locator(`${LIST} [part~=reply]`).first().click();
      await page.locator(`${LIST} nw-comment-form [part~=heading]`).waitFor();
      // Headings in reading order, through the widgets' shadow roots.
      const outline = await page.locator('#comments').evaluate((section) => {
        const found: string[] = [];
        const walk = (root: Element | ShadowRoot): void => {
          for (const el of Array.from(root.children)) {
            if (/^h[1-6]$/.test(el.localName)) found.push(`${el.localName} ${el.textContent?.trim()}`);
            if (el.shadowRoot) walk(el.shadowRoot);
            else walk(el);
          }
        };
        walk(section);
        return found;
      });
      assert.deepEqual(outline, ['h2 التعليقات', 'h3 تعليقان', 'h4 اترك رداً', 'h3 اترك تعليقاً']);
    } finally {
      await session.close();
    }
  });
});
