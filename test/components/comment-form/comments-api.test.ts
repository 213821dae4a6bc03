import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { fetchComments, pageCounts } from '../../../src/components/comment-form/comments-api.js';
import { postComment } from '../../../src/components/comment-form/post-comment.js';
import { comment, ENDPOINT, json, stalled, stubFetch } from './helpers.js';

const payload = { post: 42, parent: 0, content: 'مرحبا', author_name: 'سارة', author_email: 's@example.com' };

describe('comments API client', () => {
  afterEach(() => sinon.restore());

  it('posts JSON without credentials', async () => {
    const fetch = stubFetch().resolves(json(comment(), 201));
    const result = await postComment(ENDPOINT, payload);
    expect(result.kind).to.equal('sent');
    const [url, init] = fetch.firstCall.args as [string, RequestInit];
    expect(url).to.equal(ENDPOINT);
    expect(init.method).to.equal('POST');
    expect(init.credentials).to.equal('omit');
    expect((init.headers as Record<string, string>)['Content-Type']).to.equal('application/json');
    expect((init.headers as Record<string, string>)['X-WP-Nonce']).to.equal(undefined);
    expect(JSON.parse(String(init.body))).to.deep.equal(payload);
  });

  it('sends the nonce with credentials', async () => {
    const fetch = stubFetch().resolves(json(comment(), 201));
    await postComment(ENDPOINT, payload, { nonce: 'abc123' });
    const init = fetch.firstCall.args[1] as RequestInit;
    expect(init.credentials).to.equal('include');
    expect((init.headers as Record<string, string>)['X-WP-Nonce']).to.equal('abc123');
  });

  const answers: Array<[string, () => Promise<Response> | Response, string, string?]> = [
    ['201 approved', () => json(comment(), 201), 'sent'],
    ['201 hold', () => json(comment({ status: 'hold' }), 201), 'sent'],
    ['409 duplicate', () => json({ code: 'comment_duplicate', message: 'Dup', data: { status: 409 } }, 409), 'rejected'],
    ['500 JSON', () => json({ code: 'rest_comment_failed_create', message: 'x', data: { status: 500 } }, 500), 'failed', 'server'],
    ['500 HTML', () => new Response('<h1>Error</h1>', { status: 500 }), 'failed', 'server'],
    ['200 HTML', () => new Response('<html>captive portal</html>', { status: 200 }), 'failed', 'not-json'],
    ['400 JSON without a code', () => json({ error: 'x' }, 400), 'failed', 'server'],
    ['a dropped connection', () => Promise.reject(new TypeError('Failed to fetch')), 'failed', 'network'],
  ];
  for (const [name, answer, kind, reason] of answers) {
    it(`classifies ${name} as ${kind}`, async () => {
      stubFetch().callsFake(async () => answer());
      const result = await postComment(ENDPOINT, payload);
      expect(result.kind).to.equal(kind);
      if (reason) expect((result as { reason: string }).reason).to.equal(reason);
    });
  }

  it('gives up after 15 seconds', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fetch = stubFetch().callsFake(stalled());
    const pending = postComment(ENDPOINT, payload);
    await clock.tickAsync(14_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).to.equal(false);
    await clock.tickAsync(1);
    const result = await pending;
    expect(result).to.deep.equal({ kind: 'failed', status: 0, reason: 'timeout' });
    expect((fetch.firstCall.args[1] as RequestInit).signal?.aborted).to.equal(true);
  });

  it('reads a page of comments with the WordPress headers', async () => {
    const fetch = stubFetch().resolves(json([comment()], 200, { 'X-WP-Total': '21', 'X-WP-TotalPages': '2' }));
    const page = await fetchComments(ENDPOINT, { post: 42, page: 2, perPage: 20, order: 'asc' });
    expect(page.total).to.equal(21);
    expect(page.totalPages).to.equal(2);
    expect(page.comments).to.have.length(1);
    const url = new URL(String(fetch.firstCall.args[0]));
    expect(url.pathname).to.equal(ENDPOINT);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ post: '42', per_page: '20', page: '2', order: 'asc' });
    expect((fetch.firstCall.args[1] as RequestInit).credentials).to.equal('omit');
  });

  // [X-WP-Total, X-WP-TotalPages, page, per_page, items received] → [total, pages]
  const counts: Array<[string | null, string | null, number, number, number, number, number]> = [
    ['31', '2', 1, 20, 20, 31, 2],
    ['31', '2', 2, 20, 11, 31, 2],
    ['99', '2', 2, 20, 11, 31, 2],
    ['1e308', '3', 1, 20, 20, 60, 3],
    ['-4', '3', 1, 20, 20, 20, 3],
    ['abc', 'abc', 1, 20, 20, 20, 1],
    [null, null, 1, 20, 7, 7, 1],
    ['5', '1e308', 1, 5, 5, 5, 1],
    ['5', '-2', 1, 5, 5, 5, 1],
    ['8', '2.5', 1, 5, 5, 5, 1],
  ];
  for (const [total, pages, page, perPage, received, wantTotal, wantPages] of counts) {
    it(`bounds X-WP-Total ${total} / X-WP-TotalPages ${pages} on page ${page} of ${received}×${perPage} to ${wantTotal} in ${wantPages}`, () => {
      expect(pageCounts(total, pages, { post: 42, page, perPage, order: 'asc' }, received)).to.deep.equal({ total: wantTotal, totalPages: wantPages });
    });
  }

  it('rejects a failed page', async () => {
    stubFetch().resolves(new Response('nope', { status: 502 }));
    let error: unknown;
    try {
      await fetchComments(ENDPOINT, { post: 42, page: 1, perPage: 20, order: 'asc' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(Error);
  });
});
