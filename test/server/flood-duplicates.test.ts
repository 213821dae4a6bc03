/**
 * Flood and duplicate checks as WordPress makes them (wp_check_comment_flood, wp_allow_comment), including what its
 * MySQL collation adds: e-mail addresses compared without case, text without its trailing white space.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '../../server/store/derived.js';
import { migrations } from '../../server/store/migrations.js';
import { fetchJson, serverUnderTest, sqliteOnly, startServer, tempDir, type TestServer, type WpErrorBody } from './support.js';

const FLOOD = { code: 'comment_flood', message: 'You are posting comments too quickly. Slow down.', data: { status: 400 } };
const DUPLICATE = { code: 'comment_duplicate', message: 'Duplicate comment detected; it looks as though you&#8217;ve already said that!', data: { status: 409 } };

let counter = 0;
const unique = () => ++counter;

function post(server: TestServer, fields: Record<string, unknown>) {
  return fetchJson<WpErrorBody & { id: number }>(`${server.base}/wp-json/wp/v2/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ post: 1, ...fields }),
  });
}

/** A comment written straight into the database, as another tool or another client address would leave it. */
async function insert(server: TestServer, row: { ip: string; email: string; content?: string; name?: string; secondsAgo?: number }) {
  const date = new Date(Date.now() - (row.secondsAgo ?? 0) * 1000).toISOString().slice(0, 19);
  await server.db.run(
    `INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status) VALUES (1, ?, ?, ?, ?, ?, 'approved')`,
    row.name ?? 'Someone',
    row.email,
    row.ip,
    date,
    row.content ?? `Inserted ${unique()}`,
  );
}

describe('comment_flood: by client address or e-mail address, within FLOOD_SECONDS', () => {
  const server = serverUnderTest({ MODERATION: 'approve', RATE_LIMIT: '0' });

  test('the same address again, under another e-mail address → 400 comment_flood', async () => {
    const first = await post(server, { author_name: 'A', author_email: `a${unique()}@example.com`, content: 'First words' });
    assert.equal(first.status, 201);
    const second = await post(server, { author_name: 'B', author_email: `b${unique()}@example.com`, content: 'Other words' });
    assert.equal(second.status, 400);
    assert.deepEqual(second.body, FLOOD);
  });

  test('the same e-mail address in another case, from another address → 400 comment_flood', async () => {
    // A server of its own: this client (127.0.0.1) has no comment yet, so only the e-mail address can match.
    const fresh = await startServer({ MODERATION: 'approve', RATE_LIMIT: '0' });
    try {
      await insert(fresh, { ip: '203.0.113.7', email: ' Flood@Example.COM ' });
      const response = await post(fresh, { author_name: 'C', author_email: 'flood@example.com', content: 'Hello' });
      assert.equal(response.status, 400);
      assert.deepEqual(response.body, FLOOD);
    } finally {
      await fresh.close();
      await fresh.remove();
    }
  });
});

describe('comment_flood: what is not a flood', () => {
  test('another address and another e-mail address; or the last comment older than FLOOD_SECONDS', async () => {
    const server = await startServer({ MODERATION: 'approve', RATE_LIMIT: '0' });
    try {
      await insert(server, { ip: '203.0.113.8', email: 'someone@example.com' });
      const other = await post(server, { author_name: 'D', author_email: 'me@example.com', content: 'Not a flood' });
      assert.equal(other.status, 201);

      await server.db.run(`UPDATE comments SET date_gmt = ? WHERE id = ?`, new Date(Date.now() - 16_000).toISOString().slice(0, 19), other.body.id);
      const later = await post(server, { author_name: 'D', author_email: 'me@example.com', content: 'Sixteen seconds later' });
      assert.equal(later.status, 201);
    } finally {
      await server.close();
      await server.remove();
    }
  });
});

describe('comment_duplicate: same post, parent, name and e-mail address, same text', () => {
  const server = serverUnderTest({ MODERATION: 'approve', RATE_LIMIT: '0', FLOOD_SECONDS: '0' });

  test('the e-mail address in another case and with white space around it, the text with trailing white space → 409', async () => {
    const id = unique();
    const first = await post(server, { author_name: 'Hala', author_email: `Dup${id}@Example.com`, content: 'Same words' });
    assert.equal(first.status, 201);
    for (const [email, content] of [
      [`dup${id}@example.COM`, 'Same words'],
      [`  dup${id}@example.com\t`, 'Same words'],
      [`dup${id}@example.com`, 'Same words  \n\t\r\n'],
    ]) {
      const again = await post(server, { author_name: 'Hala', author_email: email, content });
      assert.equal(again.status, 409, `${JSON.stringify(email)} ${JSON.stringify(content)}`);
      assert.deepEqual(again.body, DUPLICATE);
    }
  });

  test('a stored text with trailing white space matches the same text without it', async () => {
    const id = unique();
    assert.equal((await post(server, { author_name: 'Sami', author_email: `s${id}@example.com`, content: 'Trailing\n\n  ' })).status, 201);
    assert.equal((await post(server, { author_name: 'Sami', author_email: `S${id}@EXAMPLE.com`, content: 'Trailing' })).status, 409);
  });

  test('rows written by other tools (no content hash, e-mail in capitals) count too', async () => {
    const id = unique();
    await insert(server, { ip: '198.51.100.1', email: `OTHER${id}@EXAMPLE.COM `, name: 'Lina', content: `From another tool ${id} ` });
    const again = await post(server, { author_name: 'Lina', author_email: `other${id}@example.com`, content: `From another tool ${id}` });
    assert.equal(again.status, 409);
  });

  test('not duplicates: leading white space, another name, another e-mail address (WordPress matches name and e-mail)', async () => {
    const id = unique();
    const base = { author_name: 'Omar', author_email: `o${id}@example.com`, content: `Words ${id}` };
    assert.equal((await post(server, base)).status, 201);
    assert.equal((await post(server, { ...base, content: ` Words ${id}` })).status, 201);
    assert.equal((await post(server, { ...base, author_name: 'Omar Ali' })).status, 201);
    assert.equal((await post(server, { ...base, author_email: `other${id}@example.com` })).status, 201);
    assert.equal((await post(server, { ...base, content: `words ${id}` })).status, 201, 'the text keeps its case');
  });
});

describe('a database from before these rules', { skip: sqliteOnly }, () => {
  test('version 2 hashed the whole text: its hashes are recomputed, so its rows with trailing white space still match', async () => {
    const dir = tempDir();
    try {
      // A database as schema version 2 left it: its tables, one post, one comment hashed with its trailing space.
      mkdirSync(join(dir, 'db'));
      const db = new Database(join(dir, 'db', 'news.db'));
      db.function('nw_content_hash', { deterministic: true }, (text: unknown) => contentHash(String(text)));
      db.exec(migrations[0]);
      db.exec(migrations[1]);
      db.pragma('user_version = 2');
      db.exec(`INSERT INTO authors (id, slug, name) VALUES (1, 'desk', 'Desk');
        INSERT INTO posts (id, slug, lang, title, content, excerpt, author, date_gmt, modified_gmt)
          VALUES (1, 'old-post', 'en', 'Old post', '<p>Body</p>', 'Excerpt', 1, '2026-01-01T00:00:00', '2026-01-01T00:00:00');`);
      db.prepare(`INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status, content_hash)
        VALUES (1, 'Old', 'old@example.com', '192.0.2.1', '2026-01-02T00:00:00', ?, 'approved', ?)`).run('Old words \n', contentHash('Old words \n'));
      db.close();

      const server = await startServer({ MODERATION: 'approve', RATE_LIMIT: '0', FLOOD_SECONDS: '0' }, dir);
      try {
        const again = await post(server, { author_name: 'Old', author_email: 'OLD@example.com', content: 'Old words' });
        assert.equal(again.status, 409);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
