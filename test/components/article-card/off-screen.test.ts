/**
 * Cards off screen are not laid out or painted until they come near it (content-visibility: auto), and that
 * changes nothing a reader sees: not the width of a card in a grid, a flex row or a scroller, not the focus ring.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/article-card.js';
import type { NwArticleCard } from '../../../src/article-card.js';

/** Whether the card's contents are rendered: false while content-visibility: auto skips them. */
const rendered = (el: Element): boolean =>
  el.shadowRoot!.querySelector('[part~=headline]')!.checkVisibility({ contentVisibilityAuto: true });

const cardHtml = (i: number, layout = 'vertical'): string =>
  `<nw-article-card layout="${layout}" href="https://news.example/${i}" headline="Headline ${i} of a card that is long enough to wrap"
    excerpt="The excerpt of card ${i}, two lines or so." section="Section" author="Desk" reading-time="4"></nw-article-card>`;

async function mount(markup: string, dir: 'ltr' | 'rtl' = 'ltr'): Promise<{ wrapper: HTMLElement; cards: NwArticleCard[] }> {
  const wrapper = await fixture<HTMLElement>(html`<div dir=${dir} lang=${dir === 'rtl' ? 'ar' : 'en'}></div>`);
  wrapper.innerHTML = markup;
  const cards = [...wrapper.querySelectorAll<NwArticleCard>('nw-article-card')];
  await Promise.all(cards.map((el) => el.updateComplete));
  // content-visibility decides what is near the viewport in a rendering update.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return { wrapper, cards };
}

/** The page's way to turn it off (README): an author style on the element beats its own :host rule. */
function optOut(): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('nw-article-card { content-visibility: visible }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet));
}

const widths = (cards: Element[]): number[] => cards.map((el) => Math.round(el.getBoundingClientRect().width * 10) / 10);
const frame = (): Promise<unknown> => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('<nw-article-card> off screen', () => {
  afterEach(() => scrollTo(0, 0));

  for (const dir of ['ltr', 'rtl'] as const) {
    for (const layout of ['vertical', 'horizontal', 'compact']) {
      it(`skips a ${layout} card far below the viewport and renders it once scrolled near (${dir})`, async () => {
        const { wrapper, cards } = await mount(`${cardHtml(1, layout)}<div style="block-size: 4000px"></div>${cardHtml(2, layout)}`, dir);
        const [near, far] = cards;
        expect(rendered(near), 'the card in view is rendered').to.equal(true);
        expect(rendered(far), 'the card 4000 px down is skipped').to.equal(false);
        await expect(wrapper).to.be.accessible();
        // Its top 50 px under the viewport's bottom edge: near, not in view yet.
        scrollBy(0, far.getBoundingClientRect().top - innerHeight - 50);
        await waitUntil(() => rendered(far), 'the card near the viewport is rendered');
        expect(far.getBoundingClientRect().top).to.be.greaterThan(innerHeight);
      });
    }
  }

  const layouts: Record<string, string> = {
    'a grid of 1fr columns': 'display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px',
    'a wrapping flex row': 'display: flex; flex-wrap: wrap; gap: 16px; & > * { flex: 1 1 14rem }',
    'a flex column': 'display: flex; flex-direction: column; align-items: stretch; gap: 16px',
    'a horizontal scroller': 'display: flex; overflow-x: auto; gap: 16px; & > * { flex: 0 0 240px }',
    'a grid scroller': 'display: grid; grid-auto-flow: column; grid-auto-columns: 70%; overflow-x: auto; gap: 16px',
  };
  for (const [name, css] of Object.entries(layouts)) {
    for (const dir of ['ltr', 'rtl'] as const) {
      it(`gives every card of ${name} the width it has when nothing is skipped, also after a resize (${dir})`, async () => {
        const many = Array.from({ length: 30 }, (_, i) => cardHtml(i)).join('');
        const { wrapper, cards } = await mount(`<style>.box { ${css} }</style><div class="box" style="inline-size: 900px">${many}</div>`, dir);
        const box = wrapper.querySelector<HTMLElement>('.box')!;
        expect(cards.some((el) => !rendered(el)), 'some cards are skipped').to.equal(true);
        /** The cards' widths and the box's scroll width, as they are and with nothing skipped. */
        const measure = async (): Promise<{ skipped: number[]; all: number[] }> => {
          await frame();
          const skipped = [...widths(cards), box.scrollWidth];
          const restore = optOut();
          await frame();
          const all = [...widths(cards), box.scrollWidth];
          restore();
          await frame();
          return { skipped, all };
        };
        const wide = await measure();
        expect(wide.skipped).to.deep.equal(wide.all);
        // Every card seen once (each remembers its width), then the page narrows: a phone turned upright.
        for (const el of cards) {
          el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          await waitUntil(() => rendered(el));
        }
        scrollTo(0, 0);
        box.scrollLeft = 0;
        box.style.inlineSize = '340px';
        const narrow = await measure();
        expect(narrow.skipped).to.deep.equal(narrow.all);
      });
    }
  }

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`draws the whole focus ring, 2 px outside the card, despite the paint containment (${dir})`, async () => {
      const { cards } = await mount(`<div style="padding: 16px">${cardHtml(1)}</div>`, dir);
      const [el] = cards;
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => el.shadowRoot!.activeElement?.matches(':focus-visible'));
      const host = getComputedStyle(el);
      const ring = getComputedStyle(el.shadowRoot!.querySelector('.card')!);
      const reach = parseFloat(ring.outlineWidth) + parseFloat(ring.outlineOffset);
      expect(ring.outlineStyle).to.equal('solid');
      expect(host.contentVisibility).to.equal('auto');
      // The ring reaches 5 px outside the card, which fills the host: the host's clip must reach as far.
      expect(parseFloat(host.overflowClipMargin)).to.be.at.least(reach);
    });
  }
});
