import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/comment-moderation.js';
import type { NwCommentModeration } from '../../../src/components/comment-moderation/comment-moderation.js';
import { ENDPOINT, useStubbedFetch } from '../comment-form/helpers.js';
import { fakeWordPress, PASSWORD, sample, USER } from './fake-wordpress.js';

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string): T => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = (el: Element, selector: string): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const KEY = `nw-moderation:${new URL(ENDPOINT, document.baseURI).href}`;

const T = {
  en: { hold: 'Pending', approve: 'Approve', undo: 'Undo', failedSignIn: 'Sign-in failed: check the user name and the application password.', server: 'The site could not do this just now.', network: 'The site could not be reached. Check the connection.', forbidden: 'You are not allowed to do this.', expired: 'The site no longer accepts this sign-in. Sign in again.', role: 'This account may not moderate comments.', ago: '1 hour ago' },
  ar: { hold: 'بانتظار المراجعة', approve: 'موافقة', undo: 'تراجع', failedSignIn: 'تعذّر تسجيل الدخول: تحقّق من اسم المستخدم وكلمة مرور التطبيق.', server: 'تعذّر على الموقع تنفيذ ذلك الآن.', network: 'تعذّر الوصول إلى الموقع. تحقّق من الاتصال.', forbidden: 'لا يُسمح لك بذلك.', expired: 'لم يعد الموقع يقبل تسجيل الدخول هذا. سجّل الدخول مجددًا.', role: 'لا يحق لهذا الحساب مراجعة التعليقات.', ago: 'قبل ساعة واحدة' },
};

for (const [lang, t] of [['en', T.en], ['ar', T.ar]] as const) {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  async function mount(endpoint = ENDPOINT): Promise<NwCommentModeration> {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir=${dir} lang=${lang}></div>`);
    wrapper.innerHTML = `<nw-comment-moderation endpoint="${endpoint}"></nw-comment-moderation>`;
    const el = wrapper.firstElementChild as NwCommentModeration;
    await el.updateComplete;
    return el;
  }

  async function signIn(el: NwCommentModeration, password = PASSWORD, remember = false): Promise<void> {
    $<HTMLInputElement>(el, '#user').value = ` ${USER} `;
    $<HTMLInputElement>(el, '#password').value = password;
    $<HTMLInputElement>(el, '[name=remember]').checked = remember;
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
  }

  const settled = async (el: NwCommentModeration): Promise<void> => {
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('[role=tabpanel][aria-busy=false]'), 'queue never loaded');
    await el.updateComplete;
  };
  const ids = (el: NwCommentModeration): string[] => $$(el, 'article').map((a) => a.id);
  const tabText = (el: NwCommentModeration): string[] => $$(el, '[role=tab]').map(text);

  describe(`<nw-comment-moderation> in ${lang} (${dir})`, () => {
    const fetch = useStubbedFetch();
    afterEach(() => sessionStorage.clear());

    it('asks for a user name and application password, accessibly, and sends nothing before', async () => {
      fakeWordPress(fetch(), sample());
      const el = await mount();
      expect($(el, 'section').getAttribute('dir')).to.equal(dir);
      expect($(el, '#password').getAttribute('type')).to.equal('password');
      expect($(el, '#password').getAttribute('autocomplete')).to.equal('current-password');
      expect(fetch().callCount).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('says a refused sign-in plainly and stays on the form, storing nothing', async () => {
      fakeWordPress(fetch(), sample());
      const el = await mount();
      await signIn(el, 'wrong', true);
      await waitUntil(() => text($(el, '[role=alert]')) !== '');
      expect(text($(el, '[role=alert]'))).to.equal(t.failedSignIn);
      expect($(el, '#user')).to.exist;
      expect(sessionStorage.getItem(KEY)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('asks for both fields before sending anything', async () => {
      fakeWordPress(fetch(), sample());
      const el = await mount();
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await el.updateComplete;
      expect(text($(el, '[role=alert]'))).to.not.equal('');
      expect(fetch().callCount).to.equal(0);
    });

    it('refuses an account that may not moderate', async () => {
      fakeWordPress(fetch(), sample(), { moderate_comments: false });
      const el = await mount();
      await signIn(el);
      await waitUntil(() => text($(el, '[role=alert]')) !== '');
      expect(text($(el, '[role=alert]'))).to.equal(t.role);
    });

    it('signs in with Basic auth and no cookies, shows the held queue with counts and every detail', async () => {
      fakeWordPress(fetch(), sample());
      const el = await mount();
      await signIn(el);
      await settled(el);
      const me = fetch().firstCall;
      expect(String(me.args[0])).to.match(/\/wp-json\/wp\/v2\/users\/me\?context=edit$/);
      const init = me.args[1]!;
      expect((init.headers as Record<string, string>).Authorization).to.equal(`Basic ${btoa(unescape(encodeURIComponent(`${USER}:${PASSWORD}`)))}`);
      expect(init.credentials).to.equal('omit');
      expect(sessionStorage.getItem(KEY)).to.equal(null, 'not remembered unless asked');
      const digits = (n: number): string => new Intl.NumberFormat(lang).format(n);
      expect(tabText(el)[0]).to.equal(`${t.hold} (${digits(3)})`);
      expect(tabText(el).map((s) => s.replace(/.*\((.*)\)/, '$1'))).to.deep.equal([3, 1, 1, 0].map(digits));
      expect(ids(el)).to.deep.equal(['comment-1', 'comment-2', 'comment-3']);
      const first = $(el, '#comment-1');
      expect(text(first)).to.contain('سارة').and.contain('sara@example.com').and.contain('203.0.113.5');
      expect(text(first)).to.contain('Post & title 42').and.contain(t.ago);
      expect(first.querySelector('a')!.getAttribute('href')).to.equal('https://news.example/p/42/#comment-1');
      expect(text(first.querySelector('.content p'))).to.equal('Comment 1', 'sanitized');
      expect(first.querySelector('.content script')).to.equal(null);
      const queue = fetch().getCalls().map((c) => new URL(String(c.args[0]))).find((u) => u.searchParams.get('per_page') === '20')!;
      expect(Object.fromEntries(queue.searchParams)).to.deep.equal({ status: 'hold', context: 'edit', per_page: '20', page: '1' });
      await expect(el).to.be.accessible();
    });

    it('approves one comment, reports it, moves the counts, and undoes it', async () => {
      const wp = fakeWordPress(fetch(), sample());
      const el = await mount();
      await signIn(el);
      await settled(el);
      const event = oneEvent(el, 'nw-moderate');
      $<HTMLButtonElement>(el, '#comment-2 .approve').click();
      expect((await event).detail).to.deep.equal({ id: 2, from: 'hold', to: 'approved' });
      await el.updateComplete;
      const post = fetch().getCalls().find((c) => c.args[1]?.method === 'POST')!;
      expect(String(post.args[0])).to.match(/\/wp-json\/wp\/v2\/comments\/2$/);
      expect(JSON.parse(String(post.args[1]!.body))).to.deep.equal({ status: 'approved' });
      expect(ids(el)).to.deep.equal(['comment-1', 'comment-3']);
      expect(wp.comments.find((c) => c.id === 2)!.status).to.equal('approved');
      expect(tabText(el)[0]).to.contain(new Intl.NumberFormat(lang).format(2));
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part=undo]').click();
      await waitUntil(() => ids(el).length === 3, 'undo never brought it back');
      expect(wp.comments.find((c) => c.id === 2)!.status).to.equal('hold');
      expect($(el, '[part=undo]')).to.equal(null);
    });

    it('works from the keyboard: j/k and arrows move, a approves, s spams, x selects', async () => {
      const wp = fakeWordPress(fetch(), sample());
      const el = await mount();
      await signIn(el);
      await settled(el);
      $(el, '#comment-1').focus();
      await sendKeys({ press: 'j' });
      expect(el.shadowRoot!.activeElement!.id).to.equal('comment-2');
      await el.updateComplete;
      expect($$(el, 'article[tabindex="0"]').map((a) => a.id)).to.deep.equal(['comment-2'], 'Tab comes back to one comment');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'k' });
      expect(el.shadowRoot!.activeElement!.id).to.equal('comment-2');
      await sendKeys({ press: 's' });
      await waitUntil(() => ids(el).length === 2);
      expect(wp.comments.find((c) => c.id === 2)!.status).to.equal('spam');
      expect(el.shadowRoot!.activeElement!.id).to.equal('comment-3', 'focus goes to the next comment');
      await sendKeys({ press: 'a' });
      await waitUntil(() => ids(el).length === 1);
      expect(wp.comments.find((c) => c.id === 3)!.status).to.equal('approved');
      await sendKeys({ press: 'x' });
      expect($<HTMLInputElement>(el, '#select-1').checked).to.equal(true);
    });

    it('moves between tabs with the arrow keys in reading direction', async () => {
      fakeWordPress(fetch(), sample());
      const el = await mount();
      await signIn(el);
      await settled(el);
      $(el, '#tab-hold').focus();
      await sendKeys({ press: dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight' });
      await settled(el);
      expect(el.shadowRoot!.activeElement!.id).to.equal('tab-approve');
      expect($(el, '#tab-approve').getAttribute('aria-selected')).to.equal('true');
      expect(ids(el)).to.deep.equal(['comment-4']);
      await expect(el).to.be.accessible();
    });

    it('trashes in bulk, then deletes permanently from the trash', async () => {
      const wp = fakeWordPress(fetch(), sample());
      const el = await mount();
      await signIn(el);
      await settled(el);
      $<HTMLInputElement>(el, '.bulk input[type=checkbox]').click();
      await el.updateComplete;
      $<HTMLSelectElement>(el, '#bulk').value = 'trash';
      $<HTMLButtonElement>(el, '.bulk button').click();
      await waitUntil(() => wp.comments.filter((c) => c.status === 'trash').length === 3);
      await waitUntil(() => ids(el).length === 0);
      $(el, '#tab-trash').click();
      await settled(el);
      expect(ids(el)).to.have.length(3);
      await expect(el).to.be.accessible();
      const event = oneEvent(el, 'nw-moderate');
      $<HTMLButtonElement>(el, '#comment-1 .delete').click();
      expect((await event).detail).to.deep.equal({ id: 1, from: 'trash', to: 'deleted' });
      const call = fetch().getCalls().find((c) => c.args[1]?.method === 'DELETE')!;
      expect(String(call.args[0])).to.match(/\/comments\/1\?force=true$/);
      expect(wp.comments.some((c) => c.id === 1)).to.equal(false);
    });

    it('restores from the trash to the status it had (WordPress’s untrash), and “not spam” holds', async () => {
      const wp = fakeWordPress(fetch(), sample());
      const el = await mount();
      await signIn(el);
      await settled(el);
      $(el, '#tab-approve').click();
      await settled(el);
      $<HTMLButtonElement>(el, '#comment-4 .trash').click();
      await waitUntil(() => wp.comments.find((c) => c.id === 4)!.status === 'trash');
      $(el, '#tab-trash').click();
      await settled(el);
      const restored = oneEvent(el, 'nw-moderate');
      $<HTMLButtonElement>(el, '#comment-4 .restore').click();
      expect((await restored).detail).to.deep.equal({ id: 4, from: 'trash', to: 'approved' });
      const sent = fetch().getCalls().filter((c) => c.args[1]?.method === 'POST').map((c) => JSON.parse(String(c.args[1]!.body)) as unknown);
      expect(sent.at(-1)).to.deep.equal({ status: 'untrash' });
      expect(wp.comments.find((c) => c.id === 4)!.status).to.equal('approved');
      await waitUntil(() => text($(el, '#tab-approve')).includes('1'));

      $(el, '#tab-spam').click();
      await settled(el);
      const unspammed = oneEvent(el, 'nw-moderate');
      $<HTMLButtonElement>(el, '#comment-5 .unspam').click();
      expect((await unspammed).detail).to.deep.equal({ id: 5, from: 'spam', to: 'hold' });
      expect(wp.comments.find((c) => c.id === 5)!.status).to.equal('hold');
    });

    it('shows a server error with a retry that recovers', async () => {
      const wp = fakeWordPress(fetch(), sample());
      const el = await mount();
      wp.fail = { method: 'GET', path: /\/comments$/, answer: 500 };
      await signIn(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[role=tabpanel] [part=error]'));
      expect(text($(el, '[role=tabpanel] [part=error]'))).to.contain(t.server);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[role=tabpanel] [part=error] button').click();
      await waitUntil(() => ids(el).length === 3);
      expect(el.shadowRoot!.querySelector('[role=tabpanel] [part=error]')).to.equal(null);
    });

    it('shows a network failure of an action, keeps the comment, and retries it', async () => {
      const wp = fakeWordPress(fetch(), sample());
      const el = await mount();
      await signIn(el);
      await settled(el);
      wp.fail = { method: 'POST', path: /\/comments\/1$/, answer: 'network' };
      $<HTMLButtonElement>(el, '#comment-1 .approve').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'));
      expect(text($(el, '[part=error]'))).to.contain(t.network);
      expect(ids(el)).to.contain('comment-1');
      $<HTMLButtonElement>(el, '[part=error] button').click();
      await waitUntil(() => !ids(el).includes('comment-1'));
      expect(wp.comments.find((c) => c.id === 1)!.status).to.equal('approved');
    });

    it('says a 403 and stays signed in', async () => {
      const wp = fakeWordPress(fetch(), sample());
      const el = await mount();
      await signIn(el);
      await settled(el);
      wp.fail = { method: 'POST', path: /\/comments\/1$/, answer: 403 };
      $<HTMLButtonElement>(el, '#comment-1 .spam').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'));
      expect(text($(el, '[part=error]'))).to.contain(t.forbidden);
      expect(ids(el)).to.contain('comment-1');
    });

    it('goes back to sign-in with a message on a 401, forgetting what it remembered', async () => {
      const wp = fakeWordPress(fetch(), sample());
      const el = await mount();
      await signIn(el, PASSWORD, true);
      await settled(el);
      expect(JSON.parse(sessionStorage.getItem(KEY)!)).to.deep.equal({ user: USER, password: PASSWORD });
      wp.fail = { method: 'POST', path: /\/comments\/1$/, answer: 401 };
      $<HTMLButtonElement>(el, '#comment-1 .approve').click();
      await waitUntil(() => el.shadowRoot!.querySelector('form'));
      expect(text($(el, 'form [role=alert]'))).to.equal(t.expired);
      expect(sessionStorage.getItem(KEY)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('"remember in this tab" signs the next element in; signing out forgets', async () => {
      fakeWordPress(fetch(), sample());
      const first = await mount();
      await signIn(first, PASSWORD, true);
      await settled(first);
      const second = await mount();
      await settled(second);
      expect(ids(second)).to.have.length(3);
      $<HTMLButtonElement>(second, '.who button').click();
      await second.updateComplete;
      expect($(second, 'form')).to.exist;
      expect(sessionStorage.getItem(KEY)).to.equal(null);
    });

    for (const endpoint of ['javascript:alert(1)', 'not a url at all', 'https://example.com/wp-json/wp/v2/posts', `https://example.com/${'x'.repeat(5000)}`]) {
      it(`says it cannot work with the endpoint ${endpoint.slice(0, 40)} and sends nothing`, async () => {
        const el = await mount(endpoint);
        expect(text($(el, '[role=alert]'))).to.not.equal('');
        expect(el.shadowRoot!.querySelector('form')).to.equal(null);
        expect(fetch().callCount).to.equal(0);
        await expect(el).to.be.accessible();
      });
    }
  });
}
