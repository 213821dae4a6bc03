import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WpError } from '../../server/wp/errors.js';
import { embedRels, ParamReader, parseList, readPaging, type Query } from '../../server/wp/params.js';

function paging(query: Query) {
  const params = new ParamReader(query);
  const result = readPaging(params, 'desc');
  params.done();
  return result;
}

function problems(query: Query): Record<string, string> {
  try {
    paging(query);
  } catch (error) {
    assert.ok(error instanceof WpError);
    assert.equal(error.code, 'rest_invalid_param');
    assert.equal(error.status, 400);
    return error.extra.params as Record<string, string>;
  }
  assert.fail('no error');
}

describe('readPaging', () => {
  const valid: ReadonlyArray<[Query, { page: number; perPage: number; order: 'asc' | 'desc' }]> = [
    [{}, { page: 1, perPage: 10, order: 'desc' }],
    [{ page: '3', per_page: '100', order: 'asc' }, { page: 3, perPage: 100, order: 'asc' }],
    [{ per_page: '1' }, { page: 1, perPage: 1, order: 'desc' }],
    [{ per_page: ' 7 ' }, { page: 1, perPage: 7, order: 'desc' }],
    [{ page: ['1', '2'] }, { page: 2, perPage: 10, order: 'desc' }],
  ];
  for (const [query, expected] of valid) {
    test(`accepts ${JSON.stringify(query)}`, () => assert.deepEqual(paging(query), expected));
  }

  const invalid: ReadonlyArray<[Query, Record<string, string>]> = [
    [{ per_page: '0' }, { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' }],
    [{ per_page: '101' }, { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' }],
    [{ per_page: '-3' }, { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' }],
    [{ per_page: 'abc' }, { per_page: 'per_page is not of type integer.' }],
    [{ per_page: '' }, { per_page: 'per_page is not of type integer.' }],
    [{ per_page: '1e2' }, { per_page: 'per_page is not of type integer.' }],
    [{ page: '0' }, { page: 'page must be greater than or equal to 1' }],
    [{ page: '1.5' }, { page: 'page is not of type integer.' }],
    [{ order: 'DESC' }, { order: 'order is not one of asc and desc.' }],
    [
      { page: 'x', per_page: '0', order: 'sideways' },
      {
        page: 'page is not of type integer.',
        per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)',
        order: 'order is not one of asc and desc.',
      },
    ],
  ];
  for (const [query, expected] of invalid) {
    test(`refuses ${JSON.stringify(query)}`, () => assert.deepEqual(problems(query), expected));
  }

  test('the error carries WordPress details per parameter', () => {
    try {
      paging({ per_page: 'abc' });
      assert.fail('no error');
    } catch (error) {
      assert.ok(error instanceof WpError);
      assert.deepEqual(error.toJSON(), {
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): per_page',
        data: {
          status: 400,
          params: { per_page: 'per_page is not of type integer.' },
          details: { per_page: { code: 'rest_invalid_type', message: 'per_page is not of type integer.', data: null } },
        },
      });
    }
  });
});

describe('list parameters', () => {
  const lists: ReadonlyArray<[string, string[]]> = [
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    [' a , b  c,,', ['a', 'b', 'c']],
    ['', []],
  ];
  for (const [raw, expected] of lists) {
    test(`parseList(${JSON.stringify(raw)})`, () => assert.deepEqual(parseList(raw), expected));
  }

  test('integerList refuses non-integers', () => {
    const ok = new ParamReader({ post: '1,2' });
    assert.deepEqual(ok.integerList('post'), [1, 2]);
    ok.done();
    const bad = new ParamReader({ post: '1,x' });
    bad.integerList('post');
    assert.throws(() => bad.done(), /Invalid parameter\(s\): post/);
  });
});

describe('embedRels', () => {
  const cases: ReadonlyArray<[Query, Record<string, boolean>]> = [
    [{}, { author: false, 'wp:featuredmedia': false }],
    [{ _embed: '' }, { author: true, 'wp:featuredmedia': true }],
    [{ _embed: '1' }, { author: true, 'wp:featuredmedia': true }],
    [{ _embed: 'true' }, { author: true, 'wp:term': true }],
    [{ _embed: 'author' }, { author: true, 'wp:featuredmedia': false }],
    [{ _embed: 'author,wp:featuredmedia' }, { author: true, 'wp:featuredmedia': true, 'wp:term': false }],
  ];
  for (const [query, expected] of cases) {
    test(`_embed ${JSON.stringify(query._embed)}`, () => {
      const embed = embedRels(query);
      for (const [rel, wanted] of Object.entries(expected)) assert.equal(embed(rel), wanted, rel);
    });
  }
});
