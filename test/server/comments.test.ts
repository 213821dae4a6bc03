import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { BODY_LIMIT } from '../../server/http/errors.js';
import { fetchJson, serverUnderTest, startServer, type TestServer, type WpErrorBody } from './support.js';

type CommentJson = {
  id: number;
  post: number;
  parent: number;
  author: number;
  author_name: string;
  author_url: string;
  date: string;
  date_gmt: string;
  content: { rendered: string };
  link: string;
  status: string;
  type: string;
  author_avatar_urls: Record<string, string>;
};

const JSON_HEADERS = { 'content-type': 'application/json' };

let counter = 0;
/** A valid comment from a fresh address each time, so flood and duplicate checks stay out of the way. */
function valid(overrides: Record<string, unknown> = {}) {
  counter++;
  return { post: 1, parent: 0, author_name: `Reader ${counter}`, author_email: `reader${counter}@example.com`, author_url: '', content: `Comment number ${counter}`, ...overrides };
}

function postComment(server: TestServer, body: unknown, headers: Record<string, string> = {}) {
  return fetchJson<CommentJson & WpErrorBody>(`${server.base}/wp-json/wp/v2/comments`, {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function row(server: TestServer, id: number) {
  return server.db.get('SELECT * FROM comments WHERE id = ?', id);
}

async function rowCount(server: TestServer): Promise<number> {
  return Number(await server.db.value('SELECT count(*) FROM comments'));
}

describe('POST /wp-json/wp/v2/comments (MODERATION=approve)', () => {
  const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0', ALLOWED_ORIGINS: 'https://partner.example' });

  test('201 with the WordPress comment, a Location header and the row stored', async () => {
    const body = valid({ author_name: 'سارة', author_url: 'https://sara.example/blog', content: 'تعليق جميل' });
    const { status, headers, body: comment } = await postComment(server, body, { 'user-agent': 'test-agent/1.0' });
    assert.equal(status, 201);
    assert.equal(headers.get('location'), `${server.base}/wp-json/wp/v2/comments/${comment.id}`);
    assert.equal(comment.post, 1);
    assert.equal(comment.parent, 0);
    assert.equal(comment.author, 0);
    assert.equal(comment.author_name, 'سارة');
    assert.equal(comment.author_url, 'https://sara.example/blog');
    assert.equal(comment.status, 'approved');
    assert.equal(comment.type, 'comment');
    assert.match(comment.date_gmt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.equal(comment.date, comment.date_gmt);
    assert.equal(comment.content.rendered, '<p>تعليق جميل</p>\n');
    assert.equal(comment.link, `${server.base}/articles/us-hamas-direct-talks#comment-${comment.id}`);
    assert.deepEqual(Object.keys(comment.author_avatar_urls), ['24', '48', '96']);
    assert.ok(!('author_email' in comment), 'the e-mail address is never published');

    const stored = await row(server, comment.id);
    assert.equal(stored?.status, 'approved');
    assert.equal(stored?.author_email, body.author_email);
    assert.equal(stored?.author_ip, '127.0.0.1');
    assert.equal(stored?.author_user_agent, 'test-agent/1.0');
    assert.equal(stored?.parent, null);
  });

  test('a bare host as website gains http://, as esc_url_raw does', async () => {
    const { body } = await postComment(server, valid({ author_url: 'example.org' }));
    assert.equal(body.author_url, 'http://example.org');
  });

  test('a reply names its parent', async () => {
    const { body: parent } = await postComment(server, valid());
    const { status, body: reply } = await postComment(server, valid({ parent: parent.id }));
    assert.equal(status, 201);
    assert.equal(reply.parent, parent.id);
    assert.equal((await row(server, reply.id))?.parent, parent.id);
  });

  const payloads: ReadonlyArray<[string, string]> = [
    ['script tag', '<script>alert(document.cookie)</script>'],
    ['event handler', '<img src=x onerror="alert(1)">'],
    ['SQL injection', "'); DROP TABLE comments; --"],
    ['SQL quotes', `Robert'); DELETE FROM posts WHERE ('1'='1`],
    ['markup WordPress would allow', '<a href="javascript:alert(1)">link</a> <b>bold</b>'],
    ['white space and line ends', '  leading\r\nCRLF\n\n\ttab  '],
    ['bidi controls and emoji', '\u202Eevil\u202C مرحبا 👩🏽‍💻 \u200f'],
    ['entities', '&amp; &lt;b&gt; &#60;script&#62;'],
  ];
  for (const [name, content] of payloads) {
    test(`${name}: stored byte for byte, returned with kses's markup only`, async () => {
      const { status, body } = await postComment(server, valid({ content }));
      assert.equal(status, 201);
      assert.equal((await row(server, body.id))?.content, content, 'the row holds exactly what was sent');
      const rendered = body.content.rendered;
      for (const [tag, name, attributes] of rendered.matchAll(/<\/?([a-z]+)([^>]*)>/g)) {
        assert.match(name, /^(p|br|a|b|strong)$/, `no other element: ${tag}`);
        assert.doesNotMatch(attributes, /\bon|javascript:|src=/i, `no live attribute: ${tag}`);
      }
      assert.doesNotMatch(rendered, /<(script|img)/);
      const listed = await fetchJson<CommentJson[]>(`${server.base}/wp-json/wp/v2/comments?post=1&per_page=100`);
      assert.ok(listed.body.some((comment) => comment.id === body.id && comment.content.rendered === rendered));
    });
  }

  test('the SQL payloads left every table in place', async () => {
    assert.equal(Number(await server.db.value('SELECT count(*) FROM posts')), 7);
    assert.ok((await rowCount(server)) > 0);
  });

  test('an allowed origin can read the answer', async () => {
    const { status, headers } = await postComment(server, valid(), { origin: 'https://partner.example' });
    assert.equal(status, 201);
    assert.equal(headers.get('access-control-allow-origin'), 'https://partner.example');
  });
});

describe('POST /wp-json/wp/v2/comments errors', () => {
  // Many POSTs from one address: RATE_LIMIT=0 turns the limit off for this suite.
  const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0', RATE_LIMIT: '0' });

  const error = (code: string, message: string, status: number) => ({ code, message, data: { status } });
  const AUTHOR_REQUIRED = error('rest_comment_author_data_required', 'Creating a comment requires valid author name and email values.', 400);
  const CONTENT_INVALID = error('rest_comment_content_invalid', 'Invalid comment content.', 400);
  const NO_POST = error('rest_comment_invalid_post_id', 'Sorry, you are not allowed to create this comment without a post.', 403);
  const tooLong = (code: string) => error(code, 'Comment field exceeds maximum length allowed.', 400);

  const cases: ReadonlyArray<[string, () => unknown, number, unknown]> = [
    ['no name', () => valid({ author_name: '' }), 400, AUTHOR_REQUIRED],
    ['no e-mail', () => valid({ author_email: undefined }), 400, AUTHOR_REQUIRED],
    ['a blank name', () => valid({ author_name: '   ' }), 400, AUTHOR_REQUIRED],
    ['empty content', () => valid({ content: '' }), 400, CONTENT_INVALID],
    ['white-space content', () => valid({ content: ' \n\t ' }), 400, CONTENT_INVALID],
    ['no content', () => valid({ content: undefined }), 400, CONTENT_INVALID],
    ['content not text', () => valid({ content: 42 }), 400, CONTENT_INVALID],
    ['no post', () => valid({ post: undefined }), 403, NO_POST],
    ['post 0', () => valid({ post: 0 }), 403, NO_POST],
    ['an unknown post', () => valid({ post: 999 }), 403, NO_POST],
    ['an empty body', () => ({}), 403, NO_POST],
    ['a JSON array', () => [1], 403, NO_POST],
    ['a name of 246 bytes', () => valid({ author_name: 'ن'.repeat(123) }), 400, tooLong('comment_author_column_length')],
    ['an e-mail of 101 characters', () => valid({ author_email: `${'a'.repeat(89)}@example.com` }), 400, tooLong('comment_author_email_column_length')],
    ['a URL of 201 characters', () => valid({ author_url: `https://example.com/${'a'.repeat(181)}` }), 400, tooLong('comment_author_url_column_length')],
    ['a parent that does not exist', () => valid({ parent: 999 }), 400, error('rest_comment_invalid_parent', 'Invalid parent comment ID.', 400)],
    ['a status', () => valid({ status: 'approved' }), 401, error('rest_comment_invalid_status', "Sorry, you are not allowed to edit 'status' for comments.", 401)],
    ['an author id', () => valid({ author: 1 }), 401, error('rest_comment_invalid_author', "Sorry, you are not allowed to edit 'author' for comments.", 401)],
    ['another address', () => valid({ author_ip: '10.0.0.1' }), 401, error('rest_comment_invalid_author_ip', "Sorry, you are not allowed to edit 'author_ip' for comments.", 401)],
  ];
  for (const [name, body, status, expected] of cases) {
    test(`${name} → ${status}`, async () => {
      const before = await rowCount(server);
      const response = await postComment(server, body());
      assert.equal(response.status, status);
      assert.deepEqual(response.body, expected);
      assert.equal(await rowCount(server), before, 'nothing stored');
    });
  }

  test('the longest allowed values are accepted', async () => {
    const { status } = await postComment(
      server,
      valid({ author_name: `${'ن'.repeat(122)}x`, author_email: `${'b'.repeat(88)}@example.com`, author_url: `https://example.com/${'a'.repeat(180)}` }),
    );
    assert.equal(status, 201);
  });

  const invalidParams: ReadonlyArray<[string, Record<string, unknown>, string, string, string]> = [
    ['a malformed e-mail', { author_email: 'not-an-email' }, 'author_email', 'rest_invalid_email', 'Invalid email address.'],
    ['an e-mail without a domain dot', { author_email: 'reader@localhost' }, 'author_email', 'rest_invalid_email', 'Invalid email address.'],
    ['a javascript: URL', { author_url: 'javascript:alert(1)' }, 'author_url', 'rest_invalid_uri', 'Invalid URL.'],
    ['a URL with spaces', { author_url: 'not a url' }, 'author_url', 'rest_invalid_uri', 'Invalid URL.'],
    ['a post id that is text', { post: 'first' }, 'post', 'rest_invalid_type', 'post is not of type integer.'],
    ['a fractional post id', { post: 1.5 }, 'post', 'rest_invalid_type', 'post is not of type integer.'],
    ['a parent that is an object', { parent: { id: 1 } }, 'parent', 'rest_invalid_type', 'parent is not of type integer.'],
    ['a name that is a number', { author_name: 7 }, 'author_name', 'rest_invalid_type', 'author_name is not of type string.'],
    ['an e-mail that is a list', { author_email: ['a@b.co'] }, 'author_email', 'rest_invalid_type', 'author_email is not of type string.'],
  ];
  for (const [name, overrides, param, code, message] of invalidParams) {
    test(`${name} → 400 rest_invalid_param (${param})`, async () => {
      const response = await postComment(server, valid(overrides));
      assert.equal(response.status, 400);
      assert.deepEqual(response.body, {
        code: 'rest_invalid_param',
        message: `Invalid parameter(s): ${param}`,
        data: { status: 400, params: { [param]: message }, details: { [param]: { code, message, data: null } } },
      });
    });
  }

  test('a numeric string post id is accepted, as WordPress does', async () => {
    const { status, body } = await postComment(server, valid({ post: '2' }));
    assert.equal(status, 201);
    assert.equal(body.post, 2);
  });

  test('comment_duplicate 409: the same text again from the same reader', async () => {
    const comment = valid();
    assert.equal((await postComment(server, comment)).status, 201);
    const again = await postComment(server, { ...comment, author_email: comment.author_email.toUpperCase() });
    assert.equal(again.status, 409);
    assert.deepEqual(again.body, {
      code: 'comment_duplicate',
      message: 'Duplicate comment detected; it looks as though you&#8217;ve already said that!',
      data: { status: 409 },
    });
    assert.equal((await postComment(server, { ...comment, post: 2 })).status, 201, 'the same text on another post is fine');
  });

  test('a reply to a comment on another post, or to a held one, is refused', async () => {
    const { body: elsewhere } = await postComment(server, valid({ post: 2 }));
    const wrongPost = await postComment(server, valid({ parent: elsewhere.id }));
    assert.equal(wrongPost.status, 400);
    assert.equal(wrongPost.body.code, 'rest_comment_invalid_parent');

    await server.db.run(`UPDATE comments SET status = 'hold' WHERE id = ?`, elsewhere.id);
    const held = await postComment(server, valid({ post: 2, parent: elsewhere.id }));
    assert.equal(held.body.code, 'rest_comment_invalid_parent');
  });

  test('rest_comment_closed 403 when the post takes no more comments', async () => {
    await server.db.run(`UPDATE posts SET comment_status = 'closed' WHERE id = 4`);
    const response = await postComment(server, valid({ post: 4 }));
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, { code: 'rest_comment_closed', message: 'Sorry, comments are closed for this item.', data: { status: 403 } });
  });

  test('broken JSON and an oversized body are refused before validation; a form body is read (wp-conformance-comments)', async () => {
    const broken = await postComment(server, '{"post":1,');
    assert.equal(broken.status, 400);
    assert.equal(broken.body.code, 'rest_invalid_json');

    const form = await fetchJson<WpErrorBody>(`${server.base}/wp-json/wp/v2/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'post=1&content=x',
    });
    assert.equal(form.status, 400);
    assert.equal(form.body.code, 'rest_comment_author_data_required', 'the fields reached validation');

    const huge = await postComment(server, valid({ content: 'x'.repeat(BODY_LIMIT) }));
    assert.equal(huge.status, 413);
    assert.equal(huge.body.code, 'rest_request_too_large');
  });
});

describe('flooding, moderation and the rate limit', () => {
  test('comment_flood 400: the same reader again within FLOOD_SECONDS (flood-duplicates.test.ts has the rest)', async () => {
    const server = await startServer({ MODERATION: 'approve' });
    try {
      const first = valid();
      assert.equal((await postComment(server, first)).status, 201);
      const second = await postComment(server, { ...first, content: 'Something else entirely' });
      assert.equal(second.status, 400);
      assert.deepEqual(second.body, { code: 'comment_flood', message: 'You are posting comments too quickly. Slow down.', data: { status: 400 } });
    } finally {
      await server.close();
      await server.remove();
    }
  });

  test('MODERATION=hold: 201 with status "hold", stored held, not listed, not readable', async () => {
    const server = await startServer({ FLOOD_SECONDS: '0' });
    try {
      const { status, body } = await postComment(server, valid());
      assert.equal(status, 201);
      assert.equal(body.status, 'hold');
      assert.equal((await row(server, body.id))?.status, 'hold');
      const list = await fetchJson<CommentJson[]>(`${server.base}/wp-json/wp/v2/comments?post=1`);
      assert.deepEqual(list.body, []);
      assert.equal(list.headers.get('x-wp-total'), '0');
      const single = await fetchJson(`${server.base}/wp-json/wp/v2/comments/${body.id}`);
      assert.equal(single.status, 401);
      assert.deepEqual(single.body, { code: 'rest_cannot_read', message: 'Sorry, you are not allowed to read this comment.', data: { status: 401 } });
      const reply = await postComment(server, valid({ parent: body.id }));
      assert.equal(reply.body.code, 'rest_comment_invalid_parent', 'no replies to a held comment');
      const form = await fetch(`${server.base}/wp-comments-post.php`, {
        method: 'POST',
        body: new URLSearchParams({ comment: 'Held via the form', author: 'F', email: 'form@example.com', comment_post_ID: '1' }),
        redirect: 'manual',
      });
      assert.equal(form.status, 200, 'a held comment is not on the page: the answer says so');
      assert.ok((await form.text()).includes('<h1>تعليقك بانتظار المراجعة</h1>'));
    } finally {
      await server.close();
      await server.remove();
    }
  });

  test('RATE_LIMIT POSTs a minute per address, then 429 rest_rate_limited — bad requests count too', async () => {
    const server = await startServer({ MODERATION: 'approve', RATE_LIMIT: '3', FLOOD_SECONDS: '0' });
    try {
      assert.equal((await postComment(server, valid())).status, 201);
      assert.equal((await postComment(server, '{broken')).status, 400);
      assert.equal((await postComment(server, valid({ content: '' }))).status, 400);
      const limited = await postComment(server, valid());
      assert.equal(limited.status, 429);
      assert.equal(limited.body.code, 'rest_rate_limited');
      assert.equal(limited.body.data.status, 429);
      assert.equal(typeof limited.body.message, 'string');
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
      assert.equal(await rowCount(server), 1);
      const read = await fetch(`${server.base}/wp-json/wp/v2/comments?post=1`);
      assert.equal(read.status, 200, 'reading is not limited');
    } finally {
      await server.close();
      await server.remove();
    }
  });

  test('RATE_LIMIT=0 turns the limit off: more than the default 30 a minute from one address', async () => {
    const server = await startServer({ MODERATION: 'approve', RATE_LIMIT: '0', FLOOD_SECONDS: '0' });
    try {
      const statuses = [];
      for (let index = 0; index < 40; index++) statuses.push((await postComment(server, valid())).status);
      assert.deepEqual(new Set(statuses), new Set([201]));
      assert.equal(await rowCount(server), 40);
    } finally {
      await server.close();
      await server.remove();
    }
  });

  test('every 201 is a committed row, under 50 concurrent POSTs; duplicates among them are refused', async () => {
    const server = await startServer({ MODERATION: 'approve', RATE_LIMIT: '0', FLOOD_SECONDS: '0' });
    try {
      const same = valid();
      const bodies = [...Array.from({ length: 45 }, () => valid()), ...Array.from({ length: 5 }, () => same)];
      const answers = await Promise.all(bodies.map((body) => postComment(server, body)));
      const created = answers.filter((answer) => answer.status === 201);
      assert.equal(created.length, 46, 'the repeated comment is stored once');
      assert.equal(answers.filter((answer) => answer.body.code === 'comment_duplicate').length, 4);
      assert.equal(await rowCount(server), 46);
      for (const [index, answer] of answers.entries()) {
        if (answer.status === 201) assert.equal((await row(server, answer.body.id))?.content, bodies[index].content);
      }
    } finally {
      await server.close();
      await server.remove();
    }
  });
});

describe('GET /wp-json/wp/v2/comments', () => {
  const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0' });
  const ids: number[] = [];
  before(async () => {
    for (let index = 0; index < 5; index++) ids.push((await postComment(server, valid())).body.id);
    ids.push((await postComment(server, valid({ parent: ids[0] }))).body.id);
    await postComment(server, valid({ post: 2 }));
    // Distinct times make the order observable; one held comment must never show.
    for (const [index, id] of ids.entries()) await server.db.run('UPDATE comments SET date_gmt = ? WHERE id = ?', `2026-11-29T10:0${index}:00`, id);
    await server.db.run(`INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status) VALUES (1, 'h', 'h@h.hh', '::1', '2026-11-29T11:00:00', 'held', 'hold')`);
    await server.db.run(`INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status) VALUES (1, 's', 's@s.ss', '::1', '2026-11-29T11:00:00', 'spam', 'spam')`);
  });

  const list = (query: string) => fetchJson<CommentJson[]>(`${server.base}/wp-json/wp/v2/comments?${query}`);

  test('approved comments of a post, newest first by default, with the totals', async () => {
    const { status, headers, body } = await list('post=1');
    assert.equal(status, 200);
    assert.equal(headers.get('x-wp-total'), '6');
    assert.equal(headers.get('x-wp-totalpages'), '1');
    assert.deepEqual(body.map((comment) => comment.id), [...ids].reverse());
    assert.ok(body.every((comment) => comment.status === 'approved'));
  });

  test('order=asc, per_page and page', async () => {
    const first = await list('post=1&order=asc&per_page=4');
    assert.deepEqual(first.body.map((comment) => comment.id), ids.slice(0, 4));
    assert.equal(first.headers.get('x-wp-totalpages'), '2');
    const second = await list('post=1&order=asc&per_page=4&page=2');
    assert.deepEqual(second.body.map((comment) => comment.id), ids.slice(4));
    const past = await list('post=1&per_page=4&page=3');
    assert.equal(past.status, 200, 'WordPress answers a page past the end of comments with an empty list');
    assert.deepEqual(past.body, []);
  });

  test('parent filters by thread; parent=0 gives top-level comments', async () => {
    const replies = await list(`post=1&parent=${ids[0]}`);
    assert.deepEqual(replies.body.map((comment) => comment.id), [ids[5]]);
    const top = await list('post=1&parent=0');
    assert.equal(top.headers.get('x-wp-total'), '5');
  });

  test('without post: every approved comment; several posts at once', async () => {
    assert.equal((await list('')).headers.get('x-wp-total'), '7');
    assert.equal((await list('post=1,2')).headers.get('x-wp-total'), '7');
    assert.equal((await list('post=2')).headers.get('x-wp-total'), '1');
    assert.equal((await list('post=999')).headers.get('x-wp-total'), '0');
  });

  test('GET /comments/:id', async () => {
    const { status, body } = await fetchJson<CommentJson>(`${server.base}/wp-json/wp/v2/comments/${ids[5]}`);
    assert.equal(status, 200);
    assert.equal(body.parent, ids[0]);
    const missing = await fetchJson(`${server.base}/wp-json/wp/v2/comments/9999`);
    assert.deepEqual(missing.body, { code: 'rest_comment_invalid_id', message: 'Invalid comment ID.', data: { status: 404 } });
    assert.equal((await fetchJson<WpErrorBody>(`${server.base}/wp-json/wp/v2/comments/x`)).body.code, 'rest_no_route');
  });

  const refusals: ReadonlyArray<[string, number, string, string]> = [
    ['status=hold', 401, 'rest_forbidden_param', 'Query parameter not permitted: status'],
    ['status=spam&author_email=a@b.co', 401, 'rest_forbidden_param', 'Query parameter not permitted: author_email, status'],
    ['type=pingback', 401, 'rest_forbidden_param', 'Query parameter not permitted: type'],
    ['post=0', 401, 'rest_cannot_read', 'Sorry, you are not allowed to read comments without a post.'],
    ['post=abc', 400, 'rest_invalid_param', 'Invalid parameter(s): post'],
    ['per_page=0', 400, 'rest_invalid_param', 'Invalid parameter(s): per_page'],
    ['order=random', 400, 'rest_invalid_param', 'Invalid parameter(s): order'],
  ];
  for (const [query, status, code, message] of refusals) {
    test(`?${query} → ${status} ${code}`, async () => {
      const response = await fetchJson<WpErrorBody>(`${server.base}/wp-json/wp/v2/comments?${query}`);
      assert.equal(response.status, status);
      assert.equal(response.body.code, code);
      assert.equal(response.body.message, message);
      assert.equal(response.body.data.status, status);
    });
  }

  test('status=approve and type=comment are what anyone gets anyway', async () => {
    assert.equal((await list('post=1&status=approve&type=comment')).headers.get('x-wp-total'), '6');
  });
});

describe('/wp-comments-post.php (the form without JavaScript)', () => {
  const server = serverUnderTest({ MODERATION: 'approve' });

  const submit = (fields: Record<string, string>) =>
    fetch(`${server.base}/wp-comments-post.php`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

  test('stores the comment and sends the reader back to it', async () => {
    const response = await submit({ comment: 'From the plain form', author: 'Hala', email: 'hala@example.com', url: '', comment_post_ID: '1', comment_parent: '0' });
    assert.equal(response.status, 303);
    const location = response.headers.get('location') ?? '';
    assert.match(location, /^\/articles\/us-hamas-direct-talks\/comments\/\d+$/, 'its own page: the article shows only the first comments');
    const id = Number(location.split('/').at(-1));
    assert.equal((await row(server, id))?.content, 'From the plain form');
  });

  test('an invalid comment gets an HTML page with the reason and a way back', async () => {
    const response = await submit({ comment: '', author: 'Hala', email: 'hala2@example.com', comment_post_ID: '3' });
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const page = await response.text();
    assert.ok(page.includes('Invalid comment content.'));
    assert.ok(page.includes('<a href="/articles/phone-battery-cold#comments">'));
  });
});

describe('comments on the article page', () => {
  test('approved comments are rendered into the list fallback as the API renders them; held ones are not', async () => {
    const server = await startServer({ MODERATION: 'approve', FLOOD_SECONDS: '0' });
    try {
      const { body: shown } = await postComment(server, valid({ author_name: '<b>Ali</b>', content: '<script>alert(1)</script>\nline two' }));
      await server.db.run(`INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status) VALUES (1, 'h', 'h@h.hh', '::1', '2026-11-29T11:00:00', 'secret held text', 'hold')`);
      const page = await (await fetch(`${server.base}/`)).text();
      assert.ok(page.includes(`<li id="comment-${shown.id}">`));
      assert.ok(page.includes('<bdi>&lt;b&gt;Ali&lt;/b&gt;</bdi>'));
      assert.ok(page.includes('<p>alert(1)<br />\nline two</p>'), 'kses kept the text, not the script');
      assert.ok(!page.includes('<script>alert'));
      assert.ok(!page.includes('secret held text'));
    } finally {
      await server.close();
      await server.remove();
    }
  });
});
