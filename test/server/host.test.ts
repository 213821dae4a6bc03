/** The Host header is the client's to write: it never yields a 5xx, and with PUBLIC_URL it never yields a link. */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import { serverUnderTest, type TestServer } from './support.js';

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** One request written byte for byte (fetch would refuse or fix these Host headers), read until the server closes. */
function raw(server: TestServer, head: string, body = ''): Promise<RawResponse> {
  const { port } = new URL(server.base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`${head}\r\n\r\n${body}`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [headText, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = headText.split('\r\n');
      const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

const get = (server: TestServer, path: string, hostLine: string | undefined, version = '1.1') =>
  raw(server, [`GET ${path} HTTP/${version}`, ...(hostLine === undefined ? [] : [hostLine]), 'Connection: close'].join('\r\n'));

const PATHS = ['/', '/articles/us-hamas-direct-talks', '/wp-json/wp/v2/posts', '/wp-json/wp/v2/posts/1', '/wp-json/wp/v2/comments?post=1', '/wp-json/wp/v2/users/1', '/wp-json/wp/v2/media/1', '/dist/news-widgets.js', '/no/such/page'];
const BAD_HOSTS = ['Host: a b', 'Host: [', 'Host: :99999', 'Host: example.com:99999', 'Host: [::1', 'Host: a/b', 'Host: user@evil.example', 'Host: evil.example?x', 'Host: %65vil.example'];

describe('bad Host headers without PUBLIC_URL', () => {
  const server = serverUnderTest();

  for (const hostLine of BAD_HOSTS) {
    test(`${hostLine} → 400 JSON on every route, never a 5xx`, async () => {
      for (const path of PATHS) {
        const response = await get(server, path, hostLine);
        assert.equal(response.status, 400, `${path}: ${response.status} ${response.body.slice(0, 200)}`);
        assert.deepEqual(JSON.parse(response.body), {
          code: 'rest_invalid_host',
          message: 'The Host header of the request is missing or malformed.',
          data: { status: 400 },
        });
      }
    });
  }

  test('HTTP/1.0 without a Host, or with an empty one: 400, since no link can be written', async () => {
    for (const hostLine of [undefined, 'Host:']) {
      for (const path of PATHS) {
        const response = await get(server, path, hostLine, '1.0');
        assert.equal(response.status, 400, `${hostLine ?? 'no Host'} ${path}: ${response.status}`);
      }
    }
  });

  test('a POST with a bad Host is refused before anything is stored', async () => {
    const body = JSON.stringify({ post: 1, author_name: 'A', author_email: 'a@example.com', content: 'Hello' });
    const response = await raw(server, ['POST /wp-json/wp/v2/comments HTTP/1.1', 'Host: a b', 'Content-Type: application/json', `Content-Length: ${body.length}`, 'Connection: close'].join('\r\n'), body);
    assert.equal(response.status, 400);
    assert.equal(JSON.parse(response.body).code, 'rest_invalid_host');
  });

  test('a good Host is used for links, normalized (case, default port)', async () => {
    const response = await get(server, '/wp-json/wp/v2/posts/1', 'Host: NEWS.Example:80');
    assert.equal(response.status, 200);
    assert.equal(JSON.parse(response.body).link, 'http://news.example/articles/us-hamas-direct-talks');
    const ipv6 = await get(server, '/wp-json/wp/v2/posts/1', 'Host: [::1]:8080');
    assert.equal(JSON.parse(ipv6.body).link, 'http://[::1]:8080/articles/us-hamas-direct-talks');
  });

  test('an absolute-form request target cannot move the paging links to another host', async () => {
    const response = await get(server, '//evil.example/wp-json/wp/v2/posts?per_page=1', 'Host: news.example');
    assert.ok(response.status < 500, String(response.status));
    assert.doesNotMatch(response.headers.get('link') ?? '', /evil/);
  });
});

describe('PUBLIC_URL', () => {
  const server = serverUnderTest({ PUBLIC_URL: 'https://news.example/', MODERATION: 'approve', FLOOD_SECONDS: '0' });
  const POISON = 'Host: evil.example';

  test('the article page: canonical link, og:url, share links and cards come from PUBLIC_URL, not the Host header', async () => {
    for (const path of ['/', '/articles/us-hamas-direct-talks']) {
      const { status, body } = await get(server, path, POISON);
      assert.equal(status, 200);
      assert.ok(body.includes('<link rel="canonical" href="https://news.example/articles/us-hamas-direct-talks">'), path);
      assert.match(body, /<meta property="og:url" content="https:\/\/news\.example\/articles\/us-hamas-direct-talks">/);
      assert.doesNotMatch(body, /evil\.example/, path);
    }
  });

  test('JSON links, _links, _embedded and paging Link headers come from PUBLIC_URL', async () => {
    for (const path of ['/wp-json/wp/v2/posts?per_page=1&_embed', '/wp-json/wp/v2/posts/1?_embed', '/wp-json/wp/v2/comments?post=1', '/wp-json/wp/v2/users/1', '/wp-json/wp/v2/media/1']) {
      const response = await get(server, path, POISON);
      assert.equal(response.status, 200, path);
      assert.doesNotMatch(response.body, /evil\.example/, path);
      assert.doesNotMatch(response.headers.get('link') ?? '', /evil\.example/, path);
    }
    const list = await get(server, '/wp-json/wp/v2/posts?per_page=1', POISON);
    assert.match(list.headers.get('link') ?? '', /^<https:\/\/news\.example\/wp-json\/wp\/v2\/posts\?per_page=1&page=2>; rel="next"$/);
    assert.match(JSON.parse(list.body)[0]._links.self[0].href, /^https:\/\/news\.example\/wp-json\/wp\/v2\/posts\/\d+$/);
  });

  test('a new comment’s Location and link come from PUBLIC_URL', async () => {
    const body = JSON.stringify({ post: 1, author_name: 'A', author_email: 'a@example.com', content: 'Hello from behind a proxy' });
    const response = await raw(server, ['POST /wp-json/wp/v2/comments HTTP/1.1', POISON, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'].join('\r\n'), body);
    assert.equal(response.status, 201);
    const comment = JSON.parse(response.body) as { id: number; link: string };
    assert.equal(response.headers.get('location'), `https://news.example/wp-json/wp/v2/comments/${comment.id}`);
    assert.equal(comment.link, `https://news.example/articles/us-hamas-direct-talks#comment-${comment.id}`);
  });

  test('HTTP/1.0 without a Host is served: links need no Host', async () => {
    const response = await get(server, '/wp-json/wp/v2/posts/1', undefined, '1.0');
    assert.equal(response.status, 200);
    assert.equal(JSON.parse(response.body).link, 'https://news.example/articles/us-hamas-direct-talks');
  });

  test('a malformed Host is still a 400', async () => {
    assert.equal((await get(server, '/wp-json/wp/v2/posts/1', 'Host: a b')).status, 400);
  });
});
