import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serverUnderTest, startServer } from './support.js';

const PARTNER = 'https://partner.example';
const STRANGER = 'https://evil.example';

const server = serverUnderTest({ ALLOWED_ORIGINS: `${PARTNER}, http://localhost:3000`, MODERATION: 'approve', FLOOD_SECONDS: '0' });

const api = (path: string) => `${server.base}/wp-json/wp/v2${path}`;

const preflight = (url: string, origin: string, method: string, headers = 'content-type') =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
  });

let readers = 0;
function postComment(origin: string, content: string) {
  readers++;
  return fetch(api('/comments'), {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ post: 1, author_name: `Reader ${readers}`, author_email: `reader${readers}@example.com`, content }),
  });
}

describe('CORS: reads are public, as in WordPress', () => {
  // Every read the server has: a rule by method, so a route added later is covered without a list to update.
  const reads = ['/posts', '/posts/1', '/posts?slug=us-hamas-direct-talks&_embed', '/comments?post=1', '/users/1', '/media/1', '/posts/999'];

  for (const origin of [PARTNER, STRANGER, 'null']) {
    test(`GET and HEAD from ${origin}: Access-Control-Allow-Origin: *, no credentials`, async () => {
      for (const path of reads) {
        for (const method of ['GET', 'HEAD']) {
          const response = await fetch(api(path), { method, headers: { origin } });
          assert.ok(response.status === 200 || response.status === 404, `${method} ${path}: ${response.status}`);
          assert.equal(response.headers.get('access-control-allow-origin'), '*', `${method} ${path}`);
          assert.equal(response.headers.get('access-control-allow-credentials'), null, `${method} ${path}`);
        }
      }
    });
  }

  test('the paging headers are exposed to the reading page', async () => {
    const response = await fetch(api('/posts?per_page=1'), { headers: { origin: STRANGER } });
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(/,\s*/);
    for (const name of ['X-WP-Total', 'X-WP-TotalPages', 'Link']) assert.ok(exposed.includes(name), exposed.join());
  });

  test('the server-rendered pages, the widgets and the images are readable from anywhere too', async () => {
    for (const path of ['/', '/articles/us-hamas-direct-talks', '/dist/news-widgets.js', '/media/phone-battery-cold.svg']) {
      const response = await fetch(server.base + path, { headers: { origin: STRANGER } });
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
    }
    const image = await fetch(`${server.base}/media/phone-battery-cold.svg`, { headers: { origin: STRANGER } });
    assert.equal(image.headers.get('cross-origin-resource-policy'), 'cross-origin');
  });

  test('a preflight for a read (a page sending a custom header) is granted to any origin', async () => {
    const response = await preflight(api('/posts/1'), STRANGER, 'GET', 'x-requested-with');
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.doesNotMatch(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });
});

describe('CORS: writes only from ALLOWED_ORIGINS and the server itself', () => {
  for (const origin of [PARTNER, 'http://localhost:3000']) {
    test(`preflight for POST from ${origin} is granted to that origin`, async () => {
      const response = await preflight(api('/comments'), origin, 'POST');
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), origin);
      assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
      // rest_send_cors_headers' list: authenticated clients and the comment form's nonce path need the first two.
      assert.equal(
        response.headers.get('access-control-allow-headers'),
        'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
      );
      assert.match(response.headers.get('vary') ?? '', /Origin/);
      assert.equal(response.headers.get('access-control-allow-credentials'), null);
    });
  }

  test('the server’s own origin may write (same-origin fetches send Origin on POST)', async () => {
    const response = await preflight(api('/comments'), server.base, 'POST');
    assert.equal(response.headers.get('access-control-allow-origin'), server.base);
    const posted = await postComment(server.base, 'From the server’s own page');
    assert.equal(posted.status, 201);
    assert.equal(posted.headers.get('access-control-allow-origin'), server.base);
  });

  for (const origin of [STRANGER, `${PARTNER}.evil.example`, 'http://partner.example', 'null']) {
    test(`preflight for POST from ${origin} is refused`, async () => {
      const response = await preflight(api('/comments'), origin, 'POST');
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      assert.equal(response.headers.get('access-control-allow-methods'), null);
    });
  }

  test('an allowed origin can read the answer to its POST, errors included', async () => {
    const created = await postComment(PARTNER, 'From the partner page');
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('access-control-allow-origin'), PARTNER);
    const refused = await postComment(PARTNER, '');
    assert.equal(refused.status, 400);
    assert.equal(refused.headers.get('access-control-allow-origin'), PARTNER);
  });

  test('another origin gets no permission to read a POST’s answer', async () => {
    const response = await postComment(STRANGER, 'From somewhere else');
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});

describe('without ALLOWED_ORIGINS', () => {
  test('reads stay public; only the server’s own origin may write', async () => {
    const closed = await startServer();
    try {
      const read = await fetch(`${closed.base}/wp-json/wp/v2/posts`, { headers: { origin: PARTNER } });
      assert.equal(read.headers.get('access-control-allow-origin'), '*');
      const write = await preflight(`${closed.base}/wp-json/wp/v2/comments`, PARTNER, 'POST');
      assert.equal(write.headers.get('access-control-allow-origin'), null);
      const own = await preflight(`${closed.base}/wp-json/wp/v2/comments`, closed.base, 'POST');
      assert.equal(own.headers.get('access-control-allow-origin'), closed.base);
    } finally {
      await closed.close();
      await closed.remove();
    }
  });

  test('with PUBLIC_URL, the public origin is the server’s own', async () => {
    const behind = await startServer({ PUBLIC_URL: 'https://news.example' });
    try {
      const own = await preflight(`${behind.base}/wp-json/wp/v2/comments`, 'https://news.example', 'POST');
      assert.equal(own.headers.get('access-control-allow-origin'), 'https://news.example');
    } finally {
      await behind.close();
      await behind.remove();
    }
  });
});
