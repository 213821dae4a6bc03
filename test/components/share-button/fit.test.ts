import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { NwShareButton } from '../../../src/share-button.js';
import { DIRECTIONS, focused, items, menu, trigger, type Direction } from './helpers.js';

const ALL = 'whatsapp telegram x facebook linkedin reddit bluesky threads mastodon email copy';

/** A phone, the same phone zoomed to 200 %, and the phone with its virtual keyboard up (about half the height). */
const PHONE = { width: 375, height: 740 };
const ZOOMED = { width: 187, height: 370 };

/** Where the trigger sits: at the top of a long page, in the middle of the screen, or at the very end of the page. */
const PLACES = ['top', 'middle', 'bottom'] as const;
/** Which inline edge of the page the trigger sits against. */
const EDGES = ['start', 'end'] as const;

/** A long page with the share button at `place`, against the `edge` inline edge, scrolled as a reader would. */
async function page(d: Direction, place: (typeof PLACES)[number], edge: (typeof EDGES)[number]): Promise<NwShareButton> {
  const before = place === 'top' ? 0 : 2000;
  const after = place === 'bottom' ? 0 : 2000;
  const wrapper = await fixture<HTMLElement>(html`<div dir=${d.dir} lang=${d.lang}>
    <div style="block-size:${before}px"></div>
    <div style="display:flex;justify-content:flex-${edge}">
      <nw-share-button mode="menu" networks=${ALL}></nw-share-button>
    </div>
    <div style="block-size:${after}px"></div>
  </div>`);
  const el = wrapper.querySelector('nw-share-button')!;
  await el.updateComplete;
  const root = document.documentElement;
  if (place === 'top') window.scrollTo(0, 0);
  else if (place === 'bottom') window.scrollTo(0, root.scrollHeight);
  else window.scrollBy(0, trigger(el).getBoundingClientRect().top - root.clientHeight / 2);
  return el;
}

/** Resizes the viewport and waits until the page has taken the new size. */
async function resize(size: { width: number; height: number }): Promise<void> {
  await setViewport(size);
  await waitUntil(() => innerWidth === size.width && innerHeight === size.height, `viewport ${size.width}×${size.height}`);
  // The browser settles the page's scroll position after a resize in a later frame; a test scrolls after that.
  await nextFrame();
  await nextFrame();
}

/** The part of the viewport a box may use. */
function viewport() {
  const { clientWidth, clientHeight } = document.documentElement;
  return { width: clientWidth, height: clientHeight };
}

function expectInside(box: DOMRect, outer: { top: number; left: number; bottom: number; right: number }, what: string) {
  expect(box.top, `${what}: top`).to.be.at.least(outer.top - 0.5);
  expect(box.left, `${what}: left`).to.be.at.least(outer.left - 0.5);
  expect(box.bottom, `${what}: bottom`).to.be.at.most(outer.bottom + 0.5);
  expect(box.right, `${what}: right`).to.be.at.most(outer.right + 0.5);
}

/**
 * The menu's box lies inside the viewport, and every item, once the menu is scrolled to it, lies inside the menu,
 * so a reader reaches each one; the page never scrolls sideways.
 */
function expectReachable(el: NwShareButton): void {
  const { width, height } = viewport();
  const screen = { top: 0, left: 0, bottom: height, right: width };
  const list = menu(el);
  const box = list.getBoundingClientRect();
  expectInside(box, screen, 'menu');
  const all = items(el);
  expect(all).to.have.length(11);
  // Every row spans the menu, so hover and focus look the same on each.
  expect(new Set(all.map((item) => Math.round(item.getBoundingClientRect().width))).size, 'one width').to.equal(1);
  for (const item of all) {
    list.scrollTop = item.offsetTop;
    const name = item.dataset.network!;
    expectInside(item.getBoundingClientRect(), list.getBoundingClientRect(), name);
    expectInside(item.getBoundingClientRect(), screen, name);
  }
  expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(width);
}

async function openMenu(el: NwShareButton): Promise<void> {
  trigger(el).click();
  await el.updateComplete;
  await waitUntil(() => focused(el) === items(el)[0], 'first item focused');
}

after(() => setViewport({ width: 800, height: 600 }));

for (const d of DIRECTIONS) {
  describe(`share menu on a small screen, ${d.name}`, () => {
    for (const size of [PHONE, ZOOMED]) {
      for (const place of PLACES) {
        for (const edge of EDGES) {
          it(`${size.width}×${size.height}, trigger at the ${place} and the inline ${edge}: every item is reachable`, async () => {
            await resize(size);
            const el = await page(d, place, edge);
            await openMenu(el);
            expectReachable(el);
          });
        }
      }
    }

    it('the arrow keys down to the last item keep each focused item visible in the menu', async () => {
      await resize(ZOOMED);
      const el = await page(d, 'middle', 'end');
      trigger(el).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el) === items(el)[0], 'first item focused');
      const list = menu(el);
      const { width, height } = viewport();
      for (const item of items(el)) {
        expect(focused(el)).to.equal(item);
        expectInside(list.getBoundingClientRect(), { top: 0, left: 0, bottom: height, right: width }, 'menu');
        expectInside(item.getBoundingClientRect(), list.getBoundingClientRect(), item.dataset.network!);
        await sendKeys({ press: 'ArrowDown' });
      }
      // ArrowDown from the last item wraps to the first, scrolled back into view.
      expect(focused(el)).to.equal(items(el)[0]);
      expectInside(items(el)[0].getBoundingClientRect(), list.getBoundingClientRect(), 'first again');
      await sendKeys({ press: 'ArrowUp' });
      expectInside(items(el).at(-1)!.getBoundingClientRect(), list.getBoundingClientRect(), 'last by ArrowUp');
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => focused(el) === items(el).at(-1), 'opened on the last item');
      expectInside(items(el).at(-1)!.getBoundingClientRect(), menu(el).getBoundingClientRect(), 'last on opening');
    });

    it('a viewport that shrinks while the menu is open (virtual keyboard, rotation) gets the menu placed again', async () => {
      await resize(PHONE);
      const el = await page(d, 'top', 'end');
      await openMenu(el);
      expectReachable(el);
      // The keyboard takes the lower half; then the reader zooms to 200 %; then both go away.
      for (const size of [{ width: PHONE.width, height: 330 }, ZOOMED, PHONE]) {
        await resize(size);
        await waitUntil(() => {
          const box = menu(el).getBoundingClientRect();
          const { width, height } = viewport();
          return box.top >= 0 && box.left >= 0 && box.bottom <= height && box.right <= width;
        }, `placed again in ${size.width}×${size.height}`);
        expectReachable(el);
      }
    });
  });
}
