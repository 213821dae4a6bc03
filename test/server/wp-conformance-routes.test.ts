/**
 * The server against WordPress 6.x for discovery, `?rest_route=`, the users/media/pages/types/taxonomies routes and
 * what every route shares (Allow, paging totals, OPTIONS, CORS, `_fields`, `context`, `_envelope`). Each describe
 * names the WordPress function it follows; the expectations come from WordPress's source, not from this server.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, describe, test } from 'node:test';
import { fetchJson, serverUnderTest } from './support.js';

type Json = Record<string, unknown>;
interface RouteData {
  namespace: string;
  methods: string[];
  endpoints: { methods: string[]; args: Record<string, { required: boolean; enum?: string[] }>; allow_batch?: unknown }[];
  schema?: { title: string; properties: Record<string, { context: string[] }> };
  _links?: { self: { href: string }[] };
}
interface WpError {
  code: string;
  message: string;
  data: { status: number; params?: Record<string, string>; details?: Record<string, { code: string }> };
}

/** node-wpapi 1.2, the third-party client, loaded as its users load it (CommonJS, no types of its own). */
interface WpRequest {
  id(id: number): WpRequest;
  perPage(count: number): WpRequest;
  param(name: string, value: unknown): WpRequest;
  get(): Promise<Json & Json[] & { _paging?: { total: number; totalPages: number } }>;
}
interface WpApi {
  posts(): WpRequest;
  users(): WpRequest;
  media(): WpRequest;
  pages(): WpRequest;
  types(): WpRequest;
  taxonomies(): WpRequest;
}
interface WpApiStatic {
  new (options: { endpoint: string }): WpApi;
  discover(url: string): Promise<WpApi>;
}
const WPAPI = createRequire(import.meta.url)('wpapi') as WpApiStatic;

const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0' });
const api = (path: string) => `${server.base}/wp-json/wp/v2${path}`;
const root = () => `${server.base}/wp-json/`;

describe('WP_REST_Server::get_index — GET /wp-json/', () => {
  test('the site, its namespaces and every route, with and without the trailing slash', async () => {
    for (const url of [root(), `${server.base}/wp-json`]) {
      const { status, headers, body } = await fetchJson<Json>(url);
      assert.equal(status, 200, url);
      assert.match(headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(Object.keys(body), [
        'name', 'description', 'url', 'home', 'gmt_offset', 'timezone_string', 'page_for_posts', 'page_on_front',
        'show_on_front', 'namespaces', 'authentication', 'routes', 'site_logo', 'site_icon', 'site_icon_url', '_links',
      ]);
      assert.equal(body.url, server.base);
      assert.equal(body.home, server.base);
      // The oEmbed provider's namespace, then the core one, in the order WordPress registers them.
      assert.deepEqual(body.namespaces, ['oembed/1.0', 'wp/v2']);
      // An empty PHP array() is `[]` in WordPress's JSON.
      assert.deepEqual(body.authentication, []);
      // add_site_logo_to_index / add_site_icon_to_index without a logo or icon.
      assert.equal(body.site_logo, 0);
      assert.equal(body.site_icon, 0);
      assert.equal(body.site_icon_url, '');
      assert.deepEqual(body._links, { help: [{ href: 'https://developer.wordpress.org/rest-api/' }] });
    }
  });

  test('routes as get_data_for_route describes them: namespace, methods, endpoints with args, self links', async () => {
    const { body } = await fetchJson<{ routes: Record<string, RouteData> }>(root());
    const posts = body.routes['/wp/v2/posts'];
    assert.equal(posts.namespace, 'wp/v2');
    assert.deepEqual(posts.methods, ['GET', 'POST']);
    assert.deepEqual(posts.endpoints.map((endpoint) => endpoint.methods), [['GET'], ['POST']]);
    assert.deepEqual(posts.endpoints[0].allow_batch, { v1: true });
    assert.deepEqual(posts.endpoints[0].args.context.enum, ['view', 'embed', 'edit']);
    assert.equal(posts.endpoints[0].args.per_page.required, false);
    assert.deepEqual(posts._links, { self: [{ href: api('/posts') }] });
    assert.equal(posts.schema, undefined, 'the schema is for OPTIONS only (the help context)');

    const post = body.routes['/wp/v2/posts/(?P<id>[\\d]+)'];
    assert.deepEqual(post.methods, ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
    assert.equal(post._links, undefined, 'a route with variables has no self link');

    assert.deepEqual(body.routes['/'].endpoints, [{ methods: ['GET'], args: { context: { default: 'view', required: false } } }]);
    for (const route of ['/wp/v2', '/wp/v2/users', '/wp/v2/users/me', '/wp/v2/media', '/wp/v2/pages', '/wp/v2/types', '/wp/v2/taxonomies', '/wp/v2/comments']) {
      assert.ok(body.routes[route], route);
    }
  });

  test('every route the index names answers (none leads to rest_no_route)', async () => {
    const { body } = await fetchJson<{ routes: Record<string, RouteData> }>(root());
    for (const [route, data] of Object.entries(body.routes)) {
      const url = `${server.base}/wp-json${route === '/' ? '/' : route.replace(/\(\?P<\w+>[^)]*\)/, route.includes('types') ? 'post' : route.includes('taxonomies') ? 'category' : '1')}`;
      if (!data.methods.includes('GET')) continue;
      const response = await fetchJson<{ code?: string }>(url);
      assert.notEqual(response.body.code, 'rest_no_route', `${route} → ${url}`);
    }
  });
});

describe('WP_REST_Server::get_namespace_index — GET /wp-json/wp/v2', () => {
  test('the namespace and its routes only, linked up to the index', async () => {
    const { status, body } = await fetchJson<{ namespace: string; routes: Record<string, RouteData>; _links: Json }>(api(''));
    assert.equal(status, 200);
    assert.equal(body.namespace, 'wp/v2');
    assert.equal(body.routes['/'], undefined);
    assert.ok(Object.values(body.routes).every((route) => route.namespace === 'wp/v2'));
    assert.ok(body.routes['/wp/v2/posts']);
    assert.deepEqual(body._links, { up: [{ href: root() }] });
  });
});

describe('rest_output_link_header and rest_output_link_wp_head — discovery from the pages', () => {
  const apiLink = () => `<${root()}>; rel="https://api.w.org/"`;
  const headLink = () => `<link rel="https://api.w.org/" href="${root()}">`;

  test('an article page: the API root and the alternate JSON of its post, in the Link header and the head', async () => {
    for (const [path, id] of [['/', 1], ['/articles/phone-battery-cold', 3]] as const) {
      const response = await fetch(server.base + path);
      const page = await response.text();
      const alternate = api(`/posts/${id}`);
      assert.equal(response.headers.get('link'), `${apiLink()}, <${alternate}>; rel="alternate"; title="JSON"; type="application/json"`, path);
      const head = page.slice(0, page.indexOf('</head>'));
      assert.ok(head.includes(headLink()), path);
      assert.ok(head.includes(`<link rel="alternate" title="JSON" type="application/json" href="${alternate}">`), path);
      const json = await fetchJson<{ slug: string }>(alternate);
      assert.equal(json.body.slug, path === '/' ? 'us-hamas-direct-talks' : 'phone-battery-cold');
    }
  });

  test('a comment page (no post of its own to point to) and the demo pages: the API root only', async () => {
    const created = await fetchJson<{ id: number }>(api('/comments'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ post: 3, author_name: 'Reader', author_email: 'reader@example.com', content: 'Discovered.' }),
    });
    assert.equal(created.status, 201);
    const comment = await fetch(`${server.base}/articles/phone-battery-cold/comments/${created.body.id}`);
    assert.equal(comment.headers.get('link'), apiLink());
    assert.ok((await comment.text()).includes(headLink()));
    const partner = await fetch(`${server.base}/partner.html`);
    assert.equal(partner.status, 200);
    assert.equal(partner.headers.get('link'), apiLink());
  });

  test('WPAPI.discover() finds the API from the site and reads through it', async () => {
    const site = await WPAPI.discover(server.base);
    const post = await site.posts().id(3).get();
    assert.equal(post.slug, 'phone-battery-cold');
    const users = await site.users().get();
    assert.ok(users.length > 0);
    assert.ok(users.every((user) => typeof user.name === 'string' && typeof user.slug === 'string'));
    // wpapi sends a list as `_fields[]=id&_fields[]=slug`.
    const fields = await site.posts().param('_fields', ['id', 'slug']).perPage(1).get();
    assert.deepEqual([...fields], [{ id: 1, slug: 'us-hamas-direct-talks' }]);
    const page = await site.posts().perPage(2).get();
    assert.equal(page.length, 2);
    assert.equal(page._paging?.total, 7);
    assert.equal(page._paging?.totalPages, 4);
  });
});

describe('rest_api_loaded — ?rest_route= is the pretty route', () => {
  test('GET, with the other parameters kept and the links still pretty', async () => {
    for (const prefix of ['/', '/index.php']) {
      const plain = await fetchJson<{ id: number }[]>(`${server.base}${prefix}?rest_route=/wp/v2/posts&per_page=1&page=2`);
      const pretty = await fetchJson<{ id: number }[]>(api('/posts?per_page=1&page=2'));
      assert.equal(plain.status, 200, prefix);
      assert.deepEqual(plain.body, pretty.body, prefix);
      assert.equal(plain.headers.get('x-wp-total'), '7');
      assert.equal(plain.headers.get('link'), pretty.headers.get('link'));
      assert.match(plain.headers.get('link') ?? '', /\/wp-json\/wp\/v2\/posts\?per_page=1&page=1>; rel="prev"/);
    }
    const single = await fetchJson<Json>(`${server.base}/?rest_route=%2Fwp%2Fv2%2Fposts%2F3&_fields=id,slug`);
    assert.deepEqual(single.body, { id: 3, slug: 'phone-battery-cold' });
  });

  test('the index, POST and OPTIONS', async () => {
    for (const route of ['/', '']) {
      const index = await fetchJson<{ namespaces: string[] }>(`${server.base}/?rest_route=${route}`);
      assert.deepEqual(index.body.namespaces, ['oembed/1.0', 'wp/v2'], `rest_route=${route}`);
    }
    const post = await fetchJson<WpError>(`${server.base}/?rest_route=/wp/v2/posts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(post.status, 401);
    assert.equal(post.body.code, 'rest_cannot_create');
    const created = await fetchJson<{ post: number; content: { rendered: string } }>(`${server.base}/?rest_route=/wp/v2/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ post: 2, author_name: 'Plain', author_email: 'plain@example.com', content: 'Through rest_route.' }),
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.post, 2);
    const options = await fetchJson<RouteData>(`${server.base}/?rest_route=/wp/v2/posts`, { method: 'OPTIONS' });
    assert.equal(options.status, 200);
    assert.equal(options.body.schema?.title, 'post');
  });

  test('a value that is no route is rest_no_route; the home page without it is still the page', async () => {
    for (const route of ['wp/v2/posts', '/wp/v2/nothing', '/wp/v2/../../partner.html', '//wp/v2/posts', '%ZZ']) {
      const response = await fetchJson<WpError>(`${server.base}/?rest_route=${route}`);
      assert.equal(response.status, 404, route);
      assert.equal(response.body.code, 'rest_no_route', route);
    }
    const home = await fetch(`${server.base}/?utm_source=x`);
    assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
  });

  test('the wpapi client on a site without pretty permalinks', async () => {
    const site = new WPAPI({ endpoint: `${server.base}/?rest_route=/` });
    const post = await site.posts().id(2).get();
    assert.equal(post.id, 2);
    const media = await site.media().get();
    assert.equal(media._paging?.total, 7);
  });
});

describe('WP_REST_Users_Controller — users as anonymous readers see them', () => {
  before(async () => {
    // An author whose only post is a draft, and one with none: neither has a published post.
    await server.db.run("INSERT INTO authors (id, slug, name) VALUES (40, 'draft-writer', 'Draft Writer'), (41, 'no-posts', 'No Posts')");
    await server.db.run(
      `INSERT INTO posts (slug, status, lang, title, content, excerpt, author, date_gmt, modified_gmt)
       VALUES ('unpublished', 'draft', 'en', 'Draft', '<p>Draft</p>', 'Draft', 40, '2026-01-01T00:00:00', '2026-01-01T00:00:00')`,
    );
  });

  test('GET /users lists only authors with published posts (has_published_posts), by name, with totals', async () => {
    const { status, headers, body } = await fetchJson<Json[]>(api('/users'));
    assert.equal(status, 200);
    const names = body.map((user) => user.name as string);
    assert.ok(!names.includes('Draft Writer') && !names.includes('No Posts'), names.join());
    assert.deepEqual(names, [...names].sort());
    assert.equal(headers.get('x-wp-total'), String(body.length));
    assert.equal(headers.get('x-wp-totalpages'), '1');
    assert.deepEqual(Object.keys(body[0]), ['id', 'name', 'url', 'description', 'link', 'slug', 'avatar_urls', 'meta', '_links']);
    const slug = body[0].slug as string;
    const bySlug = await fetchJson<Json[]>(api(`/users?slug=${slug}`));
    assert.deepEqual(bySlug.body.map((user) => user.slug), [slug]);
    const searched = await fetchJson<Json[]>(api(`/users?search=${encodeURIComponent(String(body[0].name).slice(1, 4))}`));
    assert.ok(searched.body.some((user) => user.id === body[0].id));
    const paged = await fetchJson<Json[]>(api('/users?per_page=1&orderby=id&order=desc'));
    assert.equal(paged.body.length, 1);
    assert.equal(paged.body[0].id, Math.max(...body.map((user) => user.id as number)));
  });

  test('a user without published posts is not shown; /users/me is for logged-in users', async () => {
    const hidden = await fetchJson<WpError>(api('/users/40'));
    assert.equal(hidden.status, 401);
    assert.equal(hidden.body.code, 'rest_user_cannot_view');
    const missing = await fetchJson<WpError>(api('/users/999'));
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'rest_user_invalid_id');
    const me = await fetchJson<WpError>(api('/users/me'));
    assert.equal(me.status, 401);
    assert.deepEqual(me.body, { code: 'rest_not_logged_in', message: 'You are not currently logged in.', data: { status: 401 } });
  });

  test("a user's link is their author archive, listing their posts and pointing to their JSON", async () => {
    const { body } = await fetchJson<Json[]>(api('/users'));
    for (const user of body) {
      const response = await fetch(user.link as string);
      assert.equal(response.status, 200, String(user.link));
      assert.match(response.headers.get('link') ?? '', new RegExp(`<${api(`/users/${String(user.id)}`)}>; rel="alternate"`));
      const page = await response.text();
      const posts = await fetchJson<{ link: string; author: number }[]>(api('/posts?per_page=100'));
      for (const post of posts.body.filter((item) => item.author === user.id)) {
        assert.ok(page.includes(`href="${new URL(post.link).pathname}"`), `${String(user.link)} lists ${post.link}`);
      }
    }
    // No published post, no archive (WordPress's 404).
    assert.equal((await fetch(`${server.base}/author/draft-writer/`)).status, 404);
  });

  test('what only user managers may ask: 401, as get_items_permissions_check answers', async () => {
    for (const [query, code] of [['orderby=email', 'rest_forbidden_orderby'], ['orderby=registered_date', 'rest_forbidden_orderby'], ['roles=administrator', 'rest_user_cannot_view'], ['who=authors', 'rest_forbidden_who'], ['context=edit', 'rest_forbidden_context']]) {
      const { status, body } = await fetchJson<WpError>(api(`/users?${query}`));
      assert.equal(status, 401, query);
      assert.equal(body.code, code, query);
    }
    const invalid = await fetchJson<WpError>(api('/users?orderby=age'));
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.data.details?.orderby.code, 'rest_not_in_enum');
  });
});

describe('WP_REST_Attachments_Controller — the media list', () => {
  test('GET /media pages the attachments, newest first, in the view context', async () => {
    const { status, headers, body } = await fetchJson<Json[]>(api('/media?per_page=3'));
    assert.equal(status, 200);
    assert.equal(headers.get('x-wp-total'), '7');
    assert.equal(headers.get('x-wp-totalpages'), '3');
    assert.equal(body.length, 3);
    for (const key of ['id', 'date', 'date_gmt', 'guid', 'modified', 'slug', 'status', 'type', 'link', 'title', 'author', 'description', 'caption', 'alt_text', 'media_type', 'mime_type', 'media_details', 'post', 'source_url', '_links']) {
      assert.ok(key in body[0], key);
    }
    assert.equal(body[0].status, 'inherit');
    assert.equal(body[0].type, 'attachment');
    const dates = body.map((item) => item.date as string);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('parent, media_type and mime_type filter; bad values are rest_invalid_param', async () => {
    const post = await fetchJson<{ featured_media: number }>(api('/posts/3'));
    const byParent = await fetchJson<Json[]>(api('/media?parent=3'));
    assert.deepEqual(byParent.body.map((item) => item.id), [post.body.featured_media]);
    assert.equal(byParent.body[0].post, 3);
    const images = await fetchJson<Json[]>(api('/media?media_type=image'));
    assert.equal(images.headers.get('x-wp-total'), '7');
    const videos = await fetchJson<Json[]>(api('/media?media_type=video'));
    assert.deepEqual(videos.body, []);
    assert.equal(videos.headers.get('x-wp-total'), '0');
    const svg = await fetchJson<Json[]>(api('/media?mime_type=image/svg%2Bxml'));
    assert.equal(svg.body.length, 7);
    for (const query of ['media_type=movie', 'per_page=0', 'parent=x']) {
      const invalid = await fetchJson<WpError>(api(`/media?${query}`));
      assert.equal(invalid.status, 400, query);
      assert.equal(invalid.body.code, 'rest_invalid_param', query);
    }
  });
});

describe('WP_REST_Posts_Controller for pages — a site without pages', () => {
  test('GET /pages is an empty collection with its totals; a page id is rest_post_invalid_id', async () => {
    const { status, headers, body } = await fetchJson<Json[]>(api('/pages'));
    assert.equal(status, 200);
    assert.deepEqual(body, []);
    assert.equal(headers.get('x-wp-total'), '0');
    assert.equal(headers.get('x-wp-totalpages'), '0');
    const page = await fetchJson<WpError>(api('/pages/1'));
    assert.equal(page.status, 404);
    assert.equal(page.body.code, 'rest_post_invalid_id');
  });
});

describe('WP_REST_Post_Types_Controller and WP_REST_Taxonomies_Controller', () => {
  test('/types keyed by type, in the view context, linked to their collections', async () => {
    const { body } = await fetchJson<Record<string, Json>>(api('/types'));
    assert.deepEqual(Object.keys(body), ['post', 'page', 'attachment']);
    assert.deepEqual(Object.keys(body.post), ['description', 'hierarchical', 'has_archive', 'name', 'slug', 'icon', 'taxonomies', 'rest_base', 'rest_namespace', 'template', 'template_lock', '_links']);
    assert.deepEqual(body.post.taxonomies, ['category', 'post_tag']);
    assert.equal(body.attachment.rest_base, 'media');
    assert.deepEqual((body.post._links as Json)['wp:items'], [{ href: api('/posts') }]);
    const post = await fetchJson<Json>(api('/types/post'));
    assert.deepEqual(post.body, body.post);
    const missing = await fetchJson<WpError>(api('/types/product'));
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'rest_type_invalid');
  });

  test('/taxonomies: category and post_tag, ?type= filters, an unknown one is rest_taxonomy_invalid', async () => {
    const { body } = await fetchJson<Record<string, Json>>(api('/taxonomies'));
    assert.deepEqual(Object.keys(body), ['category', 'post_tag']);
    assert.deepEqual(Object.keys(body.category), ['name', 'slug', 'description', 'types', 'hierarchical', 'rest_base', 'rest_namespace', '_links']);
    assert.equal(body.category.hierarchical, true);
    assert.equal(body.post_tag.rest_base, 'tags');
    assert.deepEqual(Object.keys((await fetchJson<Json>(api('/taxonomies?type=post'))).body), ['category', 'post_tag']);
    assert.deepEqual((await fetchJson<Json>(api('/taxonomies?type=page'))).body, {});
    const tag = await fetchJson<Json>(api('/taxonomies/post_tag'));
    assert.deepEqual(tag.body, body.post_tag);
    const missing = await fetchJson<WpError>(api('/taxonomies/genre'));
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'rest_taxonomy_invalid');
  });
});

describe('rest_send_allow_header — Allow on every REST response', () => {
  test('the methods an anonymous reader may use on the matched route, errors included', async () => {
    const expected: [string, string][] = [
      ['/posts', 'GET'],
      ['/posts/1', 'GET'],
      ['/posts/999', 'GET'],
      ['/comments', 'GET, POST'],
      ['/users', 'GET'],
      ['/users/me', 'GET'],
      ['/media', 'GET'],
      ['/types', 'GET'],
      ['', 'GET'],
    ];
    for (const [path, allow] of expected) {
      const response = await fetch(api(path));
      assert.equal(response.headers.get('allow'), allow, path);
    }
    const index = await fetch(root());
    assert.equal(index.headers.get('allow'), 'GET');
    const none = await fetch(api('/nothing'));
    assert.equal(none.headers.get('allow'), null, 'no route matched, no Allow');
  });
});

describe('X-WP-Total and X-WP-TotalPages — on every paged collection', () => {
  test('posts, comments, users, media and pages all carry them', async () => {
    for (const path of ['/posts', '/comments?post=1', '/users', '/media', '/pages']) {
      const response = await fetch(api(path));
      assert.match(response.headers.get('x-wp-total') ?? '', /^\d+$/, path);
      assert.match(response.headers.get('x-wp-totalpages') ?? '', /^\d+$/, path);
    }
  });
});

describe('rest_handle_options_request — OPTIONS on a route', () => {
  test('the route data of the index plus the schema (the help context)', async () => {
    const index = await fetchJson<{ routes: Record<string, RouteData> }>(root());
    for (const [path, route] of [['/posts', '/wp/v2/posts'], ['/posts/1', '/wp/v2/posts/(?P<id>[\\d]+)'], ['/users', '/wp/v2/users'], ['/media/999', '/wp/v2/media/(?P<id>[\\d]+)']]) {
      const { status, headers, body } = await fetchJson<RouteData>(api(path), { method: 'OPTIONS' });
      assert.equal(status, 200, path);
      assert.equal(headers.get('allow'), 'GET', path);
      const { schema, ...data } = body;
      assert.deepEqual(data, index.body.routes[route], path);
      assert.ok(schema, path);
      assert.equal(schema.properties.id.context.includes('embed'), true);
    }
    const post = await fetchJson<RouteData>(api('/posts'), { method: 'OPTIONS' });
    assert.equal(post.body.schema?.title, 'post');
    assert.deepEqual(post.body.schema?.properties.content.context, ['view', 'edit']);
    const unknown = await fetchJson<WpError>(api('/nothing'), { method: 'OPTIONS' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'rest_no_route');
  });

  test('a CORS preflight is still a preflight, allowing rest_send_cors_headers\' headers', async () => {
    const response = await fetch(api('/comments'), {
      method: 'OPTIONS',
      headers: { origin: server.base, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-wp-nonce, authorization' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-headers'), 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type');
  });
});

describe('rest_filter_response_fields — _fields', () => {
  test('top-level and nested fields, on a collection, an item and the index', async () => {
    const list = await fetchJson<Json[]>(api('/posts?_fields=id,title.rendered,excerpt&per_page=2'));
    assert.deepEqual(Object.keys(list.body[0]), ['id', 'title', 'excerpt']);
    assert.deepEqual(Object.keys(list.body[0].title as Json), ['rendered']);
    const single = await fetchJson<Json>(api('/posts/3?_fields[]=slug&_fields[]=author'));
    assert.deepEqual(single.body, { slug: 'phone-battery-cold', author: single.body.author });
    const users = await fetchJson<Json[]>(api('/users?_fields=avatar_urls.24'));
    assert.deepEqual(Object.keys(users.body[0].avatar_urls as Json), ['24']);
    const index = await fetchJson<Json>(`${root()}?_fields=name,namespaces`);
    assert.deepEqual(Object.keys(index.body), ['name', 'namespaces']);
  });

  test('_links and _embedded only when asked, and with _embed', async () => {
    const plain = await fetchJson<Json>(api('/posts/1?_fields=id'));
    assert.deepEqual(plain.body, { id: 1 });
    const links = await fetchJson<Json>(api('/posts/1?_fields=id,_links'));
    assert.ok(links.body._links);
    const embedded = await fetchJson<Json>(api('/posts/1?_embed=author&_fields=id,_embedded'));
    assert.deepEqual(Object.keys(embedded.body), ['id', '_embedded']);
    assert.equal(((embedded.body._embedded as Json).author as Json[])[0].id, 1);
    const notAsked = await fetchJson<Json>(api('/posts/1?_embed&_fields=id,title'));
    assert.deepEqual(Object.keys(notAsked.body), ['id', 'title']);
  });
});

describe('rest_filter_response_by_context and the permission checks — context', () => {
  test('embed keeps the schema\'s embed fields only', async () => {
    const post = await fetchJson<Json>(api('/posts/3?context=embed'));
    assert.deepEqual(Object.keys(post.body), ['id', 'date', 'slug', 'type', 'link', 'title', 'excerpt', 'author', 'featured_media', 'lang', '_links']);
    const users = await fetchJson<Json[]>(api('/users?context=embed'));
    assert.ok(!('meta' in users.body[0]));
    const media = await fetchJson<Json[]>(api('/media?context=embed'));
    assert.ok(!('date_gmt' in media.body[0]) && !('description' in media.body[0]) && 'source_url' in media.body[0]);
    const types = await fetchJson<Record<string, Json>>(api('/types?context=embed'));
    assert.deepEqual(Object.keys(types.body.post), ['name', 'slug', 'icon', 'rest_base', 'rest_namespace', '_links']);
  });

  test('edit is refused to an anonymous reader with the route\'s own error', async () => {
    const cases: [string, string, string][] = [
      ['/posts', 'rest_forbidden_context', 'Sorry, you are not allowed to edit posts in this context.'],
      ['/posts/1', 'rest_forbidden_context', 'Sorry, you are not allowed to edit this post.'],
      ['/comments?post=1', 'rest_forbidden_context', 'Sorry, you are not allowed to edit comments.'],
      ['/users/1', 'rest_user_cannot_view', 'Sorry, you are not allowed to list users.'],
      ['/types', 'rest_cannot_view', 'Sorry, you are not allowed to edit posts in this post type.'],
      ['/media', 'rest_forbidden_context', 'Sorry, you are not allowed to edit posts in this context.'],
    ];
    for (const [path, code, message] of cases) {
      const url = api(path) + (path.includes('?') ? '&' : '?') + 'context=edit';
      const { status, body } = await fetchJson<WpError>(url);
      assert.equal(status, 401, path);
      assert.deepEqual(body, { code, message, data: { status: 401 } }, path);
    }
    // The item is looked up before the permission check; parameters are validated before both.
    assert.equal((await fetchJson<WpError>(api('/posts/999?context=edit'))).body.code, 'rest_post_invalid_id');
    assert.equal((await fetchJson<WpError>(api('/posts?context=edit&per_page=0'))).body.code, 'rest_invalid_param');
  });

  test('an unknown context is rest_invalid_param, collected with the route\'s other invalid parameters', async () => {
    const alone = await fetchJson<WpError>(api('/posts?context=full'));
    assert.equal(alone.status, 400);
    assert.equal(alone.body.code, 'rest_invalid_param');
    assert.equal(alone.body.data.params?.context, 'context is not one of view, embed and edit.');
    assert.equal(alone.body.data.details?.context.code, 'rest_not_in_enum');
    const both = await fetchJson<WpError>(api('/posts?context=full&per_page=500'));
    assert.deepEqual(Object.keys(both.body.data.params ?? {}).sort(), ['context', 'per_page']);
    const item = await fetchJson<WpError>(api('/users/1?context=full'));
    assert.equal(item.status, 400);
  });
});

describe('WP_REST_Server::envelope_response — _envelope', () => {
  test('status and the response headers move into the body, the HTTP status is 200', async () => {
    const list = await fetchJson<{ body: Json[]; status: number; headers: Json }>(api('/posts?_envelope&per_page=1&_fields=id'));
    assert.equal(list.status, 200);
    assert.equal(list.body.status, 200);
    assert.deepEqual(list.body.body, [{ id: 1 }]);
    assert.equal(list.body.headers['X-WP-Total'], '7');
    assert.equal(list.body.headers.Allow, 'GET');
    assert.equal(list.headers.get('x-wp-total'), null);
    const missing = await fetchJson<{ body: WpError; status: number }>(api('/posts/999?_envelope'));
    assert.equal(missing.status, 200);
    assert.equal(missing.body.status, 404);
    assert.equal(missing.body.body.code, 'rest_post_invalid_id');
  });
});
