/**
 * The reference server driven by a real third-party WordPress client, node-wpapi 1.2: discovery, the query
 * builders, paging, embedding, comments, terms and users, and the `?rest_route=` form of the endpoint. Each test
 * checks the data against the server's SQLite file, not only that a request succeeded.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import WPAPI from 'wpapi';
import { serverUnderTest } from './support.js';

interface Post {
  id: number;
  slug: string;
  title: { rendered: string };
  categories: number[];
  tags: number[];
  _embedded?: { author?: Array<{ name: string }>; 'wp:featuredmedia'?: Array<{ source_url: string }>; 'wp:term'?: Array<Array<{ id: number; taxonomy: string }>> };
}

interface Term {
  id: number;
  name: string;
  slug: string;
  count: number;
  taxonomy: string;
}

const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0' });

/** Rows of the server's own database, read through a second connection. */
function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return server.db.all<T>(sql, ...params);
}

const publishedSlugsByDate = async () =>
  (await rows<{ slug: string }>(`SELECT slug FROM posts WHERE status = 'publish' ORDER BY date_gmt DESC, id DESC`)).map((row) => row.slug);

describe('node-wpapi against the reference server', () => {
  it('WPAPI.discover() finds the API from the home page and bootstraps from its index', async () => {
    const wp = await WPAPI.discover(server.base);
    // /wp/v2/search is not among wpapi's built-in (WordPress 4.7) routes: it is there only when the index was read.
    assert.equal(typeof wp.search, 'function');
    const post = await wp.posts().id(1).get<Post>();
    const [stored] = await rows<{ title: string; slug: string }>('SELECT title, slug FROM posts WHERE id = 1');
    assert.equal(post.slug, stored.slug);
    assert.equal(post.title.rendered.length > 0, true);
  });

  it('posts().search() returns the posts whose text has the term, and only those', async () => {
    const wp = new WPAPI({ endpoint: `${server.base}/wp-json` });
    const found = await wp.posts().search('bike').get<Post>();
    const expected = await rows<{ slug: string }>(
      `SELECT slug FROM posts WHERE status = 'publish' AND (lower(title) LIKE '%bike%' OR lower(content) LIKE '%bike%' OR lower(excerpt) LIKE '%bike%')`,
    );
    assert.ok(expected.length > 0, 'the seed has a post about bikes');
    assert.deepEqual(found.map((post) => post.slug).sort(), expected.map((row) => row.slug).sort());
    assert.equal(found._paging?.total ?? found.length, expected.length);
    const none = await wp.posts().search('zzqxnothing').get<Post>();
    assert.deepEqual([...none], []);
  });

  it('categories() lists the stored categories, and posts().categories() filters by one', async () => {
    const wp = new WPAPI({ endpoint: `${server.base}/wp-json` });
    const categories = await wp.categories().get<Term>();
    const stored = await rows<{ id: number; name: string }>('SELECT id, name FROM categories');
    assert.deepEqual(
      categories.map((term) => term.name).sort(),
      stored.map((row) => row.name).sort(),
    );
    assert.ok(categories.every((term) => term.taxonomy === 'category'));

    const science = categories.find((term) => term.slug === 'science');
    assert.ok(science, 'the seed has a Science section');
    const posts = await wp.posts().categories(science.id).get<Post>();
    assert.ok(posts.length > 0);
    assert.ok(posts.every((post) => post.categories.includes(science.id)));
    assert.equal(posts.length, science.count);
  });

  it('tags() lists the stored tags, with the posts that carry them counted', async () => {
    const wp = new WPAPI({ endpoint: `${server.base}/wp-json` });
    const tags = await wp.tags().perPage(100).get<Term>();
    const stored = await rows<{ name: string; posts: number }>(
      'SELECT t.name, (SELECT count(*) FROM post_tags pt WHERE pt.tag = t.id) AS posts FROM tags t',
    );
    assert.ok(stored.length > 0, 'the seed tags its posts');
    assert.deepEqual(tags.map((tag) => [tag.name, tag.count]).sort(), stored.map((row) => [row.name, row.posts]).sort());
    const tag = tags.find((term) => term.count > 0)!;
    const tagged = await wp.posts().tags(tag.id).get<Post>();
    assert.equal(tagged.length, tag.count);
    assert.ok(tagged.every((post) => post.tags.includes(tag.id)));
  });

  it('users() lists the authors of published posts', async () => {
    const wp = new WPAPI({ endpoint: `${server.base}/wp-json` });
    const users = await wp.users().get<{ id: number; name: string; slug: string }>();
    const stored = await rows<{ name: string }>(
      `SELECT DISTINCT a.name FROM authors a JOIN posts p ON p.author = a.id WHERE p.status = 'publish'`,
    );
    assert.deepEqual(users.map((user) => user.name).sort(), stored.map((row) => row.name).sort());
  });

  it('perPage().page() pages through every post with _paging.next, newest first', async () => {
    const wp = new WPAPI({ endpoint: `${server.base}/wp-json` });
    const expected = await publishedSlugsByDate();
    let page = await wp.posts().perPage(1).page(1).get<Post>();
    assert.equal(page._paging?.total, expected.length);
    assert.equal(page._paging?.totalPages, expected.length);
    const seen = [...page.map((post) => post.slug)];
    while (page._paging?.next) {
      page = await page._paging.next.get<Post>();
      seen.push(...page.map((post) => post.slug));
    }
    assert.deepEqual(seen, expected);
  });

  it(".param('_fields', …) gives only the fields asked for", async () => {
    const wp = new WPAPI({ endpoint: `${server.base}/wp-json` });
    const posts = await wp.posts().param('_fields', 'id,slug,title.rendered').get<Record<string, unknown>>();
    assert.equal(posts.length, (await publishedSlugsByDate()).length);
    for (const post of posts) {
      assert.deepEqual(Object.keys(post).sort(), ['id', 'slug', 'title']);
      assert.deepEqual(Object.keys(post.title as object), ['rendered']);
    }
  });

  it('.embed() embeds the author, the featured image and the terms', async () => {
    const wp = new WPAPI({ endpoint: `${server.base}/wp-json` });
    const post = await wp.posts().id(2).embed().get<Post>();
    const [stored] = await rows<{ author: string; file: string | null }>(
      'SELECT a.name AS author, m.file FROM posts p JOIN authors a ON a.id = p.author LEFT JOIN media m ON m.id = p.featured_media WHERE p.id = 2',
    );
    assert.equal(post._embedded?.author?.[0].name, stored.author);
    assert.ok(stored.file);
    assert.ok(post._embedded?.['wp:featuredmedia']?.[0].source_url.endsWith(`/media/${stored.file}`));
    const terms = post._embedded?.['wp:term']?.flat() ?? [];
    assert.deepEqual(
      terms.filter((term) => term.taxonomy === 'category').map((term) => term.id),
      post.categories,
    );
    assert.deepEqual(
      terms.filter((term) => term.taxonomy === 'post_tag').map((term) => term.id),
      post.tags,
    );
  });

  it('comments().create() stores a comment, and comments().forPost() reads it back', async () => {
    const wp = new WPAPI({ endpoint: `${server.base}/wp-json` });
    const content = `Written through wpapi at ${Date.now()}`;
    const created = await wp.comments().create<{ id: number; post: number; status: string }>({
      post: 3,
      author_name: 'Rana Client',
      author_email: 'rana@example.com',
      content,
    });
    assert.equal(created.post, 3);
    const [stored] = await rows<{ post: number; author_name: string; content: string; status: string }>(
      'SELECT post, author_name, content, status FROM comments WHERE id = ?',
      created.id,
    );
    assert.deepEqual(stored, { post: 3, author_name: 'Rana Client', content, status: 'approved' });

    const comments = await wp.comments().forPost(3).get<{ id: number; post: number; content: { rendered: string } }>();
    const mine = comments.find((comment) => comment.id === created.id);
    assert.ok(mine, 'the new comment is listed for its post');
    assert.match(mine.content.rendered, new RegExp(content));
    assert.ok(comments.every((comment) => comment.post === 3));
  });

  it('the ?rest_route= form of the endpoint reads and writes the same data', async () => {
    const pretty = new WPAPI({ endpoint: `${server.base}/wp-json` });
    const plain = new WPAPI({ endpoint: `${server.base}/?rest_route=/` });
    assert.match(plain.posts().perPage(2).toString(), /\?rest_route=\/wp\/v2\/posts&per_page=2$/);

    const [viaPlain, viaPretty] = await Promise.all([plain.posts().perPage(2).get<Post>(), pretty.posts().perPage(2).get<Post>()]);
    assert.deepEqual(viaPlain.map((post) => post.slug), (await publishedSlugsByDate()).slice(0, 2));
    assert.deepEqual(viaPlain.map((post) => post.id), viaPretty.map((post) => post.id));
    assert.equal(viaPlain._paging?.total, (await publishedSlugsByDate()).length);

    const created = await plain.comments().create<{ id: number }>({
      post: 2,
      author_name: 'Plain Permalinks',
      author_email: 'plain@example.com',
      content: 'Sent through ?rest_route=.',
    });
    const [stored] = await rows<{ post: number; content: string }>('SELECT post, content FROM comments WHERE id = ?', created.id);
    assert.deepEqual(stored, { post: 2, content: 'Sent through ?rest_route=.' });
  });
});
