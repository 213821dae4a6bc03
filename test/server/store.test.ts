import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../../server/store/migrations.js';
import { openDatabase, schemaVersion } from '../../server/store/database.js';
import { openDb, startServer, tempDir } from './support.js';

const count = (file: string, table: string) => {
  const db = openDb(file);
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  } finally {
    db.close();
  }
};

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const scratch = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};

describe('the SQLite store', () => {
  test('first start creates the folder and seeds; a restart on the same file keeps the rows, once', async () => {
    const dir = scratch();
    const first = await startServer({}, dir);
    const file = first.dbFile;
    await first.close();
    const counts = { posts: 4, authors: 4, media: 4, media_sizes: 4, categories: 4, comments: 0 };
    for (const [table, expected] of Object.entries(counts)) assert.equal(count(file, table), expected, table);

    const db = openDb(file, false);
    db.prepare(`UPDATE posts SET title = 'Edited' WHERE id = 2`).run();
    db.close();

    const second = await startServer({}, dir);
    try {
      assert.equal(second.dbFile, file);
      for (const [table, expected] of Object.entries(counts)) assert.equal(count(file, table), expected, table);
      const response = await fetch(`${second.base}/wp-json/wp/v2/posts/2`);
      assert.equal(((await response.json()) as { title: { rendered: string } }).title.rendered, 'Edited');
    } finally {
      await second.close();
      second.remove();
    }
  });

  test('seeded rows: stable ids, languages, authors and a featured image with a medium size', async () => {
    const server = await startServer();
    await server.close();
    const db = openDb(server.dbFile);
    try {
      const posts = db
        .prepare('SELECT p.id, p.slug, p.lang, a.name AS author, m.width, m.height FROM posts p JOIN authors a ON a.id = p.author JOIN media m ON m.id = p.featured_media ORDER BY p.id')
        .all();
      assert.deepEqual(posts, [
        { id: 1, slug: 'us-hamas-direct-talks', lang: 'ar', author: 'فريق التحرير', width: 1200, height: 675 },
        { id: 2, slug: 'protected-bike-lanes-approved', lang: 'en', author: 'Newsroom staff', width: 1200, height: 675 },
        { id: 3, slug: 'phone-battery-cold', lang: 'en', author: 'Science desk', width: 1200, height: 675 },
        { id: 4, slug: 'manuscript-goes-online', lang: 'en', author: 'Culture desk', width: 1200, height: 675 },
      ]);
      const sizes = db.prepare(`SELECT DISTINCT name, width, height FROM media_sizes`).all();
      assert.deepEqual(sizes, [{ name: 'medium', width: 300, height: 169 }]);
      const excerpt = db.prepare('SELECT excerpt FROM posts WHERE id = 1').pluck().get();
      assert.match(String(excerpt), /^في خطوة غير مسبوقة/);
    } finally {
      db.close();
      server.remove();
    }
  });

  test('WAL journal, foreign keys on, schema at the latest version', () => {
    const db = openDatabase(join(scratch(), 'nested', 'x.db'));
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(schemaVersion(db), migrations.length);
      assert.throws(
        () => db.prepare(`INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status) VALUES (999, 'a', 'a@b.c', '::1', '2026-01-01T00:00:00', 'x', 'approved')`).run(),
        /FOREIGN KEY/,
      );
      assert.throws(
        () => db.prepare(`INSERT INTO posts (slug, lang, title, content, excerpt, author, date_gmt, modified_gmt, status) VALUES ('x', 'en', 't', 'c', 'e', 1, 'd', 'd', 'weird')`).run(),
        /CHECK|FOREIGN KEY/,
      );
    } finally {
      db.close();
    }
  });

  test('the comments table has every column the comment routes need', () => {
    const db = openDatabase(':memory:');
    try {
      const columns = db.prepare(`SELECT name FROM pragma_table_info('comments')`).pluck().all();
      for (const column of ['id', 'post', 'parent', 'author_name', 'author_email', 'author_url', 'author_ip', 'author_user_agent', 'date_gmt', 'content', 'status']) {
        assert.ok(columns.includes(column), column);
      }
      const posts = db.prepare(`SELECT name FROM pragma_table_info('posts')`).pluck().all();
      assert.ok(posts.includes('lang') && posts.includes('comment_status'));
    } finally {
      db.close();
    }
  });

  test('a database from a newer server is refused rather than misread', () => {
    const file = join(scratch(), 'future.db');
    const db = openDatabase(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    assert.throws(() => openDatabase(file), /schema version/);
  });
});
