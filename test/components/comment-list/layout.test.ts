/**
 * The comment area as a reader sees it, measured in the browser: invalid fields marked, one heading outline,
 * WCAG 2.2 target sizes, the reply form nested under its comment, room between list and form, and nothing a
 * reader wrote widening a 375 px phone screen.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/comment-list.js';
import '../../../src/comment-form.js';
import type { NwCommentList } from '../../../src/components/comment-list/comment-list.js';
import type { NwCommentForm } from '../../../src/components/comment-form/comment-form.js';
import { comment, ENDPOINT, json, useStubbedFetch } from '../comment-form/helpers.js';

const LONG_NAME = 'x'.repeat(245);
const LONG_WORD = 'ب'.repeat(400);
const LONG_URL = `https://example.com/${'a'.repeat(300)}`;

const page = (comments: unknown[], total = comments.length, pages = 1): Response =>
  json(comments, 200, { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(pages) });

const rect = (el: Element): DOMRect => el.getBoundingClientRect();
const style = (el: Element): CSSStyleDeclaration => getComputedStyle(el);

/** The shadow roots of the elements under `host`, with the reply forms a list holds. */
function roots(host: Element): ShadowRoot[] {
  const own = host.shadowRoot!;
  return [own, ...[...own.querySelectorAll('nw-comment-form')].map((form) => form.shadowRoot!)];
}

/**
 * Every control a reader can aim at: buttons, links and checkboxes, without the honeypot (inert, out of sight and
 * of the accessibility tree) and without links inside comment text, which WCAG 2.5.8 exempts as inline targets.
 */
function targets(host: Element): Element[] {
  return roots(host).flatMap((root) =>
    [...root.querySelectorAll('button, a[href], input[type=checkbox]')].filter((el) => !el.closest('.visually-hidden, .content')),
  );
}

for (const [lang, dir] of [['en', 'ltr'], ['ar', 'rtl']] as const) {
  describe(`comment area layout in ${lang} (${dir})`, () => {
    const fetch = useStubbedFetch();

    async function mount(markup: string, width = ''): Promise<HTMLDivElement> {
      const wrapper = await fixture<HTMLDivElement>(html`<div dir=${dir} lang=${lang}></div>`);
      if (width) wrapper.style.cssText = `display: grid; inline-size: ${width}`;
      wrapper.innerHTML = markup;
      for (const el of wrapper.querySelectorAll<NwCommentList | NwCommentForm>('nw-comment-list, nw-comment-form')) await el.updateComplete;
      return wrapper;
    }
    const loaded = async (list: NwCommentList): Promise<void> => {
      await waitUntil(() => list.shadowRoot!.querySelector('article') && list.shadowRoot!.querySelector('section')!.getAttribute('aria-busy') === 'false');
      await list.updateComplete;
    };
    async function openReply(list: NwCommentList, id: number): Promise<NwCommentForm> {
      list.shadowRoot!.querySelector<HTMLElement>(`#comment-${id} [part~=reply]`)!.click();
      await waitUntil(() => list.shadowRoot!.querySelector(`#comment-${id} nw-comment-form`));
      const form = list.shadowRoot!.querySelector<NwCommentForm>(`#comment-${id} nw-comment-form`)!;
      await form.updateComplete;
      return form;
    }

    it('marks invalid name and e-mail fields with the same border as an invalid comment', async () => {
      const wrapper = await mount(`<nw-comment-form endpoint="${ENDPOINT}" post-id="42"></nw-comment-form>`);
      const form = wrapper.querySelector('nw-comment-form')!;
      const field = (id: string): HTMLElement => form.shadowRoot!.getElementById(id)!;
      const valid = { width: style(field('url')).borderTopWidth, color: style(field('url')).borderTopColor };
      form.shadowRoot!.querySelector<HTMLElement>('[type=submit]')!.click();
      await waitUntil(() => field('email').getAttribute('aria-invalid') === 'true');
      const marked = style(field('comment'));
      expect(marked.borderTopColor).not.to.equal(valid.color);
      for (const id of ['author', 'email']) {
        expect(field(id).getAttribute('aria-invalid')).to.equal('true');
        expect(style(field(id)).borderTopWidth, `#${id} border width`).to.equal(marked.borderTopWidth);
        expect(style(field(id)).borderTopColor, `#${id} border colour`).to.equal(marked.borderTopColor);
        expect(style(field(id)).borderTopWidth).not.to.equal(valid.width);
      }
    });

    it('nests its headings under the page’s comments heading, and reply forms under the list’s', async () => {
      fetch().callsFake(async () => page([comment({ id: 1 })]));
      const wrapper = await mount(`<h2>Comments</h2>
        <nw-comment-list endpoint="${ENDPOINT}" post-id="42"></nw-comment-list>
        <nw-comment-form endpoint="${ENDPOINT}" post-id="42"></nw-comment-form>`);
      const list = wrapper.querySelector('nw-comment-list')!;
      await loaded(list);
      const form = wrapper.querySelector('nw-comment-form')!;
      expect(list.shadowRoot!.querySelector('[part~=count]')!.localName).to.equal('h3');
      expect(form.shadowRoot!.querySelector('[part~=heading]')!.localName).to.equal('h3');
      const reply = await openReply(list, 1);
      expect(reply.shadowRoot!.querySelector('[part~=heading]')!.localName).to.equal('h4');
      await expect(wrapper).to.be.accessible();
    });

    for (const [level, own, reply] of [['2', 'h2', 'h3'], ['5', 'h5', 'h6'], ['6', 'h6', 'h6'], ['1', 'h2', 'h3'], ['x', 'h3', 'h4']]) {
      it(`takes heading-level="${level}": ${own}, reply forms ${reply}`, async () => {
        fetch().callsFake(async () => page([comment({ id: 1 })]));
        const wrapper = await mount(`<nw-comment-list endpoint="${ENDPOINT}" post-id="42" heading-level="${level}"></nw-comment-list>
          <nw-comment-form endpoint="${ENDPOINT}" post-id="42" heading-level="${level}"></nw-comment-form>`);
        const list = wrapper.querySelector('nw-comment-list')!;
        await loaded(list);
        expect(list.shadowRoot!.querySelector('[part~=count]')!.localName).to.equal(own);
        expect(wrapper.querySelector('nw-comment-form')!.shadowRoot!.querySelector('[part~=heading]')!.localName).to.equal(own);
        const form = await openReply(list, 1);
        expect(form.shadowRoot!.querySelector('[part~=heading]')!.localName).to.equal(reply);
      });
    }

    it('makes every button, link and checkbox at least 24 × 24 CSS px', async () => {
      fetch().onFirstCall().callsFake(async () =>
        page([comment({ id: 1, author_name: 'A', author_url: 'https://a.example' }), comment({ id: 2 })], 4, 2),
      );
      fetch().onSecondCall().rejects(new TypeError('Failed to fetch'));
      const wrapper = await mount(`<nw-comment-list endpoint="${ENDPOINT}" post-id="42" per-page="2"></nw-comment-list>`);
      const list = wrapper.querySelector('nw-comment-list')!;
      await loaded(list);
      const seen = new Set<string>();
      const check = (host: Element): void => {
        for (const el of targets(host)) {
          const { width, height } = rect(el);
          const name = `${el.localName}[${el.getAttribute('part') ?? el.getAttribute('type') ?? ''}] "${el.textContent!.trim()}"`;
          seen.add(el.getAttribute('part') ?? el.localName);
          expect(width, `${name} width`).to.be.at.least(24);
          expect(height, `${name} height`).to.be.at.least(24);
        }
      };
      check(list);
      const reply = await openReply(list, 1);
      check(list);
      list.shadowRoot!.querySelector<HTMLElement>('[part~=more]')!.click();
      await waitUntil(() => list.shadowRoot!.querySelector('[part~=retry]'));
      check(list);

      // The form's "discard draft" and "try again".
      fetch().rejects(new TypeError('Failed to fetch'));
      const textarea = reply.shadowRoot!.querySelector('textarea')!;
      textarea.value = 'draft';
      textarea.dispatchEvent(new Event('input'));
      for (const [id, value] of [['author', 'A'], ['email', 'a@example.com']]) {
        const input = reply.shadowRoot!.getElementById(id) as HTMLInputElement;
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
      reply.shadowRoot!.querySelector<HTMLElement>('[type=submit]')!.click();
      await waitUntil(() => reply.shadowRoot!.querySelector('[part~=retry]'));
      check(list);
      const again = await mount(`<nw-comment-form endpoint="${ENDPOINT}" post-id="42" parent="1"></nw-comment-form>`);
      const restored = again.querySelector('nw-comment-form')!;
      expect(restored.shadowRoot!.querySelector('[part~=notice] button')).not.to.equal(null);
      check(restored);
      expect([...seen].sort()).to.include.members(['a', 'cancel', 'input', 'more', 'reply', 'retry', 'submit']);
    });

    it('indents the reply form under its comment, with a line at the inline start', async () => {
      fetch().callsFake(async () => page([comment({ id: 1 })]));
      const wrapper = await mount(`<nw-comment-list endpoint="${ENDPOINT}" post-id="42"></nw-comment-list>`);
      const list = wrapper.querySelector('nw-comment-list')!;
      await loaded(list);
      const form = await openReply(list, 1);
      const article = rect(list.shadowRoot!.getElementById('comment-1')!);
      const box = form.closest('.reply') ?? list.shadowRoot!.querySelector('.reply')!;
      const inset = dir === 'rtl' ? article.right - rect(form).right : rect(form).left - article.left;
      expect(inset, 'the form starts inside its comment').to.be.at.least(16);
      const line = style(box);
      expect(parseFloat(line.borderInlineStartWidth)).to.be.at.least(2);
      expect(line.borderInlineStartStyle).to.equal('solid');
      expect(rect(form).top).to.be.greaterThan(rect(list.shadowRoot!.querySelector('#comment-1 [part~=content]')!).bottom);
    });

    it('leaves room between the list and the form after it', async () => {
      fetch().callsFake(async () => page([comment({ id: 1 })]));
      const wrapper = await mount(`<nw-comment-list endpoint="${ENDPOINT}" post-id="42"></nw-comment-list>
        <nw-comment-form endpoint="${ENDPOINT}" post-id="42"></nw-comment-form>`);
      const list = wrapper.querySelector('nw-comment-list')!;
      await loaded(list);
      const last = rect(list.shadowRoot!.querySelector('#comment-1 [part~=reply]')!);
      const heading = rect(wrapper.querySelector('nw-comment-form')!.shadowRoot!.querySelector('[part~=heading]')!);
      expect(heading.top - last.bottom).to.be.at.least(24);
    });

    for (const layout of ['block', 'grid']) {
      it(`never widens a 375 px ${layout} column: long names, words and URLs in the list`, async () => {
        fetch().callsFake(async () =>
          page([
            comment({ id: 1, author_name: LONG_NAME, author_url: LONG_URL, content: { rendered: `<p>${LONG_WORD}</p><p><a href="${LONG_URL}">${LONG_URL}</a></p>` } }),
            comment({ id: 2, parent: 1, author_name: LONG_NAME, content: { rendered: `<blockquote>${LONG_WORD}</blockquote><ul><li><code>${LONG_WORD}</code></li></ul>` } }),
          ]),
        );
        const wrapper = await mount(`<nw-comment-list endpoint="${ENDPOINT}" post-id="42"></nw-comment-list>`, '375px');
        if (layout === 'block') wrapper.style.display = 'block';
        const list = wrapper.querySelector('nw-comment-list')!;
        await loaded(list);
        const form = await openReply(list, 2);
        (form.shadowRoot!.getElementById('author') as HTMLInputElement).value = LONG_NAME;
        expect(rect(list).width).to.be.at.most(375);
        expect(wrapper.scrollWidth).to.be.at.most(375);
        expect(list.shadowRoot!.querySelector('section')!.scrollWidth).to.be.at.most(375);
        expect(rect(list.shadowRoot!.querySelector('#author-1')!).width).to.be.at.most(375);
      });

      it(`never starts a line with the byline's separator when a long name wraps (${layout})`, async () => {
        fetch().callsFake(async () => page([comment({ id: 1, author_name: `${'ب'.repeat(30)} ${'x'.repeat(40)}` })]));
        const wrapper = await mount(`<nw-comment-list endpoint="${ENDPOINT}" post-id="42"></nw-comment-list>`, '200px');
        if (layout === 'block') wrapper.style.display = 'block';
        const list = wrapper.querySelector('nw-comment-list')!;
        await loaded(list);
        const meta = list.shadowRoot!.querySelector('#comment-1 [part~=meta]')!;
        const nameLines = [...meta.querySelector('[part~=author]')!.getClientRects()];
        expect(nameLines.length).to.be.above(1, 'the name wraps');
        const separator = rect(meta.querySelector('[aria-hidden=true]')!);
        expect(separator.top).to.be.closeTo(nameLines.at(-1)!.top, 2, 'on the line the name ends on');
      });

      it(`never widens a 375 px ${layout} column: the form’s errors and restored draft notice`, async () => {
        const first = await mount(`<nw-comment-form endpoint="${ENDPOINT}" post-id="42"></nw-comment-form>`);
        const textarea = first.querySelector('nw-comment-form')!.shadowRoot!.querySelector('textarea')!;
        textarea.value = LONG_WORD;
        textarea.dispatchEvent(new Event('input'));
        const wrapper = await mount(`<nw-comment-form endpoint="${ENDPOINT}" post-id="42"></nw-comment-form>`, '375px');
        if (layout === 'block') wrapper.style.display = 'block';
        const form = wrapper.querySelector('nw-comment-form')!;
        for (const [id, value] of [['author', LONG_NAME], ['email', `${LONG_NAME}@example`], ['url', LONG_URL]]) {
          const input = form.shadowRoot!.getElementById(id) as HTMLInputElement;
          input.value = value;
          input.dispatchEvent(new Event('input'));
        }
        form.shadowRoot!.querySelector<HTMLElement>('[type=submit]')!.click();
        await waitUntil(() => form.shadowRoot!.querySelector('.error'));
        expect(form.shadowRoot!.querySelector('[part~=notice]')).not.to.equal(null);
        expect(rect(form).width).to.be.at.most(375);
        expect(wrapper.scrollWidth).to.be.at.most(375);
        expect(form.shadowRoot!.querySelector('section')!.scrollWidth).to.be.at.most(375);
      });
    }
  });
}
