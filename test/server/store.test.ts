import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { defaultPaths } from '../../server/config.js';
import type { Sql } from '../../server/store/client.js';
import { createCommentStore, duplicateSql, type NewComment } from '../../server/store/comments.js';
import { contentHash } from '../../server/store/derived.js';
import { migrations } from '../../server/store/migrations.js';
import { seedIfEmpty } from '../../server/store/seed.js';
import { openSqlite } from '../../server/store/sqlite.js';
import { openDb, scratchDirs, sqliteOnly, startServer } from './support.js';

type Db = Database.Database;

/** Opens the file as the server does (its migrations run), then a plain connection to look inside it. */
function openDatabase(file: string): Db {
  void openSqlite(file).close();
  return new Database(file);
}

const schemaVersion = (db: Db) => db.pragma('user_version', { simple: true }) as number;

const count = (file: string, table: string) => {
  const db = openDb(file);
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  } finally {
    db.close();
  }
};

const scratch = scratchDirs();

describe('the seeded database (either store)', () => {
  test('first start seeds; a restart on the same database keeps the rows, once', async () => {
    const dir = scratch();
    const first = await startServer({}, dir);
    const counts = { posts: 7, authors: 6, media: 7, media_sizes: 7, categories: 5, comments: 0 };
    try {
      for (const [table, expected] of Object.entries(counts)) assert.equal(await first.db.value(`SELECT count(*) FROM ${table}`), expected, table);
      await first.db.run(`UPDATE posts SET title = 'Edited' WHERE id = 2`);
    } finally {
      await first.close();
    }

    const second = await startServer({}, dir);
    try {
      assert.equal(second.dbFile, first.dbFile);
      assert.equal(second.databaseUrl, first.databaseUrl);
      for (const [table, expected] of Object.entries(counts)) assert.equal(await second.db.value(`SELECT count(*) FROM ${table}`), expected, table);
      const response = await fetch(`${second.base}/wp-json/wp/v2/posts/2`);
      assert.equal(((await response.json()) as { title: { rendered: string } }).title.rendered, 'Edited');
    } finally {
      await second.close();
      await second.remove();
    }
  });

  test('seeded rows: stable ids, languages, authors and a featured image with a medium size', async () => {
    const server = await startServer();
    try {
      const posts = await server.db.all(
        'SELECT p.id, p.slug, p.lang, a.name AS author, m.width, m.height FROM posts p JOIN authors a ON a.id = p.author JOIN media m ON m.id = p.featured_media ORDER BY p.id',
      );
      assert.deepEqual(posts, [
        { id: 1, slug: 'us-hamas-direct-talks', lang: 'ar', author: 'فريق التحرير', width: 1200, height: 675 },
        { id: 2, slug: 'protected-bike-lanes-approved', lang: 'en', author: 'Newsroom staff', width: 1200, height: 675 },
        { id: 3, slug: 'phone-battery-cold', lang: 'en', author: 'Science desk', width: 1200, height: 675 },
        { id: 4, slug: 'manuscript-goes-online', lang: 'en', author: 'Culture desk', width: 1200, height: 675 },
        { id: 5, slug: 'security-council-gaza-aid', lang: 'ar', author: 'قسم الشؤون الدولية', width: 1200, height: 675 },
        { id: 6, slug: 'gulf-central-banks-hold-rates', lang: 'ar', author: 'القسم الاقتصادي', width: 1200, height: 675 },
        { id: 7, slug: 'arab-ministers-gaza-reconstruction', lang: 'ar', author: 'فريق التحرير', width: 1200, height: 675 },
      ]);
      const sizes = await server.db.all(`SELECT DISTINCT name, width, height FROM media_sizes`);
      assert.deepEqual(sizes, [{ name: 'medium', width: 300, height: 169 }]);
      const excerpt = await server.db.value('SELECT excerpt FROM posts WHERE id = 1');
      assert.match(String(excerpt), /^في خطوة غير مسبوقة/);
    } finally {
      await server.close();
      await server.remove();
    }
  });
});

describe('the SQLite store', { skip: sqliteOnly }, () => {
  test('first start creates the folder of the file', async () => {
    const dir = scratch();
    const server = await startServer({ DATABASE: join(dir, 'new', 'folder', 'news.db') }, dir);
    await server.close();
    assert.equal(count(server.dbFile, 'posts'), 7);
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
    const db = openDatabase(join(scratch(), 'columns.db'));
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
    assert.throws(() => openSqlite(file), /schema version/);
  });

  test('the migrations upgrade a version-1 file: hashes, word counts and renderings filled in, previews, old rows still caught', async () => {
    const file = join(scratch(), 'v1.db');
    const v1 = new Database(file);
    v1.exec(migrations[0]);
    v1.pragma('user_version = 1');
    v1.exec(`
      INSERT INTO authors (id, slug, name) VALUES (1, 'desk', 'Desk');
      INSERT INTO posts (id, slug, lang, title, content, excerpt, author, date_gmt, modified_gmt) VALUES
        (1, 'one', 'en', 'One', '<p>One, two &amp; three.</p>', '', 1, '2026-11-29T08:00:00', '2026-11-29T08:00:00'),
        (2, 'two', 'ar', 'اثنان', '<h2>عنوان</h2><p>واحد، اثنان.</p>', '', 1, '2026-11-29T08:00:00', '2026-11-29T08:00:00');`);
    const insert = v1.prepare(
      `INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status)
       VALUES (?, ?, ?, '::1', '2026-11-29T10:00:00', ?, 'approved')`,
    );
    insert.run(1, 'Old reader', 'old@example.com', 'Written before the upgrade');
    insert.run(2, 'Other reader', 'other@example.com', 'نص عربي 😀 \n');
    insert.run(1, 'Long reader', 'long@example.com', '😀'.repeat(400));
    v1.close();

    const db = openDatabase(file);
    try {
      assert.equal(schemaVersion(db), migrations.length);
      assert.deepEqual(db.prepare('SELECT id, words FROM posts ORDER BY id').all(), [{ id: 1, words: 3 }, { id: 2, words: 3 }]);
      const rows = db.prepare('SELECT content, content_hash FROM comments ORDER BY id').all() as Array<{ content: string; content_hash: number }>;
      assert.equal(rows.length, 3);
      // The hash covers the text without its trailing white space (migration 3).
      for (const row of rows) assert.equal(row.content_hash, contentHash(row.content.trimEnd()));
      // The long comment gets its stored preview: 300 characters, counted in code points (whole emoji).
      const preview = () => db.prepare('SELECT text FROM comment_previews WHERE comment = 3').pluck().get();
      assert.equal(preview(), '😀'.repeat(300));
      db.prepare(`UPDATE comments SET content = 'Shortened by a moderator' WHERE id = 3`).run();
      assert.equal(preview(), undefined, 'a text edited short has no preview');
      db.prepare(`UPDATE comments SET content = ? WHERE id = 3`).run('x'.repeat(301));
      assert.equal(preview(), 'x'.repeat(300), 'and one edited long gets it again');
      // content.rendered stored for the rows already there (migration 6), and reset by another tool's edit.
      const html = (id: number) => db.prepare('SELECT content_html FROM comments WHERE id = ?').pluck().get(id);
      assert.equal(html(1), '<p>Written before the upgrade</p>\n');
      assert.equal(html(3), null, 'the text edited above is rendered when read');
      const store = openSqlite(file);
      assert.equal((await createCommentStore(store).get(3))?.contentHtml, null);
      const indexes = db.prepare(`SELECT name FROM pragma_index_list('comments')`).pluck().all();
      assert.ok(indexes.includes('comments_duplicate'), indexes.join());
      assert.ok(indexes.includes('comments_by_parent'), indexes.join());
      const comments = createCommentStore(store);
      assert.equal(
        await comments.isDuplicate({ post: 1, parent: 0, authorName: 'Old reader', authorEmail: 'OLD@example.com', content: 'Written before the upgrade' }),
        true,
      );
      assert.equal(
        await comments.isDuplicate({ post: 2, parent: 0, authorName: 'Other reader', authorEmail: 'other@example.com', content: 'نص عربي 😀' }),
        true,
      );
      await store.close();
    } finally {
      db.close();
    }
    // Opening it again runs nothing twice.
    const again = openDatabase(file);
    try {
      assert.equal(schemaVersion(again), migrations.length);
      assert.equal(again.prepare('SELECT count(*) FROM comments').pluck().get(), 3);
    } finally {
      again.close();
    }
  });

  test('migration 5 moves each post\'s category into post_categories and indexes the new filters', () => {
    // A file from before categories had a table of links: posts.category was a post's only category.
    const file = join(scratch(), 'v1-categories.db');
    const v1 = new Database(file);
    v1.exec(migrations[0]);
    v1.pragma('user_version = 1');
    v1.exec(`
      INSERT INTO authors (id, slug, name) VALUES (1, 'desk', 'Desk');
      INSERT INTO categories (id, slug, name) VALUES (1, 'news', 'News'), (2, 'sport', 'Sport');
      INSERT INTO posts (id, slug, lang, title, content, excerpt, author, category, date_gmt, modified_gmt) VALUES
        (1, 'one', 'en', 'One', '<p>One</p>', '', 1, 2, '2026-11-29T08:00:00', '2026-11-29T08:00:00'),
        (2, 'two', 'en', 'Two', '<p>Two</p>', '', 1, NULL, '2026-11-29T08:00:00', '2026-11-29T08:00:00');`);
    v1.close();

    const db = openDatabase(file);
    try {
      assert.equal(schemaVersion(db), migrations.length);
      assert.deepEqual(db.prepare('SELECT post, category FROM post_categories').all(), [{ post: 1, category: 2 }]);
      assert.deepEqual(db.prepare('SELECT id, parent, description FROM categories ORDER BY id').all(), [
        { id: 1, parent: null, description: '' },
        { id: 2, parent: null, description: '' },
      ]);
      const indexes = (table: string) => db.prepare(`SELECT name FROM pragma_index_list('${table}')`).pluck().all();
      assert.ok(indexes('posts').includes('posts_by_author'));
      assert.ok(indexes('post_categories').includes('post_categories_by_category'));
      assert.ok(indexes('post_tags').includes('post_tags_by_tag'));
      // "The posts of this category" is an index search, not a scan of every link.
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT post FROM post_categories WHERE category = 2').all() as Array<{ detail: string }>;
      assert.match(plan.map((step) => step.detail).join(), /USING (COVERING )?INDEX post_categories_by_category/);
    } finally {
      db.close();
    }
  });

  test('contentHash is a stable safe integer that tells texts apart', () => {
    assert.equal(contentHash('hello'), contentHash('hello'));
    assert.notEqual(contentHash('hello'), contentHash('hello '));
    for (const text of ['', 'x', 'نص عربي', '😀'.repeat(1000)]) {
      const hash = contentHash(text);
      assert.ok(Number.isSafeInteger(hash) && hash >= 0, text);
    }
  });
});

describe('the duplicate check on a post with many comments', { skip: sqliteOnly }, () => {
  let db: Db;
  let sql: Sql;
  let comments: ReturnType<typeof createCommentStore>;
  const MANY = 5000;
  const comment = (n: number, overrides: Partial<NewComment> = {}): NewComment => ({
    post: 1,
    parent: 0,
    authorName: `Reader ${n}`,
    authorEmail: `reader${n}@example.com`,
    authorUrl: '',
    authorIp: '::1',
    authorUserAgent: '',
    dateGmt: '2026-11-29T10:00:00',
    content: `Comment ${n} on the seed article`,
    contentHtml: `<p>Comment ${n} on the seed article</p>\n`,
    status: 'approved',
    ...overrides,
  });
  const check = (n: number, overrides: Partial<NewComment> = {}) => comments.isDuplicate(comment(n, overrides));

  before(async () => {
    const file = join(scratch(), 'many.db');
    sql = openSqlite(file);
    await seedIfEmpty(sql, defaultPaths.seed);
    comments = createCommentStore(sql);
    await sql.transaction(async (tx) => {
      const store = createCommentStore(tx);
      for (let n = 1; n <= MANY; n++) await store.insert(comment(n));
    });
    db = new Database(file);
  });
  after(async () => {
    db.close();
    await sql.close();
  });

  test('the check is one index search (and one for rows without a hash), never a scan of the post', () => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${duplicateSql(sql.dialect)}`)
      .all({ post: 1, parent: 0, name: 'n', email: 'e', text: 'c', hash: 1 }) as Array<{ detail: string }>;
    const searches = plan.map((step) => step.detail).filter((detail) => /comments/.test(detail));
    assert.equal(searches.length, 2);
    for (const detail of searches) {
      assert.match(detail, /^SEARCH comments USING INDEX comments_duplicate \(post=\? AND <expr>=\? AND content_hash=\?\)$/);
    }
  });

  test(`finds WordPress's duplicates among ${MANY} comments, and only those`, async () => {
    const n = MANY - 17;
    assert.equal(await check(n), true, 'same reader, same text');
    assert.equal(await check(n, { authorEmail: `READER${n}@Example.com` }), true, 'the e-mail address in capitals');
    assert.equal(await check(n, { content: `${comment(n).content} \n\t` }), true, 'trailing white space');
    // WordPress matches name *and* e-mail address (wp_allow_comment).
    assert.equal(await check(n, { authorName: 'Someone else' }), false, 'same e-mail, other name');
    assert.equal(await check(n, { authorEmail: 'else@example.com' }), false, 'same name, other e-mail');
    assert.equal(await check(n, { content: `${comment(n).content}!` }), false, 'other text');
    assert.equal(await check(n, { post: 2 }), false, 'other post');
    assert.equal(await check(n, { parent: 1 }), false, 'other thread');
    assert.equal(await check(MANY + 1), false, 'a new comment');
  });

  test('is quick however many comments the post has', async () => {
    const started = performance.now();
    // A text nobody sent: the worst case for a scan, which reads every comment of the post.
    for (let n = 1; n <= 1000; n++) assert.equal(await check(n, { content: `Comment ${n} again` }), false);
    // Index searches: about 5 ms here. The schema-1 scan of 5000 rows took about 640 ms for the same loop.
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 250, `${elapsed.toFixed(0)} ms for 1000 checks`);
  });

  test('rows written without a hash, or edited by another tool, still count', async () => {
    db.prepare(
      `INSERT INTO comments (post, author_name, author_email, author_ip, date_gmt, content, status)
       VALUES (1, 'Imported', 'imported@example.com', '::1', '2026-11-29T10:00:00', 'Imported without a hash', 'approved')`,
    ).run();
    assert.equal(await check(0, { authorName: 'Imported', authorEmail: 'Imported@Example.com', content: 'Imported without a hash' }), true);

    db.prepare(`UPDATE comments SET content = 'Edited by a moderator' WHERE author_email = ?`).run('reader7@example.com');
    assert.equal(db.prepare('SELECT content_hash FROM comments WHERE author_email = ?').pluck().get('reader7@example.com'), null);
    assert.equal(await check(7, { content: 'Edited by a moderator' }), true);
    assert.equal(await check(7), false, 'the old text is gone');
  });
});

