/**
 * The blogger page `/blogger.html` (SPEC §1, §5): only `share-button.js` is loaded, nothing happens before the
 * reader clicks, and the menu works with mouse and keyboard, opens the networks and copies the link.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoUnderTest, newSession, type Session, staticImports, storageOf, until } from './support.js';

const CANONICAL = 'https://blog.example/2026/winter-commute';
const TITLE = 'Five things I learned riding to work all winter';
const enc = encodeURIComponent;
/** The page's `utm="utm_source={network}&utm_medium=share"` applied to the canonical URL. */
const shared = (network: string) => `${CANONICAL}?utm_source=${network}&utm_medium=share`;

const EXPECTED_ITEMS = [
  { network: 'whatsapp', href: `https://wa.me/?text=${enc(`${TITLE}\n${shared('whatsapp')}`)}` },
  { network: 'x', href: `https://x.com/intent/tweet?text=${enc(TITLE)}&url=${enc(shared('x'))}` },
  { network: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${enc(shared('facebook'))}` },
  { network: 'telegram', href: `https://t.me/share/url?url=${enc(shared('telegram'))}&text=${enc(TITLE)}` },
  { network: 'email', href: `mailto:?subject=${enc(TITLE)}&body=${enc(shared('email'))}` },
  { network: 'copy', href: null },
];

const env = demoUnderTest();

const MENU = '#menu-share';

/** The network of the element focused inside the menu button's shadow root. */
const focusedItem = (page: Page) =>
  page.evaluate((selector) => {
    const active = document.querySelector(selector)?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return active?.dataset.network ?? active?.getAttribute('part') ?? null;
  }, MENU);

const expanded = (page: Page) => page.locator(`${MENU} [part=trigger]`).getAttribute('aria-expanded');

async function openBlogger(options: Parameters<typeof newSession>[2] = {}): Promise<Session> {
  const session = await newSession(env.browser, env.server.base, options);
  await session.page.goto(`${env.server.base}/blogger.html`, { waitUntil: 'load' });
  await session.page.locator(`${MENU} [part=trigger]`).waitFor({ state: 'visible' });
  await session.page.waitForLoadState('networkidle');
  return session;
}

describe('blogger page /blogger.html', () => {
  it('loads share-button.js and its chunks only, and requests, sets and stores nothing before a click', async () => {
    const session = await openBlogger();
    try {
      const { page } = session;
      const paths = session.requests.map(({ url }) => {
        const parsed = new URL(url);
        return parsed.origin === env.server.base ? parsed.pathname + parsed.search : url;
      });
      const expectedScripts = staticImports('share-button.js');
      const scripts = session.requests.filter(({ type }) => type === 'script').map(({ url }) => new URL(url).pathname);
      assert.deepEqual([...new Set(scripts)].sort(), [...expectedScripts].sort(), 'share-button.js and its chunks, nothing else');
      assert.deepEqual(
        paths.filter((path) => !['/blogger.html', '/blogger.css', '/favicon.svg'].includes(path) && !expectedScripts.includes(path)),
        [],
        'no request beyond the page, its stylesheet, its icon and its script',
      );
      assert.deepEqual(session.offsite, []);
      assert.deepEqual(await session.context.cookies(), []);
      assert.deepEqual(await storageOf(page), { local: [], session: [] });
      assert.equal(await page.evaluate(() => customElements.get('nw-article-card')), undefined);
      // Both share buttons on the page rendered.
      assert.equal((await page.locator(`${MENU} [part=trigger] [part=label]`).textContent())?.trim(), 'Share');
      assert.equal(await page.locator('#icon-share a[part~=item]').count(), 8);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  it('opens the menu with a click: focus on the first item, the networks in order with their share URLs', async () => {
    const session = await openBlogger();
    try {
      const { page } = session;
      const trigger = page.locator(`${MENU} [part=trigger]`);
      assert.equal(await trigger.getAttribute('aria-haspopup'), 'menu');
      assert.equal(await expanded(page), 'false');
      assert.equal(await page.locator(`${MENU} [part=menu]`).isVisible(), false);

      await trigger.click();
      await until(async () => (await expanded(page)) === 'true', 'aria-expanded="true"');
      assert.ok(await page.locator(`${MENU} [part=menu]`).isVisible());
      await until(async () => (await focusedItem(page)) === 'whatsapp', 'focus on the first item');

      const items = await page.locator(`${MENU} [part=menu] [part~=item]`).evaluateAll((nodes) =>
        nodes.map((node) => ({
          network: (node as HTMLElement).dataset.network,
          role: node.getAttribute('role'),
          tag: node.localName,
          href: node.getAttribute('href'),
          target: node.getAttribute('target'),
          rel: node.getAttribute('rel'),
        })),
      );
      assert.deepEqual(
        items.map(({ network, href }) => ({ network, href })),
        EXPECTED_ITEMS,
      );
      for (const item of items) {
        assert.equal(item.role, 'menuitem', `${item.network}: role`);
        if (item.network === 'copy') {
          assert.equal(item.tag, 'button');
          continue;
        }
        assert.equal(item.tag, 'a', `${item.network}: a real link`);
        if (item.network !== 'email') assert.equal(item.target, '_blank', `${item.network}: target`);
        assert.ok(item.rel?.split(/\s+/).includes('noopener'), `${item.network}: rel="${item.rel}"`);
      }
      assert.deepEqual(session.offsite, [], 'opening the menu requests nothing');
      assert.deepEqual(await session.context.cookies(), []);
      assert.deepEqual(await storageOf(page), { local: [], session: [] });

      // A click outside closes it.
      await page.locator('article h1').click();
      await until(async () => (await expanded(page)) === 'false', 'the menu to close on an outside click');
      assert.equal(await page.locator(`${MENU} [part=menu]`).isVisible(), false);
    } finally {
      await session.close();
    }
  });

  it('WhatsApp and X open their share URLs in a new window; only those requests leave, and they are stopped', async () => {
    const session = await openBlogger();
    try {
      const { page, context } = session;
      const trigger = page.locator(`${MENU} [part=trigger]`);
      for (const [index, network] of [
        [0, 'whatsapp'],
        [1, 'x'],
      ] as const) {
        await trigger.click();
        await until(async () => (await expanded(page)) === 'true', 'the menu to open');
        const [popup] = await Promise.all([
          context.waitForEvent('page'),
          page.locator(`${MENU} [part=menu] [data-network=${network}]`).click(),
        ]);
        await popup.waitForLoadState('domcontentloaded');
        assert.equal(popup.url(), new URL(EXPECTED_ITEMS[index].href!).href, `${network} opened its share URL`);
        assert.equal(await popup.evaluate(() => window.opener), null, `${network}: no window.opener`);
        await popup.close();
        assert.equal(await expanded(page), 'false', `the menu closed after choosing ${network}`);
        assert.equal(await focusedItem(page), 'trigger', `focus back on the trigger after ${network}`);
      }
      assert.deepEqual(
        session.offsite.map((url) => new URL(url).href),
        [EXPECTED_ITEMS[0].href!, EXPECTED_ITEMS[1].href!].map((url) => new URL(url).href),
        'the only requests that left were the two share pages (stopped by the test)',
      );
      assert.deepEqual(await session.context.cookies(), []);
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  it('works from the keyboard: arrows, Home, End move; Escape closes and returns focus to the trigger', async () => {
    const session = await openBlogger();
    try {
      const { page } = session;
      const trigger = page.locator(`${MENU} [part=trigger]`);
      await trigger.focus();
      await page.keyboard.press('Enter');
      await until(async () => (await focusedItem(page)) === 'whatsapp', 'Enter opens on the first item');
      assert.equal(await expanded(page), 'true');
      const steps: Array<[string, string]> = [
        ['ArrowDown', 'x'],
        ['ArrowDown', 'facebook'],
        ['ArrowUp', 'x'],
        ['End', 'copy'],
        ['ArrowDown', 'whatsapp'],
        ['ArrowUp', 'copy'],
        ['Home', 'whatsapp'],
      ];
      for (const [key, network] of steps) {
        await page.keyboard.press(key);
        assert.equal(await focusedItem(page), network, `${key} → ${network}`);
      }
      await page.keyboard.press('Escape');
      await until(async () => (await expanded(page)) === 'false', 'Escape closes the menu');
      assert.equal(await page.locator(`${MENU} [part=menu]`).isVisible(), false);
      assert.equal(await focusedItem(page), 'trigger', 'focus returns to the trigger');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'menu-share');

      await page.keyboard.press('ArrowUp');
      await until(async () => (await focusedItem(page)) === 'copy', 'ArrowUp on the trigger opens on the last item');
      await page.keyboard.press('Tab');
      await until(async () => (await expanded(page)) === 'false', 'Tab closes the menu');
      assert.deepEqual(session.offsite, []);
    } finally {
      await session.close();
    }
  });

  it('"Copy link" puts the shared URL on the clipboard and announces "Link copied"', async () => {
    const session = await openBlogger({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const { page } = session;
      await page.locator(`${MENU} [part=trigger]`).click();
      await until(async () => (await expanded(page)) === 'true', 'the menu to open');
      await page.locator(`${MENU} [part=menu] [data-network=copy]`).click();
      const status = page.locator(`${MENU} [part=status]`);
      await until(async () => (await status.textContent())?.trim() === 'Link copied', '"Link copied" in the live region');
      assert.equal(await status.getAttribute('role'), 'status');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shared('copy'));
      assert.equal(await expanded(page), 'false');
      assert.deepEqual(session.offsite, []);
      assert.deepEqual(await session.context.cookies(), []);
      assert.deepEqual(await storageOf(page), { local: [], session: [] });
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });
});
