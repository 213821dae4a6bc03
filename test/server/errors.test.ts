import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BODY_LIMIT } from '../../server/http/errors.js';
import { fetchJson, serverUnderTest, type WpErrorBody } from './support.js';

const server = serverUnderTest();

const NO_ROUTE = { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } };
const INVALID_ID = { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } };

describe('WordPress errors for GET requests', () => {
  const cases: ReadonlyArray<[string, number, unknown]> = [
    ['/wp-json/wp/v2/posts/abc', 404, NO_ROUTE],
    ['/wp-json/wp/v2/posts/1.5', 404, NO_ROUTE],
    ['/wp-json/wp/v2/posts/-1', 404, NO_ROUTE],
    ['/wp-json/wp/v2/posts/999', 404, INVALID_ID],
    ['/wp-json/wp/v2/posts/0', 404, INVALID_ID],
    ['/wp-json/wp/v2/posts/99999999999999999999999', 404, INVALID_ID],
    ['/wp-json/wp/v2/nothing', 404, NO_ROUTE],
    ['/no/such/page', 404, NO_ROUTE],
    ['/articles/no-such-post', 404, NO_ROUTE],
    [
      '/wp-json/wp/v2/posts?page=2',
      400,
      {
        code: 'rest_post_invalid_page_number',
        message: 'The page number requested is larger than the number of pages available.',
        data: { status: 400 },
      },
    ],
  ];
  for (const [path, status, body] of cases) {
    test(`GET ${path} → ${status}`, async () => {
      const response = await fetchJson(server.base + path);
      assert.equal(response.status, status);
      assert.deepEqual(response.body, body);
    });
  }

  const invalid: ReadonlyArray<[string, string, string, string]> = [
    ['per_page=0', 'per_page', 'rest_out_of_bounds', 'per_page must be between 1 (inclusive) and 100 (inclusive)'],
    ['per_page=101', 'per_page', 'rest_out_of_bounds', 'per_page must be between 1 (inclusive) and 100 (inclusive)'],
    ['per_page=abc', 'per_page', 'rest_invalid_type', 'per_page is not of type integer.'],
    ['per_page=', 'per_page', 'rest_invalid_type', 'per_page is not of type integer.'],
    ['per_page=2.5', 'per_page', 'rest_invalid_type', 'per_page is not of type integer.'],
    ['page=0', 'page', 'rest_out_of_bounds', 'page must be greater than or equal to 1'],
    ['page=x', 'page', 'rest_invalid_type', 'page is not of type integer.'],
    ['order=up', 'order', 'rest_not_in_enum', 'order is not one of asc and desc.'],
  ];
  for (const [query, param, detail, message] of invalid) {
    test(`GET /posts?${query} → 400 rest_invalid_param`, async () => {
      const { status, body } = await fetchJson<WpErrorBody>(`${server.base}/wp-json/wp/v2/posts?${query}`);
      assert.equal(status, 400);
      assert.deepEqual(body, {
        code: 'rest_invalid_param',
        message: `Invalid parameter(s): ${param}`,
        data: { status: 400, params: { [param]: message }, details: { [param]: { code: detail, message, data: null } } },
      });
    });
  }

  test('every invalid parameter is named at once', async () => {
    const { body } = await fetchJson<WpErrorBody>(`${server.base}/wp-json/wp/v2/posts?per_page=0&page=abc`);
    assert.equal(body.message, 'Invalid parameter(s): page, per_page');
    assert.deepEqual(Object.keys(body.data.params ?? {}), ['page', 'per_page']);
  });

  test('a method the route does not take is no route, as in WordPress', async () => {
    const response = await fetchJson(`${server.base}/wp-json/wp/v2/posts/1`, { method: 'DELETE' });
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, NO_ROUTE);
  });
});

describe('request bodies', () => {
  const posts = () => `${server.base}/wp-json/wp/v2/posts`;
  const json = { 'content-type': 'application/json' };

  test('a well-formed JSON body reaches the route (anonymous: rest_cannot_create)', async () => {
    const { status, body } = await fetchJson(posts(), { method: 'POST', headers: json, body: '{"title":"x"}' });
    assert.equal(status, 401);
    assert.deepEqual(body, {
      code: 'rest_cannot_create',
      message: 'Sorry, you are not allowed to create posts as this user.',
      data: { status: 401 },
    });
  });

  const broken: ReadonlyArray<[string, string]> = [
    ['truncated', '{"title":'],
    ['single quotes', "{'title':'x'}"],
    ['trailing comma', '{"a":1,}'],
    ['empty', ''],
    ['prototype pollution', '{"__proto__":{"admin":true}}'],
  ];
  for (const [name, text] of broken) {
    test(`broken JSON (${name}) → 400 rest_invalid_json`, async () => {
      const { status, body } = await fetchJson(posts(), { method: 'POST', headers: json, body: text });
      assert.equal(status, 400);
      assert.deepEqual(body, { code: 'rest_invalid_json', message: 'Invalid JSON body passed.', data: { status: 400 } });
    });
  }

  test('a body over 1 MiB → 413 rest_request_too_large; 1 MiB exactly is read', async () => {
    assert.equal(BODY_LIMIT, 1024 * 1024);
    const padding = (size: number) => JSON.stringify({ content: 'x'.repeat(size - '{"content":""}'.length) });
    const over = await fetchJson(posts(), { method: 'POST', headers: json, body: padding(BODY_LIMIT + 1) });
    assert.equal(over.status, 413);
    assert.deepEqual(over.body, {
      code: 'rest_request_too_large',
      message: 'The request body is larger than 1 MiB.',
      data: { status: 413 },
    });
    const limit = await fetchJson(posts(), { method: 'POST', headers: json, body: padding(BODY_LIMIT) });
    assert.equal(limit.status, 401);
  });

  test('a body of another type → 415', async () => {
    for (const [type, text] of [
      ['text/plain', '{"a":1}'],
      ['application/x-www-form-urlencoded', 'a=1'],
      ['multipart/form-data; boundary=x', '--x--'],
      ['application/xml', '<a/>'],
    ]) {
      const { status, body } = await fetchJson<WpErrorBody>(posts(), { method: 'POST', headers: { 'content-type': type }, body: text });
      assert.equal(status, 415, type);
      assert.equal(body.code, 'rest_unsupported_media_type');
      assert.deepEqual(body.data, { status: 415 });
    }
  });

  test('nothing a client sends gets a 5xx', async () => {
    const attempts: Array<[string, RequestInit]> = [
      ['/wp-json/wp/v2/posts?per_page[]=1', {}],
      ['/wp-json/wp/v2/posts?slug[]=a&slug=b', {}],
      ["/wp-json/wp/v2/posts?slug=' OR 1=1 --", {}],
      ['/wp-json/wp/v2/posts?page=99999999999999999999', {}],
      ['/wp-json/wp/v2/posts?_embed[]=x', {}],
      ['/wp-json/wp/v2/posts/%E0%A4%A', {}],
      ['/%00', {}],
      ['/wp-json/wp/v2/posts', { method: 'POST', headers: json, body: 'null' }],
      ['/wp-json/wp/v2/posts', { method: 'POST', headers: json, body: '[1,2]' }],
      ['/wp-json/wp/v2/posts', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-16' }, body: '{}' }],
    ];
    for (const [path, init] of attempts) {
      const response = await fetch(server.base + path, init);
      assert.ok(response.status >= 200 && response.status < 500, `${path}: ${response.status}`);
      const body = (await response.json()) as WpErrorBody | unknown[];
      if (response.status >= 400) {
        const error = body as WpErrorBody;
        assert.equal(typeof error.code, 'string', path);
        assert.equal(typeof error.message, 'string', path);
        assert.equal(error.data.status, response.status, path);
      }
    }
  });
});
