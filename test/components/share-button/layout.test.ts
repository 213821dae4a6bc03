import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { NwShareButton } from '../../../src/share-button.js';
import { $, DIRECTIONS, TEXT, items, menu, status, trigger, type Direction } from './helpers.js';

const ALL = 'whatsapp telegram x facebook linkedin reddit bluesky threads mastodon email copy';
/** One unbroken word of 245 characters, as a careless title or a hostile partner writes it. */
const WORD = 'ش'.repeat(120) + 'w'.repeat(125);

async function resize(width: number, height: number): Promise<void> {
  await setViewport({ width, height });
  await waitUntil(() => innerWidth === width && innerHeight === height, `viewport ${width}×${height}`);
  await nextFrame();
}

/** A share button with `attributes` against the `edge` inline edge of the page. */
async function place(d: Direction, attributes: Record<string, string>, edge: 'start' | 'end' = 'start'): Promise<NwShareButton> {
  const wrapper = await fixture<HTMLElement>(html`<div dir=${d.dir} lang=${d.lang} style="display:flex;justify-content:flex-${edge}">
    <nw-share-button></nw-share-button>
  </div>`);
  const el = wrapper.querySelector('nw-share-button')!;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await el.updateComplete;
  return el;
}

/** `box` lies inside the viewport, and the page has not grown wider than the viewport. */
function expectOnScreen(box: Element, what: string): void {
  const { clientWidth: width, scrollWidth } = document.documentElement;
  const rect = box.getBoundingClientRect();
  expect(rect.left, `${what}: left`).to.be.at.least(-0.5);
  expect(rect.right, `${what}: right`).to.be.at.most(width + 0.5);
  expect(scrollWidth, `page width with ${what}`).to.be.at.most(width);
}

afterEach(() => sinon.restore());
after(() => setViewport({ width: 800, height: 600 }));

for (const d of DIRECTIONS) {
  describe(`share button never widens the page, ${d.name}`, () => {
    for (const width of [375, 187]) {
      it(`${width} px: a 245-character word as the trigger's label wraps inside the screen`, async () => {
        await resize(width, 740);
        const el = await place(d, { mode: 'menu', label: WORD });
        expect(trigger(el).textContent!.trim()).to.equal(WORD);
        expectOnScreen(trigger(el), 'trigger');
        trigger(el).click();
        await el.updateComplete;
        expectOnScreen(menu(el), 'menu');
      });

      it(`${width} px: a 245-character word as the inline heading wraps inside the screen`, async () => {
        await resize(width, 740);
        const el = await place(d, { mode: 'inline', label: WORD, networks: ALL });
        expect($(el, '[part="heading"]').textContent!.trim()).to.equal(WORD);
        expectOnScreen($(el, '[part="heading"]'), 'heading');
        for (const item of items(el)) expectOnScreen(item, item.dataset.network!);
      });

      it(`${width} px: in a crowded flex row the default label still keeps its word whole`, async () => {
        await resize(width, 740);
        const row = await fixture<HTMLElement>(html`<div dir=${d.dir} lang=${d.lang} style="display:flex;inline-size:150px">
          <span>${'words '.repeat(40)}</span><nw-share-button mode="menu"></nw-share-button>
        </div>`);
        const el = row.querySelector('nw-share-button')!;
        await el.updateComplete;
        const label = trigger(el).querySelector('[part="label"]')!;
        const range = document.createRange();
        range.selectNodeContents(label);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        expect(lines.size, `"${label.textContent}" on one line`).to.equal(1);
      });

      for (const copied of [true, false]) {
        const message = copied ? TEXT[d.lang].copied : TEXT[d.lang].failed;
        it(`${width} px: "${message}" under an icon-only trigger at the inline end stays on screen`, async () => {
          await resize(width, 740);
          if (copied) sinon.stub(navigator.clipboard, 'writeText').resolves();
          else {
            sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('denied', 'NotAllowedError'));
            sinon.stub(document, 'execCommand').returns(false);
          }
          const el = await place(d, { mode: 'menu', 'icon-only': '', networks: 'copy' }, 'end');
          trigger(el).click();
          await el.updateComplete;
          items(el)[0].click();
          await waitUntil(() => status(el) === message, 'announced');
          await el.updateComplete;
          expectOnScreen($(el, '[role="status"]'), 'status');
        });
      }
    }
  });
}
