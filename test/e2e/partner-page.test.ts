/**
 * The partner page `/partner.html` (SPEC §1, §4, §9): an English LTR page with an Arabic card filled through
 * `src` and English cards set through attributes, without layout shift.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { demoUnderTest, newSession, scrollThrough, until } from './support.js';

const ARABIC_HEADLINE = 'محادثات سرية مباشرة بين أمريكا و”حماس”.. هل تفتح باباً جديداً لإنهاء الحرب؟';

const env = demoUnderTest();

interface CardView {
  src: string | null;
  lang: string | null;
  dir: string | null;
  busy: string | null;
  headline: string | undefined;
  readingTime: string | undefined;
  author: string | undefined;
  date: string | undefined;
}

function cardViews(page: Page): Promise<CardView[]> {
  // The page's own cards; the list's, in its shadow root, are test/e2e/article-list.test.ts's.
  return page.$$eval('.cards > nw-article-card, .sidebar > nw-article-card', (cards) =>
    cards.map((card) => {
      const root = card.shadowRoot;
      const part = (name: string) => root?.querySelector(`[part~=${name}]`);
      const text = (name: string) => part(name)?.textContent?.replace(/\s+/g, ' ').trim();
      return {
        src: card.getAttribute('src'),
        lang: part('card')?.getAttribute('lang') ?? null,
        dir: part('card')?.getAttribute('dir') ?? null,
        busy: part('card')?.getAttribute('aria-busy') ?? null,
        headline: text('headline'),
        readingTime: text('reading-time'),
        author: text('author'),
        date: text('date'),
      };
    }),
  );
}

/** Layout-shift entries with the nodes that moved, collected from the first paint on. */
const RECORD_SHIFTS = `
  window.__shifts = [];
  const describe = (node) => {
    if (!node) return '(gone)';
    const path = [];
    for (let n = node; n; ) {
      if (n.nodeType === 1) {
        const el = n;
        path.unshift(el.localName + (el.id ? '#' + el.id : '') + (el.getAttribute('part') ? '[part=' + el.getAttribute('part') + ']' : '') +
          (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''));
      }
      const root = n.parentNode;
      n = root && root.nodeType === 11 && root.host ? root.host : root;
    }
    return path.slice(-4).join(' > ');
  };
  const rect = (r) => r ? [r.x, r.y, r.width, r.height].map(Math.round).join(',') : '';
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
        at: Math.round(entry.startTime),
        sources: (entry.sources || []).map((s) => describe(s.node) + ' from ' + rect(s.previousRect) + ' to ' + rect(s.currentRect)),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  window.__marks = [];
  const mark = (what) => window.__marks.push(what + ' at ' + Math.round(performance.now()) + ' ms');
  new PerformanceObserver((list) => list.getEntries().forEach((e) => mark(e.name))).observe({ type: 'paint', buffered: true });
  customElements.whenDefined('nw-article-card').then(() => mark('nw-article-card defined'));
  addEventListener('nw-load', () => mark('nw-load'));
`;

interface Shift {
  value: number;
  hadRecentInput: boolean;
  at: number;
  sources: string[];
}

interface Measured {
  total: number;
  shifts: Shift[];
  marks: string[];
  errors: string[];
}

async function measureShifts(viewport: { width: number; height: number }): Promise<Measured> {
  const session = await newSession(env.browser, env.server.base, { viewport });
  const { page } = session;
  try {
    await page.addInitScript(RECORD_SHIFTS);
    // A reader on a real network: the page paints before the widgets' script arrives, the card's JSON comes
    // later and the pictures last, so each stage lands in a frame of its own and any shift between them counts.
    const delay = (ms: number) => (route: Route) => new Promise<void>((resolve) => setTimeout(resolve, ms)).then(() => route.fallback());
    await page.route('**/dist/**', delay(300));
    await page.route('**/wp-json/wp/v2/posts/**', delay(700));
    await page.route('**/media/**', delay(1100));
    await page.goto(`${env.server.base}/partner.html`, { waitUntil: 'load' });
    await until(async () => (await cardViews(page))[0]?.headline === ARABIC_HEADLINE, 'the src card to load', 10_000);
    await scrollThrough(page, 250);
    await page.waitForLoadState('networkidle');
    // Images decode asynchronously; wait until every card picture has settled (loaded or failed).
    await until(
      () =>
        page.$$eval('nw-article-card', (cards) =>
          cards.every((card) =>
            Array.from(card.shadowRoot?.querySelectorAll('img') ?? []).every((img) => img.complete),
          ),
        ),
      'card images to settle',
    );
    await page.waitForTimeout(300);
    const { shifts, marks } = await page.evaluate(() => {
      const recorded = window as unknown as { __shifts: Shift[]; __marks: string[] };
      return { shifts: recorded.__shifts, marks: recorded.__marks };
    });
    return { total: shifts.reduce((sum, shift) => sum + shift.value, 0), shifts, marks, errors: session.errors };
  } finally {
    await session.close();
  }
}

describe('partner page /partner.html', () => {
  it('renders the src card in Arabic, right to left, and the attribute cards in English, left to right', async () => {
    const session = await newSession(env.browser, env.server.base);
    const { page } = session;
    try {
      await page.goto(`${env.server.base}/partner.html`, { waitUntil: 'load' });
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await until(async () => (await cardViews(page))[0]?.busy === 'false', 'the src card to finish loading', 10_000);
      const [arabic, ...english] = await cardViews(page);

      assert.equal(arabic.src, '/wp-json/wp/v2/posts/1?_embed');
      assert.equal(arabic.dir, 'rtl');
      assert.equal(arabic.lang, 'ar');
      assert.equal(arabic.headline, ARABIC_HEADLINE);
      assert.equal(arabic.author, 'فريق التحرير');
      assert.ok(arabic.readingTime?.endsWith('للقراءة'), `Arabic reading time: ${arabic.readingTime}`);
      // The seed body is 506 words; at 138 words a minute that is 4 minutes (SPEC §4).
      assert.equal(arabic.readingTime, '4 دقائق للقراءة');
      assert.match(arabic.date ?? '', /[\u0600-\u06ff]/, `the date is in Arabic: ${arabic.date}`);
      // The card's box itself lays out right to left on this LTR page.
      const cardDirection = await page
        .locator('nw-article-card[src] [part=card]')
        .evaluate((el) => getComputedStyle(el).direction);
      assert.equal(cardDirection, 'rtl');

      assert.equal(english.length, 5);
      for (const card of english) {
        assert.equal(card.dir, 'ltr', `${card.headline}: dir`);
        assert.equal(card.lang, 'en', `${card.headline}: lang`);
        assert.match(card.readingTime ?? '', /^\d+ min read$/, `${card.headline}: reading time`);
      }
      // words / 228 words a minute, rounded up: 812 → 4, 1190 → 6, 455 → 2.
      assert.deepEqual(
        english.map((card) => card.readingTime),
        ['4 min read', '6 min read', '2 min read', '6 min read', '2 min read'],
      );
      assert.deepEqual(session.offsite, [], 'no request left the origin');
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });

  for (const width of [1280, 375]) {
    it(`shows the Arabic src card's headline, excerpt and meta line whole, without a hole (${width} px)`, async () => {
      const session = await newSession(env.browser, env.server.base, { viewport: { width, height: 900 } });
      const { page } = session;
      try {
        await page.goto(`${env.server.base}/partner.html`, { waitUntil: 'load' });
        await until(async () => (await cardViews(page))[0]?.busy === 'false', 'the src card to finish loading', 10_000);
        const measured = await page.locator('nw-article-card[src]').evaluate((card) => {
          const part = (name: string) => card.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`)!;
          const lineOf = (el: Element) => parseFloat(getComputedStyle(el).lineHeight);
          const [headline, excerpt, meta] = ['headline', 'excerpt', 'meta'].map(part);
          const clamp = Number(getComputedStyle(excerpt).getPropertyValue('-webkit-line-clamp'));
          return {
            headlineLines: headline.getBoundingClientRect().height / lineOf(headline),
            excerptGap: excerpt.getBoundingClientRect().height - clamp * lineOf(excerpt),
            excerptLine: lineOf(excerpt),
            metaCut: [meta.scrollWidth - meta.clientWidth, meta.scrollHeight - meta.clientHeight],
            metaText: meta.textContent!.replace(/\s+/g, ' ').trim(),
          };
        });
        const { headlineLines, excerptGap, excerptLine, metaCut, metaText } = measured;
        assert.ok(Math.abs(headlineLines - Math.round(headlineLines)) < 0.05, `the headline shows whole lines: ${headlineLines}`);
        assert.ok(excerptGap >= -0.5 && excerptGap < excerptLine, `the excerpt shows whole lines, no hole: ${JSON.stringify(measured)}`);
        assert.deepEqual(metaCut.map((cut) => cut <= 1), [true, true], `the meta line "${metaText}" is not cut: ${metaCut}`);
        assert.match(metaText, /4 دقائق للقراءة$/);
      } finally {
        await session.close();
      }
    });
  }

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`has no layout shift while cards load and the reader scrolls (${viewport.width}×${viewport.height})`, async () => {
      const { total, shifts, marks, errors } = await measureShifts(viewport);
      assert.equal(
        total,
        0,
        `cumulative layout shift ${total}:\n${shifts
          .map((s) => `  ${s.value.toFixed(5)} at ${s.at} ms${s.hadRecentInput ? ' (input)' : ''}\n    ${s.sources.join('\n    ')}`)
          .join('\n')}\n  (${marks.join(', ')})`,
      );
      assert.deepEqual(errors, []);
    });
  }
});
