import { expect } from '@open-wc/testing';
import { cardsPerPage, pageSize, pageUrl } from '../../../src/components/article-list/collection-source.js';

const BASE = 'https://news.example/section/';

describe('collection-source', () => {
  describe('pageSize', () => {
    const table: Array<[unknown, number | undefined]> = [
      ['6', 6],
      [6, 6],
      [' 12 ', 12],
      ['100', 100],
      ['101', 100],
      ['1e9', 100],
      [Number.MAX_SAFE_INTEGER, 100],
      ['0', undefined],
      ['-3', undefined],
      ['2.5', undefined],
      ['abc', undefined],
      ['', undefined],
      ['   ', undefined],
      [NaN, undefined],
      [Infinity, undefined],
      [null, undefined],
      [undefined, undefined],
    ];
    for (const [value, expected] of table) {
      it(`${JSON.stringify(value) ?? String(value)} → ${expected}`, () => expect(pageSize(value)).to.equal(expected));
    }
  });

  describe('cardsPerPage', () => {
    const table: Array<[string, unknown, number]> = [
      ['/wp-json/wp/v2/posts?per_page=6&_embed', undefined, 6],
      ['/wp-json/wp/v2/posts?per_page=6&_embed', '3', 3],
      ['/wp-json/wp/v2/posts?per_page=6&_embed', 'garbage', 6],
      ['/wp-json/wp/v2/posts?_embed', undefined, 10],
      ['/wp-json/wp/v2/posts?per_page=500', undefined, 100],
      ['/wp-json/wp/v2/posts?per_page=x', undefined, 10],
      ['http://[bad', '4', 4],
      ['http://[bad', undefined, 10],
    ];
    for (const [src, limit, expected] of table) {
      it(`${src}, limit ${String(limit)} → ${expected}`, () => expect(cardsPerPage(src, limit, BASE)).to.equal(expected));
    }
  });

  describe('pageUrl', () => {
    it('sets per_page and page, keeping the filters and _embed', () => {
      expect(pageUrl('/wp-json/wp/v2/posts?categories=3&per_page=6&_embed', 2, 4, BASE)).to.equal(
        'https://news.example/wp-json/wp/v2/posts?categories=3&per_page=4&_embed=&page=2',
      );
    });

    it('works on ?rest_route= URLs', () => {
      expect(pageUrl('/?rest_route=/wp/v2/posts&_embed', 3, 6, BASE)).to.equal(
        'https://news.example/?rest_route=%2Fwp%2Fv2%2Fposts&_embed=&per_page=6&page=3',
      );
    });

    it('leaves a URL that does not parse alone (it fails as invalid-src)', () => {
      expect(pageUrl('http://[bad', 1, 6, BASE)).to.equal('http://[bad');
    });
  });
});
