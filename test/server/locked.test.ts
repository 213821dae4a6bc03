/** A SQLite file another process is writing to: writes give up quickly with 503, reads go on. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fetchJson, openDb, serverUnderTest, sqliteOnly, type WpErrorBody } from './support.js';

describe('while another process holds the write lock', { skip: sqliteOnly }, () => {
  const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0' });

  const post = (content: string) =>
    fetchJson<WpErrorBody & { id?: number }>(`${server.base}/wp-json/wp/v2/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ post: 1, author_name: 'Reader', author_email: 'reader@example.com', content }),
    });

  test('a comment POST answers 503 with Retry-After within about a second, a GET 200 at once', async () => {
    const other = openDb(server.dbFile, false);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const started = performance.now();
      const writing = post('Sent while the database is locked').then((response) => ({ response, ms: performance.now() - started }));
      // Sent once the POST has surely reached the server and is waiting for the lock: it must not wait behind it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const readStarted = performance.now();
      const read = await fetch(`${server.base}/wp-json/wp/v2/comments?post=1`);
      const readMs = performance.now() - readStarted;
      const page = await fetch(`${server.base}/`);
      const { response, ms } = await writing;

      assert.equal(read.status, 200);
      assert.equal(page.status, 200);
      assert.ok(readMs < 300, `the GET took ${readMs.toFixed(0)} ms`);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '1');
      assert.equal(response.body.code, 'rest_database_busy');
      assert.equal(typeof response.body.message, 'string');
      assert.deepEqual(response.body.data, { status: 503, retryAfter: 1 });
      assert.ok(ms >= 900 && ms < 1500, `the POST answered after ${ms.toFixed(0)} ms`);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    const check = openDb(server.dbFile);
    try {
      assert.equal(check.prepare('SELECT count(*) FROM comments').pluck().get(), 0, 'nothing half-written');
    } finally {
      check.close();
    }
  });

  test('a lock released within the wait lets the comment through', async () => {
    const other = openDb(server.dbFile, false);
    other.prepare('BEGIN IMMEDIATE').run();
    const writing = post('Sent just before the lock is released');
    setTimeout(() => {
      other.prepare('COMMIT').run();
      other.close();
    }, 300);
    const response = await writing;
    assert.equal(response.status, 201);
    assert.equal(typeof response.body.id, 'number');
  });
});
