import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countWords } from '../../src/i18n/reading-time.js';
import { fetchJson, SEED_BY_DATE, serverUnderTest } from './support.js';

type Post = Record<string, unknown> & {
  id: number;
  slug: string;
  lang: string;
  title: { rendered: string };
  content: { rendered: string; protected: boolean };
  excerpt: { rendered: string; protected: boolean };
  _links: Record<string, Array<{ href: string; embeddable?: boolean }>>;
  _embedded?: Record<string, unknown[]>;
};

const ARABIC_HEADLINE = 'محادثات سرية مباشرة بين أمريكا و”حماس”.. هل تفتح باباً جديداً لإنهاء الحرب؟';

const server = serverUnderTest();

const api = (path: string) => `${server.base}/wp-json/wp/v2${path}`;

describe('GET /wp-json/wp/v2/posts', () => {
  test('lists the seven seeded posts, newest first, with WordPress paging headers', async () => {
    const { status, headers, body } = await fetchJson<Post[]>(api('/posts'));
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(headers.get('x-wp-total'), '7');
    assert.equal(headers.get('x-wp-totalpages'), '1');
    // No page to link to: only the API root every REST response points to (WP_REST_Server::serve_request).
    assert.equal(headers.get('link'), `<${server.base}/wp-json/>; rel="https://api.w.org/"`);
    assert.deepEqual(body.map((post) => post.slug), SEED_BY_DATE);
    assert.deepEqual(
      body.map((post) => post.lang),
      ['ar', 'en', 'ar', 'ar', 'ar', 'en', 'en'],
    );
  });

  test('has every field of a WordPress post, in its shape', async () => {
    const { body } = await fetchJson<Post[]>(api('/posts?slug=us-hamas-direct-talks'));
    const [post] = body;
    assert.equal(post.id, 1);
    assert.equal(post.date, '2026-11-28T07:45:00');
    assert.equal(post.date_gmt, '2026-11-28T07:45:00');
    assert.equal(post.modified, '2026-11-28T07:45:00');
    assert.equal(post.modified_gmt, '2026-11-28T07:45:00');
    assert.equal(post.status, 'publish');
    assert.equal(post.type, 'post');
    assert.equal(post.link, `${server.base}/articles/us-hamas-direct-talks`);
    assert.equal(post.title.rendered, ARABIC_HEADLINE);
    assert.equal(post.content.protected, false);
    assert.equal(post.excerpt.protected, false);
    assert.match(post.excerpt.rendered, /^<p>في خطوة غير مسبوقة، .*<\/p>\n$/);
    assert.equal(post.author, 1);
    assert.equal(typeof post.featured_media, 'number');
    assert.ok((post.featured_media as number) > 0);
    assert.equal(post.comment_status, 'open');
    assert.equal(post.lang, 'ar');
    assert.deepEqual(post._links.self, [{ href: `${server.base}/wp-json/wp/v2/posts/1` }]);
    assert.deepEqual(post._links.author, [{ embeddable: true, href: `${server.base}/wp-json/wp/v2/users/1` }]);
    assert.deepEqual(post._links['wp:featuredmedia'], [
      { embeddable: true, href: `${server.base}/wp-json/wp/v2/media/${post.featured_media}` },
    ]);
    assert.equal(post._embedded, undefined, 'nothing is embedded without _embed');
  });

  test('content is WordPress HTML: paragraphs and the five sub-headings', async () => {
    const { body } = await fetchJson<Post>(api('/posts/1'));
    const headings = [...body.content.rendered.matchAll(/<h2 class="wp-block-heading">([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ['محادثات سرية', 'رهائن أحياء', 'رفض التواصل', 'المرحلة الأصعب', 'صمت رسمي']);
    assert.equal(body.content.rendered.match(/<p>/g)?.length, 22);
    assert.ok(!body.content.rendered.includes('<!-- wp:'), 'block comments are not rendered');
  });

  test('English posts carry about as many words (Intl.Segmenter) as the fixture says', async () => {
    const { body } = await fetchJson<Post[]>(api('/posts?slug=protected-bike-lanes-approved,phone-battery-cold,manuscript-goes-online'));
    const words = Object.fromEntries(
      body.map((post) => [post.slug, countWords(post.content.rendered.replace(/<[^>]+>/g, ' '), 'en')]),
    );
    for (const [slug, expected] of Object.entries({
      'protected-bike-lanes-approved': 812,
      'phone-battery-cold': 1190,
      'manuscript-goes-online': 455,
    })) {
      assert.ok(words[slug] >= expected && words[slug] < expected + 80, `${slug}: ${words[slug]} words, fixture ${expected}`);
    }
  });

  test('the other Arabic posts are written out: paragraphs, sub-headings and the words their reading time counts', async () => {
    const { body } = await fetchJson<Post[]>(api('/posts?include=5,6,7&orderby=include'));
    assert.deepEqual(
      body.map((post) => ({
        slug: post.slug,
        lang: post.lang,
        headings: post.content.rendered.match(/<h2 class="wp-block-heading">/g)?.length,
        paragraphs: post.content.rendered.match(/<p>/g)?.length,
        words: countWords(post.content.rendered.replace(/<[^>]+>/g, ' '), 'ar'),
      })),
      [
        { slug: 'security-council-gaza-aid', lang: 'ar', headings: 2, paragraphs: 8, words: 303 },
        { slug: 'gulf-central-banks-hold-rates', lang: 'ar', headings: 2, paragraphs: 7, words: 261 },
        { slug: 'arab-ministers-gaza-reconstruction', lang: 'ar', headings: 2, paragraphs: 7, words: 233 },
      ],
    );
  });

  test('per_page and page split the list, with X-WP-TotalPages and Link headers', async () => {
    const first = await fetchJson<Post[]>(api('/posts?per_page=3'));
    assert.equal(first.headers.get('x-wp-total'), '7');
    assert.equal(first.headers.get('x-wp-totalpages'), '3');
    assert.equal(first.body.length, 3);
    assert.equal(first.headers.get('link'), `<${api('/posts?per_page=3&page=2')}>; rel="next"`);

    const second = await fetchJson<Post[]>(api('/posts?per_page=3&page=2'));
    assert.deepEqual(second.body.map((post) => post.id), [6, 7, 2]);
    assert.equal(second.headers.get('link'), `<${api('/posts?per_page=3&page=1')}>; rel="prev", <${api('/posts?per_page=3&page=3')}>; rel="next"`);

    const last = await fetchJson<Post[]>(api('/posts?per_page=3&page=3'));
    assert.deepEqual(last.body.map((post) => post.slug), ['manuscript-goes-online']);
    assert.equal(last.headers.get('link'), `<${api('/posts?per_page=3&page=2')}>; rel="prev"`);

    const all = await fetchJson<Post[]>(api('/posts?per_page=100'));
    assert.equal(all.body.length, 7);
    const one = await fetchJson<Post[]>(api('/posts?per_page=1&page=4'));
    assert.deepEqual(one.body.map((post) => post.id), [6]);
  });

  test('order=asc reverses the list', async () => {
    const { body } = await fetchJson<Post[]>(api('/posts?order=asc'));
    assert.deepEqual(body.map((post) => post.slug)[0], 'manuscript-goes-online');
  });

  test('slug selects posts; an unknown slug gives an empty list, not an error', async () => {
    const one = await fetchJson<Post[]>(api('/posts?slug=phone-battery-cold'));
    assert.deepEqual(one.body.map((post) => post.id), [3]);
    const none = await fetchJson<Post[]>(api('/posts?slug=no-such-post'));
    assert.equal(none.status, 200);
    assert.deepEqual(none.body, []);
    assert.equal(none.headers.get('x-wp-total'), '0');
    assert.equal(none.headers.get('x-wp-totalpages'), '0');
  });

  test('a trailing slash reaches the same route, as in WordPress', async () => {
    const { status } = await fetchJson(api('/posts/'));
    assert.equal(status, 200);
  });
});

describe('GET /wp-json/wp/v2/posts/:id', () => {
  test('returns one post', async () => {
    const { status, body } = await fetchJson<Post>(api('/posts/2'));
    assert.equal(status, 200);
    assert.equal(body.id, 2);
    assert.equal(body.slug, 'protected-bike-lanes-approved');
    assert.equal(body.title.rendered, 'City council approves a new network of protected bike lanes');
    assert.equal(body.date_gmt, '2026-11-20T09:30:00');
    assert.equal(body.lang, 'en');
  });

  test('_embed adds the author, the featured image with its sizes, the section and the tags', async () => {
    const { body } = await fetchJson<Post>(api('/posts/1?_embed'));
    const embedded = body._embedded as {
      author: Array<Record<string, unknown>>;
      'wp:featuredmedia': Array<{
        id: number;
        source_url: string;
        alt_text: string;
        media_details: { width: number; height: number; sizes: Record<string, { source_url: string; width: number; height: number }> };
      }>;
      'wp:term': Array<Array<{ name: string; taxonomy: string }>>;
    };
    const [author] = embedded.author;
    assert.equal(author.id, 1);
    assert.equal(author.name, 'فريق التحرير');
    assert.equal(author.slug, 'editorial-team');
    for (const key of ['url', 'description', 'link']) assert.equal(typeof author[key], 'string', key);
    assert.deepEqual(Object.keys(author.avatar_urls as object), ['24', '48', '96']);

    const [image] = embedded['wp:featuredmedia'];
    assert.equal(image.id, body.featured_media);
    assert.equal(image.source_url, `${server.base}/media/us-hamas-direct-talks.svg`);
    assert.ok(image.alt_text.length > 0);
    assert.equal(image.media_details.width, 1200);
    assert.equal(image.media_details.height, 675);
    assert.deepEqual(image.media_details.sizes.medium, {
      file: 'us-hamas-direct-talks.svg',
      width: 300,
      height: 169,
      mime_type: 'image/svg+xml',
      source_url: `${server.base}/media/us-hamas-direct-talks.svg`,
    });
    assert.equal(image.media_details.sizes.full.width, 1200);
    assert.equal(image.media_details.sizes.full.height, 675);

    assert.deepEqual(
      embedded['wp:term'].map((terms) => terms.map((term) => [term.taxonomy, term.name])),
      [
        [['category', 'سياسة']],
        // By name, as wp_get_object_terms lists a post's terms.
        ['الرهائن', 'الولايات المتحدة', 'حماس', 'غزة', 'قطر'].map((name) => ['post_tag', name]),
      ],
    );
  });

  test('_embed=author embeds only the author', async () => {
    const { body } = await fetchJson<Post>(api('/posts/1?_embed=author'));
    assert.deepEqual(Object.keys(body._embedded ?? {}), ['author']);
  });

  test('the list embeds too', async () => {
    const { body } = await fetchJson<Post[]>(api('/posts?_embed=1&per_page=2'));
    assert.ok(body.every((post) => post._embedded?.author && post._embedded['wp:featuredmedia']));
  });

  test('the embedded image is served', async () => {
    const { body } = await fetchJson<Post>(api('/posts/4?_embed'));
    const [image] = body._embedded?.['wp:featuredmedia'] as Array<{ source_url: string }>;
    const response = await fetch(image.source_url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.match(await response.text(), /^<svg [^>]*viewBox="0 0 1200 675"/);
  });
});

describe('users and media', () => {
  test('GET /users/:id and /media/:id answer the links a post gives', async () => {
    const { body: post } = await fetchJson<Post>(api('/posts/1'));
    const author = await fetchJson<{ name: string }>(post._links.author[0].href);
    assert.equal(author.status, 200);
    assert.equal(author.body.name, 'فريق التحرير');
    const media = await fetchJson<{ id: number; media_type: string }>(post._links['wp:featuredmedia'][0].href);
    assert.equal(media.status, 200);
    assert.equal(media.body.id, post.featured_media);
    assert.equal(media.body.media_type, 'image');
  });

  test('unknown ids are WordPress errors', async () => {
    const user = await fetchJson(api('/users/999'));
    assert.equal(user.status, 404);
    assert.deepEqual(user.body, { code: 'rest_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } });
    const media = await fetchJson(api('/media/999'));
    assert.equal(media.status, 404);
    assert.deepEqual(media.body, { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } });
  });
});
