/**
 * Start-up of the real server process (`node --import tsx server/main.ts`) on database files it must refuse,
 * and two servers racing on one new file.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openDb, scratchDirs, sqliteOnly } from './support.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const scratch = scratchDirs();

interface Outcome {
  /** The exit code, or `listening` once the start line is printed (the process is then stopped). */
  result: number | 'listening';
  stdout: string;
  stderr: string;
}

/** Starts the server and waits until it listens (then stops it) or exits on its own. */
function start(env: Record<string, string>, asUser?: string): Promise<Outcome> {
  const command = [process.execPath, '--import', 'tsx', 'server/main.ts'];
  // setpriv drops root's privileges, which bypass file permissions, for the permission cases.
  const [file, ...args] = asUser ? ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', ...command] : command;
  const child = spawn(file, args, { cwd: root, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (/ server on http:/.test(stdout)) child.kill('SIGTERM');
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) =>
    child.once('close', (code) => resolve({ result: / server on http:/.test(stdout) ? 'listening' : (code ?? -1), stdout, stderr })),
  );
}

/** Asserts a refused start: exit 1 and one line naming DATABASE, the file and what is wrong; no stack trace. */
async function assertRefused(env: Record<string, string>, file: string, what: RegExp, asUser?: string): Promise<void> {
  const { result, stdout, stderr } = await start({ DATABASE: file, ...env }, asUser);
  assert.equal(result, 1, `${stdout}${stderr}`);
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.ok(lines[0].startsWith(`news-widgets server: DATABASE=${file} `), lines[0]);
  assert.match(lines[0], what);
  assert.doesNotMatch(stderr, /\n\s+at |Error:/);
}

/**
 * Root ignores file permissions, so as root the permission cases run the server as nobody:nogroup (by number:
 * setpriv takes names for users but not always for groups); any other user is bound by them already.
 */
const UNPRIVILEGED = process.getuid?.() === 0 ? '65534' : undefined;

describe('start-up faults are one line on stderr and exit 1', { skip: sqliteOnly }, () => {
  test('a file that is not SQLite', async () => {
    const file = join(scratch(), 'notes.db');
    writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
    await assertRefused({}, file, /is not a SQLite database/);
  });

  test('a database written by a newer server', async () => {
    const file = join(scratch(), 'future.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    await assertRefused({}, file, /schema version 99.*newer/);
  });

  test('damaged pages, found by PRAGMA quick_check', async () => {
    const dir = scratch();
    const file = join(dir, 'news.db');
    assert.equal((await start({ DATABASE: file })).result, 'listening');
    const db = openDb(file, false);
    // Turn the WAL back into the main file, then scribble over the pages of the posts table.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const root = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'posts'`).pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    await assertRefused({}, file, /is damaged/);
  });

  test('a file the server may not read', async () => {
    const dir = scratch();
    chmodSync(dir, 0o755);
    const file = join(dir, 'news.db');
    writeFileSync(file, '');
    chmodSync(file, 0o200);
    await assertRefused({}, file, /cannot be read/, UNPRIVILEGED);
  });

  test('a read-only file, even one already migrated and seeded', async () => {
    const dir = scratch();
    chmodSync(dir, 0o777);
    const file = join(dir, 'news.db');
    assert.equal((await start({ DATABASE: file })).result, 'listening');
    chmodSync(file, 0o444);
    await assertRefused({}, file, /is read-only/, UNPRIVILEGED);
  });

  test('a file in a read-only folder', async () => {
    const dir = scratch();
    const file = join(dir, 'news.db');
    assert.equal((await start({ DATABASE: file })).result, 'listening');
    chmodSync(file, 0o666);
    chmodSync(dir, 0o555);
    try {
      await assertRefused({}, file, /folder .* is read-only/, UNPRIVILEGED);
    } finally {
      // Writable again, so the folder can be removed by a user who is not root.
      chmodSync(dir, 0o755);
    }
  });
});

describe('two servers started at once on a new file', { skip: sqliteOnly }, () => {
  const ROUNDS = 20;
  test(`both come up and the seed is stored once (${ROUNDS} rounds)`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const file = join(scratch(), 'news.db');
      const outcomes = await Promise.all([start({ DATABASE: file }), start({ DATABASE: file })]);
      for (const { result, stderr } of outcomes) assert.equal(result, 'listening', `round ${round}: ${stderr}`);
      const db = openDb(file);
      try {
        assert.deepEqual(db.prepare('SELECT id FROM posts ORDER BY id').pluck().all(), [1, 2, 3, 4, 5, 6, 7], `round ${round}`);
        assert.equal(db.prepare('SELECT count(*) FROM authors').pluck().get(), 6, `round ${round}`);
      } finally {
        db.close();
      }
    }
  });
});

describe('a PostgreSQL database it cannot reach', () => {
  test('is one line naming DATABASE_URL (its password hidden), and exit 1', async () => {
    // Port 1: nothing listens there, so the connection is refused at once.
    const { result, stdout, stderr } = await start({ DATABASE_URL: 'postgres://nw:secret@127.0.0.1:1/news' });
    assert.equal(result, 1, `${stdout}${stderr}`);
    const lines = stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.ok(lines[0].startsWith('news-widgets server: DATABASE_URL=postgres://nw:***@127.0.0.1:1/news '), lines[0]);
    assert.match(lines[0], /cannot be reached/);
    assert.doesNotMatch(stderr, /secret/);
    assert.doesNotMatch(stderr, /\n\s+at |Error:/);
  });
});
