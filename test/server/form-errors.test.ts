/** The no-JavaScript comment form (POST /wp-comments-post.php): whatever goes wrong, the reader gets a page, not JSON. */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import { BODY_LIMIT } from '../../server/http/errors.js';
import { serverUnderTest, type TestServer } from './support.js';

const FORM = 'application/x-www-form-urlencoded';

function submit(server: TestServer, body: string | URLSearchParams, type = FORM) {
  return fetch(`${server.base}/wp-comments-post.php`, { method: 'POST', headers: { 'content-type': type }, body, redirect: 'manual' });
}

let counter = 0;
const fields = (overrides: Record<string, string> = {}) => {
  counter++;
  return new URLSearchParams({ comment: `Form comment ${counter}`, author: `Reader ${counter}`, email: `form${counter}@example.com`, comment_post_ID: '2', ...overrides });
};

const ENGLISH = { heading: 'Your comment could not be sent', back: '/articles/protected-bike-lanes-approved#comments' };
/** Where the body names no article (it could not be read), the page is in the site's language, Arabic, and links home. */
const SITE = { heading: 'تعذّر إرسال تعليقك', back: '/' };

/** An HTML page that says the comment was not sent, gives `reason`, and links back. */
async function assertErrorPage(response: Response, status: number, reason: RegExp, { heading, back } = ENGLISH) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
  const page = await response.text();
  assert.match(page, /^<!doctype html>/);
  assert.ok(page.includes(`<h1>${heading}</h1>`), page);
  assert.match(page, reason);
  assert.ok(page.includes(`<a href="${back}">`), page);
}

describe('errors on /wp-comments-post.php are HTML pages', () => {
  const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0', RATE_LIMIT: '0' });

  test('a refused comment (bad parameter)', async () => {
    await assertErrorPage(await submit(server, fields({ email: 'not-an-email' })), 400, /Invalid parameter\(s\): author_email/);
  });

  test('a comment over 65,525 bytes: the field’s reason, even 65,526 emoji percent-encoded (786 KB)', async () => {
    const response = await submit(server, fields({ comment: '😀'.repeat(65_526) }));
    await assertErrorPage(response, 400, /Comment field exceeds maximum length allowed\./);
  });

  test('a body over the limit', async () => {
    const response = await submit(server, `comment_post_ID=1&comment=${'x'.repeat(BODY_LIMIT)}`);
    await assertErrorPage(response, 413, /التعليق أطول من المسموح\./, SITE);
  });

  test('a body of another type (multipart, JSON that does not parse)', async () => {
    await assertErrorPage(await submit(server, '--x\r\n\r\n--x--', 'multipart/form-data; boundary=x'), 415, /يجب إرسال التعليق من نموذج التعليق\./, SITE);
    await assertErrorPage(await submit(server, '{"comment_post_ID":', 'application/json'), 400, /يجب إرسال التعليق من نموذج التعليق\./, SITE);
  });

  test('on the Arabic article, in Arabic', async () => {
    const response = await submit(server, fields({ comment_post_ID: '1', email: 'not-an-email' }));
    await assertErrorPage(response, 400, /تحقق من البريد الإلكتروني وعنوان الموقع\./, {
      heading: 'تعذّر إرسال تعليقك',
      back: '/articles/us-hamas-direct-talks#comments',
    });
  });

  test('a bad Host header', async () => {
    const body = fields().toString();
    const { port } = new URL(server.base);
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(`POST /wp-comments-post.php HTTP/1.1\r\nHost: a b\r\nContent-Type: ${FORM}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`),
      );
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve(received));
    });
    assert.match(text, /^HTTP\/1\.1 400 /);
    assert.match(text, /\r\ncontent-type: text\/html; charset=utf-8\r\n/i);
    assert.ok(text.includes(`<h1>${SITE.heading}</h1>`));
  });
});

describe('the rate limit on /wp-comments-post.php', () => {
  const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0', RATE_LIMIT: '1' });

  test('429 as a page, with Retry-After', async () => {
    assert.equal((await submit(server, fields())).status, 303);
    const limited = await submit(server, fields());
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    // Refused before the body is read: the page cannot know the article, so it links home.
    await assertErrorPage(limited, 429, /أرسلت تعليقات كثيرة من عنوانك/, SITE);
  });
});
