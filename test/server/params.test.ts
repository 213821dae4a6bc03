import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WpError } from '../../server/wp/errors.js';
import { embedRels, ParamReader, parseDateTime, parseList, readPaging, type Query } from '../../server/wp/params.js';

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

// rest_parse_date's pattern, then WP_Date_Query's reading of it (the site's zone is UTC).
describe('parseDateTime', () => {
  const cases: ReadonlyArray<[string, string | undefined]> = [
    ['2026-11-20T09:30:00', '2026-11-20T09:30:00'],
    ['2026-11-20 09:30:00', '2026-11-20T09:30:00'],
    ['2026-11-20t09:30:00Z', '2026-11-20T09:30:00'],
    ['2026-11-20T09:30:00.123456', '2026-11-20T09:30:00'],
    ['2026-11-20T09:30:00+02:00', '2026-11-20T07:30:00'],
    ['2026-11-20T23:30:00-05:30', '2026-11-21T05:00:00'],
    ['2026-11-20T09:30:00+02', '2026-11-20T07:30:00'],
    // strtotime rolls a day past the month's end over, as Date.UTC does.
    ['2026-02-30T00:00:00', '2026-03-02T00:00:00'],
    ['2026-11-20', undefined],
    ['2026-11-20T09:30', undefined],
    ['2026-11-20T09:30:00+0200', undefined],
    ['2026-13-01T00:00:00', undefined],
    ['2026-11-32T00:00:00', undefined],
    ['2026-11-20T09:60:00', undefined],
    ['tomorrow', undefined],
  ];
  for (const [raw, expected] of cases) test(JSON.stringify(raw), () => assert.equal(parseDateTime(raw), expected));
});

describe('ParamReader: PHP\'s array forms and the term limits', () => {
  const read = (query: Query, use: (params: ParamReader) => unknown) => {
    const params = new ParamReader(query);
    const value = use(params);
    params.done();
    return value;
  };

  test('`a[]=` is a list, `a=` a wp_parse_list string', () => {
    assert.deepEqual(read({ 'include[]': ['3', '1'] }, (params) => params.integerList('include')), [3, 1]);
    assert.deepEqual(read({ 'slug[]': 'one' }, (params) => params.list('slug')), ['one']);
    assert.deepEqual(read({ 'tags[0]': '7', 'tags[1]': '8' }, (params) => params.termLimit('tags', { operator: true, includeChildren: false })), {
      terms: [7, 8],
      operator: 'IN',
      includeChildren: false,
    });
    assert.deepEqual(read({ include: '3 1,2' }, (params) => params.integerList('include')), [3, 1, 2]);
  });

  test('categories: the list form and the object form', () => {
    const hierarchical = { operator: true, includeChildren: true };
    assert.deepEqual(read({ categories: '4,5' }, (params) => params.termLimit('categories', hierarchical)), {
      terms: [4, 5],
      operator: 'IN',
      includeChildren: false,
    });
    const object = { 'categories[terms]': '4', 'categories[operator]': 'AND', 'categories[include_children]': '1' };
    assert.deepEqual(read(object, (params) => params.termLimit('categories', hierarchical)), {
      terms: [4],
      operator: 'AND',
      includeChildren: true,
    });
  });

  test('the object form refuses what its schema does not have', () => {
    const params = new ParamReader({ 'tags_exclude[operator]': 'AND' });
    params.termLimit('tags_exclude', { operator: false, includeChildren: false });
    assert.throws(() => params.done(), (error: WpError) => {
      const params = error.extra.params as Record<string, string>;
      return params.tags_exclude === 'operator is not a valid property of Object.';
    });
  });

  test('booleans as rest_is_boolean reads them', () => {
    for (const [raw, value] of [['true', true], ['TRUE', true], ['1', true], ['false', false], ['0', false]] as const) {
      assert.equal(read({ sticky: raw }, (params) => params.boolean('sticky')), value, raw);
    }
    const bad = new ParamReader({ sticky: 'yes' });
    bad.boolean('sticky');
    assert.throws(() => bad.done(), /sticky/);
  });

  test('search through sanitize_text_field: no tags, octets or runs of white space', () => {
    assert.equal(read({ search: '  <b>battery</b>\t\n cold %0a ' }, (params) => params.search()), 'battery cold');
    assert.equal(read({ search: '   ' }, (params) => params.search()), undefined);
  });
});
