/**
 * Signing in with an application password (issue 12): good and bad credentials, no user enumeration, the limit on
 * failures per name and per address, plain HTTP refused unless from this machine or behind a proxy that says HTTPS,
 * `users/me`, and the users command line.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { chunked, hashPassword, normalizedPassword, verifyPassword } from '../../server/auth/passwords.js';
import { SignInLimiter, type SignInLimits } from '../../server/auth/sign-in-limit.js';
import { createAttemptStore } from '../../server/store/attempts.js';
import type { Sql } from '../../server/store/client.js';
import { openSqlite } from '../../server/store/sqlite.js';
import { addAccount, basic, type TestAccount } from './accounts.js';
import { startServer, tempDir, type TestServer } from './support.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('application password hashes', () => {
  it('verifies the password with or without its spaces, and nothing else', async () => {
    const hash = await hashPassword('abcdEFGHijklMNOPqrstUVWX');
    assert.match(hash, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.equal(await verifyPassword('abcdEFGHijklMNOPqrstUVWX', hash), true);
    assert.equal(await verifyPassword(chunked('abcdEFGHijklMNOPqrstUVWX'), hash), true);
    assert.equal(await verifyPassword('abcdefghijklmnopqrstuvwx', hash), false, 'case matters');
    assert.equal(await verifyPassword('', hash), false);
    assert.equal(await verifyPassword('abcdEFGHijklMNOPqrstUVWX', 'md5$whatever'), false);
    assert.equal(normalizedPassword('ab-cd ef'), 'abcdef');
  });

  it('salts each hash', async () => {
    assert.notEqual(await hashPassword('same'), await hashPassword('same'));
  });
});

describe('SignInLimiter', () => {
  let now = 0;
  let sql: Sql;
  const limiter = (limits: SignInLimits) => new SignInLimiter(createAttemptStore(sql, () => now), limits);
  beforeEach(() => {
    now = 0;
    sql = openSqlite(':memory:');
  });
  afterEach(() => sql.close());

  it('refuses a name after its failures, whatever the address, until the window has passed', async () => {
    const names = limiter({ perAddress: 100, perName: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) await names.fail(`10.0.0.${i}`, 'Mod');
    assert.equal(await names.wait('10.9.9.9', 'mod'), 60);
    assert.equal(await names.wait('10.9.9.9', 'MOD'), 60, 'the name in any case');
    assert.equal(await names.wait('10.9.9.9', 'other'), 0);
    now = 59_500;
    assert.equal(await names.wait('10.9.9.9', 'mod'), 1);
    now = 60_000;
    assert.equal(await names.wait('10.9.9.9', 'mod'), 0);
  });

  it('refuses an address after its failures, whatever the name', async () => {
    const addresses = limiter({ perAddress: 2, perName: 100, windowMs: 60_000 });
    await addresses.fail('10.0.0.1', 'a');
    await addresses.fail('10.0.0.1', 'b');
    assert.ok((await addresses.wait('10.0.0.1', 'c')) > 0);
    assert.equal(await addresses.wait('10.0.0.2', 'c'), 0);
  });

  it('counts the failures of every instance on one database together', async (t) => {
    const dir = tempDir();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'news.db');
    const [one, two] = [openSqlite(file), openSqlite(file)];
    t.after(async () => {
      await one.close();
      await two.close();
    });
    const limits = { perAddress: 100, perName: 2, windowMs: 60_000 };
    const first = new SignInLimiter(createAttemptStore(one, () => now), limits);
    const second = new SignInLimiter(createAttemptStore(two, () => now), limits);
    await first.fail('10.0.0.1', 'mod');
    assert.equal(await second.wait('10.0.0.2', 'mod'), 0);
    await second.fail('10.0.0.2', 'mod');
    assert.equal(await first.wait('10.0.0.3', 'mod'), 60);
    assert.equal(await second.wait('10.0.0.3', 'mod'), 60);
  });
});

describe('sign-in against the real server', () => {
  let server: TestServer;
  let mod: TestAccount;
  before(async () => {
    server = await startServer({ TRUST_PROXY: 'loopback' });
    mod = await addAccount(server, 'Moderator One', 'moderator');
  });
  after(async () => {
    await server.close();
    await server.remove();
  });

  /** Each test signs in from its own address (through the trusted proxy), so the address limit of one is not another's. */
  let address = 0;
  const me = (header: string | undefined, extra: Record<string, string> = {}) =>
    fetch(`${server.base}/wp-json/wp/v2/users/me?context=edit`, {
      headers: { ...(header ? { authorization: header } : {}), 'x-forwarded-for': `198.51.100.${++address % 250}`, 'x-forwarded-proto': 'https', ...extra },
    });

  it('answers users/me with the account, its roles and capabilities', async () => {
    const response = await me(mod.header);
    assert.equal(response.status, 200);
    const user = (await response.json()) as Record<string, unknown>;
    assert.equal(user.name, 'Moderator One');
    assert.equal(user.username, 'Moderator One');
    assert.equal(user.slug, 'moderator-one');
    assert.deepEqual(user.roles, ['moderator']);
    assert.equal((user.capabilities as Record<string, boolean>).moderate_comments, true);
    assert.equal((user.capabilities as Record<string, boolean>).delete_comments_permanently, undefined);
  });

  it('takes the password with its spaces, as WordPress shows it, and the name in any case', async () => {
    assert.equal((await me(basic('moderator one', chunked(mod.password)))).status, 200);
  });

  it('shows the view fields only without context=edit', async () => {
    const response = await fetch(`${server.base}/wp-json/wp/v2/users/me`, { headers: { authorization: mod.header } });
    const user = (await response.json()) as Record<string, unknown>;
    assert.equal(user.name, 'Moderator One');
    assert.equal(user.roles, undefined);
    assert.equal(user.username, undefined);
  });

  it('answers 401 rest_not_logged_in without credentials', async () => {
    const response = await me(undefined);
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { code: string }).code, 'rest_not_logged_in');
  });

  it('never tells whether the name or the password was wrong', async () => {
    const wrongPassword = await me(basic(mod.login, 'x'.repeat(24)));
    const unknownName = await me(basic('nobody-here', mod.password));
    assert.equal(wrongPassword.status, 401);
    assert.equal(unknownName.status, 401);
    assert.deepEqual(await wrongPassword.json(), await unknownName.json());
  });

  it('refuses a malformed Basic header, and leaves other schemes alone', async () => {
    for (const header of ['Basic', 'Basic !!!', `Basic ${Buffer.from('no-colon').toString('base64')}`, `Basic ${Buffer.from(':pw').toString('base64')}`]) {
      const response = await me(header);
      assert.equal(response.status, 401, header);
      assert.equal(((await response.json()) as { code: string }).code, 'invalid_credentials', header);
    }
    const bearer = await me('Bearer abc');
    assert.equal(((await bearer.json()) as { code: string }).code, 'rest_not_logged_in');
  });

  it('is not answered from the read cache, nor kept in it', async () => {
    const url = `${server.base}/wp-json/wp/v2/comments?status=hold&context=edit`;
    const anonymous = await fetch(url);
    assert.equal(anonymous.status, 401);
    const signedIn = await fetch(url, { headers: { authorization: mod.header } });
    assert.equal(signedIn.status, 200);
    const again = await fetch(`${server.base}/wp-json/wp/v2/comments?post=1`);
    const afterSignIn = await fetch(`${server.base}/wp-json/wp/v2/comments?post=1`, { headers: { authorization: mod.header } });
    assert.equal(again.status, 200);
    assert.equal(afterSignIn.status, 200);
    assert.equal((await fetch(url)).status, 401, 'the moderator’s answer was not kept for the next anonymous reader');
  });

  it('refuses plain HTTP from another machine, through a trusted proxy that does not say HTTPS', async () => {
    const response = await me(mod.header, { 'x-forwarded-proto': 'http' });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { code: string }).code, 'application_passwords_disabled');
  });
});

describe('plain HTTP without a trusted proxy', () => {
  it('accepts the loopback client, and does not believe an X-Forwarded-Proto it was not told to trust', async () => {
    const server = await startServer();
    try {
      const mod = await addAccount(server, 'mod', 'moderator');
      const direct = await fetch(`${server.base}/wp-json/wp/v2/users/me`, { headers: { authorization: mod.header } });
      assert.equal(direct.status, 200);
      // With no TRUST_PROXY the forwarded headers are the client's own words: the peer (loopback) is what counts.
      const spoofed = await fetch(`${server.base}/wp-json/wp/v2/users/me`, {
        headers: { authorization: mod.header, 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'http' },
      });
      assert.equal(spoofed.status, 200);
    } finally {
      await server.close();
      await server.remove();
    }
  });
});

describe('the limit on failed sign-ins', () => {
  let server: TestServer;
  let mod: TestAccount;
  before(async () => {
    server = await startServer({ TRUST_PROXY: 'loopback' });
    mod = await addAccount(server, 'mod', 'moderator');
  });
  after(async () => {
    await server.close();
    await server.remove();
  });
  const me = (header: string, from: string) =>
    fetch(`${server.base}/wp-json/wp/v2/users/me`, {
      headers: { authorization: header, 'x-forwarded-for': from, 'x-forwarded-proto': 'https' },
    });

  it('locks a name out after 10 failures from 10 addresses, even for the right password, with Retry-After', async () => {
    for (let i = 0; i < 10; i++) assert.equal((await me(basic('mod', `wrong${i}`), `203.0.113.${i}`)).status, 401);
    const locked = await me(mod.header, '203.0.113.200');
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assert.equal(((await locked.json()) as { code: string }).code, 'too_many_sign_in_attempts');
  });

  it('locks an address out after 20 failures with any names', async () => {
    for (let i = 0; i < 20; i++) assert.equal((await me(basic(`guess${i}`, 'wrong'), '192.0.2.7')).status, 401);
    const locked = await me(basic('someone-else', 'wrong'), '192.0.2.7');
    assert.equal(locked.status, 429);
    assert.equal((await me(basic('someone-else', 'wrong'), '192.0.2.8')).status, 401, 'another address may still try');
  });
});

describe('npm run users', () => {
  const dir = tempDir();
  after(() => rmSync(dir, { recursive: true, force: true }));
  const env = { ...process.env, DATABASE: join(dir, 'news.db') };
  const users = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/users.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', stdio: 'pipe' });

  it('adds an account, prints its password once, lists it and revokes it', async () => {
    const added = users('add', 'Salma', '--role', 'administrator');
    const password = /^ {2}((?:[A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4})$/m.exec(added)?.[1];
    assert.ok(password, added);
    assert.match(users('list'), /^Salma\tadministrator\t1 application password/m);
    const server = await startServer({ DATABASE: env.DATABASE });
    try {
      const ok = await fetch(`${server.base}/wp-json/wp/v2/users/me`, { headers: { authorization: basic('Salma', password) } });
      assert.equal(ok.status, 200);
      assert.match(users('revoke', 'salma'), /can no longer sign in/);
      const revoked = await fetch(`${server.base}/wp-json/wp/v2/users/me`, { headers: { authorization: basic('Salma', password) } });
      assert.equal(revoked.status, 401, 'revoked at once, even though the server had just verified it');
    } finally {
      await server.close();
    }
    assert.match(users('list'), /^Salma\trevoked\t0 application password/m);
  });

  it('refuses a bad role or name with the usage and exit code 2', () => {
    for (const args of [['add', 'x', '--role', 'editor'], ['add', '<script>', '--role', 'moderator'], ['nonsense'], []]) {
      assert.throws(() => users(...args), (error: { status: number; stderr: string }) => error.status === 2 && /usage:/.test(error.stderr), args.join(' '));
    }
  });
});
