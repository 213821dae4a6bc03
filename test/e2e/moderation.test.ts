/**
 * Moderation end to end (issue 12), in Chromium against the real server: a reader's comment posted through
 * <nw-comment-form> is held; a moderator made with `npm run users` signs in on /moderation.html, finds it in the
 * held queue and approves it with the keyboard (WordPress's `a`); then every reader sees it in <nw-comment-list>.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { commentListLoaded, type E2eServer, launchBrowser, newSession, readDb, ROOT, startServer, storageOf, until } from './support.js';

const FORM = '#comments > nw-comment-form';
const LIST = '#comments > nw-comment-list';
const QUEUE = 'nw-comment-moderation';
const TEXT = 'تعليق ينتظر المراجعة ثم يُنشر للجميع';

let server: E2eServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startServer({ MODERATION: 'hold' }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A moderator as the README says to make one; the password is what the command printed. */
function addModerator(name: string): string {
  const printed = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/users.ts', 'add', name, '--role', 'moderator'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE: server.dbFile },
    encoding: 'utf8',
  });
  const password = /^ {2}((?:[A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4})$/m.exec(printed)?.[1];
  assert.ok(password, printed);
  return password;
}

const statusOf = (id: number) => {
  const db = readDb(server.dbFile);
  try {
    return (db.prepare('SELECT status FROM comments WHERE id = ?').get(id) as { status: string } | undefined)?.status;
  } finally {
    db.close();
  }
};

async function commentsListed(page: Page): Promise<Array<{ id: string; text: string | undefined; held: boolean }>> {
  await commentListLoaded(page, LIST, 10_000);
  return page.locator(LIST).evaluate((el) =>
    Array.from(el.shadowRoot?.querySelectorAll('article[part~=comment]') ?? []).map((article) => ({
      id: article.id,
      text: (article.querySelector('[part~=content]') as HTMLElement | null)?.innerText.trim(),
      held: article.querySelector('[part~=held]') !== null,
    })),
  );
}

describe('a held comment approved in <nw-comment-moderation>', () => {
  it('appears in <nw-comment-list> for every reader once a moderator approves it', async () => {
    const password = addModerator('salma');

    // A reader posts; the form says it awaits moderation.
    const reader = await newSession(browser, server.base);
    await reader.page.goto(`${server.base}/`, { waitUntil: 'load' });
    await reader.page.locator(FORM).scrollIntoViewIfNeeded();
    await reader.page.locator(`${FORM} [part~=input]#comment`).fill(TEXT);
    await reader.page.locator(`${FORM} [part~=input]#author`).fill('قارئ صبور');
    await reader.page.locator(`${FORM} [part~=input]#email`).fill('patient@example.com');
    await reader.page.locator(`${FORM} [part=submit]`).click();
    await until(async () => (await reader.page.locator(`${FORM} [part=status]`).textContent())?.trim() === 'تعليقك بانتظار المراجعة.', 'the held message');
    const db = readDb(server.dbFile);
    const { id } = db.prepare('SELECT id FROM comments WHERE content = ?').get(TEXT) as { id: number };
    db.close();
    assert.equal(statusOf(id), 'hold');
    await reader.close();

    // Another reader does not see it yet.
    const before = await newSession(browser, server.base);
    await before.page.goto(`${server.base}/`, { waitUntil: 'load' });
    assert.equal((await commentsListed(before.page)).some((comment) => comment.id === `comment-${id}`), false);
    await before.close();

    // The moderator signs in, finds it in the held queue and approves it with `a`.
    const moderator = await newSession(browser, server.base);
    const { page } = moderator;
    await page.goto(`${server.base}/moderation.html`, { waitUntil: 'load' });
    await page.locator(`${QUEUE} #user`).fill('salma');
    await page.locator(`${QUEUE} #password`).fill(password);
    await page.locator(`${QUEUE} button[type=submit]`).click();
    const row = page.locator(`${QUEUE} #comment-${id}`);
    await row.waitFor({ timeout: 10_000 });
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /قارئ صبور.*patient@example\.com.*127\.0\.0\.1/);
    assert.match(await row.innerText(), new RegExp(TEXT));
    const events: unknown[] = [];
    await page.exposeFunction('recordModeration', (detail: unknown) => events.push(detail));
    await page.locator(QUEUE).evaluate((el) =>
      el.addEventListener('nw-moderate', (event) => (window as unknown as { recordModeration(d: unknown): void }).recordModeration((event as CustomEvent).detail)),
    );
    await row.focus();
    await page.keyboard.press('a');
    await until(() => statusOf(id) === 'approved', 'the server to store the approval');
    await row.waitFor({ state: 'detached', timeout: 5000 });
    await until(() => events.length === 1, 'the nw-moderate event');
    assert.deepEqual(events[0], { id, from: 'hold', to: 'approved' });
    // The password stayed in memory: "remember in this tab" was not ticked.
    assert.deepEqual(await storageOf(page), { local: [], session: [] });
    assert.deepEqual(moderator.offsite, []);
    assert.deepEqual(moderator.errors, []);
    await moderator.close();

    // Now every reader sees it, published.
    for (const locale of ['ar', 'en-US']) {
      const later = await newSession(browser, server.base, { locale });
      await later.page.goto(`${server.base}/`, { waitUntil: 'load' });
      const shown = (await commentsListed(later.page)).find((comment) => comment.id === `comment-${id}`);
      assert.deepEqual(shown, { id: `comment-${id}`, text: TEXT, held: false }, locale);
      await later.close();
    }
  });

  it('refuses a wrong password on the page, and lets the moderator try again', async () => {
    const password = addModerator('second');
    const session = await newSession(browser, server.base);
    const { page } = session;
    await page.goto(`${server.base}/moderation.html`, { waitUntil: 'load' });
    await page.locator(`${QUEUE} #user`).fill('second');
    await page.locator(`${QUEUE} #password`).fill('wrong password');
    await page.locator(`${QUEUE} button[type=submit]`).click();
    await until(() => page.locator(`${QUEUE} [part=error]`).count().then((count) => count > 0), 'the sign-in error');
    await page.locator(`${QUEUE} #password`).fill(password);
    await page.locator(`${QUEUE} button[type=submit]`).click();
    await page.locator(`${QUEUE} [part=tabs]`).waitFor({ timeout: 10_000 });
    assert.deepEqual(session.errors.filter((error) => !/401/.test(error)), []);
    await session.close();
  });
});
