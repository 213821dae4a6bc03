import { expect } from '@open-wc/testing';
import {
  type CommentValues,
  firstInvalid,
  isEmail,
  LIMITS,
  normalizeUrl,
  type Problems,
  validate,
} from '../../../src/components/comment-form/validation.js';

const ok: CommentValues = { content: 'تعليق', author_name: 'سارة', author_email: 'sara@example.com', author_url: '' };
const strict = { identityRequired: true, website: true };
const x = (n: number): string => 'x'.repeat(n);

describe('comment-form validation', () => {
  const cases: Array<[string, Partial<CommentValues>, typeof strict, Problems]> = [
    ['a complete comment', {}, strict, {}],
    ['an empty comment', { content: '' }, strict, { content: 'required' }],
    ['a comment of only spaces', { content: ' \n\t ' }, strict, { content: 'required' }],
    ['no name', { author_name: '' }, strict, { author_name: 'required' }],
    ['no e-mail', { author_email: '  ' }, strict, { author_email: 'required' }],
    ['no identity when optional', { author_name: '', author_email: '' }, { identityRequired: false, website: true }, {}],
    ['a bad e-mail when optional', { author_email: 'nope' }, { identityRequired: false, website: true }, { author_email: 'format' }],
    ['e-mail without @', { author_email: 'sara.example.com' }, strict, { author_email: 'format' }],
    ['e-mail without a dotted domain', { author_email: 'sara@localhost' }, strict, { author_email: 'format' }],
    ['e-mail with a space', { author_email: 'sa ra@example.com' }, strict, { author_email: 'format' }],
    ['a website without scheme', { author_url: 'example.com' }, strict, {}],
    ['a javascript: website', { author_url: 'javascript:alert(1)' }, strict, { author_url: 'format' }],
    ['a website that is not a URL', { author_url: 'not a url' }, strict, { author_url: 'format' }],
    ['a bad website when there is no website field', { author_url: 'not a url' }, { identityRequired: true, website: false }, {}],
    [`name at ${LIMITS.author_name}`, { author_name: x(245) }, strict, {}],
    ['name over 245', { author_name: x(246) }, strict, { author_name: 'too-long' }],
    // WordPress measures in UTF-8 bytes: an Arabic letter is 2, an emoji 4.
    ['name of 122 Arabic letters (244 bytes)', { author_name: 'س'.repeat(122) }, strict, {}],
    ['name of 123 Arabic letters (246 bytes)', { author_name: 'س'.repeat(123) }, strict, { author_name: 'too-long' }],
    ['e-mail over 100', { author_email: `${x(90)}@example.com` }, strict, { author_email: 'too-long' }],
    ['website over 200', { author_url: `https://example.com/${x(190)}` }, strict, { author_url: 'too-long' }],
    ['comment at 65525', { content: x(65525) }, strict, {}],
    ['comment over 65525', { content: x(65526) }, strict, { content: 'too-long' }],
    ['comment of 32762 Arabic letters and a letter (65525 bytes)', { content: `${'ع'.repeat(32_762)}x` }, strict, {}],
    ['comment of 32763 Arabic letters (65526 bytes)', { content: 'ع'.repeat(32_763) }, strict, { content: 'too-long' }],
    ['comment of 16381 emoji and a letter (65525 bytes)', { content: `${'😀'.repeat(16_381)}x` }, strict, {}],
    ['comment of 16382 emoji (65528 bytes)', { content: '😀'.repeat(16_382) }, strict, { content: 'too-long' }],
    ['a bare host measured with the http:// it gets', { author_url: `example.com/${x(182)}` }, strict, { author_url: 'too-long' }],
    ['everything wrong', { content: '', author_name: '', author_email: 'a@', author_url: 'x y' }, strict, {
      content: 'required',
      author_name: 'required',
      author_email: 'format',
      author_url: 'format',
    }],
  ];
  for (const [name, values, options, expected] of cases) {
    it(name, () => expect(validate({ ...ok, ...values }, options)).to.deep.equal(expected));
  }

  it('finds the first invalid field in screen order', () => {
    expect(firstInvalid({ author_url: 'format', author_name: 'required' })).to.equal('author_name');
    expect(firstInvalid({ author_email: 'format', content: 'required' })).to.equal('content');
    expect(firstInvalid({})).to.equal(undefined);
  });

  it('accepts e-mail addresses WordPress accepts', () => {
    for (const good of ['a@b.co', 'first.last+tag@sub.example.org']) expect(isEmail(good), good).to.equal(true);
    for (const bad of ['a@b', '@b.co', 'a@@b.co', 'a..b@c.co', 'a@b..co']) expect(isEmail(bad), bad).to.equal(false);
  });

  it('normalizes websites as WordPress stores them', () => {
    expect(normalizeUrl('example.com')).to.equal('http://example.com');
    expect(normalizeUrl(' https://example.com/x ')).to.equal('https://example.com/x');
    expect(normalizeUrl('')).to.equal('');
    expect(normalizeUrl('ftp://example.com')).to.equal(undefined);
  });
});
