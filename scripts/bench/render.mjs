/**
 * Bench section 2: rendering `<nw-article-card>` in headless Chromium (Debian's, through playwright-core) against
 * building the same markup with plain DOM calls. dist/ is served by a tiny node:http server on 127.0.0.1.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { fixed, heading, median, table } from './format.mjs';

import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH as CHROMIUM } from '../browsers.mjs';

const PAGE_SCRIPT = readFileSync(new URL('./page.js', import.meta.url));

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 16 9">\
<rect width="16" height="9" fill="#2b6f8f"/><circle cx="11" cy="4" r="3" fill="#f2c14e"/></svg>`;

// The page loads the entry and the measuring code (page.js); page.evaluate calls into window.bench.
const PAGE = `<!doctype html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><title>nw bench</title>
<style>body { margin: 0; font: 16px/1.5 system-ui, sans-serif; } .plain img { max-inline-size: 100%; height: auto; }</style>
<script type="module" src="/article-card.js"></script>
<script type="module" src="/bench/page.js"></script>
</head>
<body></body>
</html>`;

/** Serves dist/ plus the bench page and its image; resolves to `{ origin, close }`. */
export function startStaticServer(distDir) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const send = (status, type, body) => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      response.end(body);
    };
    if (path === '/' || path === '/bench.html') return send(200, TYPES['.html'], PAGE);
    if (path === '/bench/image.svg') return send(200, TYPES['.svg'], IMAGE);
    if (path === '/bench/page.js') return send(200, TYPES['.js'], PAGE_SCRIPT);
    const file = normalize(join(distDir, path));
    if (!file.startsWith(distDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(404, 'text/plain', 'not found');
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** 1,000 realistic articles, the same for both contestants. */
function articles(count) {
  const sections = ['World', 'Business', 'Science', 'Culture', 'Sport', 'Technology'];
  const authors = ['Amira Haddad', 'Jonas Becker', 'Lina Farouk', 'Tom Okafor', 'Sara Lindqvist'];
  const now = Date.UTC(2026, 10, 29, 12);
  return Array.from({ length: count }, (_, i) => ({
    headline: `Regional leaders agree on a new water-sharing plan after ${i + 3} days of talks (${i + 1})`,
    excerpt:
      'Negotiators meeting in the capital settled the last open points late on Friday, ending a dispute that ' +
      `had held up irrigation projects across the basin for years. Story ${i + 1}.`,
    section: sections[i % sections.length],
    image: `/bench/image.svg`,
    imageWidth: 1600,
    imageHeight: 900,
    author: authors[i % authors.length],
    // Half within the last week (relative time), half older (long date), as on a real front page.
    published: new Date(now - (i % 2 ? (i % 7) * 3_600_000 : (10 + (i % 300)) * 86_400_000)).toISOString(),
    readingTime: 2 + (i % 9),
    href: `/news/story-${i + 1}`,
  }));
}


/** Runs the render bench and returns its text. `runs` includes the one warm-up run per contestant. */
export async function measureRender(distDir, { count = 1000, runs = 8, firstRenderPages = 5 } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const server = await startStaticServer(distDir);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 30_000 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const list = articles(count);
    const url = `${server.origin}/bench.html`;

    // Time to first render: a fresh page each time, the first card it ever renders.
    const firsts = [];
    for (let i = 0; i < firstRenderPages; i++) {
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(url, { waitUntil: 'load' });
      const result = await page.evaluate((article) => globalThis.bench.firstCard(article), list[0]);
      if (!result.rendered) throw new Error('the first <nw-article-card> rendered no headline link');
      firsts.push(result);
      await page.close();
    }

    // Throughput: alternate contestants, a fresh container each run, the first run of each is a warm-up.
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => globalThis.bench.defined);
    const card = [];
    const plain = [];
    for (let run = 0; run < runs; run++) {
      for (const [which, into] of [
        ['runCards', card],
        ['runPlain', plain],
      ]) {
        const result = await page.evaluate(([fn, articles]) => globalThis.bench[fn](articles), [which, list]);
        if (result.rendered !== count) {
          throw new Error(`${which === 'runCards' ? 'cards' : 'plain DOM'}: ${result.rendered} of ${count} rendered`);
        }
        if (run > 0) into.push(result.time);
        await page.evaluate(() => globalThis.bench.settle());
      }
    }
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    const version = browser.version();

    const cardMedian = median(card);
    const plainMedian = median(plain);
    const spread = (values) => `${fixed(Math.min(...values))}–${fixed(Math.max(...values))}`;
    const lines = [heading(`2. Render speed — headless Chromium ${version}`)];
    lines.push(
      `  ${count.toLocaleString('en-US')} cards with headline, excerpt, section, image (+ width/height), author, published, reading-time and href,`,
      '  appended to a fresh container, until every updateComplete resolved and a forced layout (offsetHeight);',
      '  versus the same structure built with createElement/textContent/append (article, img, p, h3>a, p, p>span/time/span).',
      `  ${runs} runs each, alternating; the first run of each is a warm-up and not counted (${runs - 1} counted).`,
      '',
    );
    lines.push(
      table(
        [
          { title: `${count.toLocaleString('en-US')} articles`, align: 'left' },
          { title: 'median', align: 'right' },
          { title: 'min–max', align: 'right' },
          { title: 'per article', align: 'right' },
        ],
        [
          ['<nw-article-card>', `${fixed(cardMedian)} ms`, `${spread(card)} ms`, `${fixed((cardMedian * 1000) / count, 0)} µs`],
          ['plain DOM', `${fixed(plainMedian)} ms`, `${spread(plain)} ms`, `${fixed((plainMedian * 1000) / count, 0)} µs`],
          '-',
          ['ratio of medians (card ÷ plain DOM)', `${fixed(cardMedian / plainMedian, 2)} ×`, '', ''],
        ],
      ),
    );
    lines.push('');
    lines.push(
      table(
        [
          { title: `first card in a fresh page (median of ${firstRenderPages} pages)`, align: 'left' },
          { title: 'median', align: 'right' },
          { title: 'min–max', align: 'right' },
        ],
        [
          [
            'time to first render: create → updateComplete + layout',
            `${fixed(median(firsts.map((f) => f.time)), 2)} ms`,
            `${spread(firsts.map((f) => f.time))} ms`,
          ],
          [
            'article-card.js loaded and defined (from navigation start)',
            `${fixed(median(firsts.map((f) => f.definedAt)))} ms`,
            `${spread(firsts.map((f) => f.definedAt))} ms`,
          ],
        ],
      ),
    );
    return { text: lines.join('\n') };
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
  }
}
