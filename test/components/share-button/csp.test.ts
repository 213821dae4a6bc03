import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { NwShareButton } from '../../../src/share-button.js';
import { DIRECTIONS, items, menu, trigger } from './helpers.js';

// The demo server's policy for styles (no 'unsafe-inline'), for the whole of this file: a meta policy, once
// inserted, cannot be lifted.
const violations: string[] = [];
before(() => {
  document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.sample}`));
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "style-src 'self'";
  document.head.append(meta);
});
after(() => setViewport({ width: 800, height: 600 }));

for (const d of DIRECTIONS) {
  describe(`share menu under style-src 'self', ${d.name}`, () => {
    it('is still placed on a 187 px screen at the inline end, with no policy violation', async () => {
      await setViewport({ width: 187, height: 370 });
      await waitUntil(() => innerWidth === 187, 'viewport resized');
      await nextFrame();
      // Laid out by a constructed style sheet, which the policy allows; the trigger against the inline end.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.end { display: flex; justify-content: flex-end }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      const wrapper = await fixture<HTMLElement>(html`<div class="end" dir=${d.dir} lang=${d.lang}>
        <nw-share-button mode="menu" networks="whatsapp telegram x facebook linkedin reddit bluesky threads mastodon email copy"></nw-share-button>
      </div>`);
      const el = wrapper.querySelector<NwShareButton>('nw-share-button')!;
      await el.updateComplete;
      // The policy is in force: a style attribute set now is blocked.
      const reported = violations.length;
      const probe = document.createElement('div');
      probe.setAttribute('style', 'inline-size: 77px');
      wrapper.append(probe);
      expect(probe.getBoundingClientRect().width, 'the policy blocks style attributes').to.not.equal(77);
      await waitUntil(() => violations.length > reported, 'the blocked attribute reported');
      const before = violations.length;
      trigger(el).click();
      await el.updateComplete;
      await nextFrame();
      const box = menu(el).getBoundingClientRect();
      const { clientWidth, clientHeight } = document.documentElement;
      // The screen's width less its margins (and, in Firefox, less the scroll bar the unplaced menu brought up):
      // the width the script sets, never squeezed to the trigger's (about 100 px).
      expect(box.width).to.be.at.least(150);
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(clientWidth);
      expect(box.bottom).to.be.at.most(clientHeight);
      expect(items(el)).to.have.length(11);
      expect(violations.slice(before), 'violations while placing the menu').to.deep.equal([]);
    });
  });
}
