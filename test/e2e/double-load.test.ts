/**
 * Loading the widgets twice on one page (SPEC §2): two script tags, a second copy of the same build from
 * another path, `article-card.js` after `news-widgets.js`, and a copy of another version. Nothing throws; the
 * first registration stays; only a different version warns, once per tag.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Route } from 'playwright-core';
import { DIST, type E2eServer, launchBrowser, newSession, type Session, startServer } from './support.js';

const TAGS = ['nw-article-card', 'nw-article-list', 'nw-share-button', 'nw-comment-form', 'nw-comment-list'];
const OTHER_VERSION = '99.0.0-e2e';

let server: E2eServer;
let browser: Browser;
let csp: string;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // The test pages get the server's own Content-Security-Policy, so the widgets run under it as on the demo.
  csp = (await fetch(`${server.base}/partner.html`)).headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
});

after(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Records which script each successful `customElements.define` came from (the first stack frame with a URL). */
const RECORD_DEFINES = `
  window.__defines = [];
  const define = customElements.define.bind(customElements);
  customElements.define = (tag, ctor, options) => {
    define(tag, ctor, options);
    const frame = (new Error().stack || '').split('\\n').map((line) => /(https?:\\/\\/[^\\s)]+?):\\d+:\\d+/.exec(line)).find(Boolean);
    window.__defines.push({ tag, from: frame ? new URL(frame[1]).pathname + new URL(frame[1]).search : '?' });
  };
`;

function page(scripts: string[]): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>double load</title>
  ${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n  ')}
</head>
<body>
  <nw-article-card href="/articles/x" headline="Loaded twice, shown once" author="Desk" words="456"></nw-article-card>
  <nw-share-button mode="menu" url="https://news.example/x"></nw-share-button>
</body>
</html>`;
}

/** Serves `/e2e/<prefix>/dist/…` from the local build, optionally with its version string replaced. */
async function serveCopy(session: Session, prefix: string, version?: string): Promise<void> {
  await session.page.route(`**/e2e/${prefix}/dist/**`, async (route: Route) => {
    const path = new URL(route.request().url()).pathname.slice(`/e2e/${prefix}/dist/`.length);
    let body = readFileSync(join(DIST, path), 'utf8');
    if (version) body = body.replaceAll('`0.1.0`', `\`${version}\``).replaceAll('"0.1.0"', `"${version}"`);
    await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
  });
}

async function open(scripts: string[], copies: Array<[string, string?]> = []) {
  const session = await newSession(browser, server.base);
  await session.page.addInitScript(RECORD_DEFINES);
  for (const [prefix, version] of copies) await serveCopy(session, prefix, version);
  await session.page.route(`${server.base}/e2e/double.html`, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
      body: page(scripts),
    }),
  );
  await session.page.goto(`${server.base}/e2e/double.html`, { waitUntil: 'load' });
  await session.page.waitForLoadState('networkidle');
  const state = await session.page.evaluate(
    async (tags) => ({
      defines: (window as unknown as { __defines: Array<{ tag: string; from: string }> }).__defines,
      defined: tags.filter((tag) => customElements.get(tag) !== undefined),
      headline: await (async () => {
        const card = document.querySelector('nw-article-card') as HTMLElement & { updateComplete?: Promise<unknown> };
        await card.updateComplete;
        return card.shadowRoot?.querySelector('[part=headline]')?.textContent?.trim();
      })(),
      upgraded: document.querySelector('nw-article-card') instanceof customElements.get('nw-article-card')!,
    }),
    TAGS,
  );
  return { session, ...state };
}

describe('loading the widgets twice', () => {
  it('news-widgets.js twice, a second copy of the same build, then article-card.js and article-list.js: no error, no warning', async () => {
    const { session, defines, defined, headline, upgraded } = await open(
      [
        '/dist/news-widgets.js',
        '/dist/news-widgets.js',
        '/dist/news-widgets.js?again',
        '/e2e/copy/dist/news-widgets.js',
        '/dist/article-card.js',
        '/e2e/copy/dist/article-card.js',
        '/dist/article-list.js',
      ],
      [['copy']],
    );
    try {
      assert.deepEqual(session.errors, [], 'no uncaught exception and no console error');
      assert.deepEqual(
        session.warnings.filter((text) => text.includes('news-widgets')),
        [],
        'the same version loaded again is silent',
      );
      assert.deepEqual(defined, TAGS);
      assert.deepEqual(
        defines.map(({ tag }) => tag).sort(),
        [...TAGS].sort(),
        `each tag is registered exactly once: ${JSON.stringify(defines)}`,
      );
      // By the first script: /dist/news-widgets.js (or a chunk of it), not the `?again` module, not the copy,
      // not article-card.js or article-list.js.
      assert.ok(
        defines.every(({ from }) => from === '/dist/news-widgets.js' || from.startsWith('/dist/chunks/')),
        `registered by the first script: ${JSON.stringify(defines)}`,
      );
      assert.ok(upgraded, 'the card is an instance of the registered class');
      assert.equal(headline, 'Loaded twice, shown once');
      assert.deepEqual(session.offsite, []);
    } finally {
      await session.close();
    }
  });

  it('a copy of another version after news-widgets.js: one console.warn per tag, the first stays, nothing throws', async () => {
    const { session, defines, defined, headline } = await open(
      ['/dist/news-widgets.js', '/e2e/v2/dist/news-widgets.js'],
      [['v2', OTHER_VERSION]],
    );
    try {
      assert.deepEqual(session.errors, []);
      const warnings = session.warnings.filter((text) => text.includes('news-widgets'));
      for (const tag of TAGS) {
        const mine = warnings.filter((text) => text.includes(`<${tag}>`));
        assert.equal(mine.length, 1, `one warning for <${tag}>: ${JSON.stringify(warnings)}`);
        assert.ok(mine[0].includes(OTHER_VERSION) && mine[0].includes('0.1.0'), `the warning names both versions: ${mine[0]}`);
      }
      assert.equal(warnings.length, TAGS.length, `no other warning: ${JSON.stringify(warnings)}`);
      assert.deepEqual(defined, TAGS);
      assert.equal(defines.length, TAGS.length, `registered once each: ${JSON.stringify(defines)}`);
      assert.ok(
        defines.every(({ from }) => from.startsWith('/dist/')),
        `the first copy stays registered: ${JSON.stringify(defines)}`,
      );
      assert.equal(headline, 'Loaded twice, shown once');
    } finally {
      await session.close();
    }
  });
});
