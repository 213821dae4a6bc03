import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { POSTGRES_URL, tempDir } from './support.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function dbFile(): string {
  const dir = tempDir();
  dirs.push(dir);
  return join(dir, 'news.db');
}

function start(env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('server/main.ts', () => {
  test('listens, logs one line with its URL, serves, and stops on SIGTERM', async () => {
    const file = dbFile();
    const child = start({ PORT: '0', DATABASE: file, MODERATION: 'approve' });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        const match = stdout.match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (match) resolve(match[0]);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const response = await fetch(`${url}wp-json/wp/v2/posts/1`);
    assert.equal(response.status, 200);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    assert.equal(stdout.trim().split('\n').length, 1, stdout);
    assert.match(stdout, /moderation approve/);
    assert.ok(stdout.includes(`(DATABASE=${file}, moderation approve;`), stdout);
    assert.match(stdout, /reads from any origin, comments from its own origin\)$/m);
  });

  test('the start-up line names the origins that may post comments', async () => {
    const child = start({
      PORT: '0',
      DATABASE: dbFile(),
      PUBLIC_URL: 'https://news.example',
      ALLOWED_ORIGINS: 'https://partner.example,https://blog.example',
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    child.kill('SIGTERM');
    await once(child, 'exit');
    assert.match(stdout, /reads from any origin, comments from https:\/\/news\.example, https:\/\/partner\.example, https:\/\/blog\.example\)$/m);
  });

  test('a bad setting stops it at start with a clear message', async () => {
    const child = start({ PORT: 'eighty', DATABASE: dbFile() });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.equal(stderr.trim(), 'news-widgets server: PORT must be a whole number from 0 to 65535, got "eighty"');
  });

  test('on DATABASE_URL: migrates and seeds the database, serves, and names it without its password', { skip: !POSTGRES_URL && 'needs NW_TEST_POSTGRES_URL (npm run test:server:postgres)' }, async (t) => {
    const name = `nw_main_${process.pid}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    t.after(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });
    const url = new URL(POSTGRES_URL!);
    url.pathname = `/${name}`;
    url.password = 'not-shown';
    const child = start({ PORT: '0', DATABASE_URL: url.href });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        const match = stdout.match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (match) resolve(match[0]);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    try {
      assert.equal((await fetch(`${base}wp-json/wp/v2/posts/1`)).status, 200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    url.password = '***';
    assert.ok(stdout.includes(`(DATABASE_URL=${url.href}, moderation`), stdout);
    assert.doesNotMatch(stdout, /not-shown/);
  });
});
