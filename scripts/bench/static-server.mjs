/**
 * The render bench's server on 127.0.0.1: dist/ (or the dist given), the bench pages and their scripts, a
 * picture, and a WordPress-like comments endpoint. Every answer is cross-origin isolated (COOP + COEP, all
 * same-origin), which lets Firefox's `performance.now()` resolve 20 µs instead of 1 ms; nothing it serves comes
 * from another origin, so the isolation changes nothing else.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articles, cardAttributes, comments, wpPost } from './fixtures.mjs';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 16 9">\
<rect width="16" height="9" fill="#2b6f8f"/><circle cx="11" cy="4" r="3" fill="#f2c14e"/></svg>`;

// A front page: cards in a grid (four columns at 1280 px), plain DOM articles styled by one simple sheet.
const STYLE = `<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; padding: 1rem; }
  .plain img { max-inline-size: 100%; height: auto; }
  .comments { max-inline-size: 44rem; margin-inline: auto; padding: 1rem; }
</style>`;

/** Lit's published packages, served from node_modules for the Lit-floor contestant (page/lit-floor.js). */
const LIT_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'];
const IMPORT_MAP = `<script type="importmap">${JSON.stringify({
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    ...Object.fromEntries(LIT_PACKAGES.map((name) => [`${name}/`, `/node_modules/${name}/`])),
  },
})}</script>`;
const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

// The bench page loads the three entries it measures and the measuring code; page.evaluate calls into window.bench.
const BENCH_PAGE = `<!doctype html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><title>nw bench</title>
${STYLE}
${IMPORT_MAP}
<script type="module" src="/article-card.js"></script>
<script type="module" src="/article-list.js"></script>
<script type="module" src="/share-button.js"></script>
<script type="module" src="/comment-list.js"></script>
<script type="module" src="/bench/page/index.js"></script>
</head>
<body></body>
</html>`;

// The CSS-cost page: the card's entry and the code that copies and restyles its shadow DOM (css-cost.mjs).
const CSS_COST_PAGE = `<!doctype html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><title>nw bench: CSS cost</title>
${STYLE}
<script type="module" src="/article-card.js"></script>
<script type="module" src="/bench/page/css-cost.js"></script>
</head>
<body></body>
</html>`;

const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Notes when the card is defined: `customElements.whenDefined` resolves only after the upgrades and the renders
 * they queue (microtasks queued first run first), so it cannot tell loading from rendering.
 */
const DEFINE_TIME = `{
  const define = customElements.define;
  customElements.define = function (name, ...rest) {
    if (name === 'nw-article-card') window.nwBenchDefined = performance.now();
    return define.call(this, name, ...rest);
  };
}`;

/** A page of `count` cards written as a site writes them, the script render-blocking as the README advises. */
function frontPage(count) {
  const cards = articles(count).map(
    (a) => `<nw-article-card ${Object.entries(cardAttributes(a)).map(([name, value]) => `${name}="${escape(value)}"`).join(' ')}></nw-article-card>`,
  );
  return `<!doctype html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><title>nw bench: front page</title>
${STYLE}
<script>${DEFINE_TIME}</script>
<script type="module" src="/article-card.js" blocking="render"></script>
<script type="module" src="/bench/page/front-page.js"></script>
</head>
<body><main class="grid">
${cards.join('\n')}
</main></body>
</html>`;
}

/** `GET /wp-json/wp/v2/comments?post=&per_page=&page=&order=` as WordPress answers it, with its paging headers. */
function commentsAnswer(url, byPost) {
  const post = Number(url.searchParams.get('post'));
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 10));
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const all = byPost.get(post) ?? [];
  const ordered = url.searchParams.get('order') === 'desc' ? [...all].reverse() : all;
  const pages = Math.ceil(all.length / perPage);
  const headers = { 'X-WP-Total': String(all.length), 'X-WP-TotalPages': String(pages) };
  if (page > Math.max(pages, 1)) {
    const error = { code: 'rest_comment_invalid_page_number', message: 'The page number requested is larger than the number of pages available.', data: { status: 400 } };
    return { status: 400, headers, body: JSON.stringify(error) };
  }
  return { status: 200, headers, body: JSON.stringify(ordered.slice((page - 1) * perPage, page * perPage)) };
}

/**
 * Serves `distDir` and the bench; resolves to `{ origin, close }`. `commentCounts` maps post ids to how many
 * comments the endpoint holds for them.
 */
export function startBenchServer(distDir, { cards = 1000, commentCounts = { 1: 500 } } = {}) {
  const own = (name) => readFileSync(new URL(name, import.meta.url));
  const pageScripts = new Set(['fixtures.mjs', 'page/index.js', 'page/measure.js', 'page/cards.js', 'page/lit-floor.js', 'page/share.js', 'page/comments.js', 'page/lists.js', 'page/front-page.js', 'page/css-cost.js']);
  const byPost = new Map(Object.entries(commentCounts).map(([post, count]) => [Number(post), comments(count, { post: Number(post) })]));
  const front = frontPage(cards);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const send = (status, type, body, headers = {}) => {
      response.writeHead(status, { 'Content-Type': type, ...ISOLATED, ...headers });
      response.end(body);
    };
    if (path === '/' || path === '/bench.html') return send(200, TYPES['.html'], BENCH_PAGE);
    if (path === '/bench/front-page.html') return send(200, TYPES['.html'], front);
    if (path === '/bench/css-cost.html') return send(200, TYPES['.html'], CSS_COST_PAGE);
    if (path === '/bench/image.svg') return send(200, TYPES['.svg'], IMAGE);
    if (path.startsWith('/bench/') && pageScripts.has(path.slice('/bench/'.length))) {
      return send(200, TYPES['.js'], own(`./${path.slice('/bench/'.length)}`));
    }
    if (path === '/wp-json/wp/v2/posts') {
      // One page of `per_page` posts, all there is: what <nw-article-list> fetches in the bench.
      const count = Math.min(Number(url.searchParams.get('per_page')) || 10, 100);
      const posts = articles(count).map((a, i) => wpPost(a, i + 1));
      return send(200, TYPES['.json'], JSON.stringify(posts), { 'X-WP-Total': String(count), 'X-WP-TotalPages': '1' });
    }
    if (path === '/wp-json/wp/v2/comments') {
      const { status, headers, body } = commentsAnswer(url, byPost);
      return send(status, TYPES['.json'], body, headers);
    }
    const lit = path.startsWith('/node_modules/') && LIT_PACKAGES.some((name) => path.startsWith(`/node_modules/${name}/`));
    const root = lit ? NODE_MODULES : distDir;
    const file = normalize(join(root, lit ? path.slice('/node_modules/'.length) : path));
    if (!file.startsWith(join(root, sep)) || !existsSync(file) || !statSync(file).isFile()) return send(404, 'text/plain', 'not found');
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...ISOLATED });
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
