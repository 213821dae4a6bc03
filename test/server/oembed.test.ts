/**
 * The oEmbed provider against WordPress 6.x's (`WP_oEmbed_Controller`, `get_oembed_response_data`,
 * `get_post_embed_html`, `_oembed_rest_pre_serve_request`, `wp_oembed_add_discovery_links`): the expectations come
 * from WordPress's source. And the embed page its iframe shows, the one page any site may frame.
 */
import { DOMParser } from '@xmldom/xmldom';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fetchJson, serverUnderTest, type WpErrorBody } from './support.js';

type Json = Record<string, unknown>;

const server = serverUnderTest();
const ENGLISH = 'phone-battery-cold';
const SEED = 'us-hamas-direct-talks';
const permalink = (slug: string) => `${server.base}/articles/${slug}`;
const endpoint = (query: string) => `${server.base}/wp-json/oembed/1.0/embed?${query}`;
const forUrl = (url: string, extra = '') => endpoint(`url=${encodeURIComponent(url)}${extra}`);

const KEYS = ['version', 'provider_name', 'provider_url', 'author_name', 'author_url', 'title', 'type', 'width', 'height', 'html'];
const THUMBNAIL_KEYS = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'];

/** The text of escaped markup (`html` escapes quotes in text as well as in attributes). */
const unescape = (text: string) =>
  text.replace(/&(#039|quot|lt|gt|amp);/g, (_, name: string) => ({ '#039': "'", quot: '"', lt: '<', gt: '>', amp: '&' })[name] ?? '');

/** The pieces of `get_post_embed_html`'s markup, or a failed assertion naming what is off. */
function embedHtml(markup: string) {
  const match =
    /^<blockquote class="wp-embedded-content" data-secret="([a-zA-Z0-9]{10})"><a href="([^"]+)">([^<]+)<\/a><\/blockquote><iframe sandbox="allow-scripts" security="restricted" src="([^"]+)#\?secret=\1" width="(\d+)" height="(\d+)" title="([^"]+)" data-secret="\1" frameborder="0" marginwidth="0" marginheight="0" scrolling="no" class="wp-embedded-content"><\/iframe>$/.exec(
      markup,
    );
  assert.ok(match, `WordPress's blockquote and iframe, nothing else: ${markup}`);
  const [, secret, href, text, src, width, height, title] = match;
  return { secret, href, text: unescape(text), src, width: Number(width), height: Number(height), title: unescape(title) };
}

async function oembed(url: string, extra = '') {
  return fetchJson<Json>(forUrl(url, extra));
}

describe('GET /wp-json/oembed/1.0/embed — get_oembed_response_data_rich', () => {
  test('an article: type rich, its author, title, picture and a sandboxed frame on its embed page', async () => {
    const post = (await fetchJson<Json[]>(`${server.base}/wp-json/wp/v2/posts?slug=${ENGLISH}&_embed=author`)).body[0];
    const author = (post._embedded as { author: { name: string; link: string }[] }).author[0];
    const { status, headers, body } = await oembed(permalink(ENGLISH));
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(Object.keys(body), [...KEYS, ...THUMBNAIL_KEYS]);
    assert.equal(body.version, '1.0');
    assert.equal(body.type, 'rich');
    assert.equal(body.provider_name, 'الخبر اليوم');
    assert.equal(body.provider_url, server.base);
    assert.equal(body.author_name, author.name);
    assert.equal(body.author_url, author.link);
    assert.equal(body.title, "Why your phone's battery drains faster in the cold");
    assert.equal(body.width, 600);
    assert.equal(body.height, 338);
    const html = embedHtml(body.html as string);
    assert.equal(html.href, permalink(ENGLISH));
    assert.equal(html.text, body.title);
    assert.equal(html.src, `${permalink(ENGLISH)}/embed/`);
    assert.deepEqual([html.width, html.height], [600, 338]);
    assert.equal(html.title, `“${body.title as string}” — الخبر اليوم`);
    // The seed pictures are 1200×675: scaled to the frame's width, as wp_get_attachment_image_src( id, [ 600, 99999 ] ).
    assert.match(body.thumbnail_url as string, new RegExp(`^${server.base}/media/`));
    assert.deepEqual([body.thumbnail_width, body.thumbnail_height], [600, 338]);
    assert.equal((await fetch(body.thumbnail_url as string)).status, 200);
    const frame = await fetch(html.src);
    assert.equal(frame.status, 200);
    assert.match(frame.headers.get('content-type') ?? '', /^text\/html/);
  });

  test('the URL as url_to_postid reads it: the front page is the seed article; slash, embed/, query, fragment and scheme do not matter', async () => {
    const seed = await oembed(`${server.base}/`);
    assert.equal(seed.status, 200);
    assert.equal(embedHtml(seed.body.html as string).href, permalink(SEED));
    assert.equal(seed.body.author_name, 'فريق التحرير');
    for (const url of [
      `${permalink(ENGLISH)}/`,
      `${permalink(ENGLISH)}/embed/`,
      `${permalink(ENGLISH)}?utm_source=partner#comments`,
      permalink(ENGLISH).replace('http:', 'https:'),
    ]) {
      const { status, body } = await oembed(url);
      assert.equal(status, 200, url);
      assert.equal(embedHtml(body.html as string).href, permalink(ENGLISH), url);
    }
  });

  test('format=xml: the same fields as SimpleXML writes them, text/xml', async () => {
    const json = (await oembed(permalink(ENGLISH))).body;
    const response = await fetch(forUrl(permalink(ENGLISH), '&format=xml'));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/xml; charset=UTF-8');
    const text = await response.text();
    assert.match(text, /^<\?xml version="1.0"\?>\n<oembed>/);
    const errors: string[] = [];
    const doc = new DOMParser({ errorHandler: (level, message) => errors.push(`${level}: ${String(message)}`) }).parseFromString(text, 'text/xml');
    assert.deepEqual(errors, [], 'well-formed XML');
    const root = doc.documentElement!;
    assert.equal(root.tagName, 'oembed');
    const fields = Array.from(root.childNodes).filter((node) => node.nodeType === 1) as unknown as { tagName: string; textContent: string }[];
    assert.deepEqual(fields.map((field) => field.tagName), Object.keys(json));
    const value = (name: string) => fields.find((field) => field.tagName === name)?.textContent;
    for (const key of Object.keys(json).filter((key) => key !== 'html')) assert.equal(value(key), String(json[key]), key);
    // The markup is text in the XML (escaped), with a secret of its own.
    const html = embedHtml(value('html') ?? '');
    assert.equal(html.src, `${permalink(ENGLISH)}/embed/`);
    assert.equal(html.text, json.title);
  });

  test('a format other than xml is JSON (wp_oembed_ensure_format)', async () => {
    for (const format of ['json', 'yaml', '', 'XML']) {
      const response = await fetch(forUrl(permalink(ENGLISH), `&format=${format}`));
      assert.equal(response.status, 200, format);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/, format);
    }
  });

  test('listed in the index under its own namespace, as WordPress lists it; reachable through ?rest_route=', async () => {
    const index = await fetchJson<{ namespaces: string[]; routes: Record<string, { namespace: string; endpoints: { args: Record<string, Json> }[] }> }>(
      `${server.base}/wp-json/`,
    );
    assert.deepEqual(index.body.namespaces, ['oembed/1.0', 'wp/v2']);
    const route = index.body.routes['/oembed/1.0/embed'];
    assert.equal(route.namespace, 'oembed/1.0');
    assert.deepEqual(Object.keys(route.endpoints[0].args), ['url', 'format', 'maxwidth']);
    assert.equal(route.endpoints[0].args.url.required, true);
    assert.equal(route.endpoints[0].args.maxwidth.default, 600);
    assert.equal(index.body.routes['/oembed/1.0/proxy'], undefined, 'no proxy route: it is for signed-in editors');
    const namespace = await fetchJson<{ namespace: string; routes: Record<string, unknown> }>(`${server.base}/wp-json/oembed/1.0`);
    assert.equal(namespace.status, 200);
    assert.deepEqual(Object.keys(namespace.body.routes), ['/oembed/1.0', '/oembed/1.0/embed']);
    const viaRestRoute = await fetchJson<Json>(`${server.base}/?rest_route=/oembed/1.0/embed&url=${encodeURIComponent(permalink(ENGLISH))}`);
    assert.equal(viaRestRoute.body.type, 'rich');
  });
});

describe('maxwidth — absint, then oembed_min_max_width (200–600), height 16:9 and at least 200', () => {
  const cases: [string, number, number][] = [
    ['400', 400, 225],
    ['300', 300, 200],
    ['450px', 450, 254],
    ['99999', 600, 338],
    ['1' + '0'.repeat(40), 600, 338],
    ['1e9', 600, 338],
    ['1', 200, 200],
    ['0', 200, 200],
    ['-450', 450, 254],
    ['abc', 200, 200],
    ['', 200, 200],
  ];
  for (const [maxwidth, width, height] of cases) {
    test(`maxwidth=${maxwidth.length > 12 ? `${maxwidth.slice(0, 4)}…(${maxwidth.length} digits)` : JSON.stringify(maxwidth)} → ${width}×${height}`, async () => {
      const { status, body } = await oembed(permalink(ENGLISH), `&maxwidth=${encodeURIComponent(maxwidth)}`);
      assert.equal(status, 200);
      assert.deepEqual([body.width, body.height], [width, height]);
      const html = embedHtml(body.html as string);
      assert.deepEqual([html.width, html.height], [width, height]);
      assert.equal(body.thumbnail_width, width);
      assert.equal(body.thumbnail_height, Math.round((675 * width) / 1200));
    });
  }
});

describe('what WordPress refuses', () => {
  const notFound = { code: 'oembed_invalid_url', message: 'Not Found', data: { status: 404 } };
  const refused: [string, string][] = [
    ['an unknown article', permalink('no-such-article')],
    ['another site’s URL of the same path', `https://example.com/articles/${ENGLISH}`],
    ['our host on another port', permalink(ENGLISH).replace(/:(\d+)\//, (_, port: string) => `:${Number(port) + 1}/`)],
    ['a javascript: URL', `javascript:alert(document.domain)//${server.base}/articles/${ENGLISH}`],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a relative URL', `/articles/${ENGLISH}`],
    ['a page that is not a post', `${server.base}/category/politics/`],
    ['a comment of a post', `${permalink(ENGLISH)}/comments/1`],
    ['an empty url', ''],
    ['a malformed escape in the slug', `${server.base}/articles/%E0%A4%A`],
  ];
  for (const [what, url] of refused) {
    test(`${what}: 404 oembed_invalid_url`, async () => {
      const { status, body } = await fetchJson<WpErrorBody>(forUrl(url));
      assert.equal(status, 404, url);
      assert.deepEqual(body, notFound);
    });
  }

  test('no url at all: 400 rest_missing_callback_param, as WP_REST_Request::has_valid_params', async () => {
    const { status, body } = await fetchJson<WpErrorBody>(endpoint('maxwidth=300'));
    assert.equal(status, 400);
    assert.deepEqual(body, { code: 'rest_missing_callback_param', message: 'Missing parameter(s): url', data: { status: 400, params: ['url'] } });
  });

  test('url as a list: 400 rest_invalid_param (its type is string)', async () => {
    const { status, body } = await fetchJson<WpErrorBody>(endpoint(`url[]=${encodeURIComponent(permalink(ENGLISH))}`));
    assert.equal(status, 400);
    assert.equal(body.code, 'rest_invalid_param');
    assert.equal(body.data.params?.url, 'url is not of type string.');
  });

  test('format=xml: the error as XML too, with its status', async () => {
    const response = await fetch(forUrl(permalink('no-such-article'), '&format=xml'));
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('content-type'), 'text/xml; charset=UTF-8');
    assert.equal(await response.text(), '<?xml version="1.0"?>\n<oembed><code>oembed_invalid_url</code><message>Not Found</message><data><status>404</status></data></oembed>\n');
  });
});

describe('wp_oembed_add_discovery_links — the article pages', () => {
  const links = (page: string) => [...page.matchAll(/<link rel="alternate" type="(application\/json\+oembed|text\/xml\+oembed)" href="([^"]+)">/g)].map(([, type, href]) => ({ type, href: href.replaceAll('&amp;', '&') }));

  for (const [path, slug] of [[`/articles/${ENGLISH}`, ENGLISH], ['/', SEED]] as const) {
    test(`${path}: a JSON and an XML link naming its permalink, both answering`, async () => {
      const page = await (await fetch(`${server.base}${path}`)).text();
      const found = links(page);
      assert.deepEqual(found.map((link) => link.type), ['application/json+oembed', 'text/xml+oembed']);
      assert.equal(found[0].href, forUrl(permalink(slug)).replace(/%20/g, '+'));
      assert.equal(found[1].href, `${found[0].href}&format=xml`);
      const head = page.slice(0, page.indexOf('</head>'));
      assert.ok(found.every((link) => head.includes(link.href.replaceAll('&', '&amp;'))), 'in the head');
      const json = await fetchJson<Json>(found[0].href);
      assert.equal(embedHtml(json.body.html as string).href, permalink(slug));
      const xml = await fetch(found[1].href);
      assert.equal(xml.headers.get('content-type'), 'text/xml; charset=UTF-8');
    });
  }

  test('not on an archive, which shows no one post (is_singular)', async () => {
    const page = await (await fetch(`${server.base}/author/editorial-team/`)).text();
    assert.equal(page.includes('+oembed'), false);
  });
});

describe('the embed page /articles/<slug>/embed/', () => {
  test('framable by any site, unlike the article page; no cookie', async () => {
    const embed = await fetch(`${permalink(ENGLISH)}/embed/`);
    assert.equal(embed.status, 200);
    assert.match(embed.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(embed.headers.get('x-frame-options'), null);
    assert.match(embed.headers.get('content-security-policy') ?? '', /(?:^|; )frame-ancestors \*(?:;|$)/);
    assert.match(embed.headers.get('content-security-policy') ?? '', /script-src 'self'/, 'scripts still only from here');
    assert.equal(embed.headers.get('set-cookie'), null);
    const article = await fetch(permalink(ENGLISH));
    assert.equal(article.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.match(article.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
    assert.equal(article.headers.get('set-cookie'), null);
  });

  test('the post as one card in its own language and direction, loading only the card, its own script and style', async () => {
    for (const [slug, lang, dir] of [[ENGLISH, 'en', 'ltr'], [SEED, 'ar', 'rtl']]) {
      const page = await (await fetch(`${permalink(slug)}/embed/`)).text();
      assert.match(page, new RegExp(`<html lang="${lang}" dir="${dir}">`));
      const body = page.slice(page.indexOf('<body>') + 6, page.indexOf('</body>')).trim();
      assert.match(body, /^<main><nw-article-card [^>]*>\s*<a href="[^"]+">[^<]+<\/a>\s*<\/nw-article-card><\/main>$/, 'one card and its fallback link, nothing else');
      assert.match(body, new RegExp(`lang="${lang}" dir="${dir}"`));
      assert.match(body, new RegExp(`href="${permalink(slug)}"`));
      const loads = [...page.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"/g)].map(([, url]) => url);
      assert.deepEqual(loads.filter((url) => !url.startsWith(server.base) || url.includes('/dist/') || url.startsWith('/')), [
        '/embed.css',
        '/embed-frame.js',
        '/dist/article-card.js',
      ]);
      for (const asset of ['/embed.css', '/embed-frame.js']) assert.equal((await fetch(`${server.base}${asset}`)).status, 200, asset);
    }
  });

  test('an unknown article has no embed page', async () => {
    const response = await fetchJson<WpErrorBody>(`${permalink('no-such-article')}/embed/`);
    assert.equal(response.status, 404);
    assert.equal(response.body.code, 'rest_no_route');
    assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN');
  });
});

describe('with PUBLIC_URL', () => {
  const behind = serverUnderTest({ PUBLIC_URL: 'https://news.example/' });

  test('the public URL is ours, the address the request came in by is not; links are the public ones', async () => {
    const ours = await fetchJson<Json>(`${behind.base}/wp-json/oembed/1.0/embed?url=${encodeURIComponent(`https://news.example/articles/${ENGLISH}`)}`);
    assert.equal(ours.status, 200);
    // url_to_postid adds or strips `www.` to match the home URL; another host under ours is still another site.
    const www = await fetchJson<Json>(`${behind.base}/wp-json/oembed/1.0/embed?url=${encodeURIComponent(`http://www.news.example/articles/${ENGLISH}`)}`);
    assert.equal(www.status, 200);
    assert.equal(embedHtml(www.body.html as string).href, `https://news.example/articles/${ENGLISH}`);
    const sub = await fetchJson<Json>(`${behind.base}/wp-json/oembed/1.0/embed?url=${encodeURIComponent(`https://evil.news.example/articles/${ENGLISH}`)}`);
    assert.equal(sub.status, 404);
    assert.equal(ours.body.provider_url, 'https://news.example');
    assert.equal(embedHtml(ours.body.html as string).src, `https://news.example/articles/${ENGLISH}/embed/`);
    const internal = await fetchJson<WpErrorBody>(`${behind.base}/wp-json/oembed/1.0/embed?url=${encodeURIComponent(`${behind.base}/articles/${ENGLISH}`)}`);
    assert.equal(internal.status, 404);
  });
});
