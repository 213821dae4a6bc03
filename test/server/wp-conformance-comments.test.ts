/**
 * `/wp-json/wp/v2/comments` against WordPress 6.x's own rules, read from its source (each describe names the
 * function it follows), sent to the real server on a real SQLite file (or PostgreSQL database).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY_LIMIT } from '../../server/http/errors.js';
import { fetchJson, serverUnderTest, type TestServer, type WpErrorBody } from './support.js';

type CommentJson = WpErrorBody & {
  id: number;
  post: number;
  parent: number;
  author_name: string;
  content: { rendered: string };
  status: string;
  _links: Record<string, Array<{ href: string; embeddable?: boolean }>>;
  _embedded?: Record<string, unknown[]>;
};

const ENDPOINT = '/wp-json/wp/v2/comments';

let counter = 0;
/** Fields of a valid comment from a new reader each time, so duplicate checks stay out of the way. */
function fields(overrides: Record<string, string> = {}): Record<string, string> {
  counter++;
  return { post: '1', author_name: `Conformer ${counter}`, author_email: `conformer${counter}@example.com`, content: `Said ${counter}`, ...overrides };
}

const send = (server: TestServer, path: string, init: RequestInit) =>
  fetchJson<CommentJson>(`${server.base}${path}`, { method: 'POST', ...init });

function storedContent(server: TestServer, id: number): Promise<string | undefined> {
  return server.db.value<string>('SELECT content FROM comments WHERE id = ?', id);
}

/** Rows added through SQL on the test's own file: states the API cannot make (held, dated, another tool's). */
type Row = { parent?: number; name?: string; email?: string; url?: string; date: string; content: string; status?: string };

async function insertRows(server: TestServer, post: number, rows: readonly Row[]): Promise<number[]> {
  const ids: number[] = [];
  for (const row of rows) {
    const id = await server.db.value(
      `INSERT INTO comments (post, parent, author_name, author_email, author_url, author_ip, date_gmt, content, status)
       VALUES (?, ?, ?, ?, ?, '192.0.2.7', ?, ?, ?) RETURNING id`,
      post,
      row.parent ?? null,
      row.name ?? 'Reader',
      row.email ?? 'reader@example.com',
      row.url ?? '',
      row.date,
      row.content,
      row.status ?? 'approved',
    );
    ids.push(Number(id));
  }
  return ids;
}

const list = (server: TestServer, query: string) => fetchJson<CommentJson[] & WpErrorBody>(`${server.base}${ENDPOINT}?${query}`);
const idsOf = (body: CommentJson[]) => body.map((comment) => comment.id);

// WP_REST_Server::serve_request fills the request from $_GET, $_POST (PHP parses url-encoded and multipart bodies
// only) and the raw body; WP_REST_Request::get_parameter_order reads JSON (wp_is_json_media_type), then POST, then GET.
describe('request bodies as WP_REST_Request reads them (get_parameter_order, get_body_params, parse_json_params)', () => {
  const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0', RATE_LIMIT: '0' });

  test('application/x-www-form-urlencoded → 201, the fields stored', async () => {
    const sent = fields({ content: 'مرحبا & أهلاً' });
    const { status, body, headers } = await send(server, ENDPOINT, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(sent).toString(),
    });
    assert.equal(status, 201);
    assert.equal(body.post, 1);
    assert.equal(body.author_name, sent.author_name);
    assert.equal(await storedContent(server, body.id), 'مرحبا & أهلاً');
    assert.equal(headers.get('location'), `${server.base}${ENDPOINT}/${body.id}`);
  });

  test('multipart/form-data → 201, text fields read and files ignored (they go to $_FILES)', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields({ content: 'from a multipart form' }))) form.append(name, value);
    form.append('parent', new Blob(['7'], { type: 'text/plain' }), 'parent.txt');
    const { status, body } = await send(server, ENDPOINT, { body: form });
    assert.equal(status, 201);
    assert.equal(body.parent, 0, 'a file is no parameter');
    assert.equal(await storedContent(server, body.id), 'from a multipart form');
  });

  test('no body at all: the query string is the request → 201', async () => {
    const query = new URLSearchParams(fields({ content: 'only in the query' }));
    const { status, body } = await send(server, `${ENDPOINT}?${query}`, {});
    assert.equal(status, 201);
    assert.equal(await storedContent(server, body.id), 'only in the query');
  });

  test('text/plain (and any type PHP does not parse): the body is ignored, the query string read', async () => {
    for (const type of ['text/plain', 'application/xml']) {
      const query = new URLSearchParams(fields({ content: `query of ${type}` }));
      const { status, body } = await send(server, `${ENDPOINT}?${query}`, {
        headers: { 'content-type': type },
        body: JSON.stringify(fields({ content: 'in the body' })),
      });
      assert.equal(status, 201, type);
      assert.equal(await storedContent(server, body.id), `query of ${type}`, type);
    }
    // Nothing in the query either: no post, WordPress's 403 (create_item_permissions_check), not a 415.
    const { status, body } = await send(server, ENDPOINT, {
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(fields()),
    });
    assert.equal(status, 403);
    assert.equal(body.code, 'rest_comment_invalid_post_id');
  });

  test('an empty JSON body is no error: the query string is read', async () => {
    const query = new URLSearchParams(fields({ content: 'empty JSON body' }));
    const { status, body } = await send(server, `${ENDPOINT}?${query}`, { headers: { 'content-type': 'application/json' }, body: '' });
    assert.equal(status, 201);
    assert.equal(await storedContent(server, body.id), 'empty JSON body');
  });

  test('JSON wins over the query string, which fills in what JSON lacks; +json types are JSON', async () => {
    const sent = fields({ content: 'from JSON' });
    const { post, ...rest } = sent;
    const { status, body } = await send(server, `${ENDPOINT}?post=${post}&content=from+the+query`, {
      headers: { 'content-type': 'application/merge-patch+json; charset=utf-8' },
      body: JSON.stringify(rest),
    });
    assert.equal(status, 201);
    assert.equal(body.post, 1);
    assert.equal(await storedContent(server, body.id), 'from JSON');
  });

  test('a form body is validated as JSON is: rest_invalid_param for a bad e-mail', async () => {
    const { status, body } = await send(server, ENDPOINT, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields({ author_email: 'not-an-email' })).toString(),
    });
    assert.equal(status, 400);
    assert.equal(body.code, 'rest_invalid_param');
    assert.deepEqual(Object.keys(body.data.params ?? {}), ['author_email']);
  });

  test('broken JSON is still rest_invalid_json 400, and the 1 MiB limit holds for every type', async () => {
    const broken = await send(server, ENDPOINT, { headers: { 'content-type': 'application/json' }, body: '{"post":1,' });
    assert.equal(broken.status, 400);
    assert.equal(broken.body.code, 'rest_invalid_json');
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const huge = await send(server, ENDPOINT, { headers: { 'content-type': type }, body: 'x'.repeat(BODY_LIMIT + 1) });
      assert.equal(huge.status, 413, type);
      assert.equal(huge.body.code, 'rest_request_too_large', type);
    }
  });
});

// kses.php: wp_filter_kses with $allowedtags (pre_comment_content), wp_rel_ugc; default-filters.php: the comment_text
// filters make_clickable (priority 9), wptexturize (10) and wpautop (30) (formatting.php). Sent through the real route, checked as a client reads it.
describe('content.rendered as comment_text renders a comment (wp_filter_kses, wp_rel_ugc, make_clickable, wptexturize, wpautop)', () => {
  // Published whatever their links, which the make_clickable cases have many of (the spam rules have their own tests).
  const server = serverUnderTest({ MODERATION: 'approve', MODERATION_LINKS: '10000', FLOOD_SECONDS: '0', RATE_LIMIT: '0' });

  async function rendered(content: string): Promise<string> {
    const { status, body } = await send(server, ENDPOINT, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields({ content })) });
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(await storedContent(server, body.id), content, 'stored as sent; rendered on the way out');
    const read = await fetchJson<CommentJson>(`${server.base}${ENDPOINT}/${body.id}`);
    assert.equal(read.body.content.rendered, body.content.rendered, 'the same when read back');
    return body.content.rendered;
  }

  test('the allow-list is kept, with its attributes ($allowedtags)', async () => {
    const safe =
      '<strong>s</strong> <b>b</b> <em>e</em> <i>i</i> <code>c</code> <del datetime="2026-01-01">d</del> <s>s</s> ' +
      '<strike>k</strike> <cite>c</cite> <abbr title="t">a</abbr> <acronym title="t">ac</acronym> <q cite="https://q.example/">q</q>';
    assert.equal(await rendered(safe), `<p>${safe}</p>\n`);
    assert.equal(
      await rendered('<blockquote cite="https://example.com/">quoted</blockquote>\nafter'),
      '<blockquote cite="https://example.com/"><p>quoted</p></blockquote>\n<p>after</p>\n',
    );
  });

  test('links keep href and title and get rel="nofollow ugc" in place of their own (wp_rel_ugc)', async () => {
    assert.equal(
      await rendered('<a href="https://example.com/x?a=1&amp;b=2" title="T" rel="me" target="_blank" class="c">link</a>'),
      '<p><a href="https://example.com/x?a=1&amp;b=2" title="T" rel="nofollow ugc">link</a></p>\n',
    );
  });

  test('any other tag goes and its text stays, script and style included (wp_kses_split)', async () => {
    assert.equal(await rendered('<script>alert(1)</script>'), '<p>alert(1)</p>\n');
    assert.equal(await rendered('<div class="x"><span style="color:red">red</span> <u>u</u></div>'), '<p>red u</p>\n');
    assert.equal(await rendered('<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>'), '<p>onetwonested</p>\n');
    assert.equal(await rendered('<img src=x onerror=alert(1)>after'), '<p>after</p>\n');
    assert.equal(await rendered('<svg><a href="https://x.example">in svg</a></svg>'), '<p><a href="https://x.example" rel="nofollow ugc">in svg</a></p>\n');
  });

  test('event handlers and style attributes go; javascript: and data: URLs do not survive (wp_kses_bad_protocol)', async () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x']) {
      const html = await rendered(`<a href="${href}" onclick="alert(2)" onmouseover="alert(3)">x</a>`);
      assert.equal(html, '<p><a rel="nofollow ugc">x</a></p>\n', href);
    }
    assert.equal(await rendered('<blockquote cite="javascript:alert(1)" onclick="x" style="x">q</blockquote>'), '<blockquote><p>q</p></blockquote>\n');
    // The protocols wp_allowed_protocols lists stay.
    assert.equal(await rendered('<a href="mailto:a@example.com">m</a>'), '<p><a href="mailto:a@example.com" rel="nofollow ugc">m</a></p>\n');
  });

  test('unclosed tags are closed, stray closers dropped (force_balance_tags)', async () => {
    assert.equal(await rendered('<strong>bold <em>both'), '<p><strong>bold <em>both</em></strong></p>\n');
    assert.equal(await rendered('text</em></blockquote>'), '<p>text</p>\n');
  });

  test('text is escaped as text: < > & entities round-trip (wp_pre_kses_less_than, wp_kses_normalize_entities)', async () => {
    assert.equal(await rendered('1 < 2 && 3 > 2 &amp; &lt;b&gt;'), '<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &amp; &lt;b&gt;</p>\n');
  });

  test('bare URLs, www. hosts and e-mail addresses become links, not inside a link or code (make_clickable)', async () => {
    assert.equal(
      await rendered('see https://example.com/a?b=1&c=2. or www.example.org, or write to a@example.com'),
      '<p>see <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow">https://example.com/a?b=1&amp;c=2</a>. or ' +
        '<a href="http://www.example.org" rel="nofollow">www.example.org</a>, or write to <a href="mailto:a@example.com">a@example.com</a></p>\n',
    );
    assert.equal(await rendered('<code>https://in.code.example</code>'), '<p><code>https://in.code.example</code></p>\n');
    assert.equal(
      await rendered('<a href="https://a.example">go https://b.example</a>'),
      '<p><a href="https://a.example" rel="nofollow ugc">go https://b.example</a></p>\n',
    );
  });

  test('a row another tool wrote or edited is rendered alike when read', async () => {
    const [id] = await insertRows(server, 1, [{ date: '2026-11-04T10:00:00', content: '<script>x</script><em>e</em>\n\nsee www.example.org' }]);
    const expected = '<p>x<em>e</em></p>\n<p>see <a href="http://www.example.org" rel="nofollow">www.example.org</a></p>\n';
    assert.equal((await fetchJson<CommentJson>(`${server.base}${ENDPOINT}/${id}`)).body.content.rendered, expected);
    const { body } = await send(server, ENDPOINT, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields({ content: '<u>stored</u>' })) });
    await server.db.run(`UPDATE comments SET content = '<i>edited</i> <img src=x onerror=alert(1)>' WHERE id = ?`, body.id);
    assert.equal((await fetchJson<CommentJson>(`${server.base}${ENDPOINT}/${body.id}`)).body.content.rendered, '<p><i>edited</i> </p>\n');
  });

  test('quotes, apostrophes, primes, dashes, the ellipsis and × outside tags and code (wptexturize)', async () => {
    // wptexturize's own doc example, word for word.
    assert.equal(
      await rendered(`'cause today's effort makes it worth tomorrow's "holiday" ...`),
      '<p>&#8217;cause today&#8217;s effort makes it worth tomorrow&#8217;s &#8220;holiday&#8221; &#8230;</p>\n',
    );
    assert.equal(
      await rendered('9\' by 9" -- a 2x3 grid --- or - not; قال "نعم"'),
      '<p>9&#8242; by 9&#8243; &#8212; a 2&#215;3 grid &#8212; or &#8211; not; قال &#8220;نعم&#8221;</p>\n',
    );
    assert.equal(
      await rendered('<code>"as typed" -- x</code> <a href="https://a.example/x--y">"x--y"</a>'),
      '<p><code>"as typed" -- x</code> <a href="https://a.example/x--y" rel="nofollow ugc">&#8220;x&#8211;y&#8221;</a></p>\n',
    );
  });

  test('paragraphs and line breaks (wpautop)', async () => {
    assert.equal(await rendered('سطر\nسطر ثانٍ\n\nفقرة ثانية'), '<p>سطر<br />\nسطر ثانٍ</p>\n<p>فقرة ثانية</p>\n');
    assert.equal(await rendered('windows\r\n\r\nends'), '<p>windows</p>\n<p>ends</p>\n');
  });
});

// WP_REST_Comments_Controller::create_item and prepare_item_for_database store `parent` as given: no check that it
// exists, is approved or is on the same post. Deliberately not followed here (README, "Replies"): these pin our rule.
describe('parent: WordPress stores any id (create_item); this server refuses what would make a broken thread', () => {
  const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0', RATE_LIMIT: '0' });
  const invalidParent = { code: 'rest_comment_invalid_parent', message: 'Invalid parent comment ID.', data: { status: 400 } };
  const reply = (parent: number) =>
    send(server, ENDPOINT, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...fields(), parent: Number(parent) }) });

  test('a comment of another post, one that does not exist, one held: 400 rest_comment_invalid_parent, nothing stored', async () => {
    const [elsewhere] = await insertRows(server, 2, [{ date: '2026-11-29T10:00:00', content: 'elsewhere' }]);
    const [held] = await insertRows(server, 1, [{ date: '2026-11-29T10:00:00', content: 'held', status: 'hold' }]);
    for (const parent of [elsewhere, 999_999, held]) {
      const { status, body } = await reply(parent);
      assert.equal(status, 400, String(parent));
      assert.deepEqual(body, invalidParent, String(parent));
    }
  });

  test('an approved comment of the same post is a parent: 201, stored with it', async () => {
    const [parent] = await insertRows(server, 1, [{ date: '2026-11-29T10:00:00', content: 'parent' }]);
    const { status, body } = await reply(parent);
    assert.equal(status, 201);
    assert.equal(body.parent, parent);
    assert.deepEqual(body._links['in-reply-to'], [{ embeddable: true, href: `${server.base}${ENDPOINT}/${parent}` }]);
  });
});

// WP_REST_Comments_Controller::prepare_links: `children`, embeddable, `?parent=ID`, when the comment has replies.
describe('_links.children (WP_REST_Comments_Controller::prepare_links)', () => {
  const server = serverUnderTest();

  test('a comment with an approved reply links to its replies; one without, or with only held ones, does not', async () => {
    const [parent, lonely, heldOnly] = await insertRows(server, 3, [
      { date: '2026-11-01T10:00:00', content: 'parent' },
      { date: '2026-11-01T10:01:00', content: 'no replies' },
      { date: '2026-11-01T10:02:00', content: 'held replies only' },
    ]);
    const [reply] = await insertRows(server, 3, [
      { parent, date: '2026-11-01T11:00:00', content: 'a reply' },
      { parent: heldOnly, date: '2026-11-01T11:01:00', content: 'held reply', status: 'hold' },
    ]);
    const { body } = await list(server, 'post=3&per_page=100');
    const byId = new Map(body.map((comment) => [comment.id, comment]));
    assert.deepEqual(byId.get(parent)?._links.children, [{ embeddable: true, href: `${server.base}${ENDPOINT}?parent=${parent}` }]);
    assert.equal(byId.get(lonely)?._links.children, undefined);
    assert.equal(byId.get(heldOnly)?._links.children, undefined, 'held replies are not told of');
    assert.equal(byId.get(reply)?._links.children, undefined);
    const single = await fetchJson<CommentJson>(`${server.base}${ENDPOINT}/${parent}`);
    assert.ok(single.body._links.children);
    // The link leads to the replies.
    const children = await fetchJson<CommentJson[]>(single.body._links.children[0].href);
    assert.deepEqual(idsOf(children.body), [reply]);
  });
});

// get_collection_params and get_items' mapping onto WP_Comment_Query (search columns from get_search_sql, ORDER BY
// from parse_orderby with comment_ID as tie-break, date_query before/after exclusive, offset replacing the page's).
describe('GET /comments parameters (WP_REST_Comments_Controller::get_collection_params, WP_Comment_Query)', () => {
  const server = serverUnderTest();
  let ids: number[] = [];

  test('setup: comments on post 4', async () => {
    ids = await insertRows(server, 4, [
      { name: 'Amal', email: 'amal@secret.example', date: '2026-10-01T08:00:00', content: 'About the manuscript 50% done' },
      { name: 'Basil', url: 'https://basil.example/blog', date: '2026-10-02T08:00:00', content: 'Fine work' },
      { name: 'Carim', date: '2026-10-03T08:00:00', content: 'المخطوطة رائعة' },
      { name: 'Dana', date: '2026-10-03T08:00:00', content: 'Same minute as Carim' },
      { name: 'Eli', date: '2026-10-05T08:00:00', content: 'held manuscript', status: 'hold' },
    ]);
    const [reply] = await insertRows(server, 4, [{ parent: ids[0], name: 'Fadi', date: '2026-10-06T08:00:00', content: 'reply to Amal' }]);
    ids.push(reply);
  });

  test('search: content, author name and URL, as a whole phrase with % and _ literal; approved only', async () => {
    assert.deepEqual(idsOf((await list(server, 'post=4&search=manuscript')).body), [ids[0]]);
    assert.deepEqual(idsOf((await list(server, 'post=4&search=basil.example')).body), [ids[1]]);
    assert.deepEqual(idsOf((await list(server, 'post=4&search=carim')).body), [ids[3], ids[2]], 'author name and content, any case');
    assert.deepEqual(idsOf((await list(server, `post=4&search=${encodeURIComponent('المخطوطة')}`)).body), [ids[2]]);
    assert.deepEqual(idsOf((await list(server, 'post=4&search=50%25')).body), [ids[0]], '% is a character');
    assert.deepEqual(idsOf((await list(server, 'post=4&search=5_%25')).body), [], '_ is a character');
    const total = await list(server, 'post=4&search=work');
    assert.equal(total.headers.get('x-wp-total'), '1');
  });

  test('search does not reach e-mail addresses or IP addresses for anonymous readers', async () => {
    assert.deepEqual(idsOf((await list(server, 'post=4&search=secret.example')).body), []);
    assert.deepEqual(idsOf((await list(server, 'post=4&search=192.0.2.7')).body), []);
  });

  test('include, exclude, parent_exclude', async () => {
    assert.deepEqual(idsOf((await list(server, `post=4&include=${ids[1]},${ids[3]}`)).body).sort(), [ids[1], ids[3]].sort());
    const excluded = await list(server, `post=4&exclude=${ids[0]}&exclude=${ids[1]}`);
    assert.ok(!idsOf(excluded.body).includes(ids[1]), 'PHP keeps the last of repeated parameters');
    assert.ok(idsOf(excluded.body).includes(ids[0]));
    const notReplies = await list(server, `post=4&parent_exclude=0`);
    assert.deepEqual(idsOf(notReplies.body), [ids[5]]);
    assert.equal(notReplies.headers.get('x-wp-total'), '1');
  });

  test('orderby and order, the comment id breaking ties in the same direction', async () => {
    const approved = [ids[0], ids[1], ids[2], ids[3], ids[5]];
    assert.deepEqual(idsOf((await list(server, 'post=4')).body), [ids[5], ids[3], ids[2], ids[1], ids[0]], 'date_gmt desc by default');
    assert.deepEqual(idsOf((await list(server, 'post=4&orderby=date&order=asc')).body), approved);
    assert.deepEqual(idsOf((await list(server, 'post=4&orderby=id&order=asc')).body), approved);
    assert.deepEqual(idsOf((await list(server, 'post=4&orderby=parent&order=asc')).body), [ids[0], ids[1], ids[2], ids[3], ids[5]]);
    assert.deepEqual(idsOf((await list(server, 'post=4&orderby=parent&order=desc')).body), [ids[5], ids[3], ids[2], ids[1], ids[0]]);
    assert.deepEqual(idsOf((await list(server, `post=4&orderby=include&include=${ids[2]},${ids[0]},${ids[3]}`)).body), [ids[2], ids[0], ids[3]]);
  });

  test('before and after: exclusive, with or without a zone', async () => {
    assert.deepEqual(idsOf((await list(server, 'post=4&order=asc&after=2026-10-01T08:00:00&before=2026-10-03T08:00:00')).body), [ids[1]]);
    assert.deepEqual(idsOf((await list(server, `post=4&order=asc&after=${encodeURIComponent('2026-10-03T11:00:00+03:00')}`)).body), [ids[5]]);
    assert.deepEqual(idsOf((await list(server, 'post=4&order=asc&after=2026-10-03 07:59:59')).body), [ids[2], ids[3], ids[5]]);
    assert.deepEqual(idsOf((await list(server, 'post=4&order=asc&before=2026-10-02T08:00:00Z')).body), [ids[0]]);
  });

  test('offset replaces the page\'s, the totals stay those of the whole set', async () => {
    const { body, headers } = await list(server, 'post=4&order=asc&per_page=2&offset=1');
    assert.deepEqual(idsOf(body), [ids[1], ids[2]]);
    assert.equal(headers.get('x-wp-total'), '5');
    assert.equal(headers.get('x-wp-totalpages'), '3');
    assert.deepEqual(idsOf((await list(server, 'post=4&order=asc&per_page=2&page=2&offset=4')).body), [ids[5]]);
    assert.deepEqual((await list(server, 'post=4&offset=9')).body, []);
  });

  test('invalid values: 400 rest_invalid_param with WordPress\'s reasons, all at once', async () => {
    const { status, body } = await list(server, 'post=4&orderby=title&before=yesterday&after=2026-10-01&offset=x&include=a');
    assert.equal(status, 400);
    assert.equal(body.code, 'rest_invalid_param');
    assert.deepEqual(body.data.params, {
      orderby: 'orderby is not one of date, date_gmt, id, include, post, parent, and type.',
      before: 'Invalid date.',
      after: 'Invalid date.',
      offset: 'offset is not of type integer.',
      include: 'include[0] is not of type integer.',
    });
    assert.equal(body.data.details?.before.code, 'rest_invalid_date');
  });

  test('password is read and changes nothing (no post here is protected)', async () => {
    const { status, body } = await list(server, 'post=4&password=x');
    assert.equal(status, 200);
    assert.equal(body.length, 5);
  });
});

// WP_REST_Server::embed_links: `up` (the post, embed context), `in-reply-to` (the parent comment, embed context),
// `children` (the replies' first page); `author` only for registered users' comments (prepare_links), none here.
describe('_embed on comments (WP_REST_Server::embed_links, WP_REST_Comments_Controller::prepare_links)', () => {
  const server = serverUnderTest();

  test('a reply embeds its post and its parent, in the embed context; the parent embeds its replies', async () => {
    const [parent] = await insertRows(server, 2, [{ name: 'Parent', date: '2026-11-02T10:00:00', content: '<b>first</b>' }]);
    const [reply] = await insertRows(server, 2, [{ parent, name: 'Child', date: '2026-11-02T11:00:00', content: 'second' }]);
    const { body } = await fetchJson<CommentJson>(`${server.base}${ENDPOINT}/${reply}?_embed`);
    const up = body._embedded?.up as Array<Record<string, unknown>>;
    assert.equal(up.length, 1);
    // WordPress's embed fields of a post, and `lang`, the field this server adds in every context (README).
    assert.deepEqual(Object.keys(up[0]).sort(), ['_links', 'author', 'date', 'excerpt', 'featured_media', 'id', 'lang', 'link', 'slug', 'title', 'type']);
    assert.equal(up[0].id, 2);
    const inReplyTo = body._embedded?.['in-reply-to'] as Array<Record<string, unknown>>;
    assert.deepEqual(Object.keys(inReplyTo[0]).sort(), ['_links', 'author', 'author_avatar_urls', 'author_name', 'author_url', 'content', 'date', 'id', 'link', 'parent', 'type']);
    assert.equal(inReplyTo[0].id, parent);
    assert.deepEqual(inReplyTo[0].content, { rendered: '<p><b>first</b></p>\n' });
    assert.equal(body._embedded?.author, undefined, 'no registered author');

    const listed = await list(server, `post=2&_embed=children`);
    const parentJson = listed.body.find((comment) => comment.id === parent);
    assert.deepEqual(Object.keys(parentJson?._embedded ?? {}), ['children']);
    const children = parentJson?._embedded?.children as Array<Array<{ id: number }>>;
    assert.deepEqual(children[0].map((child) => child.id), [reply]);
    const plain = await fetchJson<CommentJson>(`${server.base}${ENDPOINT}/${reply}`);
    assert.equal(plain.body._embedded, undefined, 'nothing without _embed');
  });

  test('a new comment\'s 201 embeds too (serve_request embeds any answer)', async () => {
    const { status, body } = await send(server, `${ENDPOINT}?_embed=up`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...fields(), post: 2 }),
    });
    assert.equal(status, 201);
    assert.deepEqual(Object.keys(body._embedded ?? {}), ['up']);
    assert.equal((body._embedded?.up[0] as { id: number }).id, 2);
  });

  test('a parent readers may not read is embedded as the error WordPress answers for it', async () => {
    const [parent] = await insertRows(server, 2, [{ date: '2026-11-03T10:00:00', content: 'soon held' }]);
    const [reply] = await insertRows(server, 2, [{ parent, date: '2026-11-03T11:00:00', content: 'reply' }]);
    await server.db.run(`UPDATE comments SET status = 'hold' WHERE id = ?`, parent);
    const { body } = await fetchJson<CommentJson>(`${server.base}${ENDPOINT}/${reply}?_embed=in-reply-to`);
    assert.deepEqual(body._embedded, {
      'in-reply-to': [{ code: 'rest_cannot_read', message: 'Sorry, you are not allowed to read this comment.', data: { status: 401 } }],
    });
  });
});
