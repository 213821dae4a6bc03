/**
 * Comment size in every script: WordPress's limit (65,525 bytes of UTF-8 for the content) decides, and the body
 * limit never answers first, whatever the script and however the client writes its JSON or form body.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY_LIMIT } from '../../server/http/errors.js';
import { fetchJson, serverUnderTest, type WpErrorBody } from './support.js';

const LIMIT = 65_525;
const TOO_LONG = {
  code: 'comment_content_column_length',
  message: 'Comment field exceeds maximum length allowed.',
  data: { status: 400 },
};

/** JSON with every non-ASCII UTF-16 unit written as `\uXXXX`, as some clients (PHP's json_encode, Python's json) send it. */
const escapedJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);

const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0', RATE_LIMIT: '0' });

let readers = 0;
function post(content: string, encode: (value: unknown) => string = JSON.stringify) {
  readers++;
  const body = encode({ post: 1, author_name: `Reader ${readers}`, author_email: `size${readers}@example.com`, content });
  return fetchJson<WpErrorBody & { id: number }>(`${server.base}/wp-json/wp/v2/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

function stored(id: number): Promise<string | undefined> {
  return server.db.value<string>('SELECT content FROM comments WHERE id = ?', id);
}

/** Exactly `bytes` bytes of UTF-8: as many `char` as fit, then ASCII to make up the rest. */
const ofBytes = (char: string, bytes: number) => {
  const size = Buffer.byteLength(char);
  return char.repeat(Math.floor(bytes / size)) + 'x'.repeat(bytes % size);
};

const SCRIPTS: ReadonlyArray<[string, string]> = [
  ['Latin', 'x'],
  ['Arabic (2 bytes a letter)', 'ع'],
  ['Chinese (3 bytes)', '中'],
  ['emoji (4 bytes)', '😀'],
];

describe('comment_content is limited to 65,525 bytes of UTF-8, as WordPress counts it', () => {
  for (const [script, char] of SCRIPTS) {
    for (const [form, encode] of [['JSON', JSON.stringify], ['\\u-escaped JSON', escapedJson]] as const) {
      test(`${script}, ${form}: at the limit → 201, stored as sent; one byte over → the field's error`, async () => {
        const longest = ofBytes(char, LIMIT);
        const created = await post(longest, encode);
        assert.equal(created.status, 201);
        assert.equal(await stored(created.body.id), longest);

        const over = await post(`${longest}x`, encode);
        assert.equal(over.status, 400);
        assert.deepEqual(over.body, TOO_LONG);
      });
    }
  }

  for (const [script, char] of SCRIPTS.slice(1)) {
    test(`${script}: 65,525 and 65,526 characters get the field's error, never a 413, even \\u-escaped`, async () => {
      for (const count of [LIMIT, LIMIT + 1]) {
        for (const encode of [JSON.stringify, escapedJson]) {
          const response = await post(char.repeat(count), encode);
          assert.equal(response.status, 400, `${count} characters: ${response.body.code}`);
          assert.deepEqual(response.body, TOO_LONG);
        }
      }
    });
  }

  test('the most expensive legal comment (control characters, 6 bytes each in JSON) is read and stored', async () => {
    const content = `a${'\u0001'.repeat(LIMIT - 1)}`;
    const response = await post(content);
    assert.equal(response.status, 201);
    assert.equal(await stored(response.body.id), content);
  });

  test('the body limit itself is derived from the limits: 12 bytes for each character of every field fit', () => {
    assert.ok(BODY_LIMIT >= 12 * (245 + 100 + 200 + LIMIT + 1) + 4096, String(BODY_LIMIT));
  });
});
