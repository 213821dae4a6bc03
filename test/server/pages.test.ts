import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDb, startServer, type TestServer } from './support.js';

const HEADLINE = 'محادثات سرية مباشرة بين أمريكا و”حماس”.. هل تفتح بابًا جديدًا لإنهاء الحرب؟';
const SUB_HEADINGS = ['محادثات سرية', 'رهائن أحياء', 'رفض التواصل', 'المرحلة الأصعب', 'صمت رسمي'];

let server: TestServer;
let page: string;
before(async () => {
  server = await startServer();
  const response = await fetch(`${server.base}/`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  page = await response.text();
});
after(async () => {
  await server.close();
  server.remove();
});

/** The opening tags of every `<name …>` element in the page. */
const tags = (html: string, name: string): string[] => html.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

describe('/ — the seed article page', () => {
  test('is an Arabic RTL page with the headline, byline and computed reading time', () => {
    assert.match(page, /^<!doctype html>\n<html lang="ar" dir="rtl">/);
    assert.ok(page.includes(`<h1>${HEADLINE}</h1>`));
    assert.ok(page.includes(`<title>${HEADLINE} — الخبر اليوم</title>`));
    assert.ok(page.includes('<span class="byline-author">كتب فريق التحرير</span>'));
    assert.ok(page.includes('<span class="byline-reading-time">4 دقائق للقراءة</span>'));
    assert.ok(page.includes('<time datetime="2026-11-28T07:45:00Z">28 نوفمبر 2026</time>'));
  });

  test('has the body with its five sub-headings, in order', () => {
    const headings = [...page.matchAll(/<h2 class="wp-block-heading">([^<]+)<\/h2>/g)].map((match) => match[1]);
    assert.deepEqual(headings, SUB_HEADINGS);
    assert.ok(page.includes('<p>في خطوة غير مسبوقة،'));
  });

  test('loads the widgets and the stylesheet from this origin, and nothing inline', () => {
    assert.ok(page.includes('<script type="module" src="/dist/news-widgets.js"></script>'));
    assert.ok(page.includes('<link rel="stylesheet" href="/site.css">'));
    assert.equal(tags(page, 'script').length, 1);
    assert.doesNotMatch(page, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(page, /\{\{\w+\}\}/, 'every placeholder is filled');
  });

  test('has the share bar, the comment list and the comment form for post 1', () => {
    assert.deepEqual(tags(page, 'nw-share-button'), ['<nw-share-button mode="inline">']);
    assert.deepEqual(tags(page, 'nw-comment-list'), ['<nw-comment-list endpoint="/wp-json/wp/v2/comments" post-id="1">']);
    assert.deepEqual(tags(page, 'nw-comment-form'), ['<nw-comment-form endpoint="/wp-json/wp/v2/comments" post-id="1">']);
    assert.ok(page.includes('اترك تعليقاً'), 'the fallback form has the seed heading');
    assert.ok(page.includes('لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *'));
    assert.equal(attribute(tags(page, 'form')[0], 'action'), '/wp-comments-post.php');
  });

  test('ends with a card for each other post, every attribute filled', () => {
    const cards = tags(page, 'nw-article-card');
    assert.equal(cards.length, 3);
    const bike = cards.find((card) => attribute(card, 'headline') === 'City council approves a new network of protected bike lanes');
    assert.ok(bike);
    assert.equal(attribute(bike, 'href'), `${server.base}/articles/protected-bike-lanes-approved`);
    assert.equal(attribute(bike, 'lang'), 'en');
    assert.equal(attribute(bike, 'dir'), 'ltr');
    assert.equal(attribute(bike, 'section'), 'Local');
    assert.equal(attribute(bike, 'author'), 'Newsroom staff');
    assert.equal(attribute(bike, 'published'), '2026-11-20T09:30:00Z');
    assert.equal(attribute(bike, 'image'), `${server.base}/media/protected-bike-lanes-approved.svg`);
    assert.equal(attribute(bike, 'image-width'), '1200');
    assert.equal(attribute(bike, 'image-height'), '675');
    assert.ok(attribute(bike, 'image-alt'));
    assert.ok(attribute(bike, 'excerpt')?.startsWith('The plan adds 40 kilometres'));
    const words = Number(attribute(bike, 'words'));
    assert.ok(words >= 812 && words < 900, String(words));
    const battery = cards.find((card) => attribute(card, 'href')?.endsWith('/phone-battery-cold'));
    assert.equal(attribute(battery ?? '', 'headline'), 'Why your phone&#039;s battery drains faster in the cold');
  });
});

describe('/articles/:slug', () => {
  test('renders an English post in an LTR article inside the Arabic site', async () => {
    const response = await fetch(`${server.base}/articles/phone-battery-cold`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.ok(html.includes('<article class="article" lang="en" dir="ltr">'));
    assert.ok(html.includes('<span class="byline-author">By Science desk</span>'));
    assert.ok(html.includes('<span class="byline-reading-time">6 min read</span>'), '1190 words at 228 a minute');
    assert.ok(html.includes('<nw-comment-form endpoint="/wp-json/wp/v2/comments" post-id="3">'));
    assert.ok(html.includes('Leave a comment'));
    const cards = tags(html, 'nw-article-card');
    assert.equal(cards.length, 3);
    assert.ok(cards.some((card) => attribute(card, 'lang') === 'ar' && attribute(card, 'dir') === 'rtl'));
  });

  test('escapes every stored value it puts into the page', async () => {
    const db = openDb(server.dbFile, false);
    const evil = `"><script>alert(1)</script><img src=x onerror=alert(2)>&amp;`;
    db.prepare(
      `INSERT INTO posts (id, slug, lang, title, content, excerpt, author, date_gmt, modified_gmt)
       VALUES (50, 'evil', 'en', ?, '<p>ok</p>', ?, 2, '2026-11-29T08:00:00', '2026-11-29T08:00:00')`,
    ).run(evil, evil);
    db.close();
    try {
      const html = await (await fetch(`${server.base}/articles/evil`)).text();
      assert.ok(!html.includes('<script>alert'), 'no live script');
      assert.ok(!html.includes('<img src=x'), 'no live image');
      assert.ok(html.includes('<h1>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;</h1>'));
      const front = await (await fetch(`${server.base}/`)).text();
      const card = tags(front, 'nw-article-card').find((tag) => attribute(tag, 'href')?.endsWith('/evil'));
      assert.ok(card, 'the new post is among the cards');
      assert.equal(
        attribute(card, 'headline'),
        '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;',
      );
    } finally {
      const cleanup = openDb(server.dbFile, false);
      cleanup.prepare('DELETE FROM posts WHERE id = 50').run();
      cleanup.close();
    }
  });

  test('an unknown slug is a 404', async () => {
    const response = await fetch(`${server.base}/articles/nothing-here`);
    assert.equal(response.status, 404);
  });
});

describe('/partner.html', () => {
  test('is an English page embedding the Arabic article through src and English cards through attributes', async () => {
    const html = await (await fetch(`${server.base}/partner.html`)).text();
    assert.match(html, /<html lang="en">/);
    // Render-blocking since cb63fce, so the cards never shift when they upgrade.
    assert.ok(html.includes('<script type="module" src="/dist/news-widgets.js" blocking="render"></script>'));
    const cards = tags(html, 'nw-article-card');
    const fromSrc = cards.filter((card) => attribute(card, 'src'));
    assert.deepEqual(fromSrc.map((card) => attribute(card, 'src')), ['/wp-json/wp/v2/posts/1?_embed']);
    const headlines = cards.map((card) => attribute(card, 'headline')).filter(Boolean);
    for (const headline of [
      'City council approves a new network of protected bike lanes',
      "Why your phone's battery drains faster in the cold",
      'A 900-year-old manuscript goes online, page by page',
    ]) {
      assert.ok(headlines.includes(headline), headline);
    }
    const css = await (await fetch(`${server.base}/partner.css`)).text();
    for (const property of ['--nw-color-accent', '--nw-font-family', '--nw-radius', '--nw-color-surface']) {
      assert.match(css, new RegExp(`${property}:`), property);
    }
    assert.doesNotMatch(css, /(margin|padding|border|inset)-(left|right)|text-align:\s*(left|right)|float:\s*(left|right)/);
  });

  test('the card src it uses answers with the seed article', async () => {
    const response = await fetch(`${server.base}/wp-json/wp/v2/posts/1?_embed`);
    const post = (await response.json()) as { lang: string; title: { rendered: string } };
    assert.equal(post.lang, 'ar');
    assert.equal(post.title.rendered, HEADLINE);
  });
});

describe('demo stylesheet', () => {
  test('uses logical properties only', async () => {
    const css = await (await fetch(`${server.base}/site.css`)).text();
    assert.doesNotMatch(css, /(margin|padding|border|inset)-(left|right)|text-align:\s*(left|right)|float:\s*(left|right)|[;{\s](left|right):/);
  });
});
