import { expect } from '@open-wc/testing';
import { countFrom, countUrl } from '../../../src/components/comment-count/counts.js';
import { commentsLink } from '../../../src/components/comment-count/link.js';
import { commentsLabel, countWords } from '../../../src/components/comment-count/messages.js';
import { ensureCatalog, inLocale } from '../../../src/i18n/localize.js';

describe('comment count in words (listing)', () => {
  before(async () => ensureCatalog('ar'));

  const ar: Array<[number, string]> = [
    [0, 'لا تعليقات'],
    [1, 'تعليق واحد'],
    [2, 'تعليقان'],
    [3, '3 تعليقات'],
    [10, '10 تعليقات'],
    [11, '11 تعليقًا'],
    [99, '99 تعليقًا'],
    [100, '100 تعليق'],
    [102, '102 تعليق'],
    [103, '103 تعليقات'],
    [111, '111 تعليقًا'],
    [1000, '1,000 تعليق'],
  ];
  for (const [n, words] of ar) {
    it(`ar: ${n} → ${words}`, () => expect(inLocale('ar', () => countWords(n, 'ar'))).to.equal(words));
  }
  it('ar-EG: Arabic-Indic digits', () => expect(inLocale('ar', () => countWords(11, 'ar-EG'))).to.equal('١١ تعليقًا'));
  it('ar: the label', () => expect(inLocale('ar', commentsLabel)).to.equal('التعليقات'));

  const en: Array<[number, string]> = [
    [0, 'No comments'],
    [1, '1 comment'],
    [2, '2 comments'],
    [3, '3 comments'],
    [11, '11 comments'],
    [1000, '1,000 comments'],
  ];
  for (const [n, words] of en) {
    it(`en: ${n} → ${words}`, () => expect(inLocale('en', () => countWords(n, 'en'))).to.equal(words));
  }
  it('en: the label', () => expect(inLocale('en', commentsLabel)).to.equal('Comments'));
});

describe('countUrl', () => {
  it('asks for one id of the post, keeping the endpoint’s own query', () => {
    const url = new URL(countUrl('https://example.com/?rest_route=/wp/v2/comments', 42));
    expect(url.origin + url.pathname).to.equal('https://example.com/');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ rest_route: '/wp/v2/comments', post: '42', per_page: '1', _fields: 'id' });
  });
  it('resolves a relative endpoint against the page and replaces a post already in it', () => {
    const url = new URL(countUrl('/wp-json/wp/v2/comments?post=9', 7));
    expect(url.origin).to.equal(location.origin);
    expect(url.searchParams.getAll('post')).to.deep.equal(['7']);
  });
});

describe('countFrom', () => {
  const cases: Array<[string, string | null, unknown, number | undefined]> = [
    ['the header', '12', [{ id: 1 }], 12],
    ['zero with an empty page', '0', [], 0],
    ['no header, an empty page: none', null, [], 0],
    ['no header (CORS hid it), a comment: unknown', null, [{ id: 1 }], undefined],
    ['an empty header', '', [{ id: 1 }], undefined],
    ['garbage', 'abc', [{ id: 1 }], undefined],
    ['negative', '-3', [{ id: 1 }], undefined],
    ['a fraction', '2.5', [{ id: 1 }], undefined],
    ['too big to be exact', '1e308', [{ id: 1 }], undefined],
    ['fewer than arrived', '0', [{ id: 1 }], undefined],
    ['not a list', '3', { code: 'x' }, undefined],
  ];
  for (const [name, header, body, expected] of cases) {
    it(`${name} → ${String(expected)}`, () => expect(countFrom(header, body)).to.equal(expected));
  }
});

describe('commentsLink', () => {
  const base = 'https://news.example/category/world/';
  const cases: Array<[string | undefined, string | undefined]> = [
    [undefined, '#comments'],
    ['', '#comments'],
    ['   ', '#comments'],
    ['/articles/a', 'https://news.example/articles/a#comments'],
    ['https://other.example/p/?x=1', 'https://other.example/p/?x=1#comments'],
    ['../../articles/b/', 'https://news.example/articles/b/#comments'],
    ['/articles/a#respond', 'https://news.example/articles/a#respond'],
    ['javascript:alert(1)', undefined],
    [' JavaScript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['http://[::1', undefined],
    [`/${'a'.repeat(5000)}`, undefined],
  ];
  for (const [href, expected] of cases) {
    it(`${String(href).slice(0, 40)} → ${String(expected)}`, () => expect(commentsLink(href, base)).to.equal(expected));
  }
});
