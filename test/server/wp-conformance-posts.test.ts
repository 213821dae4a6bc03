/**
 * Conformance of posts, terms and search with WordPress 6.x, checked against the real server and its SQLite file.
 * Each describe names the WordPress function (src/wp-includes/rest-api/…) whose behaviour it checks; the expected
 * statuses, codes, messages, keys and headers are WordPress's, read from that source.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fetchJson, SEED_BY_DATE, serverUnderTest, type TestServer, type WpErrorBody } from './support.js';

type Json = Record<string, unknown>;
type Links = Record<string, Array<{ href: string; embeddable?: boolean }>>;
type Term = { id: number; count: number; name: string; slug: string; taxonomy: string; link: string; _links: Links };
type Post = { id: number; slug: string; categories: number[]; tags: number[]; _links: Links; _embedded?: Record<string, unknown[]> };

const api = (server: TestServer, path: string) => `${server.base}/wp-json/wp/v2${path}`;

async function get<T>(server: TestServer, path: string) {
  return fetchJson<T>(api(server, path));
}

async function ids(server: TestServer, path: string): Promise<number[]> {
  const { status, body } = await get<Array<{ id: number }>>(server, path);
  assert.equal(status, 200, path);
  return body.map((item) => item.id);
}

async function slugs(server: TestServer, path: string): Promise<string[]> {
  const { status, body } = await get<Array<{ slug: string }>>(server, path);
  assert.equal(status, 200, path);
  return body.map((item) => item.slug);
}

/** A 400 rest_invalid_param (WP_REST_Request::sanitize_params / has_valid_params) for `param`. */
async function invalidParam(server: TestServer, path: string, param: string, code: string, message: string) {
  const { status, body } = await get<WpErrorBody>(server, path);
  assert.equal(status, 400, path);
  assert.equal(body.code, 'rest_invalid_param', path);
  assert.equal(body.data.params?.[param], message, path);
  assert.equal(body.data.details?.[param]?.code, code, path);
  return body;
}

/** Runs SQL statements on the server's own database, one by one (none of them has a `;` inside a literal). */
async function sql(server: TestServer, script: string) {
  for (const statement of script.split(';').map((text) => text.trim()).filter(Boolean)) await server.db.run(statement);
}

describe('categories and tags (WP_REST_Terms_Controller)', () => {
  const server = serverUnderTest();

  describe('WP_REST_Terms_Controller::get_items and prepare_item_for_response: /categories', () => {
    test("the seed's sections, by name, with every field and link of a category", async () => {
      const { status, headers, body } = await get<Array<Json & Term>>(server, '/categories');
      assert.equal(status, 200);
      assert.equal(headers.get('x-wp-total'), '5');
      assert.equal(headers.get('x-wp-totalpages'), '1');
      // get_collection_params: orderby defaults to name, order to asc (اقتصاد before سياسة).
      assert.deepEqual(body.map((term) => term.slug), ['culture', 'local', 'science', 'economy', 'politics']);
      const politics = body.find((term) => term.slug === 'politics') as Json & Term;
      assert.deepEqual(Object.keys(politics), ['id', 'count', 'description', 'link', 'name', 'slug', 'taxonomy', 'parent', 'meta', '_links']);
      assert.equal(politics.name, 'سياسة');
      assert.equal(politics.count, 3);
      assert.equal(politics.taxonomy, 'category');
      assert.equal(politics.parent, 0);
      assert.equal(politics.description, '');
      assert.equal(politics.link, `${server.base}/category/politics/`);
      // prepare_links: self, collection, about, wp:post_type (and the curie for wp:).
      assert.deepEqual(Object.keys(politics._links), ['self', 'collection', 'about', 'wp:post_type', 'curies']);
      assert.equal(politics._links.self[0].href, api(server, `/categories/${politics.id}`));
      assert.equal(politics._links.collection[0].href, api(server, '/categories'));
      assert.equal(politics._links.about[0].href, api(server, '/taxonomies/category'));
      assert.equal(politics._links['wp:post_type'][0].href, api(server, `/posts?categories=${politics.id}`));
    });

    test('the wp:post_type link lists exactly the posts of the category', async () => {
      const { body } = await get<Term[]>(server, '/categories?slug=science');
      const posts = await fetchJson<Post[]>(body[0]._links['wp:post_type'][0].href);
      assert.deepEqual(posts.body.map((post) => post.slug), ['phone-battery-cold']);
    });

    test('search (name or slug, LIKE), slug, include with orderby=include, exclude, order, orderby=id', async () => {
      assert.deepEqual(await slugs(server, '/categories?search=ci'), ['science']);
      assert.deepEqual(await slugs(server, '/categories?search=سياس'), ['politics']);
      // A % is a character to find, not a wildcard (esc_like).
      assert.deepEqual(await slugs(server, '/categories?search=%25'), []);
      assert.deepEqual(await slugs(server, '/categories?slug=local,culture'), ['culture', 'local']);
      const [local, culture] = [(await ids(server, '/categories?slug=local'))[0], (await ids(server, '/categories?slug=culture'))[0]];
      assert.deepEqual(await ids(server, `/categories?include=${local},${culture}&orderby=include`), [local, culture]);
      assert.deepEqual(await ids(server, `/categories?include=${culture},${local}&orderby=include`), [culture, local]);
      assert.ok(!(await ids(server, `/categories?exclude=${local}`)).includes(local));
      assert.deepEqual(await slugs(server, '/categories?order=desc'), ['politics', 'economy', 'science', 'local', 'culture']);
      const byId = await ids(server, '/categories?orderby=id');
      assert.deepEqual(byId, [...byId].sort((a, b) => a - b));
    });

    test('paging: per_page and page, X-WP-Total and X-WP-TotalPages, Link prev and next', async () => {
      const { headers, body } = await get<Term[]>(server, '/categories?per_page=1&page=2');
      assert.deepEqual(body.map((term) => term.slug), ['local']);
      assert.equal(headers.get('x-wp-total'), '5');
      assert.equal(headers.get('x-wp-totalpages'), '5');
      const link = headers.get('link') ?? '';
      assert.match(link, /<[^>]*\/wp-json\/wp\/v2\/categories\?per_page=1&page=1>; rel="prev"/);
      assert.match(link, /<[^>]*\/wp-json\/wp\/v2\/categories\?per_page=1&page=3>; rel="next"/);
      // Terms, unlike posts, answer a page past the end with an empty list.
      const past = await get<Term[]>(server, '/categories?page=9');
      assert.equal(past.status, 200);
      assert.deepEqual(past.body, []);
    });

    test('invalid values are 400 rest_invalid_param with WordPress’s messages', async () => {
      await invalidParam(
        server,
        '/categories?orderby=bogus',
        'orderby',
        'rest_not_in_enum',
        'orderby is not one of id, include, name, slug, include_slugs, term_group, description, and count.',
      );
      await invalidParam(server, '/categories?hide_empty=maybe', 'hide_empty', 'rest_invalid_type', 'hide_empty is not of type boolean.');
      await invalidParam(server, '/categories?include=1,x', 'include', 'rest_invalid_type', 'include[1] is not of type integer.');
      await invalidParam(server, '/categories?post=abc', 'post', 'rest_invalid_type', 'post is not of type integer.');
      await invalidParam(server, '/categories?parent=top', 'parent', 'rest_invalid_type', 'parent is not of type integer.');
    });
  });

  describe('WP_REST_Terms_Controller::get_items_permissions_check: ?post=', () => {
    before(async () =>
      sql(
        server,
        `INSERT INTO posts (id, slug, status, lang, title, content, excerpt, author, date_gmt, modified_gmt)
         VALUES (50, 'unpublished', 'draft', 'en', 'Unpublished', '<p>Draft</p>', '', 1, '2026-11-30T10:00:00', '2026-11-30T10:00:00');
         INSERT INTO post_tags (post, tag) SELECT 50, id FROM tags WHERE slug = 'winter';`,
      ),
    );

    test("the post's terms only, by name, counted in X-WP-Total", async () => {
      const { headers, body } = await get<Term[]>(server, '/tags?post=1');
      assert.equal(headers.get('x-wp-total'), '5');
      assert.deepEqual(body.map((tag) => tag.name), ['الرهائن', 'الولايات المتحدة', 'حماس', 'غزة', 'قطر']);
      assert.deepEqual(await slugs(server, '/categories?post=3'), ['science']);
    });

    test('a post that does not exist is 400 rest_post_invalid_id', async () => {
      const { status, body } = await get<WpErrorBody>(server, '/tags?post=999');
      assert.equal(status, 400);
      assert.equal(body.code, 'rest_post_invalid_id');
      assert.equal(body.message, 'Invalid post ID.');
    });

    test("an unpublished post's terms are 401 rest_forbidden_context", async () => {
      const { status, body } = await get<WpErrorBody>(server, '/tags?post=50');
      assert.equal(status, 401);
      assert.equal(body.code, 'rest_forbidden_context');
      assert.equal(body.message, 'Sorry, you are not allowed to view terms for this post.');
    });

    test("count is the term's published posts only", async () => {
      const { body } = await get<Term[]>(server, '/tags?slug=winter');
      assert.equal(body[0].count, 1);
    });
  });

  describe('WP_REST_Terms_Controller::get_items: /tags (not hierarchical)', () => {
    test('a tag has no parent; offset is read, parent is not a tags parameter', async () => {
      const { body, headers } = await get<Array<Json & Term>>(server, '/tags?per_page=3&offset=3');
      assert.equal(headers.get('x-wp-total'), '24');
      assert.deepEqual(Object.keys(body[0]), ['id', 'count', 'description', 'link', 'name', 'slug', 'taxonomy', 'meta', '_links']);
      assert.equal(body[0].taxonomy, 'post_tag');
      assert.match(body[0].link, /\/tag\/[^/]+\/$/);
      const all = await slugs(server, '/tags?per_page=100');
      assert.deepEqual(body.map((tag) => tag.slug), all.slice(3, 6));
      // offset 3 with per_page 3 is the second page: Link prev page=1, next page=3.
      assert.match(headers.get('link') ?? '', /page=1>; rel="prev".*page=3>; rel="next"/);
    });

    test('hide_empty leaves out terms without published posts; orderby=count', async () => {
      await sql(server, `INSERT INTO tags (slug, name) VALUES ('unused', 'Unused')`);
      assert.ok((await slugs(server, '/tags?per_page=100')).includes('unused'));
      assert.ok(!(await slugs(server, '/tags?per_page=100&hide_empty=true')).includes('unused'));
      const byCount = await get<Term[]>(server, '/tags?per_page=100&orderby=count&order=asc');
      assert.equal(byCount.body[0].slug, 'unused');
    });
  });

  describe('WP_REST_Terms_Controller::get_item and get_term', () => {
    test('one term, as the list gives it', async () => {
      const { body: list } = await get<Json[]>(server, '/tags?slug=cycling');
      const { status, body } = await get<Json>(server, `/tags/${list[0].id as number}`);
      assert.equal(status, 200);
      assert.deepEqual(body, list[0]);
    });

    test('an unknown id is 404 rest_term_invalid', async () => {
      for (const path of ['/categories/9999', '/tags/9999']) {
        const { status, body } = await get<WpErrorBody>(server, path);
        assert.equal(status, 404, path);
        assert.equal(body.code, 'rest_term_invalid');
        assert.equal(body.message, 'Term does not exist.');
      }
    });
  });
});

describe('a post’s terms and links (WP_REST_Posts_Controller::prepare_item_for_response, prepare_links)', () => {
  const server = serverUnderTest();

  test('categories and tags are the ids /categories?post= and /tags?post= list', async () => {
    for (const id of [1, 2, 3, 4]) {
      const { body } = await get<Post>(server, `/posts/${id}`);
      assert.deepEqual(body.categories, await ids(server, `/categories?post=${id}`));
      assert.deepEqual(body.tags, await ids(server, `/tags?post=${id}`));
      assert.ok(body.tags.length >= 3, 'every seed post has tags');
    }
  });

  test("_embedded['wp:term'] holds both lists, in the embed context", async () => {
    const { body } = await get<Post>(server, '/posts/2?_embed=wp:term');
    const [categories, tags] = body._embedded?.['wp:term'] as Array<Array<Json & Term>>;
    assert.deepEqual(categories.map((term) => term.slug), ['local']);
    assert.deepEqual(tags.map((term) => term.slug), ['city-council', 'cycling', 'urban-transport']);
    // Embed context: count, description, parent and meta are view/edit only.
    assert.deepEqual(Object.keys(tags[0]), ['id', 'link', 'name', 'slug', 'taxonomy', '_links']);
    assert.equal(tags[0].link, `${server.base}/tag/city-council/`);
  });

  test("a post without categories or tags has no _embedded['wp:term'] (embed_links drops empty relations)", async () => {
    await sql(server, 'DELETE FROM post_categories WHERE post = 4; DELETE FROM post_tags WHERE post = 4;');
    const { body } = await get<Post>(server, '/posts/4?_embed');
    assert.deepEqual(body.categories, []);
    assert.deepEqual(body.tags, []);
    assert.ok(body._embedded?.author);
    assert.equal('wp:term' in (body._embedded ?? {}), false);
  });

  test('every link of a post leads to a route that answers 200', async () => {
    const { body } = await get<Post>(server, '/posts/1');
    // `about` is /wp/v2/types/post, the post types route's.
    const hrefs = Object.entries(body._links)
      .filter(([rel]) => !['curies', 'about'].includes(rel))
      .flatMap(([, links]) => links.map((link) => link.href));
    assert.ok(hrefs.some((href) => href.includes('/tags?post=1')));
    for (const href of hrefs) assert.equal((await fetch(href)).status, 200, href);
  });

  test('the archive links of the category and the author lead to pages listing the post', async () => {
    const { body } = await get<Post>(server, '/posts/3?_embed=author,wp:term');
    const embedded = body._embedded as { author: Array<{ link: string }>; 'wp:term': Array<Array<{ link: string }>> };
    for (const link of [embedded.author[0].link, embedded['wp:term'][0][0].link, embedded['wp:term'][1][0].link]) {
      const response = await fetch(link);
      assert.equal(response.status, 200, link);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await response.text(), /href="\/articles\/phone-battery-cold"/, link);
    }
  });
});

describe('WP_REST_Posts_Controller::get_items: query parameters', () => {
  const server = serverUnderTest();
  const term = async (base: string, slug: string) => (await ids(server, `/${base}?slug=${slug}`))[0];

  describe('search (WP_Query::parse_search: LIKE on title, excerpt and content)', () => {
    test('every word must match somewhere; X-WP-Total counts the matches', async () => {
      const { headers, body } = await get<Post[]>(server, '/posts?search=battery%20cold');
      assert.deepEqual(body.map((post) => post.slug), ['phone-battery-cold']);
      assert.equal(headers.get('x-wp-total'), '1');
      // In the content only (the seed bodies), in Arabic, and case-insensitive.
      assert.deepEqual(await slugs(server, '/posts?search=kerbs'), ['protected-bike-lanes-approved']);
      assert.deepEqual(await slugs(server, '/posts?search=حماس'), ['us-hamas-direct-talks']);
      assert.deepEqual(await slugs(server, '/posts?search=MANUSCRIPT'), ['manuscript-goes-online']);
    });

    test('-word excludes; stopwords and single letters are dropped; a quoted phrase is one term', async () => {
      const withoutCouncil = await slugs(server, '/posts?search=-council');
      assert.deepEqual(withoutCouncil, SEED_BY_DATE.filter((slug) => slug !== 'protected-bike-lanes-approved'));
      assert.deepEqual(await slugs(server, '/posts?search=the%20battery%20a'), ['phone-battery-cold']);
      assert.deepEqual(await slugs(server, '/posts?search=%22cold%20battery%22'), []);
      assert.deepEqual(await slugs(server, '/posts?search=%22battery%20drains%22'), ['phone-battery-cold']);
      // LIKE wildcards are the reader's characters (esc_like).
      assert.deepEqual(await slugs(server, '/posts?search=b_ttery'), []);
    });

    test('orderby=relevance puts title matches first; without search it is 400 rest_no_search_term_defined', async () => {
      // A newer post with "council" in its content only: newest first by date, title matches first by relevance.
      await sql(
        server,
        `INSERT INTO posts (id, slug, lang, title, content, excerpt, author, date_gmt, modified_gmt)
         VALUES (60, 'council-budget', 'en', 'Budget news', '<p>The council passed the budget.</p>', '', 2, '2026-12-01T10:00:00', '2026-12-01T10:00:00')`,
      );
      try {
        assert.deepEqual(await slugs(server, '/posts?search=council'), ['council-budget', 'protected-bike-lanes-approved']);
        assert.deepEqual(await slugs(server, '/posts?search=council&orderby=relevance'), ['protected-bike-lanes-approved', 'council-budget']);
      } finally {
        await sql(server, 'DELETE FROM posts WHERE id = 60');
      }
      // Several terms: the whole text in the title (1), every term in it (2), any (3), the text in the excerpt (4), the content (5).
      await sql(
        server,
        `INSERT INTO posts (id, slug, lang, title, content, excerpt, author, date_gmt, modified_gmt) VALUES
           (61, 'lanes-any', 'en', 'Lanes', '<p>The council met.</p>', '', 2, '2026-12-01T11:00:00', '2026-12-01T11:00:00'),
           (62, 'lanes-content', 'en', 'Other news', '<p>A word on council lanes.</p>', '', 2, '2026-12-01T12:00:00', '2026-12-01T12:00:00'),
           (63, 'lanes-excerpt', 'en', 'More news', '<p>Text on lanes and the council.</p>', 'The council lanes, in short.', 2, '2026-12-01T13:00:00', '2026-12-01T13:00:00'),
           (64, 'lanes-phrase', 'en', 'New council lanes', '<p>Text.</p>', '', 2, '2026-11-01T13:00:00', '2026-11-01T13:00:00')`,
      );
      try {
        assert.deepEqual(await slugs(server, '/posts?search=council%20lanes&orderby=relevance'), [
          'lanes-phrase',
          'protected-bike-lanes-approved',
          'lanes-any',
          'lanes-excerpt',
          'lanes-content',
        ]);
        // The default order stays the date's, as WordPress's REST posts list passes orderby=date.
        assert.deepEqual(await slugs(server, '/posts?search=council%20lanes'), [
          'lanes-excerpt',
          'lanes-content',
          'lanes-any',
          'protected-bike-lanes-approved',
          'lanes-phrase',
        ]);
      } finally {
        await sql(server, 'DELETE FROM posts WHERE id BETWEEN 61 AND 64');
      }
      const { status, body } = await get<WpErrorBody>(server, '/posts?orderby=relevance');
      assert.equal(status, 400);
      assert.equal(body.code, 'rest_no_search_term_defined');
      assert.equal(body.message, 'You need to define a search term to order by relevance.');
    });
  });

  describe('categories, tags and their _exclude (prepare_tax_query)', () => {
    test('the list form: any of the terms; _exclude: none of them', async () => {
      const [local, science] = [await term('categories', 'local'), await term('categories', 'science')];
      assert.deepEqual(await slugs(server, `/posts?categories=${local},${science}`), ['phone-battery-cold', 'protected-bike-lanes-approved']);
      assert.deepEqual(await slugs(server, `/posts?categories[]=${science}`), ['phone-battery-cold']);
      assert.deepEqual(
        await slugs(server, `/posts?categories_exclude=${local},${science}`),
        SEED_BY_DATE.filter((slug) => slug !== 'phone-battery-cold' && slug !== 'protected-bike-lanes-approved'),
      );
      const [cycling, winter] = [await term('tags', 'cycling'), await term('tags', 'winter')];
      const { headers, body } = await get<Post[]>(server, `/posts?tags=${cycling},${winter}`);
      assert.deepEqual(body.map((post) => post.slug), ['phone-battery-cold', 'protected-bike-lanes-approved']);
      assert.equal(headers.get('x-wp-total'), '2');
      assert.deepEqual(await slugs(server, `/posts?tags_exclude=${winter}`), SEED_BY_DATE.filter((slug) => slug !== 'phone-battery-cold'));
    });

    test('the object form: terms with operator AND or OR', async () => {
      const [gaza, qatar, winter] = [await term('tags', 'gaza'), await term('tags', 'qatar'), await term('tags', 'winter')];
      assert.deepEqual(await slugs(server, `/posts?tags[terms]=${gaza},${qatar}&tags[operator]=AND`), ['us-hamas-direct-talks']);
      assert.deepEqual(await slugs(server, `/posts?tags[terms]=${gaza},${winter}&tags[operator]=AND`), []);
      assert.deepEqual(await slugs(server, `/posts?tags[terms]=${gaza},${winter}&tags[operator]=OR`), [
        'us-hamas-direct-talks',
        'phone-battery-cold',
        'security-council-gaza-aid',
        'arab-ministers-gaza-reconstruction',
      ]);
    });

    test('include_children reaches the posts of subcategories', async () => {
      const politics = await term('categories', 'politics');
      await sql(
        server,
        `INSERT INTO categories (id, slug, name, parent) VALUES (70, 'gulf', 'الخليج', ${politics});
         INSERT INTO posts (id, slug, lang, title, content, excerpt, author, date_gmt, modified_gmt)
           VALUES (70, 'gulf-talks', 'ar', 'محادثات الخليج', '<p>نص</p>', '', 1, '2026-09-01T10:00:00', '2026-09-01T10:00:00');
         INSERT INTO post_categories (post, category) VALUES (70, 70);`,
      );
      try {
        const ownPosts = ['us-hamas-direct-talks', 'security-council-gaza-aid', 'arab-ministers-gaza-reconstruction'];
        assert.deepEqual(await slugs(server, `/posts?categories=${politics}`), ownPosts);
        assert.deepEqual(await slugs(server, `/posts?categories[terms]=${politics}&categories[include_children]=true`), [...ownPosts, 'gulf-talks']);
        assert.deepEqual(await slugs(server, `/categories?parent=${politics}`), ['gulf']);
        assert.ok(!(await slugs(server, '/categories?parent=0')).includes('gulf'));
      } finally {
        await sql(server, 'DELETE FROM posts WHERE id = 70; DELETE FROM categories WHERE id = 70;');
      }
    });

    test('bad term limits are 400 rest_invalid_param', async () => {
      await invalidParam(server, '/posts?categories=1,abc', 'categories', 'rest_invalid_type', 'categories[1] is not of type integer.');
      await invalidParam(server, '/posts?tags[terms]=1&tags[operator]=XOR', 'tags', 'rest_not_in_enum', 'tags[operator] is not one of AND and OR.');
      // include_children is a property of hierarchical taxonomies' limits only (additionalProperties: false).
      await invalidParam(
        server,
        '/posts?tags[terms]=1&tags[include_children]=true',
        'tags',
        'rest_additional_properties_forbidden',
        'include_children is not a valid property of Object.',
      );
    });
  });

  describe('include, exclude, offset, author, author_exclude, slug, sticky', () => {
    test('each narrows the list and X-WP-Total', async () => {
      assert.deepEqual(await ids(server, '/posts?include=4,2'), [2, 4]);
      assert.deepEqual(await ids(server, '/posts?include=4,2,3&orderby=include'), [4, 2, 3]);
      assert.deepEqual(await slugs(server, '/posts?exclude=1,3'), SEED_BY_DATE.filter((slug) => slug !== 'us-hamas-direct-talks' && slug !== 'phone-battery-cold'));
      const offset = await get<Post[]>(server, '/posts?offset=1&per_page=2');
      assert.deepEqual(offset.body.map((post) => post.slug), SEED_BY_DATE.slice(1, 3));
      assert.equal(offset.headers.get('x-wp-total'), '7');
      const { body: battery } = await get<{ author: number }>(server, '/posts/3');
      assert.deepEqual(await slugs(server, `/posts?author=${battery.author}`), ['phone-battery-cold']);
      assert.deepEqual(await slugs(server, `/posts?author_exclude=${battery.author}`), SEED_BY_DATE.filter((slug) => slug !== 'phone-battery-cold'));
      assert.deepEqual(await slugs(server, '/posts?slug=manuscript-goes-online,phone-battery-cold'), ['phone-battery-cold', 'manuscript-goes-online']);
      // No post is sticky: sticky=true lists none, sticky=false all.
      const sticky = await get<Post[]>(server, '/posts?sticky=true');
      assert.deepEqual(sticky.body, []);
      assert.equal(sticky.headers.get('x-wp-total'), '0');
      assert.deepEqual(await slugs(server, '/posts?sticky=false'), SEED_BY_DATE);
    });

    test('orderby=include without include is 400 rest_orderby_include_missing_include', async () => {
      const { status, body } = await get<WpErrorBody>(server, '/posts?orderby=include');
      assert.equal(status, 400);
      assert.equal(body.code, 'rest_orderby_include_missing_include');
      assert.equal(body.message, 'You need to define an include parameter to order by include.');
    });

    test('invalid values', async () => {
      await invalidParam(server, '/posts?include=x', 'include', 'rest_invalid_type', 'include[0] is not of type integer.');
      await invalidParam(server, '/posts?offset=first', 'offset', 'rest_invalid_type', 'offset is not of type integer.');
      await invalidParam(server, '/posts?sticky=yes', 'sticky', 'rest_invalid_type', 'sticky is not of type boolean.');
      await invalidParam(server, '/posts?author=me', 'author', 'rest_invalid_type', 'author[0] is not of type integer.');
    });
  });

  describe('orderby and order', () => {
    test('title, slug, id, modified, author, date', async () => {
      assert.deepEqual(await slugs(server, '/posts?orderby=title&order=asc&exclude=1'), [
        'manuscript-goes-online',
        'protected-bike-lanes-approved',
        'phone-battery-cold',
        // البنوك, مجلس, وزراء: Latin letters sort before Arabic ones, as in WordPress's utf8mb4 collations.
        'gulf-central-banks-hold-rates',
        'security-council-gaza-aid',
        'arab-ministers-gaza-reconstruction',
      ]);
      assert.deepEqual(await slugs(server, '/posts?orderby=slug&order=asc'), [...SEED_BY_DATE].sort());
      assert.deepEqual(await ids(server, '/posts?orderby=id&order=asc'), [1, 2, 3, 4, 5, 6, 7]);
      await sql(server, `UPDATE posts SET modified_gmt = '2026-12-01T00:00:00' WHERE id = 4`);
      assert.deepEqual((await slugs(server, '/posts?orderby=modified'))[0], 'manuscript-goes-online');
      assert.deepEqual(await slugs(server, '/posts?orderby=date&order=asc'), [...SEED_BY_DATE].reverse());
      const byAuthor = await get<Array<{ author: number }>>(server, '/posts?orderby=author&order=asc');
      const authors = byAuthor.body.map((post) => post.author);
      assert.deepEqual(authors, [...authors].sort((a, b) => a - b));
    });
  });

  describe('before, after, modified_before, modified_after (date-time, WP_Date_Query)', () => {
    test('exclusive bounds; an offset is honoured, a time without one is UTC', async () => {
      assert.deepEqual(await slugs(server, '/posts?after=2026-11-27T15:05:00'), ['us-hamas-direct-talks']);
      assert.deepEqual(await slugs(server, '/posts?after=2026-11-27T15:04:59Z'), ['us-hamas-direct-talks', 'phone-battery-cold']);
      // 17:05 at +02:00 is 15:05 UTC: the battery post is not after it.
      assert.deepEqual(await slugs(server, '/posts?after=2026-11-27T17:05:00%2B02:00'), ['us-hamas-direct-talks']);
      const { headers, body } = await get<Post[]>(server, '/posts?before=2026-11-21T00:00:00&after=2026-10-01T00:00:00');
      assert.deepEqual(body.map((post) => post.slug), ['protected-bike-lanes-approved', 'manuscript-goes-online']);
      assert.equal(headers.get('x-wp-total'), '2');
      await sql(server, `UPDATE posts SET modified_gmt = '2026-12-02T09:00:00' WHERE id = 2`);
      assert.deepEqual(await slugs(server, '/posts?modified_after=2026-12-02T08:00:00'), ['protected-bike-lanes-approved']);
      assert.ok(!(await slugs(server, '/posts?modified_before=2026-12-02T08:00:00')).includes('protected-bike-lanes-approved'));
    });

    test('what rest_parse_date refuses is 400 rest_invalid_param, rest_invalid_date', async () => {
      for (const value of ['yesterday', '2026-11-20', '2026-13-01T00:00:00', '2026-11-20T10:00']) {
        await invalidParam(server, `/posts?before=${value}`, 'before', 'rest_invalid_date', 'Invalid date.');
      }
      await invalidParam(server, '/posts?modified_after=soon', 'modified_after', 'rest_invalid_date', 'Invalid date.');
    });
  });

  describe('status (sanitize_post_statuses)', () => {
    test('publish is the default and allowed; any other status is refused as rest_forbidden_status', async () => {
      assert.deepEqual(await slugs(server, '/posts?status=publish'), SEED_BY_DATE);
      const body = await invalidParam(server, '/posts?status=draft', 'status', 'rest_forbidden_status', 'Status is forbidden.');
      // The sanitize callback's error keeps its own status (rest_authorization_required_code: 401 for anonymous).
      assert.deepEqual((body.data.details?.status as unknown as { data: unknown }).data, { status: 401 });
      await invalidParam(server, '/posts?status=publish,private', 'status', 'rest_forbidden_status', 'Status is forbidden.');
    });
  });
});

describe('_embed replies (WP_REST_Server::embed_links of the replies link)', () => {
  const server = serverUnderTest();

  before(async () => {
    const rows = Array.from({ length: 12 }, (_, index) => {
      const minute = String(index).padStart(2, '0');
      return `(2, 'Reader ${index}', 'r${index}@example.com', '::1', '2026-11-29T10:${minute}:00', 'Comment ${index}', 'approved')`;
    });
    await sql(
      server,
      `INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status) VALUES ${rows.join(', ')},
         (2, 'Held', 'held@example.com', '::1', '2026-11-29T11:00:00', 'Awaiting moderation', 'hold');`,
    );
  });

  test('the first page of the approved comments, newest first, in the embed context', async () => {
    const { body } = await get<Post>(server, '/posts/2?_embed');
    const [replies] = body._embedded?.replies as Array<Array<Json & { content: { rendered: string } }>>;
    // The collection's defaults: per_page 10, order desc.
    assert.equal(replies.length, 10);
    assert.deepEqual(
      replies.map((reply) => reply.author_name),
      Array.from({ length: 10 }, (_, index) => `Reader ${11 - index}`),
    );
    assert.deepEqual(Object.keys(replies[0]), [
      'id',
      'parent',
      'author',
      'author_name',
      'author_url',
      'date',
      'content',
      'link',
      'type',
      'author_avatar_urls',
      '_links',
    ]);
    assert.equal(replies[0].content.rendered, '<p>Comment 11</p>\n');
    // It is what the replies link itself answers.
    const linked = await fetchJson<Array<{ id: number }>>(body._links.replies[0].href);
    assert.deepEqual(replies.map((reply) => reply.id), linked.body.map((comment) => comment.id));
  });

  test('_embed=replies embeds only them; a post without approved comments has none', async () => {
    const { body } = await get<Post>(server, '/posts/2?_embed=replies');
    assert.deepEqual(Object.keys(body._embedded ?? {}), ['replies']);
    const { body: other } = await get<Post>(server, '/posts/3?_embed');
    assert.ok(other._embedded);
    assert.equal('replies' in other._embedded, false);
    const { body: list } = await get<Post[]>(server, '/posts?_embed=replies&include=2');
    assert.equal((list[0]._embedded?.replies?.[0] as unknown[]).length, 10);
  });
});

describe('archive pages (get_term_link, get_author_posts_url targets)', () => {
  const server = serverUnderTest();

  test('category, tag and author archives list their posts, in the posts’ language', async () => {
    const politics = await fetch(`${server.base}/category/politics/`);
    assert.equal(politics.status, 200);
    const html = await politics.text();
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /سياسة/);
    assert.match(html, /href="\/articles\/us-hamas-direct-talks"/);
    const cycling = await (await fetch(`${server.base}/tag/cycling/`)).text();
    assert.match(cycling, /href="\/articles\/protected-bike-lanes-approved"/);
    assert.doesNotMatch(cycling, /phone-battery-cold/);
    const desk = await (await fetch(`${server.base}/author/science-desk/`)).text();
    assert.match(desk, /href="\/articles\/phone-battery-cold"/);
  });

  test('unknown slugs and pages past the end are 404', async () => {
    for (const path of ['/category/nope/', '/tag/nope/', '/author/nope/', '/category/local/page/2/']) {
      assert.equal((await fetch(`${server.base}${path}`)).status, 404, path);
    }
  });

  test('ten posts a page, with a link to the older ones', async () => {
    const values = Array.from({ length: 11 }, (_, index) => {
      const id = 100 + index;
      return `(${id}, 'local-${index}', 'en', 'Local story ${index}', '<p>Text</p>', '', 2, '2026-08-${String(index + 1).padStart(2, '0')}T10:00:00', '2026-08-01T10:00:00')`;
    });
    await sql(
      server,
      `INSERT INTO posts (id, slug, lang, title, content, excerpt, author, date_gmt, modified_gmt) VALUES ${values.join(', ')};
       INSERT INTO post_categories (post, category) SELECT id, (SELECT id FROM categories WHERE slug = 'local') FROM posts WHERE id >= 100;`,
    );
    const first = await (await fetch(`${server.base}/category/local/`)).text();
    assert.equal(first.match(/<article /g)?.length, 10);
    assert.match(first, /href="\/category\/local\/page\/2\/" rel="next"/);
    const second = await fetch(`${server.base}/category/local/page/2/`);
    assert.equal(second.status, 200);
    assert.equal((await second.text()).match(/<article /g)?.length, 2);
  });
});

describe('WP_REST_Search_Controller::get_items with WP_REST_Post_Search_Handler', () => {
  const server = serverUnderTest();

  test('items are id, title, url, type, subtype and _links, for the same search as the posts list', async () => {
    const { status, headers, body } = await get<Array<Json & { _links: Links }>>(server, '/search?search=council');
    assert.equal(status, 200);
    assert.equal(headers.get('x-wp-total'), '1');
    assert.deepEqual(body, [
      {
        id: 2,
        title: 'City council approves a new network of protected bike lanes',
        url: `${server.base}/articles/protected-bike-lanes-approved`,
        type: 'post',
        subtype: 'post',
        _links: {
          self: [{ embeddable: true, href: api(server, '/posts/2') }],
          about: [{ href: api(server, '/types/post') }],
          collection: [{ href: api(server, '/search') }],
        },
      },
    ]);
    assert.deepEqual(await ids(server, '/search?search=-council'), await ids(server, '/posts?search=-council'));
  });

  test('without a search, every post, newest first, paged', async () => {
    const { headers, body } = await get<Array<{ id: number }>>(server, '/search?per_page=3');
    assert.deepEqual(body.map((item) => item.id), [1, 3, 5]);
    assert.equal(headers.get('x-wp-total'), '7');
    assert.equal(headers.get('x-wp-totalpages'), '3');
    assert.match(headers.get('link') ?? '', /page=2>; rel="next"/);
    const last = await get<Array<{ id: number }>>(server, '/search?page=3&per_page=3');
    assert.deepEqual(last.body.map((item) => item.id), [4]);
    const { status, body: error } = await get<WpErrorBody>(server, '/search?page=4&per_page=3');
    assert.equal(status, 400);
    assert.equal(error.code, 'rest_search_invalid_page_number');
  });

  test('subtype: post and any find posts, page finds nothing here; unknown type and subtype are 400', async () => {
    assert.equal((await ids(server, '/search?subtype=post')).length, 7);
    assert.equal((await ids(server, '/search?subtype=page,any')).length, 7);
    assert.deepEqual(await ids(server, '/search?subtype=page'), []);
    await invalidParam(server, '/search?subtype=attachment', 'subtype', 'rest_not_in_enum', 'subtype[0] is not one of post, page, and any.');
    await invalidParam(server, '/search?type=user', 'type', 'rest_not_in_enum', 'type is not one of post.');
  });
});
