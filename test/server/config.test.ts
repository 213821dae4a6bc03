import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, defaultPaths, loadConfig } from '../../server/config.js';

describe('loadConfig', () => {
  test('defaults', () => {
    assert.deepEqual(loadConfig({}), {
      port: 8080,
      host: '127.0.0.1',
      database: 'data/news.db',
      databaseUrl: undefined,
      poolSize: 10,
      allowedOrigins: [],
      publicUrl: undefined,
      trustProxy: false,
      moderation: 'hold',
      spamRules: { maxLinks: 2, moderationWords: [], disallowedWords: [] },
      floodSeconds: 15,
      rateLimit: 30,
      paths: defaultPaths,
    });
  });

  test('every variable is read', () => {
    const config = loadConfig({
      PORT: '3000',
      HOST: '0.0.0.0',
      DATABASE: '/tmp/x.db',
      ALLOWED_ORIGINS: 'https://a.example, http://localhost:5173,https://B.example',
      MODERATION: 'approve',
      FLOOD_SECONDS: '0',
      RATE_LIMIT: '5',
      DATABASE_URL: 'postgres://news:pw@db.internal:5432/news',
      PG_POOL_SIZE: '4',
    });
    assert.equal(config.port, 3000);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.database, '/tmp/x.db');
    assert.deepEqual(config.allowedOrigins, ['https://a.example', 'http://localhost:5173', 'https://b.example']);
    assert.equal(config.moderation, 'approve');
    assert.equal(config.floodSeconds, 0);
    assert.equal(config.rateLimit, 5);
    assert.equal(config.databaseUrl, 'postgres://news:pw@db.internal:5432/news');
    assert.equal(config.poolSize, 4);
  });

  test('RATE_LIMIT=0 turns the limit off; 100000 a minute is the most it takes', () => {
    assert.equal(loadConfig({ RATE_LIMIT: '0' }).rateLimit, 0);
    assert.equal(loadConfig({ RATE_LIMIT: '100000' }).rateLimit, 100_000);
    assert.throws(() => loadConfig({ RATE_LIMIT: '100001' }), /^ConfigError: RATE_LIMIT must be a whole number from 0 to 100000/);
  });

  test('PUBLIC_URL: an origin, a trailing slash allowed, stored without it', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://news.example' }).publicUrl, 'https://news.example');
    assert.equal(loadConfig({ PUBLIC_URL: 'https://News.Example:8443/' }).publicUrl, 'https://news.example:8443');
    assert.equal(loadConfig({ PUBLIC_URL: 'http://[::1]:8080' }).publicUrl, 'http://[::1]:8080');
  });

  test('TRUST_PROXY: off, a hop count, or proxy addresses and ranges', () => {
    for (const off of ['', 'false', '0']) assert.equal(loadConfig({ TRUST_PROXY: off }).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,fd00::/8 ,loopback, ::1' }).trustProxy, [
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      'loopback',
      '::1',
    ]);
  });

  test('DATABASE_URL must be a postgres:// URL; PG_POOL_SIZE is bounded', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://news@db:5432/news' }).databaseUrl, 'postgres://news@db:5432/news');
    assert.equal(loadConfig({ DATABASE_URL: 'postgresql://db/news', PG_POOL_SIZE: '20' }).poolSize, 20);
    assert.throws(() => loadConfig({ DATABASE_URL: 'data/news.db' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'http://db/news' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ PG_POOL_SIZE: '0' }), /PG_POOL_SIZE/);
    assert.equal(loadConfig({ PG_POOL_SIZE: '1' }).poolSize, 1);
    assert.equal(loadConfig({ PG_POOL_SIZE: '1000' }).poolSize, 1000);
    assert.equal(loadConfig({ DATABASE_URL: ' ' }).databaseUrl, undefined, 'blank: the SQLite file');
  });

  test('blank values fall back to the defaults', () => {
    const config = loadConfig({ PORT: '', MODERATION: ' ', ALLOWED_ORIGINS: '' });
    assert.equal(config.port, 8080);
    assert.equal(config.moderation, 'hold');
    assert.deepEqual(config.allowedOrigins, []);
  });

  const bad: ReadonlyArray<[string, string, RegExp]> = [
    ['PORT', 'eighty', /^PORT must be a whole number from 0 to 65535, got "eighty"$/],
    ['PORT', '70000', /^PORT must be/],
    ['PORT', '-1', /^PORT must be/],
    ['PORT', '80.5', /^PORT must be/],
    ['FLOOD_SECONDS', '-5', /^FLOOD_SECONDS must be a whole number from 0 to 86400/],
    ['FLOOD_SECONDS', '1e3', /^FLOOD_SECONDS must be/],
    ['RATE_LIMIT', 'many', /^RATE_LIMIT must be a whole number/],
    ['MODERATION', 'auto', /^MODERATION must be "approve", "hold" or "first", got "auto"$/],
    ['MODERATION_LINKS', 'two', /^MODERATION_LINKS must be a whole number from 0 to 10000/],
    ['MODERATION_WORDS', '/nonexistent/words.txt', /^MODERATION_WORDS names a file that cannot be read: \/nonexistent\/words\.txt \(ENOENT\)$/],
    ['DISALLOWED_WORDS', '/nonexistent/words.txt', /^DISALLOWED_WORDS names a file that cannot be read/],
    ['MODERATION', 'APPROVE', /^MODERATION must be/],
    ['ALLOWED_ORIGINS', 'partner.example', /^ALLOWED_ORIGINS entries must be origins/],
    ['ALLOWED_ORIGINS', 'https://partner.example/', /^ALLOWED_ORIGINS entries must be origins.*"https:\/\/partner\.example\/"$/],
    ['ALLOWED_ORIGINS', 'https://partner.example/path', /^ALLOWED_ORIGINS/],
    ['ALLOWED_ORIGINS', 'ftp://partner.example', /^ALLOWED_ORIGINS/],
    ['ALLOWED_ORIGINS', 'https://a.example,*', /^ALLOWED_ORIGINS.*"\*"$/],
    ['PUBLIC_URL', 'news.example', /^PUBLIC_URL must be the site's origin, like https:\/\/news\.example, got "news\.example"$/],
    ['PUBLIC_URL', 'https://news.example/blog', /^PUBLIC_URL must be/],
    ['PUBLIC_URL', 'https://news.example/?x=1', /^PUBLIC_URL must be/],
    ['PUBLIC_URL', 'https://user@news.example', /^PUBLIC_URL must be/],
    ['PUBLIC_URL', 'ftp://news.example', /^PUBLIC_URL must be/],
    ['PUBLIC_URL', 'https://news.example:99999', /^PUBLIC_URL must be/],
    ['TRUST_PROXY', 'true', /^TRUST_PROXY must be a hop count \(1 to 10\) or a comma-separated list of proxy addresses or ranges .*got "true"$/],
    ['TRUST_PROXY', '11', /^TRUST_PROXY must be a whole number from 1 to 10/],
    ['TRUST_PROXY', '10.0.0.0/33', /^TRUST_PROXY must be .*"10\.0\.0\.0\/33"$/],
    ['TRUST_PROXY', '10.0.0.1,proxy.example', /^TRUST_PROXY must be .*"proxy\.example"$/],
    ['TRUST_PROXY', '::1/129', /^TRUST_PROXY must be/],
    ['TRUST_PROXY', '10.0.0.0/8/8', /^TRUST_PROXY must be/],
    ['DATABASE_URL', 'data/news.db', /^DATABASE_URL must be a postgres:\/\/ URL, got "data\/news\.db"$/],
    ['DATABASE_URL', '/var/lib/news/news.db', /^DATABASE_URL must be a postgres:\/\/ URL/],
    ['DATABASE_URL', 'http://db.internal/news', /^DATABASE_URL must be a postgres:\/\/ URL \(DATABASE names a SQLite file\), got "http:…"$/],
    ['DATABASE_URL', 'file:///var/lib/news/news.db', /^DATABASE_URL must be a postgres:\/\/ URL/],
    ['PG_POOL_SIZE', '0', /^PG_POOL_SIZE must be a whole number from 1 to 1000, got "0"$/],
    ['PG_POOL_SIZE', '1001', /^PG_POOL_SIZE must be a whole number from 1 to 1000/],
    ['PG_POOL_SIZE', 'ten', /^PG_POOL_SIZE must be/],
  ];
  for (const [name, value, message] of bad) {
    test(`${name}=${value} is refused with a clear message`, () => {
      assert.throws(() => loadConfig({ [name]: value }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});
