import { expect } from '@open-wc/testing';
import { basicAuth, siblingRoute, toModComment } from '../../../src/components/comment-moderation/moderation-api.js';

describe('moderation API helpers', () => {
  it('signs as WordPress reads Basic auth: base64 of the UTF-8 bytes of user:password', () => {
    expect(basicAuth({ user: 'admin', password: 'abcd EFGH 1234' })).to.equal(`Basic ${btoa('admin:abcd EFGH 1234')}`);
    // "مها:x" as UTF-8 bytes, base64 encoded.
    expect(basicAuth({ user: 'مها', password: 'x' })).to.equal('Basic 2YXZh9inOng=');
  });

  const routes: [string, string, string | undefined][] = [
    ['https://news.example/wp-json/wp/v2/comments', 'users/me', 'https://news.example/wp-json/wp/v2/users/me'],
    ['https://news.example/wp-json/wp/v2/comments/', 'comments/5', 'https://news.example/wp-json/wp/v2/comments/5'],
    ['https://blog.example/?rest_route=/wp/v2/comments', 'posts', 'https://blog.example/?rest_route=%2Fwp%2Fv2%2Fposts'],
    ['/wp-json/wp/v2/comments', 'users/me', new URL('/wp-json/wp/v2/users/me', document.baseURI).href],
    ['https://news.example/wp-json/wp/v2/posts', 'users/me', undefined],
    ['https://blog.example/?rest_route=/wp/v2/posts', 'users/me', undefined],
    ['javascript:alert(1)//wp/v2/comments', 'users/me', undefined],
    ['data:text/html,/wp/v2/comments', 'users/me', undefined],
    ['http://[bad/wp/v2/comments', 'users/me', undefined],
  ];
  for (const [endpoint, route, expected] of routes) {
    it(`${endpoint} + ${route} → ${expected ?? 'none'}`, () => expect(siblingRoute(endpoint, route)?.href).to.equal(expected));
  }

  it('keeps a comment with what it needs, fills missing text fields, and drops garbage', () => {
    const good = { id: 3, post: 42, status: 'hold', content: { rendered: '<p>x</p>' }, author_name: 'سارة', author_ip: 7 };
    expect(toModComment(good)).to.include({ id: 3, post: 42, status: 'hold', author_name: 'سارة', author_ip: '', author_email: '' });
    for (const bad of [null, 'x', { ...good, id: 0 }, { ...good, id: '3' }, { ...good, status: 'publish' }, { ...good, content: {} }]) {
      expect(toModComment(bad)).to.equal(undefined, JSON.stringify(bad));
    }
  });
});
