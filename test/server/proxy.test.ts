/** TRUST_PROXY: whose word the server takes for the client's address, and what the rate limit and flood check count. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { RateLimiter, WINDOW_MS } from '../../server/comments/rate-limit.js';
import { rateLimitKey } from '../../server/http/client.js';
import { createAttemptStore } from '../../server/store/attempts.js';
import type { Sql } from '../../server/store/client.js';
import { openSqlite } from '../../server/store/sqlite.js';
import { fetchJson, startServer, type TestServer, type WpErrorBody } from './support.js';

let counter = 0;
function post(server: TestServer, forwardedFor?: string, fields: Record<string, unknown> = {}) {
  counter++;
  return fetchJson<WpErrorBody & { id: number }>(`${server.base}/wp-json/wp/v2/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) },
    body: JSON.stringify({ post: 1, author_name: `Reader ${counter}`, author_email: `proxy${counter}@example.com`, content: `Comment ${counter}`, ...fields }),
  });
}

function storedIp(server: TestServer, id: number): Promise<string | undefined> {
  return server.db.value<string>('SELECT author_ip FROM comments WHERE id = ?', id);
}

async function withServer(env: Record<string, string>, run: (server: TestServer) => Promise<void>) {
  const server = await startServer({ MODERATION: 'approve', FLOOD_SECONDS: '0', ...env });
  try {
    await run(server);
  } finally {
    await server.close();
    await server.remove();
  }
}

describe('TRUST_PROXY off (the default)', () => {
  test('X-Forwarded-For is ignored: a client cannot choose the address it is limited and stored by', async () => {
    await withServer({ RATE_LIMIT: '2' }, async (server) => {
      const first = await post(server, '203.0.113.1');
      assert.equal(first.status, 201);
      assert.equal(await storedIp(server, first.body.id), '127.0.0.1');
      assert.equal((await post(server, '203.0.113.2')).status, 201);
      assert.equal((await post(server, '203.0.113.3')).status, 429, 'all three came from 127.0.0.1');
    });
  });

  test('proxies not listed are not believed either', async () => {
    await withServer({ RATE_LIMIT: '1', TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }, async (server) => {
      const first = await post(server, '203.0.113.1');
      assert.equal(await storedIp(server, first.body.id), '127.0.0.1');
      assert.equal((await post(server, '203.0.113.2')).status, 429);
    });
  });
});

for (const trust of ['127.0.0.1', 'loopback', '1']) {
  describe(`TRUST_PROXY=${trust} (the server behind a proxy on this machine)`, () => {
    test('the client address comes from X-Forwarded-For: stored and rate-limited per client', async () => {
      await withServer({ RATE_LIMIT: '2', TRUST_PROXY: trust }, async (server) => {
        const first = await post(server, '203.0.113.1');
        assert.equal(first.status, 201);
        assert.equal(await storedIp(server, first.body.id), '203.0.113.1');
        assert.equal((await post(server, '203.0.113.1')).status, 201);
        const limited = await post(server, '203.0.113.1');
        assert.equal(limited.status, 429);
        assert.equal(limited.body.code, 'rest_rate_limited');
        assert.equal((await post(server, '203.0.113.2')).status, 201, 'another client behind the same proxy is not held back');
      });
    });
  });
}

describe('TRUST_PROXY and the flood check', () => {
  test('two clients behind one proxy are two addresses to comment_flood; one client twice is a flood', async () => {
    await withServer({ RATE_LIMIT: '0', TRUST_PROXY: 'loopback', FLOOD_SECONDS: '15' }, async (server) => {
      assert.equal((await post(server, '198.51.100.1')).status, 201);
      assert.equal((await post(server, '198.51.100.2')).status, 201);
      const again = await post(server, '198.51.100.1');
      assert.equal(again.status, 400);
      assert.equal(again.body.code, 'comment_flood');
    });
  });
});

describe('IPv6 clients are limited per /64', () => {
  test('addresses in one /64 share a limit; the next /64 has its own', async () => {
    await withServer({ RATE_LIMIT: '2', TRUST_PROXY: 'loopback' }, async (server) => {
      assert.equal((await post(server, '2001:db8:1:2::1')).status, 201);
      assert.equal((await post(server, '2001:db8:1:2:ffff:ffff:ffff:fffe')).status, 201);
      assert.equal((await post(server, '2001:0db8:0001:0002:abcd::9')).status, 429, 'same /64, written out in full');
      assert.equal((await post(server, '2001:db8:1:3::1')).status, 201, 'the neighbouring /64');
    });
  });

  test('the key of an address', () => {
    const cases: ReadonlyArray<[string, string]> = [
      ['203.0.113.9', '203.0.113.9'],
      ['::ffff:203.0.113.9', '203.0.113.9'],
      ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
      ['2001:DB8:0001:2:3:4:5:6', '2001:db8:1:2::/64'],
      ['::1', '0:0:0:0::/64'],
      ['2001:db8::', '2001:db8:0:0::/64'],
      ['fe80::1%eth0', 'fe80:0:0:0::/64'],
      ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ];
    for (const [address, key] of cases) assert.equal(rateLimitKey(address), key, address);
  });
});

describe('a forwarded chain with junk in it', () => {
  test('an entry that is no address ends the chain: the nearest real address is the client', async () => {
    await withServer({ RATE_LIMIT: '0', TRUST_PROXY: '3' }, async (server) => {
      const response = await post(server, `<script>, ${'9'.repeat(300)}, 203.0.113.77`);
      assert.equal(response.status, 201);
      assert.equal(await storedIp(server, response.body.id), '203.0.113.77');
    });
  });
});

describe('the rate limit’s counts are bounded', () => {
  let sql: Sql;
  beforeEach(() => {
    sql = openSqlite(':memory:');
  });
  afterEach(() => sql.close());
  const rows = async () => (await sql.value<number>('SELECT count(*) FROM attempts'))!;

  test('10,000 distinct addresses within one window: a spammer keeps its count, and a window later the rows are pruned', async () => {
    let now = 0;
    const limiter = new RateLimiter(createAttemptStore(sql, () => now), 3);
    for (let hit = 0; hit < 3; hit++) assert.equal(await limiter.hit('198.51.100.1'), 0);
    for (let index = 0; index < 10_000; index++) {
      now += 1;
      await limiter.hit(`10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`);
      // Nothing is forgotten while it is in the window, however many others come.
      if (index % 1000 === 0) assert.ok((await limiter.hit('198.51.100.1')) > 0, `forgotten after ${index}`);
    }
    assert.equal(await rows(), 10_003, 'one row per allowed hit, none for the refused ones');
    now += WINDOW_MS;
    for (let index = 0; index < 256; index++) await limiter.hit(`192.0.2.${index}`);
    assert.ok((await rows()) <= 256, 'a window later only the newest hits are left');
  });

  test('IPv6 addresses drawn from one /64 are one key', async () => {
    const limiter = new RateLimiter(createAttemptStore(sql, () => 0), 3);
    for (let index = 0; index < 1000; index++) await limiter.hit(rateLimitKey(`2001:db8:5:6:${index.toString(16)}::1`));
    assert.equal(await rows(), 3);
    assert.equal(await sql.value('SELECT count(DISTINCT key) FROM attempts'), 1);
  });
});
