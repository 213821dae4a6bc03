/**
 * Our own pages with their widget script held back (a slow network, a busy CDN): the reader sees the page and
 * scrolls before the elements are defined, and nothing may move when they are (issue 8, item 5). Layout shifts
 * are read through a PerformanceObserver from the first paint on, while the reader scrolls, on a desktop and a
 * 375 px phone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Route } from 'playwright-core';
import { demoUnderTest, newSession } from './support.js';

const env = demoUnderTest();

const RECORD_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({
        value: entry.value,
        sources: (entry.sources || []).map((s) => {
          const n = s.node;
          const name = n && n.nodeType === 1 ? n.localName + (n.className ? '.' + String(n.className).trim().replace(/\\s+/g, '.') : '') : String(n && n.nodeName);
          const r = (x) => x ? [x.x, x.y, x.width, x.height].map(Math.round).join(',') : '';
          return name + ' ' + r(s.previousRect) + ' → ' + r(s.currentRect);
        }),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** How long the script is held back at least. */
const HOLD_MS = 3000;

const PAGES: ReadonlyArray<{ path: string; script: string; element: string }> = [
  { path: '/', script: 'news-widgets.js', element: 'nw-comment-form' },
  { path: '/blogger.html', script: 'share-button.js', element: 'nw-share-button' },
  { path: '/partner.html', script: 'news-widgets.js', element: 'nw-article-card' },
];

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 375, height: 740 },
];

/** Where the reader is when the script finally arrives: the top, the middle and the end of the page. */
const POSITIONS = [0, 0.5, 1];

describe('pages whose widget script arrives late', () => {
  for (const { path, script, element } of PAGES) {
    for (const viewport of VIEWPORTS) {
      it(`${path} does not shift while ${script} is held back ${HOLD_MS} ms and the reader scrolls (${viewport.width} px)`, async () => {
        const report: string[] = [];
        let total = 0;
        for (const position of POSITIONS) {
          const session = await newSession(env.browser, env.server.base, { viewport });
          const { page } = session;
          try {
            await page.addInitScript(RECORD_SHIFTS);
            let release!: () => void;
            const released = new Promise<void>((resolve) => (release = resolve));
            await page.route(`**/dist/${script}`, (route: Route) => released.then(() => route.fallback()));
            await page.goto(`${env.server.base}${path}`, { waitUntil: 'commit' });
            const scrollToFraction = (fraction: number) =>
              page.evaluate((f) => scrollTo(0, f * (document.documentElement.scrollHeight - innerHeight)), fraction);
            // A reader scrolls what they see: once the page has painted, down and back up while the script is on
            // its way, then they stop at `position`. (A page that waits for the script to render shows nothing yet.)
            const painted = () => page.evaluate(() => performance.getEntriesByType('paint').length > 0);
            const held = Date.now();
            for (let step = 0; Date.now() - held < HOLD_MS; step++) {
              if (await painted()) await scrollToFraction(Math.abs(((step / 10) % 2) - 1));
              await page.waitForTimeout(100);
            }
            if (await painted()) await scrollToFraction(position);
            await page.waitForTimeout(200);
            release();
            await page.waitForFunction((name) => !!customElements.get(name), element, { timeout: 15_000 });
            await page.waitForTimeout(1000);
            for (let step = 0; step <= 10; step++) {
              await scrollToFraction(step / 10);
              await page.waitForTimeout(100);
            }
            await page.waitForLoadState('networkidle');
            await page.waitForTimeout(300);
            const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
            for (const shift of shifts) {
              total += shift.value;
              report.push(`  at ${position}: ${shift.value.toFixed(4)}: ${shift.sources.join('; ')}`);
            }
            assert.deepEqual(session.errors, []);
          } finally {
            await session.close();
          }
        }
        assert.equal(total.toFixed(3), '0.000', `cumulative layout shift ${total.toFixed(4)}:\n${report.join('\n')}`);
      });
    }
  }
});
