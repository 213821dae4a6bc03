/**
 * `/wp-json/wp/v2/comments` against WordPress 6.x's own rules, read from its source (each describe names the
 * function it follows), sent to the real server on a real SQLite file.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY_LIMIT } from '../../server/http/errors.js';
import { fetchJson, openDb, serverUnderTest, type TestServer, type WpErrorBody } from './support.js';

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

function storedContent(server: TestServer, id: number): string | undefined {
  const db = openDb(server.dbFile);
  try {
    return db.prepare('SELECT content FROM comments WHERE id = ?').pluck().get(id) as string | undefined;
  } finally {
    db.close();
  }
}

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
    assert.equal(storedContent(server, body.id), 'مرحبا & أهلاً');
    assert.equal(headers.get('location'), `${server.base}${ENDPOINT}/${body.id}`);
  });

  test('multipart/form-data → 201, text fields read and files ignored (they go to $_FILES)', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields({ content: 'from a multipart form' }))) form.append(name, value);
    form.append('parent', new Blob(['7'], { type: 'text/plain' }), 'parent.txt');
    const { status, body } = await send(server, ENDPOINT, { body: form });
    assert.equal(status, 201);
    assert.equal(body.parent, 0, 'a file is no parameter');
    assert.equal(storedContent(server, body.id), 'from a multipart form');
  });

  test('no body at all: the query string is the request → 201', async () => {
    const query = new URLSearchParams(fields({ content: 'only in the query' }));
    const { status, body } = await send(server, `${ENDPOINT}?${query}`, {});
    assert.equal(status, 201);
    assert.equal(storedContent(server, body.id), 'only in the query');
  });

  test('text/plain (and any type PHP does not parse): the body is ignored, the query string read', async () => {
    for (const type of ['text/plain', 'application/xml']) {
      const query = new URLSearchParams(fields({ content: `query of ${type}` }));
      const { status, body } = await send(server, `${ENDPOINT}?${query}`, {
        headers: { 'content-type': type },
        body: JSON.stringify(fields({ content: 'in the body' })),
      });
      assert.equal(status, 201, type);
      assert.equal(storedContent(server, body.id), `query of ${type}`, type);
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
    assert.equal(storedContent(server, body.id), 'empty JSON body');
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
    assert.equal(storedContent(server, body.id), 'from JSON');
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

