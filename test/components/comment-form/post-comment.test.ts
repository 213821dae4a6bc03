import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { busyText } from '../../../src/components/comment-form/messages.js';
import { postComment, retryWait, type SendResult } from '../../../src/components/comment-form/post-comment.js';
import { ensureCatalog, inLocale } from '../../../src/i18n/localize.js';
import { comment, ENDPOINT, json, stubFetch } from './helpers.js';

const payload = { post: 42, parent: 0, content: 'مرحبا', author_name: 'سارة', author_email: 's@example.com' };
const NOW = Date.parse('2026-03-01T10:00:00Z');

describe('the wait a busy answer asks for', () => {
  // [Retry-After, body, seconds]
  const waits: Array<[string | null, unknown, number | undefined]> = [
    ['2', undefined, 2],
    ['0', undefined, 1],
    ['120', undefined, 120],
    ['Sun, 01 Mar 2026 10:00:05 GMT', undefined, 5],
    ['Sun, 01 Mar 2026 10:00:04 GMT', { data: { retryAfter: 9 } }, 4],
    ['Sun, 01 Mar 2026 09:00:00 GMT', undefined, 1],
    ['Sun, 01 Mar 2026 11:00:00 GMT', undefined, 3600],
    [null, { code: 'rest_database_busy', data: { status: 503, retryAfter: 2 } }, 2],
    [null, { data: { retryAfter: 0.2 } }, 1],
    [null, { data: { retryAfter: 2.5 } }, 3],
    ['abc', { data: { retryAfter: 3 } }, 3],
    [null, undefined, undefined],
    [null, { code: 'rest_database_busy', data: { status: 503 } }, undefined],
    ['', undefined, undefined],
    ['-1', undefined, undefined],
    ['abc', undefined, undefined],
    ['1e9', undefined, undefined],
    ['1.5', undefined, undefined],
    ['0x10', undefined, undefined],
    ['2026', undefined, 2026],
    ['Sun, 01 Mar 2026', undefined, undefined],
    ['Sun, 32 Foo 2026 10:00:05 GMT', { data: { retryAfter: 3 } }, undefined],
    [null, { data: { retryAfter: -1 } }, undefined],
    [null, { data: { retryAfter: '2' } }, undefined],
    [null, { data: { retryAfter: Infinity } }, undefined],
    [null, { data: { retryAfter: NaN } }, undefined],
    [null, { data: null }, undefined],
    [null, [2], undefined],
    [null, '<html>busy</html>', undefined],
  ];
  for (const [header, body, seconds] of waits) {
    it(`reads Retry-After ${JSON.stringify(header)} and the body ${JSON.stringify(body)} as ${seconds} s`, () => {
      expect(retryWait(header, body, NOW)).to.equal(seconds);
    });
  }
});

describe('posting to a busy site', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })));
  afterEach(() => sinon.restore());

  const busy = (headers: Record<string, string> = { 'Retry-After': '2' }, data: Record<string, unknown> = {}): Response =>
    json({ code: 'rest_database_busy', message: 'The database is busy.', data: { status: 503, ...data } }, 503, headers);

  /** Runs `postComment` with the clock moving by `step` until it settles; returns its result and what it told. */
  async function run(options: { signal?: AbortSignal } = {}, step = 500): Promise<{ result: SendResult; told: number[] }> {
    const told: number[] = [];
    let result: SendResult | undefined;
    void postComment(ENDPOINT, payload, { ...options, onRetry: (s) => told.push(s) }).then((r) => (result = r));
    for (let i = 0; i < 200 && !result; i++) await clock.tickAsync(step);
    if (!result) throw new Error('postComment never settled');
    return { result, told };
  }

  it('waits out Retry-After and sends again, telling the wait and its end', async () => {
    const fetch = stubFetch();
    fetch.onFirstCall().callsFake(async () => busy());
    fetch.onSecondCall().callsFake(async () => json(comment(), 201));
    const { result, told } = await run();
    expect(result.kind).to.equal('sent');
    expect(fetch.callCount).to.equal(2);
    expect(told).to.deep.equal([2, 0]);
    expect(JSON.parse(String(fetch.secondCall.args[1]?.body))).to.deep.equal(payload);
  });

  it('waits the Retry-After, not less', async () => {
    const fetch = stubFetch().callsFake(async () => busy({ 'Retry-After': '3' }));
    fetch.onSecondCall().callsFake(async () => json(comment(), 201));
    const pending = postComment(ENDPOINT, payload);
    await clock.tickAsync(2_999);
    expect(fetch.callCount).to.equal(1);
    await clock.tickAsync(1);
    expect((await pending).kind).to.equal('sent');
    expect(fetch.callCount).to.equal(2);
  });

  it('takes the body’s data.retryAfter when there is no Retry-After', async () => {
    const fetch = stubFetch().callsFake(async () => busy({}, { retryAfter: 1 }));
    fetch.onSecondCall().callsFake(async () => json(comment(), 201));
    const { result, told } = await run();
    expect(result.kind).to.equal('sent');
    expect(told).to.deep.equal([1, 0]);
  });

  it('retries a busy proxy’s HTML page that says when', async () => {
    const fetch = stubFetch().callsFake(async () => new Response('<h1>Busy</h1>', { status: 503, headers: { 'Retry-After': '1' } }));
    fetch.onSecondCall().callsFake(async () => json(comment(), 201));
    expect((await run()).result.kind).to.equal('sent');
  });

  it('gives up after 3 sends with the usual server failure', async () => {
    const fetch = stubFetch().callsFake(async () => busy());
    const { result, told } = await run();
    expect(result).to.deep.equal({ kind: 'failed', status: 503, reason: 'server' });
    expect(fetch.callCount).to.equal(3);
    expect(told).to.deep.equal([2, 0, 2, 0]);
  });

  const once: Array<[string, () => Promise<Response>, SendResult]> = [
    ['a 503 asking for more than 10 s', async () => busy({ 'Retry-After': '120' }), { kind: 'failed', status: 503, reason: 'server' }],
    ['a 503 asking for 11 s in its body', async () => busy({}, { retryAfter: 11 }), { kind: 'failed', status: 503, reason: 'server' }],
    ['a 503 that does not say when', async () => busy({}), { kind: 'failed', status: 503, reason: 'server' }],
    ['a 503 with a garbage Retry-After', async () => busy({ 'Retry-After': 'soon' }), { kind: 'failed', status: 503, reason: 'server' }],
    [
      'a 500 with Retry-After',
      async () => json({ code: 'internal', message: 'x' }, 500, { 'Retry-After': '1' }),
      { kind: 'failed', status: 500, reason: 'server' },
    ],
    ['a 502 with Retry-After', async () => new Response('bad gateway', { status: 502, headers: { 'Retry-After': '1' } }), { kind: 'failed', status: 502, reason: 'server' }],
    ['a dropped connection', () => Promise.reject(new TypeError('Failed to fetch')), { kind: 'failed', status: 0, reason: 'network' }],
  ];
  for (const [name, answer, expected] of once) {
    it(`sends once for ${name}`, async () => {
      const fetch = stubFetch().callsFake(answer);
      const { result, told } = await run({}, 5_000);
      expect(result).to.deep.equal(expected);
      expect(told).to.deep.equal([]);
      await clock.tickAsync(200_000);
      expect(fetch.callCount).to.equal(1);
    });
  }

  it('sends no more once its signal aborts the wait, and resolves with the busy answer', async () => {
    const fetch = stubFetch().callsFake(async () => busy());
    const controller = new AbortController();
    const told: number[] = [];
    const pending = postComment(ENDPOINT, payload, { signal: controller.signal, onRetry: (s) => told.push(s) });
    await clock.tickAsync(1_000);
    expect(told).to.deep.equal([2]);
    controller.abort();
    expect(await pending).to.deep.equal({ kind: 'failed', status: 503, reason: 'server' });
    await clock.tickAsync(10_000);
    expect(fetch.callCount).to.equal(1);
  });

  it('does not wait when its signal has already aborted', async () => {
    const fetch = stubFetch().callsFake(async () => busy());
    const { result, told } = await run({ signal: AbortSignal.abort() });
    expect(result.kind).to.equal('failed');
    expect(told).to.deep.equal([2]);
    expect(fetch.callCount).to.equal(1);
  });
});

describe('the busy message', () => {
  before(async () => ensureCatalog('ar'));

  const ar: Array<[number, string]> = [
    [0, 'الموقع مشغول. ستُعاد المحاولة بعد 0 ثانية…'],
    [1, 'الموقع مشغول. ستُعاد المحاولة بعد ثانية واحدة…'],
    [2, 'الموقع مشغول. ستُعاد المحاولة بعد ثانيتين…'],
    [3, 'الموقع مشغول. ستُعاد المحاولة بعد 3 ثوانٍ…'],
    [10, 'الموقع مشغول. ستُعاد المحاولة بعد 10 ثوانٍ…'],
    [11, 'الموقع مشغول. ستُعاد المحاولة بعد 11 ثانية…'],
    [100, 'الموقع مشغول. ستُعاد المحاولة بعد 100 ثانية…'],
  ];
  for (const [n, words] of ar) {
    it(`ar: ${n} → ${words}`, () => expect(inLocale('ar', () => busyText(n, 'ar'))).to.equal(words));
  }
  it('ar-EG: Arabic-Indic digits', () => expect(inLocale('ar', () => busyText(5, 'ar-EG'))).to.equal('الموقع مشغول. ستُعاد المحاولة بعد ٥ ثوانٍ…'));

  const en: Array<[number, string]> = [
    [1, 'The site is busy. Trying again in 1 second…'],
    [2, 'The site is busy. Trying again in 2 seconds…'],
    [10, 'The site is busy. Trying again in 10 seconds…'],
  ];
  for (const [n, words] of en) {
    it(`en: ${n} → ${words}`, () => expect(inLocale('en', () => busyText(n, 'en'))).to.equal(words));
  }
});
