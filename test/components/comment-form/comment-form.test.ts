import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/comment-form.js';
import type { NwCommentForm } from '../../../src/components/comment-form/comment-form.js';
import { bodyOf, comment, ENDPOINT, json, stalled, storedDraft, storedIdentity, useStubbedFetch } from './helpers.js';

interface Texts {
  heading: string;
  note: string;
  labels: string[];
  submit: string;
  required: Record<'comment' | 'author' | 'email', string>;
  emailFormat: string;
  urlFormat: string;
  tooLong: string;
  sending: string;
  approved: string;
  held: string;
  failed: string;
  busy1: string;
  retry: string;
  restored: string;
  discard: string;
  forms: Record<string, string>;
  unusable: string;
}

const en: Texts = {
  heading: 'Leave a comment',
  note: 'Your email address will not be published. Required fields are marked *',
  labels: ['Comment *', 'Name *', 'Email *', 'Website'],
  submit: 'Post Comment',
  required: {
    comment: 'Please type your comment.',
    author: 'Please enter your name.',
    email: 'Please enter your e-mail address.',
  },
  emailFormat: 'Please enter a valid e-mail address, like name@example.com.',
  urlFormat: 'Please enter a valid web address, like https://example.com.',
  tooLong: 'This is too long for the site. Please shorten it.',
  sending: 'Sending your comment…',
  approved: 'Your comment has been published.',
  held: 'Your comment is awaiting moderation.',
  failed: 'Your comment could not be sent. It is saved here; try again.',
  busy1: 'The site is busy. Trying again in 1 second…',
  retry: 'Try again',
  restored: 'Your unsent comment has been restored.',
  discard: 'Discard draft',
  forms: {
    comment_duplicate: 'You have already posted this comment.',
    comment_flood: 'You are posting comments too quickly. Wait a moment and try again.',
    rest_comment_closed: 'Comments are closed on this article.',
    rest_comment_login_required: 'You must be logged in to comment on this site.',
  },
  unusable: 'This comment form cannot be used: it does not say which article it belongs to.',
};

const ar: Texts = {
  heading: 'اترك تعليقاً',
  note: 'لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *',
  labels: ['التعليق *', 'الاسم *', 'البريد الإلكتروني *', 'الموقع الإلكتروني'],
  submit: 'إرسال التعليق',
  required: {
    comment: 'يُرجى كتابة تعليقك.',
    author: 'يُرجى إدخال اسمك.',
    email: 'يُرجى إدخال بريدك الإلكتروني.',
  },
  emailFormat: 'يُرجى إدخال بريد إلكتروني صحيح، مثل name@example.com.',
  urlFormat: 'يُرجى إدخال عنوان موقع صحيح، مثل https://example.com.',
  tooLong: 'النص أطول مما يقبله الموقع. يُرجى اختصاره.',
  sending: 'جارٍ إرسال تعليقك…',
  approved: 'نُشر تعليقك.',
  held: 'تعليقك بانتظار المراجعة.',
  failed: 'تعذّر إرسال التعليق. تعليقك محفوظ هنا؛ حاول مرة أخرى.',
  busy1: 'الموقع مشغول. ستُعاد المحاولة بعد ثانية واحدة…',
  retry: 'أعد المحاولة',
  restored: 'استُعيد تعليقك الذي لم يُرسَل.',
  discard: 'احذف المسودة',
  forms: {
    comment_duplicate: 'سبق أن أرسلت هذا التعليق.',
    comment_flood: 'أنت ترسل التعليقات بسرعة كبيرة. انتظر قليلاً ثم حاول مرة أخرى.',
    rest_comment_closed: 'التعليقات مغلقة على هذا المقال.',
    rest_comment_login_required: 'يجب تسجيل الدخول للتعليق على هذا الموقع.',
  },
  unusable: 'لا يمكن استخدام نموذج التعليق هذا: لم يُحدَّد المقال الذي ينتمي إليه.',
};

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function $<T extends HTMLElement = HTMLElement>(form: NwCommentForm, selector: string): T {
  const found = form.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

async function type(form: NwCommentForm, id: string, value: string): Promise<void> {
  const field = $<HTMLInputElement>(form, `#${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}

async function fillValid(form: NwCommentForm): Promise<void> {
  await type(form, 'comment', 'تعليق مهم جدًا');
  await type(form, 'author', 'سارة');
  await type(form, 'email', 'sara@example.com');
}

const status = (form: NwCommentForm): string => text($(form, '[part~=status]'));
const errorOf = (form: NwCommentForm, id: string): string => {
  const field = $(form, `#${id}`);
  const describedBy = field.getAttribute('aria-describedby');
  return describedBy ? text(form.shadowRoot!.getElementById(describedBy)) : '';
};
const submit = (form: NwCommentForm): void => $(form, '[type=submit]').click();

async function settle(form: NwCommentForm, phaseText: string): Promise<void> {
  await waitUntil(() => status(form) === phaseText, `status never became "${phaseText}" (was "${status(form)}")`);
  await form.updateComplete;
}

/** A reload: a new form in the old one's place, for the same endpoint and `post`; what the browser stored is kept. */
async function reload(form: NwCommentForm, post = 42): Promise<NwCommentForm> {
  const wrapper = form.parentElement!;
  wrapper.innerHTML = `<nw-comment-form endpoint="${ENDPOINT}" post-id="${post}"></nw-comment-form>`;
  const again = wrapper.firstElementChild as NwCommentForm;
  await again.updateComplete;
  return again;
}

for (const [lang, t] of [['en', en], ['ar', ar]] as const) {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  async function mount(attrs = ''): Promise<NwCommentForm> {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir=${dir} lang=${lang}></div>`,
    );
    wrapper.innerHTML = `<nw-comment-form endpoint="${ENDPOINT}" post-id="42" ${attrs}></nw-comment-form>`;
    const form = wrapper.firstElementChild as NwCommentForm;
    await form.updateComplete;
    return form;
  }

  describe(`<nw-comment-form> in ${lang} (${dir})`, () => {
    const fetch = useStubbedFetch();

    it('shows the seed page’s texts and is accessible when empty', async () => {
      const form = await mount();
      const section = $(form, '[part~=form]');
      expect(section.getAttribute('dir')).to.equal(dir);
      expect(section.getAttribute('lang')).to.equal(lang);
      expect(text($(form, '[part~=heading]'))).to.equal(t.heading);
      expect(text($(form, '[part~=note]'))).to.equal(t.note);
      expect([...form.shadowRoot!.querySelectorAll('[part~=label]')].map(text)).to.deep.equal(t.labels);
      expect(text($(form, '[type=submit]'))).to.equal(t.submit);
      expect($(form, 'form').hasAttribute('novalidate')).to.equal(true);
      expect($(form, '#email').getAttribute('type')).to.equal('email');
      expect($(form, '#email').getAttribute('dir')).to.equal('ltr');
      expect($(form, '#url').getAttribute('type')).to.equal('url');
      expect($(form, '#url').getAttribute('dir')).to.equal('ltr');
      expect($(form, '#comment').getAttribute('dir')).to.equal('auto');
      await expect(form).to.be.accessible();
    });

    it('explains every missing field by its field, focuses the first, and sends nothing', async () => {
      const form = await mount();
      submit(form);
      await waitUntil(() => $(form, '#comment').getAttribute('aria-invalid') === 'true');
      expect(form.shadowRoot!.activeElement?.id).to.equal('comment');
      expect(errorOf(form, 'comment')).to.equal(t.required.comment);
      expect(errorOf(form, 'author')).to.equal(t.required.author);
      expect(errorOf(form, 'email')).to.equal(t.required.email);
      expect($(form, '#url').getAttribute('aria-invalid')).to.equal('false');
      expect(fetch().called).to.equal(false);
      await expect(form).to.be.accessible();
    });

    it('checks e-mail and website formats and moves focus to the first bad one', async () => {
      const form = await mount();
      await type(form, 'comment', 'نص');
      await type(form, 'author', 'سارة');
      await type(form, 'email', 'sara@');
      await type(form, 'url', 'not a url');
      submit(form);
      await waitUntil(() => form.shadowRoot!.activeElement?.id === 'email');
      expect(errorOf(form, 'email')).to.equal(t.emailFormat);
      expect(errorOf(form, 'url')).to.equal(t.urlFormat);
      expect(errorOf(form, 'comment')).to.equal('');
      expect(fetch().called).to.equal(false);
      await type(form, 'email', 'sara@example.com');
      expect(errorOf(form, 'email')).to.equal('', 'a fixed field loses its error while typing');
      await expect(form).to.be.accessible();
    });

    it('applies WordPress’s length limits', async () => {
      const form = await mount();
      await type(form, 'comment', 'x'.repeat(65_526));
      await type(form, 'author', 'x'.repeat(246));
      await type(form, 'email', `${'x'.repeat(95)}@example.com`);
      await type(form, 'url', `https://example.com/${'x'.repeat(190)}`);
      submit(form);
      await waitUntil(() => form.shadowRoot!.activeElement?.id === 'comment');
      for (const id of ['comment', 'author', 'email', 'url']) expect(errorOf(form, id)).to.equal(t.tooLong);
      expect(fetch().called).to.equal(false);
    });

    // WordPress measures the content in UTF-8 bytes (`mb_strlen( $content, '8bit' )` ≤ 65,525): an Arabic letter
    // is 2 bytes, an emoji 4.
    const sizes: Array<[string, string, boolean]> = [
      ['Arabic at the limit', `${'ع'.repeat(32_762)}x`, true],
      ['Arabic one byte over', `${'ع'.repeat(32_762)}xx`, false],
      ['emoji at the limit', `${'😀'.repeat(16_381)}x`, true],
      ['emoji over', '😀'.repeat(16_382), false],
    ];
    for (const [name, content, sent] of sizes) {
      it(`counts the comment as WordPress does: ${name} is ${sent ? 'sent' : 'too long'}`, async () => {
        fetch().resolves(json(comment({ status: 'approved' }), 201));
        const form = await mount();
        await fillValid(form);
        await type(form, 'comment', content);
        submit(form);
        if (sent) {
          await settle(form, t.approved);
          expect((bodyOf(fetch()) as { content: string }).content).to.equal(content);
        } else {
          await waitUntil(() => form.shadowRoot!.activeElement?.id === 'comment');
          expect(errorOf(form, 'comment')).to.equal(t.tooLong);
          expect(fetch().called).to.equal(false);
          expect(storedDraft()).to.equal(content);
        }
      });
    }

    it('words the restored-draft notice in the reader’s language', async () => {
      const first = await mount();
      await type(first, 'comment', 'old draft');
      const form = await reload(first);
      expect(text($(form, '[part~=notice]'))).to.equal(`${t.restored} ${t.discard}`);
    });

    const tooLarge: Array<[string, () => Response]> = [
      ['the reference server’s 413 JSON', () => json({ code: 'rest_request_too_large', message: 'x', data: { status: 413 } }, 413)],
      ['a proxy’s 413 HTML page', () => new Response('<html><body>413 Request Entity Too Large</body></html>', { status: 413, headers: { 'Content-Type': 'text/html' } })],
      ['comment_content_column_length', () => json({ code: 'comment_content_column_length', message: 'x', data: { status: 400 } }, 400)],
    ];
    for (const [name, answer] of tooLarge) {
      it(`shows ${name} as the comment field’s “too long”, never the generic error, and keeps the draft`, async () => {
        fetch().callsFake(async () => answer());
        const form = await mount();
        await fillValid(form);
        submit(form);
        await waitUntil(() => form.shadowRoot!.activeElement?.id === 'comment', 'focus never reached the comment');
        expect(errorOf(form, 'comment')).to.equal(t.tooLong);
        expect($(form, '#comment').getAttribute('aria-invalid')).to.equal('true');
        expect(status(form)).to.equal('');
        expect($<HTMLTextAreaElement>(form, '#comment').value).to.equal('تعليق مهم جدًا');
        expect(storedDraft()).to.equal('تعليق مهم جدًا');
      });
    }

    it('makes name and e-mail optional with identity-optional, and drops the website with no-website', async () => {
      const form = await mount('identity-optional no-website');
      expect([...form.shadowRoot!.querySelectorAll('[part~=label]')].map(text)).to.deep.equal([
        t.labels[0],
        t.labels[1].replace(' *', ''),
        t.labels[2].replace(' *', ''),
      ]);
      expect(form.shadowRoot!.querySelector('#url')).to.equal(null);
      fetch().resolves(json(comment({ status: 'hold' }), 201));
      await type(form, 'comment', 'بلا اسم');
      submit(form);
      await settle(form, t.held);
      expect(bodyOf(fetch())).to.deep.equal({ post: 42, parent: 0, content: 'بلا اسم' });
    });

    it('sends the JSON payload once, busy in a way screen readers hear, then says it is published', async () => {
      let answer!: (r: Response) => void;
      fetch().returns(new Promise((resolve) => (answer = resolve)));
      const form = await mount('parent="3"');
      await fillValid(form);
      await type(form, 'url', 'example.com');
      const sent = new Promise<CustomEvent>((resolve) => form.addEventListener('nw-comment-sent', (e) => resolve(e), { once: true }));
      submit(form);
      await form.updateComplete;
      expect(status(form)).to.equal(t.sending);
      expect($(form, '[part~=status]').getAttribute('role')).to.equal('status');
      expect($(form, 'form').getAttribute('aria-busy')).to.equal('true');
      expect($(form, '[type=submit]').getAttribute('aria-disabled')).to.equal('true');
      await expect(form).to.be.accessible();
      submit(form);
      $(form, 'form').dispatchEvent(new Event('submit', { cancelable: true }));
      expect(fetch().callCount).to.equal(1, 'no double submission');
      const [url, init] = fetch().firstCall.args as [string, RequestInit];
      expect(url).to.equal(ENDPOINT);
      expect(init.method).to.equal('POST');
      expect(init.credentials).to.equal('omit');
      expect(bodyOf(fetch())).to.deep.equal({
        post: 42,
        parent: 3,
        content: 'تعليق مهم جدًا',
        author_name: 'سارة',
        author_email: 'sara@example.com',
        author_url: 'http://example.com',
      });
      expect(storedDraft(42, 3)).to.equal('تعليق مهم جدًا', 'kept while sending');

      answer(json(comment({ id: 99, parent: 3 }), 201));
      await settle(form, t.approved);
      expect((await sent).detail.id).to.equal(99);
      expect($<HTMLTextAreaElement>(form, '#comment').value).to.equal('');
      expect(storedDraft(42, 3)).to.equal(undefined, 'cleared after 2xx');
      expect($(form, 'form').getAttribute('aria-busy')).to.equal('false');
      await expect(form).to.be.accessible();
    });

    it('says a held comment is awaiting moderation', async () => {
      fetch().resolves(json(comment({ status: 'hold' }), 201));
      const form = await mount();
      await fillValid(form);
      submit(form);
      await settle(form, t.held);
      expect(storedDraft()).to.equal(undefined);
      await expect(form).to.be.accessible();
    });

    const failures: Array<[string, () => Promise<Response>]> = [
      ['a 500 answer', async () => json({ code: 'internal', message: 'x' }, 500)],
      // A busy database that does not say when to come back: nothing to wait for.
      ['a 503 without Retry-After', async () => json({ code: 'rest_database_busy', message: 'The database is busy.', data: { status: 503 } }, 503)],
      ['a non-JSON answer', async () => new Response('<!doctype html><title>Bad gateway</title>', { status: 200 })],
      ['a dropped connection', () => Promise.reject(new TypeError('NetworkError when attempting to fetch resource.'))],
    ];
    for (const [name, failure] of failures) {
      it(`keeps the comment through ${name}, a reload, and a retry that sends it exactly once`, async () => {
        fetch().callsFake(failure);
        const form = await mount();
        await fillValid(form);
        const error = new Promise<CustomEvent>((resolve) => form.addEventListener('nw-comment-error', (e) => resolve(e), { once: true }));
        submit(form);
        await settle(form, t.failed);
        expect((await error).detail.code).to.be.oneOf(['server', 'not-json', 'network']);
        expect($<HTMLTextAreaElement>(form, '#comment').value).to.equal('تعليق مهم جدًا');
        expect(storedDraft()).to.equal('تعليق مهم جدًا');
        expect(text($(form, '[part~=retry]'))).to.equal(t.retry);
        await expect(form).to.be.accessible();

        // A reload: a new element for the same endpoint, post and parent finds the draft.
        const again = await reload(form);
        expect($<HTMLTextAreaElement>(again, '#comment').value).to.equal('تعليق مهم جدًا');
        expect(text($(again, '[part~=notice]'))).to.contain(t.restored);

        // The original form's retry sends it once.
        again.parentElement!.replaceChildren(form);
        await form.updateComplete;
        fetch().resetHistory();
        fetch().callsFake(async () => json(comment({ id: 8 }), 201));
        $(form, '[part~=retry]').click();
        $(form, '[type=submit]').click();
        await settle(form, t.approved);
        expect(fetch().callCount).to.equal(1);
        expect(bodyOf(fetch())).to.deep.equal({ post: 42, parent: 0, content: 'تعليق مهم جدًا', author_name: 'سارة', author_email: 'sara@example.com' });
        expect(storedDraft()).to.equal(undefined);
      });
    }

    it('gives up on a 20 s stall after 15 s, keeping the comment, and a retry sends it once', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        fetch().callsFake(stalled(20_000, () => json(comment(), 201)));
        const form = await mount();
        await fillValid(form);
        submit(form);
        await clock.tickAsync(14_000);
        await form.updateComplete;
        expect(status(form)).to.equal(t.sending);
        await clock.tickAsync(1_000);
        await form.updateComplete;
        expect(status(form)).to.equal(t.failed);
        await clock.tickAsync(6_000);
        await form.updateComplete;
        expect(status(form)).to.equal(t.failed, 'the late answer of an aborted request changes nothing');
        expect($<HTMLTextAreaElement>(form, '#comment').value).to.equal('تعليق مهم جدًا');
        expect(storedDraft()).to.equal('تعليق مهم جدًا');
        fetch().resetHistory();
        fetch().callsFake(async () => json(comment(), 201));
        $(form, '[part~=retry]').click();
        clock.restore();
        await settle(form, t.approved);
        expect(fetch().callCount).to.equal(1);
      } finally {
        clock.restore();
      }
    });

    describe('when the site is busy', () => {
      let clock: sinon.SinonFakeTimers;
      // Clearing native timers too: an earlier test's `waitUntil` clears its own when its time is up, during these.
      beforeEach(() => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true })));
      afterEach(() => clock.restore());

      // What the reference server answers while another process holds the database's write lock.
      const busy = (retryAfter = '1'): Response =>
        json({ code: 'rest_database_busy', message: 'The database is busy.', data: { status: 503, retryAfter: 2 } }, 503, {
          'Retry-After': retryAfter,
        });

      /** Moves the fake clock by `ms` and lets the fake answers and the form's updates through. */
      async function tick(form: NwCommentForm, ms = 0): Promise<void> {
        await clock.tickAsync(ms);
        await form.updateComplete;
      }

      /** `settle` under the fake clock: lets the answers through, without moving the clock, until `phaseText` shows. */
      async function waitFor(condition: () => boolean): Promise<void> {
        for (let i = 0; i < 50 && !condition(); i++) await clock.tickAsync(0);
        expect(condition()).to.equal(true);
      }

      async function shows(form: NwCommentForm, phaseText: string): Promise<void> {
        for (let i = 0; i < 50 && status(form) !== phaseText; i++) await tick(form);
        expect(status(form)).to.equal(phaseText);
      }

      async function sent(form: NwCommentForm, phaseText: string): Promise<void> {
        await fillValid(form);
        submit(form);
        await shows(form, phaseText);
      }

      it('says it is waiting, sends again after Retry-After, and publishes as on a first success', async () => {
        fetch().onFirstCall().callsFake(async () => busy('1'));
        fetch().onSecondCall().callsFake(async () => json(comment({ id: 12 }), 201));
        const form = await mount();
        const published = new Promise<CustomEvent>((resolve) => form.addEventListener('nw-comment-sent', (e) => resolve(e), { once: true }));
        const errors: Event[] = [];
        form.addEventListener('nw-comment-error', (e) => errors.push(e));
        await sent(form, t.busy1);
        expect($(form, '[part~=status]').getAttribute('role')).to.equal('status');
        expect($(form, 'form').getAttribute('aria-busy')).to.equal('true', 'still sending while it waits');
        expect($(form, '[type=submit]').getAttribute('aria-disabled')).to.equal('true');
        expect(form.shadowRoot!.querySelector('[part~=retry]')).to.equal(null);
        expect(storedDraft()).to.equal('تعليق مهم جدًا', 'kept while it waits');
        expect(fetch().callCount).to.equal(1);

        await tick(form, 999);
        expect(fetch().callCount).to.equal(1, 'not before Retry-After');
        await tick(form, 1);
        await shows(form, t.approved);
        expect(fetch().callCount).to.equal(2);
        expect(bodyOf(fetch(), 1)).to.deep.equal(bodyOf(fetch(), 0));
        expect((await published).detail.id).to.equal(12);
        expect(errors).to.have.length(0);
        expect($<HTMLTextAreaElement>(form, '#comment').value).to.equal('');
        expect(storedDraft()).to.equal(undefined, 'cleared after the 2xx');
        expect($(form, 'form').getAttribute('aria-busy')).to.equal('false');
      });

      it('gives up after three busy answers, keeping the comment', async () => {
        fetch().callsFake(async () => busy('1'));
        const form = await mount();
        const error = new Promise<CustomEvent>((resolve) => form.addEventListener('nw-comment-error', (e) => resolve(e), { once: true }));
        await sent(form, t.busy1);
        await tick(form, 1_000);
        await waitFor(() => fetch().callCount === 2);
        await shows(form, t.busy1);
        await tick(form, 1_000);
        await shows(form, t.failed);
        expect((await error).detail).to.deep.equal({ code: 'server', status: 503 });
        expect(fetch().callCount).to.equal(3);
        expect($<HTMLTextAreaElement>(form, '#comment').value).to.equal('تعليق مهم جدًا');
        expect(storedDraft()).to.equal('تعليق مهم جدًا');
        expect(text($(form, '[part~=retry]'))).to.equal(t.retry);
        await tick(form, 60_000);
        expect(fetch().callCount).to.equal(3, 'no fourth send');
      });

      const once: Array<[string, () => Response]> = [
        ['a Retry-After of 120 s', () => busy('120')],
        ['a 500, even with Retry-After', () => json({ code: 'internal', message: 'x' }, 500, { 'Retry-After': '1' })],
      ];
      for (const [name, answer] of once) {
        it(`fails at once on ${name}, without sending again`, async () => {
          fetch().callsFake(async () => answer());
          const form = await mount();
          await sent(form, t.failed);
          await tick(form, 130_000);
          expect(fetch().callCount).to.equal(1);
          expect(storedDraft()).to.equal('تعليق مهم جدًا');
        });
      }

      it('sends nothing more once it is taken off the page during the wait', async () => {
        fetch().onFirstCall().callsFake(async () => busy('1'));
        fetch().onSecondCall().callsFake(async () => json(comment(), 201));
        const form = await mount();
        await sent(form, t.busy1);
        form.remove();
        await tick(form, 5_000);
        expect(fetch().callCount).to.equal(1);
        expect(storedDraft()).to.equal('تعليق مهم جدًا', 'the draft is still there for the next visit');
      });
    });

    const formErrors: Array<[string, number]> = [
      ['comment_duplicate', 409],
      ['comment_flood', 400],
      ['rest_comment_closed', 403],
      ['rest_comment_login_required', 401],
    ];
    for (const [code, httpStatus] of formErrors) {
      it(`shows ${code} (${httpStatus}) for the whole form and keeps the comment`, async () => {
        fetch().resolves(json({ code, message: 'server text', data: { status: httpStatus } }, httpStatus));
        const form = await mount();
        await fillValid(form);
        const error = new Promise<CustomEvent>((resolve) => form.addEventListener('nw-comment-error', (e) => resolve(e), { once: true }));
        submit(form);
        await settle(form, t.forms[code]);
        expect((await error).detail).to.deep.equal({ code, status: httpStatus });
        expect($<HTMLTextAreaElement>(form, '#comment').value).to.equal('تعليق مهم جدًا');
        expect(storedDraft()).to.equal('تعليق مهم جدًا');
        await expect(form).to.be.accessible();
      });
    }

    const fieldErrors: Array<[string, Record<string, unknown>, string, () => string]> = [
      ['rest_invalid_param', { status: 400, params: { author_email: 'Invalid email address.' } }, 'email', () => t.emailFormat],
      ['rest_invalid_param', { status: 400, params: { author_url: 'Invalid URL.' } }, 'url', () => t.urlFormat],
      ['rest_comment_content_invalid', { status: 400 }, 'comment', () => t.required.comment],
      ['comment_author_column_length', { status: 400 }, 'author', () => t.tooLong],
    ];
    for (const [code, data, id, message] of fieldErrors) {
      it(`puts ${code} ${JSON.stringify(data.params ?? {})} by the ${id} field and focuses it`, async () => {
        fetch().resolves(json({ code, message: 'server text', data }, 400));
        const form = await mount();
        await fillValid(form);
        await type(form, 'url', 'https://example.com');
        submit(form);
        await waitUntil(() => form.shadowRoot!.activeElement?.id === id, `focus never reached #${id}`);
        expect($(form, `#${id}`).getAttribute('aria-invalid')).to.equal('true');
        expect(errorOf(form, id)).to.equal(message());
        expect(storedDraft()).to.equal('تعليق مهم جدًا');
      });
    }

    it('puts rest_comment_author_data_required on the empty identity fields', async () => {
      fetch().resolves(json({ code: 'rest_comment_author_data_required', message: 'x', data: { status: 400 } }, 400));
      const form = await mount('identity-optional');
      await type(form, 'comment', 'نص');
      submit(form);
      await waitUntil(() => form.shadowRoot!.activeElement?.id === 'author');
      expect(errorOf(form, 'author')).to.equal(t.required.author);
      expect(errorOf(form, 'email')).to.equal(t.required.email);
    });
  });
}

describe('<nw-comment-form> behaviour', () => {
  const fetch = useStubbedFetch();

  async function mount(attrs = ''): Promise<NwCommentForm> {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    wrapper.innerHTML = `<nw-comment-form endpoint="${ENDPOINT}" post-id="42" ${attrs}></nw-comment-form>`;
    const form = wrapper.firstElementChild as NwCommentForm;
    await form.updateComplete;
    return form;
  }

  it('sends the nonce as X-WP-Nonce with credentials, without identity fields', async () => {
    fetch().resolves(json(comment(), 201));
    const form = await mount('nonce="n0nce"');
    expect(form.shadowRoot!.querySelector('#author')).to.equal(null);
    await type(form, 'comment', 'logged in');
    submit(form);
    await settle(form, en.approved);
    const init = fetch().firstCall.args[1] as RequestInit;
    expect(init.credentials).to.equal('include');
    expect((init.headers as Record<string, string>)['X-WP-Nonce']).to.equal('n0nce');
    expect(bodyOf(fetch())).to.deep.equal({ post: 42, parent: 0, content: 'logged in' });
  });

  it('stores name, e-mail and website only with the reader’s consent', async () => {
    const form = await mount();
    await fillValid(form);
    expect(storedIdentity()).to.equal(undefined);
    expect(storedDraft()).to.equal('تعليق مهم جدًا');
    $<HTMLInputElement>(form, '#remember').click();
    await form.updateComplete;
    expect(storedIdentity()).to.deep.equal({ author_name: 'سارة', author_email: 'sara@example.com', author_url: '' });

    const other = await reload(form, 99);
    expect($<HTMLInputElement>(other, '#author').value).to.equal('سارة', 'remembered on another article');
    expect($<HTMLInputElement>(other, '#remember').checked).to.equal(true);
    expect($<HTMLTextAreaElement>(other, '#comment').value).to.equal('', 'the draft belongs to post 42');

    $<HTMLInputElement>(other, '#remember').click();
    await other.updateComplete;
    expect(storedIdentity()).to.equal(undefined, 'unticking forgets');
  });

  it('saves the draft on pagehide', async () => {
    const form = await mount();
    const textarea = $<HTMLTextAreaElement>(form, '#comment');
    textarea.value = 'typed just before leaving';
    textarea.dispatchEvent(new Event('input'));
    localStorage.clear();
    window.dispatchEvent(new Event('pagehide'));
    expect(storedDraft()).to.equal('typed just before leaving');
  });

  it('discards a restored draft on request', async () => {
    const first = await mount();
    await type(first, 'comment', 'old draft');
    const form = await reload(first);
    expect(text($(form, '[part~=notice]'))).to.equal(`${en.restored} ${en.discard}`);
    await expect(form).to.be.accessible();
    $(form, '[part~=notice] button').click();
    await form.updateComplete;
    expect($<HTMLTextAreaElement>(form, '#comment').value).to.equal('');
    expect(form.shadowRoot!.querySelector('[part~=notice]')).to.equal(null);
    expect(form.shadowRoot!.activeElement?.id).to.equal('comment');
    expect(storedDraft()).to.equal(undefined);
  });

  it('stays usable when storage throws everywhere', async () => {
    sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('denied', 'SecurityError'));
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
    sinon.stub(Storage.prototype, 'removeItem').throws(new DOMException('denied', 'SecurityError'));
    fetch().resolves(json(comment(), 201));
    const form = await mount();
    await fillValid(form);
    $<HTMLInputElement>(form, '#remember').click();
    submit(form);
    await settle(form, en.approved);
    expect(fetch().callCount).to.equal(1);
  });

  it('stays usable when localStorage cannot even be reached', async () => {
    sinon.stub(window, 'localStorage').get(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    fetch().callsFake(() => Promise.reject(new TypeError('Failed to fetch')));
    const form = await mount();
    await fillValid(form);
    submit(form);
    await settle(form, en.failed);
    expect($<HTMLTextAreaElement>(form, '#comment').value).to.equal('تعليق مهم جدًا');
  });

  it('sends nothing when the honeypot is filled', async () => {
    const form = await mount();
    const trap = $<HTMLInputElement>(form, '[name=nw_hp]');
    expect(trap.closest('[aria-hidden=true]')).not.to.equal(null);
    expect(trap.closest('[inert]')).not.to.equal(null);
    expect(trap.tabIndex).to.equal(-1);
    await fillValid(form);
    trap.value = 'http://spam.example';
    submit(form);
    await form.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    expect(fetch().called).to.equal(false);
  });

  it('lets the host send the payload itself by cancelling nw-comment-submit', async () => {
    const form = await mount();
    await fillValid(form);
    const seen: unknown[] = [];
    form.addEventListener('nw-comment-submit', (e) => {
      seen.push(e.detail);
      e.preventDefault();
    });
    submit(form);
    await form.updateComplete;
    expect(seen).to.deep.equal([{ post: 42, parent: 0, content: 'تعليق مهم جدًا', author_name: 'سارة', author_email: 'sara@example.com' }]);
    expect(fetch().called).to.equal(false);
  });

  for (const attrs of ['', 'post-id="abc"']) {
    it(`refuses to work without a post id (${attrs || 'none'})`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl"></div>`);
      wrapper.innerHTML = `<nw-comment-form endpoint="${ENDPOINT}" ${attrs}></nw-comment-form>`;
      const form = wrapper.firstElementChild as NwCommentForm;
      await form.updateComplete;
      expect(form.shadowRoot!.querySelector('form')).to.equal(null);
      expect(text(form.shadowRoot!.querySelector('section p'))).to.equal(ar.unusable);
      await expect(form).to.be.accessible();
    });
  }

  it('shows its light-DOM fallback only before it is defined', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    wrapper.innerHTML = `<nw-comment-form endpoint="${ENDPOINT}" post-id="42"><form action="/wp-comments-post.php"><textarea name="comment"></textarea></form></nw-comment-form>`;
    const form = wrapper.firstElementChild as NwCommentForm;
    await form.updateComplete;
    const fallback = form.querySelector('form')!;
    expect(fallback.isConnected).to.equal(true);
    expect(fallback.getBoundingClientRect().height).to.equal(0);
  });

  it('re-renders in Arabic when the page’s language changes', async () => {
    const form = await mount();
    form.parentElement!.setAttribute('lang', 'ar');
    form.parentElement!.setAttribute('dir', 'rtl');
    await waitUntil(() => text($(form, '[part~=heading]')) === ar.heading);
    expect($(form, '[part~=form]').getAttribute('dir')).to.equal('rtl');
  });
});
