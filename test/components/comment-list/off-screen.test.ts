/**
 * Comments off screen are not laid out or painted until they come near it (content-visibility: auto on each
 * comment's own box), and a `#comment-ID` link still brings its comment into view, however wrong the size
 * estimates of the skipped comments before it were.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/comment-list.js';
import type { NwCommentList } from '../../../src/components/comment-list/comment-list.js';
import { comment, ENDPOINT, json, useStubbedFetch } from '../comment-form/helpers.js';

/** Whether a comment's contents are rendered: false while content-visibility: auto skips them. */
const rendered = (list: Element, id: number): boolean =>
  list.shadowRoot!.querySelector(`#comment-${id} [part~=author]`)!.checkVisibility({ contentVisibilityAuto: true });

/** Forty comments, every fourth a reply and every fifth long, so that no size estimate fits them all. */
const forty = (): Response => {
  const comments = Array.from({ length: 40 }, (_, i) =>
    comment({
      id: i + 1,
      parent: i % 4 === 3 ? i : 0,
      author_name: `Reader ${i + 1}`,
      content: { rendered: `<p>Comment ${i + 1}.</p>`.repeat(i % 5 === 0 ? 12 : 1) },
    }),
  );
  return json(comments, 200, { 'X-WP-Total': '40', 'X-WP-TotalPages': '1' });
};

const inView = (el: Element): boolean => {
  const { top, bottom } = el.getBoundingClientRect();
  return top >= -1 && top < innerHeight && bottom > 0;
};

/** Resolves once `check` has held in each of `frames` rendering updates in a row (scroll anchoring has settled). */
async function holds(check: () => boolean, frames = 5): Promise<boolean> {
  for (let i = 0; i < frames; i++) {
    await new Promise(requestAnimationFrame);
    if (!check()) return false;
  }
  return true;
}

for (const [lang, dir] of [['en', 'ltr'], ['ar', 'rtl']] as const) {
  describe(`<nw-comment-list> off screen (${dir})`, () => {
    const fetch = useStubbedFetch();
    afterEach(() => {
      history.replaceState(null, '', location.pathname + location.search);
      scrollTo(0, 0);
    });

    async function mount(before = 0): Promise<NwCommentList> {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang} dir=${dir}></div>`);
      wrapper.innerHTML = `<div style="block-size: ${before}px"></div>
        <nw-comment-list endpoint="${ENDPOINT}" post-id="42"><ol><li id="comment-30">the fallback</li></ol></nw-comment-list>`;
      return wrapper.querySelector<NwCommentList>('nw-comment-list')!;
    }
    const loaded = (list: NwCommentList): Promise<unknown> =>
      waitUntil(() => list.shadowRoot!.querySelector('#comment-40'), 'the comments never rendered');

    it('skips the comments far below the viewport and renders one once scrolled near', async () => {
      fetch().callsFake(async () => forty());
      const list = await mount();
      await loaded(list);
      await waitUntil(() => rendered(list, 1), 'the first comment, in view, is rendered');
      expect(rendered(list, 40), 'the last comment is skipped').to.equal(false);
      await expect(list).to.be.accessible();
      const last = list.shadowRoot!.querySelector('#comment-40')!;
      // Its top 50 px under the viewport's bottom edge: near, not in view yet.
      scrollBy(0, last.getBoundingClientRect().top - innerHeight - 50);
      await waitUntil(() => rendered(list, 40), 'the comment near the viewport is rendered');
      // A comment's own box is skipped, not its thread: the reply to comment 3 is rendered or skipped on its own.
      expect(list.shadowRoot!.querySelector('#comment-4')!.closest('ol')!.closest('li')!.firstElementChild!.id).to.equal('comment-3');
    });

    it('brings the comment a #comment-ID link names into view on load, the list far down the page', async () => {
      history.replaceState(null, '', '#comment-30');
      fetch().callsFake(async () => forty());
      const list = await mount(6000);
      await loaded(list);
      const target = list.shadowRoot!.querySelector('#comment-30')!;
      await waitUntil(() => inView(target), 'comment 30 never came into view');
      expect(await holds(() => inView(target)), 'comment 30 stays in view').to.equal(true);
      // The comments before it, far above, are still skipped: their estimated sizes did not push it away.
      expect(rendered(list, 2)).to.equal(false);
    });

    it('brings a comment into view when the fragment changes to it', async () => {
      fetch().callsFake(async () => forty());
      const list = await mount();
      await loaded(list);
      location.hash = '#comment-36';
      const target = list.shadowRoot!.querySelector('#comment-36')!;
      await waitUntil(() => inView(target), 'comment 36 never came into view');
      expect(await holds(() => inView(target)), 'comment 36 stays in view').to.equal(true);
      location.hash = '#comment-2';
      await waitUntil(() => inView(list.shadowRoot!.querySelector('#comment-2')!), 'comment 2 never came into view');
    });

    it('lets the focus rings at a comment’s edges show through its paint containment', async () => {
      fetch().callsFake(async () => forty());
      const list = await mount();
      await loaded(list);
      const box = list.shadowRoot!.querySelector<HTMLElement>('#comment-1')!;
      const reply = box.querySelector<HTMLElement>('[part~=reply]')!;
      reply.focus({ focusVisible: true } as FocusOptions);
      const ring = getComputedStyle(reply);
      const reach = parseFloat(ring.outlineWidth) + parseFloat(ring.outlineOffset);
      expect(getComputedStyle(box).contentVisibility).to.equal('auto');
      // "Reply" sits at the comment's inline-start edge: its ring reaches outside the comment's box.
      const edge = dir === 'ltr' ? reply.getBoundingClientRect().left - box.getBoundingClientRect().left : box.getBoundingClientRect().right - reply.getBoundingClientRect().right;
      expect(edge).to.be.below(reach);
      expect(parseFloat(getComputedStyle(box).overflowClipMargin)).to.be.at.least(reach);
    });
  });
}
