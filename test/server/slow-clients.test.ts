/** A client that does not finish sending its request within the bound is dropped, with a WordPress-style 408. */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { REQUEST_TIMEOUT_MS } from '../../server/http/errors.js';
import { startServer, type TestServer } from './support.js';

/** Short for the test; the server's own is REQUEST_TIMEOUT_MS. */
const BOUND_MS = 400;

interface Dropped {
  elapsed: number;
  text: string;
}

/** Writes `first`, then nothing more; resolves when the server closes the connection. */
function stall(server: TestServer, first: string): Promise<Dropped> {
  const { port } = new URL(server.base);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket: Socket = connect(Number(port), '127.0.0.1', () => socket.write(first));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ elapsed: performance.now() - started, text }));
    // A server that never drops the client would keep this test waiting: fail it instead.
    setTimeout(() => socket.destroy(new Error('still open after 10 s')), 10_000).unref();
  });
}

const expect408 = ({ elapsed, text }: Dropped) => {
  assert.match(text, /^HTTP\/1\.1 408 Request Timeout\r\n/);
  assert.deepEqual(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)), {
    code: 'rest_request_timeout',
    message: 'The request was not received in time.',
    data: { status: 408 },
  });
  // Dropped at the bound, give or take the server's checking interval and a loaded machine.
  assert.ok(elapsed >= BOUND_MS - 50 && elapsed < BOUND_MS * 4 + 1000, `${elapsed.toFixed(0)} ms`);
};

describe('slow clients', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ MODERATION: 'approve' }, undefined, { requestTimeout: BOUND_MS });
  });
  after(async () => {
    await server.close();
    await server.remove();
  });

  test('a JSON comment whose body stops half-way is dropped with a 408', async () => {
    const head = 'POST /wp-json/wp/v2/comments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n';
    expect408(await stall(server, `${head}{"post":1,"content":"`));
  });

  test('a form post whose body stops half-way is dropped too, with a page for the reader', async () => {
    const head = 'POST /wp-comments-post.php HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\n';
    const { elapsed, text } = await stall(server, `${head}comment=Hel`);
    assert.match(text, /^HTTP\/1\.1 408 Request Timeout\r\nContent-Type: text\/html; charset=utf-8\r\n/);
    // The body never arrived, so the page cannot know the article: it is in the site's language, Arabic.
    assert.match(text, /<h1>تعذّر إرسال تعليقك<\/h1>\s*<p>لم يصل التعليق كاملاً في الوقت المحدد\. حاول مرة أخرى\.<\/p>/);
    assert.ok(elapsed < BOUND_MS * 4 + 1000, `${elapsed.toFixed(0)} ms`);
  });

  test('after a form post on a kept-alive connection, a stalled API request gets JSON again', async () => {
    const body = new URLSearchParams({ comment: 'Kept alive', author: 'K', email: 'k@example.com', comment_post_ID: '1' }).toString();
    const form = `POST /wp-comments-post.php HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const stalled = 'POST /wp-json/wp/v2/comments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{';
    const { text } = await stall(server, form + stalled);
    assert.match(text, /^HTTP\/1\.1 303 /);
    const second = text.slice(text.indexOf('HTTP/1.1 408'));
    assert.match(second, /^HTTP\/1\.1 408 Request Timeout\r\nContent-Type: application\/json; charset=utf-8\r\n/);
  });

  test('headers that never end are dropped as well', async () => {
    expect408(await stall(server, 'GET /wp-json/wp/v2/posts HTTP/1.1\r\nHost: localhost\r\nX-Slow: a'));
  });

  test('a request sent in time is served as usual', async () => {
    const response = await fetch(`${server.base}/wp-json/wp/v2/posts/1`);
    assert.equal(response.status, 200);
  });

});

test('the server as started runs with a 30 s bound, checked every second', async () => {
  const server = await startServer();
  try {
    assert.equal(REQUEST_TIMEOUT_MS, 30_000);
    assert.equal(server.app.server.requestTimeout, REQUEST_TIMEOUT_MS);
    assert.equal(server.app.server.headersTimeout, REQUEST_TIMEOUT_MS);
    // Node keeps the createServer option on the server; @types/node does not declare it.
    const { connectionsCheckingInterval } = server.app.server as { connectionsCheckingInterval?: number };
    assert.ok(connectionsCheckingInterval !== undefined && connectionsCheckingInterval <= 1000, String(connectionsCheckingInterval));
  } finally {
    await server.close();
    await server.remove();
  }
});
