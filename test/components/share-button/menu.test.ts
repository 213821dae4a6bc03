import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import { DIRECTIONS, focused, guardNavigation, items, menu, mount, status, TEXT, trigger } from './helpers.js';

const NETWORKS = 'whatsapp telegram x email copy';
const names = (el: HTMLElement) => items(el as never).map((item) => item.dataset.network);
const current = (el: HTMLElement) => (focused(el as never) as HTMLElement | null)?.dataset.network;

let nav: ReturnType<typeof guardNavigation>;
beforeEach(() => (nav = guardNavigation()));
afterEach(() => {
  nav.restore();
  sinon.restore();
});

for (const d of DIRECTIONS) {
  describe(`share menu keyboard, ${d.name}`, () => {
    async function focusedTrigger(attributes: Record<string, string> = {}) {
      const el = await mount(d, { mode: 'menu', networks: NETWORKS, ...attributes });
      trigger(el).focus();
      return el;
    }

    it('Enter opens on the first item; arrows wrap; Home and End jump', async () => {
      const el = await focusedTrigger();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => current(el) === 'whatsapp', 'first item focused');
      expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
      expect(names(el)).to.deep.equal(NETWORKS.split(' '));
      await sendKeys({ press: 'ArrowDown' });
      expect(current(el)).to.equal('telegram');
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      expect(current(el)).to.equal('copy');
      await sendKeys({ press: 'ArrowDown' });
      expect(current(el)).to.equal('whatsapp');
      await sendKeys({ press: 'End' });
      expect(current(el)).to.equal('copy');
      await sendKeys({ press: 'Home' });
      expect(current(el)).to.equal('whatsapp');
      // Type-ahead by the first letter of the visible label.
      // (An Arabic keyboard layout cannot be driven through the test runner, so that key is dispatched.)
      if (d.lang === 'en') await sendKeys({ press: 't' });
      else focused(el)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ت', bubbles: true, composed: true }));
      expect(current(el)).to.equal('telegram');
    });

    it('Space opens too, ArrowDown on the trigger opens on the first item, ArrowUp on the last', async () => {
      const el = await focusedTrigger();
      await sendKeys({ press: ' ' });
      await waitUntil(() => current(el) === 'whatsapp');
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => current(el) === 'copy', 'last item focused');
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => current(el) === 'whatsapp', 'first item focused');
    });

    it('Escape closes and returns focus to the trigger', async () => {
      const el = await focusedTrigger();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => current(el) === 'whatsapp');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(menu(el).hidden).to.equal(true);
      expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');
      expect(focused(el)).to.equal(trigger(el));
    });

    it('Tab and Shift+Tab close and return focus to the trigger', async () => {
      const el = await focusedTrigger();
      for (const key of ['Tab', 'Shift+Tab']) {
        await sendKeys({ press: 'ArrowDown' });
        await waitUntil(() => current(el) === 'whatsapp');
        if (key === 'Tab') await sendKeys({ press: 'Tab' });
        else {
          await sendKeys({ down: 'Shift' });
          await sendKeys({ press: 'Tab' });
          await sendKeys({ up: 'Shift' });
        }
        await el.updateComplete;
        expect(menu(el).hidden, key).to.equal(true);
        expect(focused(el), key).to.equal(trigger(el));
      }
    });

    it('Enter on an item opens its link; Space too', async () => {
      const el = await focusedTrigger({ url: 'https://news.example/a' });
      const shared: string[] = [];
      el.addEventListener('nw-share', (event) => shared.push(event.detail.network));
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => current(el) === 'whatsapp');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => nav.log.length === 1, 'link followed');
      expect(nav.log[0].href).to.match(/^https:\/\/t\.me\/share\/url\?url=https%3A%2F%2Fnews\.example%2Fa/);
      expect(nav.log[0].target).to.equal('_blank');
      await el.updateComplete;
      expect(menu(el).hidden).to.equal(true);
      expect(focused(el)).to.equal(trigger(el));
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => current(el) === 'whatsapp');
      await sendKeys({ press: ' ' });
      await waitUntil(() => nav.log.length === 2, 'link followed by Space');
      expect(nav.log[1].href).to.match(/^https:\/\/wa\.me\//);
      expect(shared).to.deep.equal(['telegram', 'whatsapp']);
    });

    it('Enter on "copy link" copies and announces', async () => {
      sinon.stub(navigator.clipboard, 'writeText').resolves();
      const el = await focusedTrigger();
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => current(el) === 'copy');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => status(el) === TEXT[d.lang].copied, 'announced');
      expect(focused(el)).to.equal(trigger(el));
    });

    it('a click outside closes it; a click on the trigger toggles it', async () => {
      const el = await focusedTrigger();
      trigger(el).click();
      await el.updateComplete;
      expect(menu(el).hidden).to.equal(false);
      const rect = document.body.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(rect.width) - 5, 5] });
      await waitUntil(() => menu(el).hidden, 'closed by an outside click');
      trigger(el).click();
      await el.updateComplete;
      trigger(el).click();
      await el.updateComplete;
      expect(menu(el).hidden).to.equal(true);
    });

    it('opens toward the inline end, and stays on screen at the inline-end edge', async () => {
      const el = await mount(d, { mode: 'menu' });
      trigger(el).click();
      await el.updateComplete;
      const t = trigger(el).getBoundingClientRect();
      const m = menu(el).getBoundingClientRect();
      if (d.dir === 'ltr') expect(Math.round(m.left)).to.equal(Math.round(t.left));
      else expect(Math.round(m.right)).to.equal(Math.round(t.right));
      expect(m.top).to.be.at.least(t.bottom);

      const edge = await fixture<HTMLElement>(html`<div dir=${d.dir} lang=${d.lang} style="display:flex;justify-content:flex-end">
        <nw-share-button mode="menu"></nw-share-button>
      </div>`);
      const atEdge = edge.querySelector('nw-share-button')!;
      await atEdge.updateComplete;
      trigger(atEdge).click();
      await atEdge.updateComplete;
      const box = menu(atEdge).getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(document.documentElement.clientWidth);
    });

    it('opens upward when there is no room below', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div dir=${d.dir} lang=${d.lang}
        style="position:fixed;inset-block-end:0;inset-inline-start:0"><nw-share-button mode="menu"></nw-share-button></div>`);
      const el = wrapper.querySelector('nw-share-button')!;
      await el.updateComplete;
      trigger(el).click();
      await el.updateComplete;
      const box = menu(el).getBoundingClientRect();
      expect(box.bottom).to.be.at.most(trigger(el).getBoundingClientRect().top);
      expect(box.top).to.be.at.least(0);
    });
  });
}
