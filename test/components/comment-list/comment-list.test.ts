import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/comment-list.js';
import type { NwCommentList } from '../../../src/components/comment-list/comment-list.js';
import type { NwCommentForm } from '../../../src/components/comment-form/comment-form.js';
import { comment, ENDPOINT, json, useStubbedFetch } from '../comment-form/helpers.js';

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString().slice(0, 19);

const page = (comments: unknown[], total = comments.length, pages = 1): Response =>
  json(comments, 200, { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(pages) });

const T = {
  en: { count3: '3 comments', reply: 'Reply', cancel: 'Cancel reply', more: 'Load more comments', loading: 'Loading comments…', failed: 'Comments could not be loaded.', retry: 'Try again', held: 'Awaiting moderation', ago: '2 hours ago', replyHeld: 'Your reply is awaiting moderation.' },
  ar: { count3: '3 تعليقات', reply: 'رد', cancel: 'إلغاء الرد', more: 'تحميل المزيد من التعليقات', loading: 'جارٍ تحميل التعليقات…', failed: 'تعذّر تحميل التعليقات.', retry: 'أعد المحاولة', held: 'بانتظار المراجعة', ago: 'قبل ساعتين', replyHeld: 'ردّك بانتظار المراجعة.' },
};

const three = (): unknown[] => [
  comment({ id: 1, author_name: 'سارة', date_gmt: hoursAgo(2) }),
  comment({ id: 2, author_name: 'John', content: { rendered: '<p>Hello <script>window.pwned=1</script><a href="javascript:x">x</a></p>' } }),
  comment({ id: 3, parent: 1, author_name: 'علي' }),
];

for (const [lang, t] of [['en', T.en], ['ar', T.ar]] as const) {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  async function mount(attrs = ''): Promise<NwCommentList> {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir=${dir} lang=${lang}></div>`);
    wrapper.innerHTML = `<nw-comment-list endpoint="${ENDPOINT}" post-id="42" ${attrs}></nw-comment-list>`;
    const list = wrapper.firstElementChild as NwCommentList;
    await list.updateComplete;
    return list;
  }
  const loaded = async (list: NwCommentList): Promise<void> => {
    const counted = (): boolean =>
      $(list, 'section')?.getAttribute('aria-busy') === 'false' && !/^(Comments|التعليقات)$/.test(text($(list, '[part~=count]')));
    try {
      await waitUntil(counted);
    } catch {
      throw new Error(`never loaded: "${text($(list, 'section'))}" busy=${$(list, 'section')?.getAttribute('aria-busy')}`);
    }
    await list.updateComplete;
  };

  describe(`<nw-comment-list> in ${lang} (${dir})`, () => {
    const fetch = useStubbedFetch();

    it('loads, counts in words, threads and is accessible', async () => {
      fetch().callsFake(async () => page(three()));
      const list = await mount();
      await loaded(list);
      const url = new URL(String(fetch().firstCall.args[0]));
      expect(Object.fromEntries(url.searchParams)).to.deep.equal({ post: '42', per_page: '20', page: '1', order: 'asc' });
      expect($(list, 'section')!.getAttribute('dir')).to.equal(dir);
      expect(text($(list, '[part~=count]'))).to.equal(t.count3);
      const top = [...list.shadowRoot!.querySelectorAll('section > ol > li > article')].map((a) => a.id);
      expect(top).to.deep.equal(['comment-1', 'comment-2']);
      expect($(list, '#comment-1 + ol #comment-3')).not.to.equal(null);
      expect(text($(list, '#comment-1 bdi[part~=author]'))).to.equal('سارة');
      expect($(list, '#comment-1 [part~=content]')!.getAttribute('dir')).to.equal('auto');
      const time = $(list, '#comment-1 time')!;
      expect(text(time)).to.equal(t.ago);
      expect(text($(list, '#comment-1 [part~=meta]'))).to.equal(`سارة · ${t.ago}`, 'name and date apart');
      expect(time.getAttribute('datetime')).to.match(/Z$/);
      expect(text($(list, '#comment-1 [part~=reply]'))).to.equal(t.reply);
      await expect(list).to.be.accessible();
    });

    it('renders script and link payloads inert', async () => {
      window.pwned = undefined;
      fetch().callsFake(async () => page(three()));
      const list = await mount();
      await loaded(list);
      const content = $(list, '#comment-2 [part~=content]')!;
      expect(content.innerHTML).to.equal('<p>Hello x</p>');
      expect(content.querySelector('script, a')).to.equal(null);
      expect(window.pwned).to.equal(undefined);
    });

    it('loads more pages', async () => {
      fetch().onFirstCall().resolves(page(three(), 4, 2));
      fetch().onSecondCall().resolves(page([comment({ id: 4, author_name: 'Mona' })], 4, 2));
      const list = await mount('per-page="3"');
      await loaded(list);
      const more = $(list, '[part~=more]')!;
      expect(text(more)).to.equal(t.more);
      more.click();
      await waitUntil(() => $(list, '#comment-4'));
      expect(new URL(String(fetch().secondCall.args[0])).searchParams.get('page')).to.equal('2');
      expect(new URL(String(fetch().secondCall.args[0])).searchParams.get('per_page')).to.equal('3');
      await list.updateComplete;
      expect($(list, '[part~=more]')).to.equal(null);
    });

    it('says it is loading on the line of its heading, so nothing below moves when the page arrives', async () => {
      let answer!: (response: Response) => void;
      fetch().onFirstCall().returns(new Promise<Response>((resolve) => (answer = resolve)));
      const list = await mount();
      await waitUntil(() => $(list, 'section')?.getAttribute('aria-busy') === 'true');
      expect(text($(list, '[part~=count]'))).to.equal(t.loading);
      const loadingHeight = list.getBoundingClientRect().height;
      answer(page([]));
      await loaded(list);
      expect(list.getBoundingClientRect().height).to.equal(loadingHeight);
    });

    it('keeps "load more" in place while the next page loads', async () => {
      let answer!: (response: Response) => void;
      fetch().onFirstCall().resolves(page(three(), 4, 2));
      fetch().onSecondCall().returns(new Promise<Response>((resolve) => (answer = resolve)));
      const list = await mount('per-page="3"');
      await loaded(list);
      $(list, '[part~=more]')!.click();
      await waitUntil(() => $(list, 'section')?.getAttribute('aria-busy') === 'true');
      expect(text($(list, '[part~=more]'))).to.equal(t.loading);
      answer(page([comment({ id: 4, author_name: 'Mona' })], 4, 2));
      await waitUntil(() => $(list, '#comment-4'));
    });

    it('shows a retry button when loading fails, and retries', async () => {
      fetch().onFirstCall().rejects(new TypeError('Failed to fetch'));
      fetch().onSecondCall().resolves(page(three()));
      const list = await mount();
      await waitUntil(() => $(list, '[part~=retry]'));
      expect(text($(list, 'section'))).to.contain(t.failed);
      await expect(list).to.be.accessible();
      $(list, '[part~=retry]')!.click();
      await loaded(list);
      expect(text($(list, '[part~=count]'))).to.equal(t.count3);
    });

    it('opens a reply form under a comment, and cancelling returns focus', async () => {
      fetch().callsFake(async () => page(three()));
      const list = await mount();
      await loaded(list);
      const reply = $(list, '#comment-2 [part~=reply]')!;
      reply.click();
      await waitUntil(() => $(list, '#comment-2 nw-comment-form'));
      const form = $<NwCommentForm>(list, '#comment-2 nw-comment-form')!;
      await form.updateComplete;
      expect(form.getAttribute('parent')).to.equal('2');
      expect(form.getAttribute('post-id')).to.equal('42');
      expect(reply.getAttribute('aria-expanded')).to.equal('true');
      await waitUntil(() => form.shadowRoot!.activeElement?.id === 'comment', 'the reply field gets focus');
      await expect(list).to.be.accessible();
      $(list, '#comment-2 [part~=cancel]')!.click();
      await waitUntil(() => list.shadowRoot!.activeElement === reply);
      expect($(list, 'nw-comment-form')).to.equal(null);
      expect(reply.getAttribute('aria-expanded')).to.equal('false');
    });

    it('shows the reader’s held reply at once, marked, and announces it', async () => {
      fetch().callsFake(async () => page(three()));
      const list = await mount();
      await loaded(list);
      $(list, '#comment-3 [part~=reply]')!.click();
      await waitUntil(() => $(list, '#comment-3 nw-comment-form'));
      const form = $<NwCommentForm>(list, '#comment-3 nw-comment-form')!;
      await form.updateComplete;
      fetch().resolves(json(comment({ id: 50, parent: 3, status: 'hold', author_name: 'Reader', content: { rendered: '<p>my reply</p>' } }), 201));
      const field = form.shadowRoot!.querySelector<HTMLTextAreaElement>('#comment')!;
      field.value = 'my reply';
      field.dispatchEvent(new Event('input'));
      for (const [id, value] of [['author', 'Reader'], ['email', 'r@example.com']]) {
        const input = form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
      await form.updateComplete;
      form.shadowRoot!.querySelector<HTMLButtonElement>('[type=submit]')!.click();
      await waitUntil(() => $(list, '#comment-50'), 'the reply never appeared');
      expect($(list, '#comment-3 + ol #comment-50')).not.to.equal(null, 'nested under its parent');
      expect(text($(list, '#comment-50 [part~=held]'))).to.equal(t.held);
      expect(text($(list, '[role=status]'))).to.equal(t.replyHeld);
      await waitUntil(() => list.shadowRoot!.activeElement?.id === 'comment-50');
      expect($(list, 'nw-comment-form')).to.equal(null);
      expect(text($(list, '[part~=count]'))).to.equal(t.count3, 'held comments are not counted');
      await expect(list).to.be.accessible();
    });
  });
}

describe('<nw-comment-list> behaviour', () => {
  const fetch = useStubbedFetch();

  it('counts with every Arabic plural form from X-WP-Total', async () => {
    for (const [total, words] of [[0, 'لا توجد تعليقات بعد'], [1, 'تعليق واحد'], [2, 'تعليقان'], [3, '3 تعليقات'], [11, '11 تعليقاً'], [100, '100 تعليق']] as const) {
      // One comment a page, so that every total can be paged.
      fetch().callsFake(async () => page(total ? [comment()] : [], total, total));
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl"></div>`);
      wrapper.innerHTML = `<nw-comment-list endpoint="${ENDPOINT}" post-id="42" per-page="1"></nw-comment-list>`;
      const list = wrapper.firstElementChild as NwCommentList;
      await waitUntil(() => text($(list, '[part~=count]')) === words, `${total} → ${words}, got ${text($(list, '[part~=count]'))}`);
      if (total === 0) await expect(list).to.be.accessible();
    }
  });

  it('speaks the new language in every comment already shown when the page changes its lang', async () => {
    fetch().callsFake(async () => page(three()));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en" dir="ltr"></div>`);
    wrapper.innerHTML = `<nw-comment-list endpoint="${ENDPOINT}" post-id="42"></nw-comment-list>`;
    const list = wrapper.firstElementChild as NwCommentList;
    await waitUntil(() => list.shadowRoot!.querySelectorAll('[part~=reply]').length === 3);
    const replies = (): string[] => [...list.shadowRoot!.querySelectorAll('[part~=reply]')].map(text);
    expect(replies()).to.deep.equal(['Reply', 'Reply', 'Reply']);
    wrapper.setAttribute('lang', 'ar');
    wrapper.setAttribute('dir', 'rtl');
    await waitUntil(() => replies().every((label) => label === 'رد'), `still ${replies().join(', ')}`);
    const dates = [...list.shadowRoot!.querySelectorAll('[part~=date]')].map(text);
    expect(dates.every((date) => /\p{Script=Arabic}/u.test(date)), dates.join(', ')).to.be.true;
  });

  it('loads only when it nears the viewport', async () => {
    fetch().callsFake(async () => page(three()));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><div style="block-size: 5000px"></div></div>`);
    wrapper.insertAdjacentHTML('beforeend', `<nw-comment-list endpoint="${ENDPOINT}" post-id="42"></nw-comment-list>`);
    const list = wrapper.lastElementChild as NwCommentList;
    await list.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(fetch().called).to.equal(false);
    list.scrollIntoView();
    await waitUntil(() => fetch().called, 'never loaded after scrolling');
    window.scrollTo(0, 0);
  });

  it('shows a comment sent from a form for the same article at once, and ignores other articles', async () => {
    fetch().callsFake(async () => page(three(), 3));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    wrapper.innerHTML = `<nw-comment-list endpoint="${ENDPOINT}" post-id="42" order="desc"></nw-comment-list>
      <nw-comment-form endpoint="${ENDPOINT}" post-id="42"></nw-comment-form>
      <nw-comment-form endpoint="${ENDPOINT}" post-id="7"></nw-comment-form>`;
    const list = wrapper.querySelector('nw-comment-list')!;
    await waitUntil(() => $(list, '#comment-1'));
    const [same, other] = [...wrapper.querySelectorAll('nw-comment-form')];
    const send = (form: Element, detail: unknown): boolean =>
      form.dispatchEvent(new CustomEvent('nw-comment-sent', { bubbles: true, composed: true, detail }));
    send(other, comment({ id: 70, post: 7 }));
    send(same, comment({ id: 60, author_name: 'Reader', content: { rendered: '<p>mine</p>' } }));
    await waitUntil(() => $(list, '#comment-60'));
    expect($(list, '#comment-70')).to.equal(null);
    const first = list.shadowRoot!.querySelector('section > ol > li > article')!;
    expect(first.id).to.equal('comment-60', 'newest first with order=desc');
    expect($(list, '#comment-60 [part~=held]')).to.equal(null);
    expect(text($(list, '[part~=count]'))).to.equal('4 comments');
    expect(new URL(String(fetch().firstCall.args[0])).searchParams.get('order')).to.equal('desc');
  });

  it('keeps an open reply form, and what was typed in it, when a new comment is shown above it', async () => {
    fetch().callsFake(async () => page(three(), 3));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    wrapper.innerHTML = `<nw-comment-list endpoint="${ENDPOINT}" post-id="42" order="desc"></nw-comment-list>
      <nw-comment-form endpoint="${ENDPOINT}" post-id="42"></nw-comment-form>`;
    const list = wrapper.querySelector('nw-comment-list')!;
    await waitUntil(() => $(list, '#comment-2'));
    $(list, '#comment-2 [part~=reply]')!.click();
    await waitUntil(() => $(list, '#comment-2 nw-comment-form'));
    const reply = $<NwCommentForm>(list, '#comment-2 nw-comment-form')!;
    await reply.updateComplete;
    const name = reply.shadowRoot!.querySelector<HTMLInputElement>('#author')!;
    name.value = 'Reader';
    name.dispatchEvent(new Event('input'));
    const main = wrapper.querySelector('nw-comment-form')!;
    main.dispatchEvent(new CustomEvent('nw-comment-sent', { bubbles: true, composed: true, detail: comment({ id: 60 }) }));
    await waitUntil(() => $(list, '#comment-60'));
    expect(list.shadowRoot!.querySelector('section > ol > li > article')!.id).to.equal('comment-60');
    // Compared by identity, not with chai's equal on two elements, whose failure message walks them whole.
    expect($(list, '#comment-2 nw-comment-form') === reply).to.equal(true, 'the same form, moved along with its comment');
    expect(reply.shadowRoot!.querySelector<HTMLInputElement>('#author')!.value).to.equal('Reader');
  });

  // One bad item from a server or plugin costs that item only.
  const badItems: Array<[string, unknown]> = [
    ['date_gmt a number', comment({ id: 2, date_gmt: 1_772_359_200 })],
    ['content missing', comment({ id: 2, content: undefined })],
    ['content.rendered not a string', comment({ id: 2, content: { rendered: ['<p>x</p>'] } })],
    ['null', null],
    ['a number', 2],
    ['a string', '<p>x</p>'],
    ['an array', [comment({ id: 2 })]],
    ['author_name an object', comment({ id: 2, author_name: { first: 'x' } })],
    ['author_url a number', comment({ id: 2, author_url: 5 })],
    ['id a string', comment({ id: '2' })],
    ['id negative', comment({ id: -2 })],
    ['id a fraction', comment({ id: 2.5 })],
    ['parent garbage', comment({ id: 2, parent: 'abc' })],
    ['parent negative', comment({ id: 2, parent: -1 })],
    ['status an object', comment({ id: 2, status: { raw: 'approved' } })],
    ['a duplicate id', comment({ id: 1, author_name: 'Duplicate' })],
  ];
  for (const [name, bad] of badItems) {
    it(`skips an item with ${name} and shows the rest`, async () => {
      fetch().callsFake(async () => page([comment({ id: 1 }), bad, comment({ id: 3, author_name: 'Mona' })], 3));
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
      wrapper.innerHTML = `<nw-comment-list endpoint="${ENDPOINT}" post-id="42"></nw-comment-list>`;
      const list = wrapper.firstElementChild as NwCommentList;
      await waitUntil(() => $(list, '#comment-3'), `the list never showed the good items: "${text($(list, 'section'))}"`);
      const shown = [...list.shadowRoot!.querySelectorAll('article')].map((a) => `${a.id} ${text(a.querySelector('[part~=author]'))}`);
      expect(shown).to.deep.equal(['comment-1 سارة', 'comment-3 Mona']);
      expect($(list, '[part~=retry]')).to.equal(null);
      await expect(list).to.be.accessible();
    });
  }

  // [X-WP-Total, X-WP-TotalPages, comments on the page, per-page, count shown, "load more" shown]
  const absurd: Array<[string, string, number, number, string, boolean]> = [
    ['1e308', '1', 3, 20, '3 comments', false],
    ['-5', '1', 3, 20, '3 comments', false],
    ['abc', '1', 3, 20, '3 comments', false],
    ['Infinity', '1', 3, 20, '3 comments', false],
    ['1000', '2', 3, 3, '6 comments', true],
    ['4', '1e308', 3, 3, '3 comments', false],
    ['4', 'abc', 3, 3, '3 comments', false],
    ['50', '9', 3, 20, '3 comments', false],
  ];
  for (const [total, pages, count, perPage, words, more] of absurd) {
    it(`clamps X-WP-Total ${total} with X-WP-TotalPages ${pages} to what can be paged: ${words}`, async () => {
      const items = [comment({ id: 1 }), comment({ id: 2 }), comment({ id: 3 })].slice(0, count);
      fetch().callsFake(async () => json(items, 200, { 'X-WP-Total': total, 'X-WP-TotalPages': pages }));
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
      wrapper.innerHTML = `<nw-comment-list endpoint="${ENDPOINT}" post-id="42" per-page="${perPage}"></nw-comment-list>`;
      const list = wrapper.firstElementChild as NwCommentList;
      await waitUntil(() => $(list, '#comment-1') && $(list, 'section')!.getAttribute('aria-busy') === 'false');
      expect(text($(list, '[part~=count]'))).to.equal(words);
      expect($(list, '[part~=more]') !== null).to.equal(more);
    });
  }

  it('caps per-page at 100', async () => {
    fetch().callsFake(async () => page([]));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    wrapper.innerHTML = `<nw-comment-list endpoint="${ENDPOINT}" post-id="42" per-page="500"></nw-comment-list>`;
    await waitUntil(() => fetch().called);
    expect(new URL(String(fetch().firstCall.args[0])).searchParams.get('per_page')).to.equal('100');
  });
});
