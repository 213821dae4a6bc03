/**
 * `npm run db:copy`: a site moved from its SQLite file to PostgreSQL answers every read as before, keeps its
 * moderators and its trash, and goes on numbering comments after the last one. Run by `npm run test:server:postgres`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { copyDatabase } from '../../scripts/db-copy.js';
import { addAccount } from './accounts.js';
import { fetchJson, POSTGRES_URL, startServer, tempDir, type TestServer } from './support.js';

const skip = POSTGRES_URL ? false : 'run by npm run test:server:postgres';
const root = fileURLToPath(new URL('../../', import.meta.url));

async function newDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return url.href;
}

const post = (server: TestServer, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetchJson<{ id: number }>(`${server.base}/wp-json/wp/v2/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ post: 1, author_name: 'Reader', ...body }),
  });

/** What a reader and a moderator read, with the origin taken out (the two servers listen on different ports). */
async function reads(server: TestServer, moderator: string): Promise<string> {
  const paths = ['/wp-json/wp/v2/posts', '/wp-json/wp/v2/comments?post=1&per_page=100', '/wp-json/wp/v2/categories', '/wp-json/wp/v2/tags', '/wp-json/wp/v2/users', '/wp-json/wp/v2/media'];
  const answers = [];
  for (const path of paths) answers.push(await (await fetch(`${server.base}${path}`)).text());
  const queue = await fetch(`${server.base}/wp-json/wp/v2/comments?status=all&context=edit&per_page=100`, { headers: { authorization: moderator } });
  answers.push(await queue.text());
  const trash = await fetch(`${server.base}/wp-json/wp/v2/comments?status=trash&context=edit`, { headers: { authorization: moderator } });
  answers.push(await trash.text());
  return answers.join('\n').replaceAll(server.base.replace(/^http:\/\//, ''), 'SITE');
}

describe('npm run db:copy (SQLite to PostgreSQL)', { skip }, () => {
  let sqlite: TestServer;
  let copied: TestServer | undefined;
  let moderator: string;
  let url: string;

  before(async () => {
    // The source is a SQLite file whatever store this run uses.
    const dir = tempDir();
    sqlite = await startServer({ DATABASE: `${dir}/db/news.db`, MODERATION: 'approve', FLOOD_SECONDS: '0' }, dir);
    moderator = (await addAccount(sqlite, 'mod', 'moderator')).header;
    const first = await post(sqlite, { author_email: 'a@example.com', content: 'First, with <b>markup</b> and a long tail '.repeat(12) });
    await post(sqlite, { author_email: 'b@example.com', content: 'A reply', parent: first.body.id });
    const trashed = await post(sqlite, { author_email: 'c@example.com', content: 'To the trash' });
    await fetch(`${sqlite.base}/wp-json/wp/v2/comments/${trashed.body.id}`, { method: 'DELETE', headers: { authorization: moderator } });
    await sqlite.close();
    url = await newDatabase('copied');
  });
  after(async () => {
    await copied?.close();
    await sqlite.remove();
  });

  test('the command copies every row and says so; a second copy into the same database is refused', async () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts', '--from', sqlite.dbFile, '--to', url], { cwd: root, encoding: 'utf8' });
    assert.match(output, /^comments: 3 row\(s\)$/m);
    assert.match(output, /^posts: 7 row\(s\)$/m);
    await assert.rejects(copyDatabase(sqlite.dbFile, url, () => undefined), /not empty/);
  });

  test('the server on the copy answers as the server on the file did, and numbers new comments after the last', async () => {
    const again = await startServer({ DATABASE: sqlite.dbFile, MODERATION: 'approve', FLOOD_SECONDS: '0' }, sqlite.dir);
    const before = await reads(again, moderator);
    await again.close();
    copied = await startServer({ DATABASE_URL: url, MODERATION: 'approve', FLOOD_SECONDS: '0' });
    assert.equal(await reads(copied, moderator), before);
    const next = await post(copied, { author_email: 'd@example.com', content: 'After the move' });
    assert.equal(next.status, 201);
    assert.equal(next.body.id, 4);
    assert.equal(await copied.db.value('SELECT count(*) FROM comment_previews'), 1, 'the long comment has its preview');
  });
});
