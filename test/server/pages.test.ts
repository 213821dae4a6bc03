import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cutShort, fitEscaped } from '../../server/pages/article-page.js';
import { serverUnderTest, startServer, type TestServer } from './support.js';

const HEADLINE = 'محادثات سرية مباشرة بين أمريكا و”حماس”.. هل تفتح باباً جديداً لإنهاء الحرب؟';
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
  await server.remove();
});

/** The opening tags of every `<name …>` element in the page. */
const tags = (html: string, name: string): string[] => html.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

describe('/ — the seed article page', () => {
  test('is an Arabic RTL page with the headline, byline and computed reading time', () => {
    assert.match(page, /^<!doctype html>\n<html lang="ar" dir="rtl">/);
    assert.ok(page.includes(`<h1>${HEADLINE}</h1>`));
    assert.ok(page.includes(`<title>${HEADLINE} — الخبر اليوم</title>`));
    assert.ok(page.includes('<span class="byline-author">كتب <bdi>فريق التحرير</bdi></span>'));
    assert.ok(page.includes('<bdi class="byline-reading-time">4 دقائق للقراءة</bdi>'));
    assert.ok(page.includes('<time datetime="2026-11-28T07:45:00Z">28 نوفمبر 2026</time>'));
  });

  test('the byline separates author · date · reading time, each part isolated', () => {
    const byline = page.match(/<p class="byline">([\s\S]*?)<\/p>/)?.[1] ?? '';
    const text = byline.replace(/<[^>]+>/g, '').replaceAll('&nbsp;', ' ').replace(/\s+/g, ' ').trim();
    assert.equal(text, 'كتب فريق التحرير · 28 نوفمبر 2026 · 4 دقائق للقراءة');
    assert.ok(byline.includes('<bdi>فريق التحرير</bdi>') && byline.includes('<bdi class="byline-reading-time">'));
  });

  test('names its no-JavaScript share links in Arabic, as the widget does', () => {
    const links = [...page.matchAll(/<a href="([^"]+)" target="_blank" rel="noopener noreferrer" aria-label="([^"]+)">([^<]+)<\/a>/g)];
    assert.deepEqual(
      links.map(([, , label, name]) => [name, label]),
      [
        ['واتساب', 'شارك على واتساب'],
        ['إكس', 'شارك على إكس'],
        ['فيسبوك', 'شارك على فيسبوك'],
        ['تيليجرام', 'شارك على تيليجرام'],
      ],
    );
    assert.ok(links[0][1].startsWith('https://wa.me/?text='));
  });

  test('puts the tanween on the alif throughout, as the seed\'s "اترك تعليقاً" does', () => {
    assert.ok(page.includes('تعليقاً') && page.includes('باباً جديداً'));
    assert.doesNotMatch(page, /\u064b\u0651?\u0627/, 'no fathatan before the alif (nor before a shadda and the alif)');
  });

  test('has the body with its five sub-headings, in order', () => {
    const headings = [...page.matchAll(/<h2 class="wp-block-heading">([^<]+)<\/h2>/g)].map((match) => match[1]);
    assert.deepEqual(headings, SUB_HEADINGS);
    assert.ok(page.includes('<p>في خطوة غير مسبوقة،'));
  });

  test('loads the widgets and the stylesheet from this origin, and nothing inline', () => {
    assert.ok(page.includes('<script type="module" src="/dist/news-widgets.js" blocking="render"></script>'), 'render-blocking: a late script shifts nothing');
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

  test('ends with a list of the latest other posts in its section from the REST API, and links to them for readers without JavaScript', async () => {
    const lists = tags(page, 'nw-article-list');
    // Politics (category 1) holds the seed article and two more Arabic posts.
    assert.deepEqual(lists, ['<nw-article-list src="/wp-json/wp/v2/posts?categories=1&amp;exclude=1&amp;per_page=2&amp;_embed" limit="2">']);
    assert.ok(page.includes('<h2 id="related-heading">اقرأ أيضاً</h2>'));
    // The list reserves as many cards as the collection it fetches gives.
    const src = attribute(lists[0], 'src')!.replaceAll('&amp;', '&');
    const response = await fetch(`${server.base}${src}`);
    const posts = (await response.json()) as Array<{ id: number; link: string; lang: string; categories: number[] }>;
    assert.deepEqual(
      posts.map(({ id, lang, categories }) => ({ id, lang, categories })),
      [
        { id: 5, lang: 'ar', categories: [1] },
        { id: 7, lang: 'ar', categories: [1] },
      ],
      'the newest first',
    );
    assert.equal(response.headers.get('x-wp-total'), '2');
    assert.equal(response.headers.get('x-wp-totalpages'), '1');
    const fallback = page.match(/<ul class="related-fallback">([\s\S]*?)<\/ul>/)?.[1] ?? '';
    const links = [...fallback.matchAll(/<li lang="([^"]+)" dir="([^"]+)"><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map(([, lang, dir, href, text]) => ({ lang, dir, href, text }));
    assert.deepEqual(
      links.map(({ href }) => href),
      posts.map(({ link }) => link),
      'the fallback links the posts the list shows, in its order',
    );
    assert.deepEqual(links, [
      {
        lang: 'ar',
        dir: 'rtl',
        href: `${server.base}/articles/security-council-gaza-aid`,
        text: 'مجلس الأمن يعقد جلسة طارئة لبحث إيصال المساعدات الإنسانية إلى غزة',
      },
      {
        lang: 'ar',
        dir: 'rtl',
        href: `${server.base}/articles/arab-ministers-gaza-reconstruction`,
        text: 'وزراء الخارجية العرب يبحثون في القاهرة خطة لإعادة إعمار غزة',
      },
    ]);
    assert.equal(tags(page, 'nw-article-card').length, 0, 'the cards are the list\'s');
  });
});

describe('/articles/:slug', () => {
  test('renders an English post in an LTR article inside the Arabic site', async () => {
    const response = await fetch(`${server.base}/articles/phone-battery-cold`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.ok(html.includes('<article class="article" lang="en" dir="ltr">'));
    assert.ok(html.includes('<span class="byline-author">By <bdi>Science desk</bdi></span>'));
    assert.ok(html.includes('<bdi class="byline-reading-time">6 min read</bdi>'), '1190 words at 228 a minute');
    assert.ok(html.includes('<nw-comment-form endpoint="/wp-json/wp/v2/comments" post-id="3">'));
    assert.ok(html.includes('Leave a comment'));
    assert.match(html, /aria-label="Share on WhatsApp">WhatsApp<\/a>/);
    assert.ok(html.includes('By <bdi>Science desk</bdi></span>&nbsp;<span class="byline-separator" aria-hidden="true">·</span> <time'));
    // Alone in its section (Science): the row lists the latest other posts, whatever their section.
    await assertRelatedIsNewestOthers(html, 3);
  });

  /** The row of a post alone in its section: the six newest other posts, the fallback linking what the REST query gives. */
  async function assertRelatedIsNewestOthers(html: string, id: number): Promise<void> {
    assert.deepEqual(tags(html, 'nw-article-list'), [`<nw-article-list src="/wp-json/wp/v2/posts?exclude=${id}&amp;per_page=6&amp;_embed" limit="6">`]);
    const response = await fetch(`${server.base}/wp-json/wp/v2/posts?exclude=${id}&per_page=6`);
    const posts = (await response.json()) as Array<{ id: number; link: string; date_gmt: string }>;
    assert.equal(posts.length, 6, 'the seven posts but this one');
    assert.ok(!posts.some((post) => post.id === id), 'not the post itself');
    const fallback = html.match(/<ul class="related-fallback">([\s\S]*?)<\/ul>/)?.[1] ?? '';
    assert.deepEqual(
      [...fallback.matchAll(/<a href="([^"]+)">/g)].map(([, href]) => href),
      posts.map(({ link }) => link),
      'the fallback links the posts the list shows, newest first',
    );
  }

  test('lists the other posts of its section under an article, else the newest other posts', async () => {
    const politics = await (await fetch(`${server.base}/articles/security-council-gaza-aid`)).text();
    assert.ok(politics.includes('<article class="article" lang="ar" dir="rtl">'));
    assert.ok(politics.includes('<bdi class="byline-reading-time">3 دقائق للقراءة</bdi>'), '303 words at 138 a minute');
    assert.deepEqual(tags(politics, 'nw-article-list'), ['<nw-article-list src="/wp-json/wp/v2/posts?categories=1&amp;exclude=5&amp;per_page=2&amp;_embed" limit="2">']);
    const fallback = politics.match(/<ul class="related-fallback">([\s\S]*?)<\/ul>/)?.[1] ?? '';
    assert.deepEqual(
      [...fallback.matchAll(/<a href="([^"]+)">/g)].map(([, href]) => href),
      [`${server.base}/articles/us-hamas-direct-talks`, `${server.base}/articles/arab-ministers-gaza-reconstruction`],
    );
    assert.ok(!fallback.includes('gulf-central-banks-hold-rates'), 'the economy post is not politics');
    // The economy post is alone in its section.
    const economy = await (await fetch(`${server.base}/articles/gulf-central-banks-hold-rates`)).text();
    assert.ok(economy.includes('<p class="article-section">اقتصاد</p>'));
    assert.ok(economy.includes('<bdi class="byline-reading-time">دقيقتان للقراءة</bdi>'), '261 words at 138 a minute');
    await assertRelatedIsNewestOthers(economy, 6);
  });

  test('escapes every stored value it puts into the page', async () => {
    const evil = `"><script>alert(1)</script><img src=x onerror=alert(2)>&amp;`;
    await server.db.run(
      `INSERT INTO posts (id, slug, lang, title, content, excerpt, author, date_gmt, modified_gmt)
       VALUES (50, 'evil', 'en', ?, '<p>ok</p>', ?, 2, '2026-11-29T08:00:00', '2026-11-29T08:00:00')`,
      evil,
      evil,
    );
    // In the seed article's section (politics), so it is among the links of its list.
    await server.db.run('INSERT INTO post_categories (post, category) VALUES (50, 1)');
    try {
      const html = await (await fetch(`${server.base}/articles/evil`)).text();
      assert.ok(!html.includes('<script>alert'), 'no live script');
      assert.ok(!html.includes('<img src=x'), 'no live image');
      assert.ok(html.includes('<h1>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;</h1>'));
      const front = await (await fetch(`${server.base}/`)).text();
      assert.ok(
        front.includes(
          `<a href="${server.base}/articles/evil">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;</a>`,
        ),
        'the new post is among the links of the list, escaped',
      );
    } finally {
      await server.db.run('DELETE FROM post_categories WHERE post = 50');
      await server.db.run('DELETE FROM posts WHERE id = 50');
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

describe('what readers store cannot inflate the article page', () => {
  const big = serverUnderTest();
  const BIG_COMMENTS = 50;
  // WordPress's longest comment, every character one that escaping makes four or five times longer.
  const CONTENT = '<>&'.repeat(Math.floor(65_525 / 3)) + '<>';

  before(async () => {
    for (let n = 1; n <= BIG_COMMENTS; n++) {
      await big.db.run(
        `INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status)
         VALUES (1, ?, ?, '127.0.0.1', ?, ?, 'approved')`,
        `Reader ${n}`,
        `reader${n}@example.com`,
        `2026-11-29T10:${String(n).padStart(2, '0')}:00`,
        CONTENT,
      );
    }
  });

  test(`with ${BIG_COMMENTS} comments of 65,525 characters of <>&, / stays under 1 MB`, async () => {
    const response = await fetch(`${big.base}/`);
    assert.equal(response.status, 200);
    const body = Buffer.from(await response.arrayBuffer());
    assert.ok(body.length < 1_000_000, `${body.length} bytes`);
    const html = body.toString('utf8');
    // The comment list's first page, oldest first; the widget loads the rest.
    const items = [...html.matchAll(/<li id="comment-(\d+)">/g)];
    assert.equal(items.length, 20);
    assert.ok(html.includes('<bdi>Reader 1</bdi>') && html.includes('<bdi>Reader 20</bdi>') && !html.includes('<bdi>Reader 21</bdi>'));
    assert.ok(html.includes('(20 من 50)'), 'says how many are not shown');
    const links = [...html.matchAll(/<a href="(\/articles\/us-hamas-direct-talks\/comments\/\d+)">اقرأ التعليق كاملاً<\/a>/g)];
    assert.equal(links.length, 20, 'each cut comment links to itself in full');

    const whole = await fetch(`${big.base}${links[0][1]}`);
    assert.equal(whole.status, 200);
    const full = await whole.text();
    assert.match(full, /^<!doctype html>\n<html lang="ar" dir="rtl">/);
    assert.equal(CONTENT.length, 65_525);
    assert.equal(full.match(/&lt;&gt;&amp;/g)?.length, Math.floor(CONTENT.length / 3), 'the comment page has all of it, escaped');
  });

  test('a comment page exists only for an approved comment of that article', async () => {
    const held = await big.db.value<number>(
      `INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status)
       VALUES (1, 'Held', 'held@example.com', '::1', '2026-11-30T10:00:00', 'Not yet', 'hold') RETURNING id`,
    );
    assert.equal((await fetch(`${big.base}/articles/us-hamas-direct-talks/comments/${held}`)).status, 404);
    assert.equal((await fetch(`${big.base}/articles/phone-battery-cold/comments/1`)).status, 404);
    assert.equal((await fetch(`${big.base}/articles/us-hamas-direct-talks/comments/1`)).status, 200);
  });
});

describe('reading times are computed when a post is stored', () => {
  const store = serverUnderTest();
  const readingTime = async (slug: string) =>
    (await (await fetch(`${store.base}/articles/${slug}`)).text()).match(/<bdi class="byline-reading-time">([^<]+)<\/bdi>/)?.[1];

  test('the page reads the stored word count, not the text', async () => {
    assert.equal(await store.db.value('SELECT words FROM posts WHERE id = 1'), 506, 'the seed stores the count');
    // Only the stored count changes: a page that counted the text on each request would still say 6 min.
    await store.db.run('UPDATE posts SET words = 2280 WHERE id = 3');
    assert.equal(await readingTime('phone-battery-cold'), '10 min read');
  });

  test('a text another tool edits loses its stale count, and the page counts it instead', async () => {
    await store.db.run(`UPDATE posts SET content = ? WHERE id = 3`, `<p>${'word '.repeat(700)}</p>`);
    assert.equal(await store.db.value('SELECT words FROM posts WHERE id = 3'), null);
    assert.equal(await readingTime('phone-battery-cold'), '4 min read', '700 words at 228 a minute');
  });
});

describe('the comment section the page keeps rendered', () => {
  const live = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0' });
  const front = async () => (await fetch(`${live.base}/`)).text();

  test('shows a comment at once, whether this server or another process stored it', async () => {
    assert.ok((await front()).includes('لا تعليقات بعد.'));
    const response = await fetch(`${live.base}/wp-json/wp/v2/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ post: 1, author_name: 'Through the API', author_email: 'api@example.com', content: 'First!' }),
    });
    assert.equal(response.status, 201);
    assert.ok((await front()).includes('<bdi>Through the API</bdi>'));

    await live.db.run(
      `INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status)
       VALUES (1, 'Another process', 'other@example.com', '::1', '2026-12-01T10:00:00', 'Second', 'approved')`,
    );
    const page = await front();
    assert.ok(page.includes('<bdi>Through the API</bdi>') && page.includes('<bdi>Another process</bdi>'));
  });
});

describe('the no-JavaScript comment form answers in the article\'s language', () => {
  const forms = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0' });
  const submit = (fields: Record<string, string>) =>
    fetch(`${forms.base}/wp-comments-post.php`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
  const valid = { comment: 'تعليق من النموذج', author: 'هالة', email: 'hala@example.com', comment_post_ID: '1' };

  test('a refused comment on the Arabic article: an Arabic RTL page with the reason and the way back', async () => {
    const response = await submit({ ...valid, comment: '' });
    assert.equal(response.status, 400);
    const page = await response.text();
    assert.match(page, /^<!doctype html>\n<html lang="ar" dir="rtl">/);
    assert.ok(page.includes('<h1>تعذّر إرسال تعليقك</h1>'));
    assert.ok(page.includes('<p>اكتب تعليقك أولاً.</p>'));
    assert.ok(page.includes('<a href="/articles/us-hamas-direct-talks#comments">العودة إلى المقال</a>'));
    assert.doesNotMatch(page, /[A-Za-z]{4,}(?![^<]*>)/, 'no English words in its text');
  });

  test('on an English article the same refusal is in English', async () => {
    const page = await (await submit({ ...valid, comment: '', comment_post_ID: '2' })).text();
    assert.match(page, /^<!doctype html>\n<html lang="en" dir="ltr">/);
    assert.ok(page.includes('<h1>Your comment could not be sent</h1>'));
  });

  test('a published comment leads to its own page, in Arabic; a duplicate is refused in Arabic', async () => {
    const sent = await submit(valid);
    assert.equal(sent.status, 303);
    const own = await (await fetch(`${forms.base}${sent.headers.get('location')}`)).text();
    assert.match(own, /^<!doctype html>\n<html lang="ar" dir="rtl">/);
    assert.ok(own.includes('<bdi>هالة</bdi>') && own.includes('تعليق من النموذج'));
    assert.ok(own.includes('العودة إلى المقال'));
    const again = await submit(valid);
    assert.equal(again.status, 409);
    assert.ok((await again.text()).includes('<p>يبدو أنك أرسلت هذا التعليق من قبل.</p>'));
  });
});

describe('comment previews on the article page', () => {
  test('fitEscaped keeps what escapes within the budget, never half a character', () => {
    assert.equal(fitEscaped('Plain words fit.'), undefined);
    assert.equal(fitEscaped('x'.repeat(450)), undefined);
    assert.equal(fitEscaped('<'.repeat(200)), '<'.repeat(112), '4 characters each');
    assert.equal(fitEscaped('&'.repeat(200)), '&'.repeat(90), '5 characters each');
    assert.equal(fitEscaped('😀'.repeat(300)), '😀'.repeat(225));
  });

  test('cutShort ends at a word near the end, else where it is cut, then "…"', () => {
    assert.equal(cutShort(`${'word '.repeat(20)}unfinish`), `${'word '.repeat(20).trimEnd()}…`);
    assert.equal(cutShort('x'.repeat(50)), `${'x'.repeat(50)}…`);
  });
});
