import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/comment-count.js';
import type { NwCommentCount } from '../../../src/components/comment-count/comment-count.js';
import { json, stalled, useStubbedFetch } from '../comment-form/helpers.js';

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const link = (el: NwCommentCount): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>('[part~=link]')!;
const shown = (el: NwCommentCount): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>('[part~=count]')!;
/** What a sighted reader sees: the count's text unless it is only for assistive technology. */
const seen = (el: NwCommentCount): string => (shown(el).classList.contains('visually-hidden') ? '' : text(shown(el)));
const answer = (total: number | null, items: unknown[] = total ? [{ id: 1 }] : []): Response =>
  json(items, 200, total === null ? {} : { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(total) });

// Counts are kept for the page, so each test asks a fresh endpoint (its query is kept in every request).
let run = 0;
const fresh = (): string => `/wp-json/wp/v2/comments?test=${++run}`;
const postOf = (input: unknown): string | null => new URL(String(input)).searchParams.get('post');

const T = {
  en: { three: '3 comments', none: 'No comments', label: 'Comments', eleven: '11 comments' },
  ar: { three: '3 تعليقات', none: 'لا تعليقات', label: 'التعليقات', eleven: '11 تعليقًا' },
};

for (const [lang, t] of [['en', T.en], ['ar', T.ar]] as const) {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  async function mount(markup: string): Promise<NwCommentCount[]> {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir=${dir} lang=${lang}></div>`);
    wrapper.innerHTML = markup;
    const counts = [...wrapper.querySelectorAll('nw-comment-count')];
    await Promise.all(counts.map((el) => el.updateComplete));
    return counts;
  }
  const settled = async (el: NwCommentCount): Promise<void> => {
    await waitUntil(() => seen(el) !== '', `never settled: "${text(link(el))}"`);
    await el.updateComplete;
  };

  describe(`<nw-comment-count> in ${lang} (${dir})`, () => {
    const fetch = useStubbedFetch();

    it('shows the count in words, links to the article’s comments and is accessible', async () => {
      fetch().callsFake(async () => answer(3));
      const endpoint = fresh();
      const [el] = await mount(`<nw-comment-count endpoint="${endpoint}" post-id="42" href="/articles/a"></nw-comment-count>`);
      await expect(el).to.be.accessible();
      await settled(el);
      expect(seen(el)).to.equal(t.three);
      const a = link(el);
      expect(a.localName).to.equal('a');
      expect(a.getAttribute('href')).to.equal(`${location.origin}/articles/a#comments`);
      expect(a.getAttribute('dir')).to.equal(dir);
      expect(a.getAttribute('lang')).to.equal(lang);
      expect(fetch().callCount).to.equal(1);
      const [url, init] = fetch().firstCall.args;
      expect(Object.fromEntries(new URL(String(url)).searchParams)).to.deep.equal({ test: String(run), post: '42', per_page: '1', _fields: 'id' });
      expect(init?.credentials).to.equal('omit');
      await expect(el).to.be.accessible();
    });

    it('says "no comments" for none, in the element’s own language and digits', async () => {
      fetch().callsFake(async (input) => (postOf(input) === '1' ? answer(0) : answer(11)));
      const endpoint = fresh();
      const [none, eleven, egypt] = await mount(`
        <nw-comment-count endpoint="${endpoint}" post-id="1"></nw-comment-count>
        <nw-comment-count endpoint="${endpoint}" post-id="2"></nw-comment-count>
        <nw-comment-count endpoint="${endpoint}" post-id="2" lang="ar-EG"></nw-comment-count>`);
      await Promise.all([none, eleven, egypt].map(settled));
      expect(seen(none)).to.equal(t.none);
      expect(link(none).getAttribute('href')).to.equal('#comments');
      expect(seen(eleven)).to.equal(t.eleven);
      expect(seen(egypt)).to.equal('١١ تعليقًا');
      expect(link(egypt).getAttribute('dir')).to.equal('rtl');
    });

    it('fetches every count of the page together: one request per post, all in parallel, each kept for the page', async () => {
      const answers: Array<() => void> = [];
      fetch().callsFake((input) => new Promise<Response>((resolve) => answers.push(() => resolve(answer(Number(postOf(input)))))));
      const endpoint = fresh();
      const els = await mount([5, 6, 7, 5, 6].map((id) => `<nw-comment-count endpoint="${endpoint}" post-id="${id}"></nw-comment-count>`).join(''));
      await waitUntil(() => fetch().callCount === 3);
      await aTimeout(50);
      expect(fetch().callCount, 'one request per post, all before any answer').to.equal(3);
      expect(fetch().getCalls().map((call) => postOf(call.args[0]))).to.deep.equal(['5', '6', '7']);
      answers.forEach((respond) => respond());
      await Promise.all(els.map(settled));
      expect(els.map(seen)).to.deep.equal(lang === 'en'
        ? ['5 comments', '6 comments', '7 comments', '5 comments', '6 comments']
        : ['5 تعليقات', '6 تعليقات', '7 تعليقات', '5 تعليقات', '6 تعليقات']);
      const [later] = await mount(`<nw-comment-count endpoint="${endpoint}" post-id="7"></nw-comment-count>`);
      await settled(later);
      expect(fetch().callCount, 'the count is kept for the page').to.equal(3);
    });

    const failures: Array<[string, () => Promise<Response>]> = [
      ['a 500', async () => json({ code: 'internal_server_error', message: 'x', data: { status: 500 } }, 500)],
      ['a 401', async () => json({ code: 'rest_forbidden', message: 'x', data: { status: 401 } }, 401)],
      ['a network failure', async () => Promise.reject(new TypeError('Failed to fetch'))],
      ['non-JSON', async () => new Response('<html>', { status: 200, headers: { 'X-WP-Total': '3' } })],
      ['no X-WP-Total (CORS hid it)', async () => answer(null, [{ id: 1 }])],
      ['a garbage X-WP-Total', async () => json([{ id: 1 }], 200, { 'X-WP-Total': 'lots' })],
    ];
    for (const [name, failing] of failures) {
      it(`after ${name}: no number, still a link, and a later element tries again`, async () => {
        fetch().callsFake(failing);
        const endpoint = fresh();
        const [el] = await mount(`<nw-comment-count endpoint="${endpoint}" post-id="3" href="/articles/c"></nw-comment-count>`);
        await settled(el);
        expect(seen(el)).to.equal(t.label);
        expect(link(el).getAttribute('href')).to.equal(`${location.origin}/articles/c#comments`);
        await expect(el).to.be.accessible();
        fetch().callsFake(async () => answer(3));
        const [again] = await mount(`<nw-comment-count endpoint="${endpoint}" post-id="3"></nw-comment-count>`);
        await settled(again);
        expect(seen(again)).to.equal(t.three);
      });
    }

    it('gives up after 15 s without an answer', async () => {
      const clock = (await import('sinon')).default.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        fetch().callsFake(stalled());
        const [el] = await mount(`<nw-comment-count endpoint="${fresh()}" post-id="4"></nw-comment-count>`);
        await clock.tickAsync(1);
        expect(fetch().callCount).to.equal(1);
        await clock.tickAsync(14_998);
        expect(seen(el)).to.equal('');
        await clock.tickAsync(2);
        await el.updateComplete;
        expect(seen(el)).to.equal(t.label);
      } finally {
        clock.restore();
      }
    });

    it('while loading, nothing is seen but the link has its name', async () => {
      fetch().callsFake(stalled());
      const [el] = await mount(`<nw-comment-count endpoint="${fresh()}" post-id="8"></nw-comment-count>`);
      expect(seen(el)).to.equal('');
      expect(text(shown(el))).to.equal(t.label);
      expect(link(el).localName).to.equal('a');
      await expect(el).to.be.accessible();
    });

    const unusable: Array<[string, string]> = [
      ['no post-id', `endpoint="/wp-json/wp/v2/comments"`],
      ['a garbage post-id', `endpoint="/wp-json/wp/v2/comments" post-id="abc"`],
      ['a negative post-id', `endpoint="/wp-json/wp/v2/comments" post-id="-4"`],
      ['a fractional post-id', `endpoint="/wp-json/wp/v2/comments" post-id="1.5"`],
      ['no endpoint', `post-id="4"`],
    ];
    for (const [name, attrs] of unusable) {
      it(`with ${name}: sends nothing and shows the plain label`, async () => {
        const [el] = await mount(`<nw-comment-count ${attrs}></nw-comment-count>`);
        await aTimeout(20);
        expect(fetch().callCount).to.equal(0);
        expect(seen(el)).to.equal(t.label);
        await expect(el).to.be.accessible();
      });
    }

    it('a javascript: or data: href gives no link, only the text', async () => {
      fetch().callsFake(async () => answer(3));
      const endpoint = fresh();
      const els = await mount(`
        <nw-comment-count endpoint="${endpoint}" post-id="9" href="javascript:alert(1)"></nw-comment-count>
        <nw-comment-count endpoint="${endpoint}" post-id="9" href="data:text/html,x"></nw-comment-count>`);
      await Promise.all(els.map(settled));
      for (const el of els) {
        expect(link(el).localName).to.equal('span');
        expect(el.shadowRoot!.querySelector('a')).to.equal(null);
        expect(seen(el)).to.equal(t.three);
      }
      await expect(els[0]).to.be.accessible();
    });

    it('a new post-id shows that post’s count', async () => {
      fetch().callsFake(async (input) => answer(Number(postOf(input))));
      const [el] = await mount(`<nw-comment-count endpoint="${fresh()}" post-id="3"></nw-comment-count>`);
      await settled(el);
      el.postId = 11;
      await waitUntil(() => seen(el) === t.eleven);
    });

    it('re-renders when its language changes', async () => {
      fetch().callsFake(async () => answer(3));
      const [el] = await mount(`<nw-comment-count endpoint="${fresh()}" post-id="3"></nw-comment-count>`);
      await settled(el);
      el.setAttribute('lang', lang === 'ar' ? 'en' : 'ar');
      await waitUntil(() => seen(el) === (lang === 'ar' ? T.en.three : T.ar.three));
    });

    it('reserves its width: nothing after it moves when the count arrives (zero layout shift)', async () => {
      // Post N has the Nth count: each plural form, three digits, and the label after a failure (post 8).
      const totals = [0, 1, 2, 10, 99, 999, 250];
      let respond: Array<() => void> = [];
      fetch().callsFake((input) => new Promise<Response>((resolve) => {
        const total = totals[Number(postOf(input)) - 1];
        respond.push(() => resolve(total === undefined ? json({}, 500) : answer(total)));
      }));
      const endpoint = fresh();
      const wrapper = await fixture<HTMLDivElement>(html`<div dir=${dir} lang=${lang} style="font: 16px/1.5 serif; inline-size: 40rem"></div>`);
      wrapper.innerHTML = [1, 2, 3, 4, 5, 6, 7, 8]
        .map((id) => `<p>x <nw-comment-count endpoint="${endpoint}" post-id="${id}"></nw-comment-count><span class="after">y</span></p>`)
        .join('');
      const els = [...wrapper.querySelectorAll('nw-comment-count')];
      await Promise.all(els.map((el) => el.updateComplete));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const shifts: number[] = [];
      const supported = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
      const observer = supported
        ? new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push((entry as unknown as { value: number }).value)))
        : undefined;
      observer?.observe({ type: 'layout-shift', buffered: false });
      const places = (): string[] =>
        [...wrapper.querySelectorAll('.after')].map((after) => {
          const box = after.getBoundingClientRect();
          return `${Math.round(box.left)},${Math.round(box.top)}`;
        });
      const before = places();
      await waitUntil(() => respond.length === els.length);
      respond.forEach((answerNow) => answerNow());
      respond = [];
      await Promise.all(els.map(settled));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(places()).to.deep.equal(before);
      for (const el of els) {
        const widest = Math.max(...[...el.shadowRoot!.querySelectorAll('.sizer > *')].map((s) => s.getBoundingClientRect().width));
        expect(el.getBoundingClientRect().width, 'as wide as its widest text, no wider').to.be.closeTo(widest, 1);
      }
      observer?.disconnect();
      expect(shifts.reduce((a, b) => a + b, 0)).to.equal(0);
    });
  });
}
