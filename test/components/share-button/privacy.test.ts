import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { DIRECTIONS, guardNavigation, items, mount, trigger } from './helpers.js';

/** Everything a page could observe a widget doing behind the reader's back. */
function snapshot() {
  return {
    resources: performance.getEntriesByType('resource').map((entry) => entry.name),
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
  };
}

describe('<nw-share-button> privacy', () => {
  let nav: ReturnType<typeof guardNavigation>;
  let observed: string[];
  let observer: PerformanceObserver;

  beforeEach(async () => {
    // The element's own code, the Arabic catalog included, is loaded before measuring: what is measured is what
    // the element does on a page, not the loading of its script.
    await mount(DIRECTIONS[0], { mode: 'inline' });
    await aTimeout(50);
    nav = guardNavigation();
    observed = [];
    observer = new PerformanceObserver((list) => observed.push(...list.getEntries().map((entry) => entry.name)));
    observer.observe({ type: 'resource' });
  });
  afterEach(() => {
    observer.disconnect();
    nav.restore();
    sinon.restore();
  });

  it('makes no request, sets no cookie and writes no storage before the first click', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const beacon = sinon.spy(navigator, 'sendBeacon');
    const open = sinon.stub(window, 'open');
    const before = snapshot();
    const all = 'whatsapp telegram x facebook linkedin reddit bluesky threads mastodon email copy';
    const elements = [];
    for (const d of DIRECTIONS) {
      for (const mode of ['auto', 'menu', 'inline', 'native']) {
        elements.push(await mount(d, { mode, networks: all, utm: 'utm_source={network}', 'mastodon-instance': 'm.example' }));
        elements.push(await mount(d, { mode, 'icon-only': true }));
      }
    }
    for (const el of elements) {
      trigger(el)?.focus();
      el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    }
    await aTimeout(300);
    expect(observed, 'requests observed').to.deep.equal([]);
    expect(snapshot()).to.deep.equal(before);
    expect(fetchSpy.called || beacon.called || open.called).to.equal(false);
    // No resource can load later either: no images, frames, scripts, style sheets or CSS URLs in any element.
    for (const el of elements) {
      expect(el.shadowRoot!.querySelector('img, iframe, script, link, object, embed, video, audio')).to.equal(null);
      const styles = (el.constructor as unknown as { elementStyles: CSSStyleSheet[] }).elementStyles;
      expect(JSON.stringify(styles.map((s) => String((s as unknown as { cssText: string }).cssText)))).not.to.contain('url(');
    }
  });

  it('after clicks, nothing goes anywhere but the chosen target', async () => {
    sinon.stub(navigator.clipboard, 'writeText').resolves();
    const fetchSpy = sinon.spy(window, 'fetch');
    const beacon = sinon.spy(navigator, 'sendBeacon');
    const before = snapshot();
    const el = await mount(DIRECTIONS[1], { mode: 'menu', networks: 'x copy', url: 'https://news.example/a' });
    trigger(el).click();
    await el.updateComplete;
    items(el)[0].click();
    trigger(el).click();
    await el.updateComplete;
    items(el)[1].click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim() !== '');
    await aTimeout(300);
    expect(nav.log.map((entry) => entry.href)).to.deep.equal([
      'https://x.com/intent/tweet?text=' + encodeURIComponent(document.title) + '&url=https%3A%2F%2Fnews.example%2Fa',
    ]);
    expect(observed).to.deep.equal([]);
    expect(snapshot()).to.deep.equal(before);
    expect(fetchSpy.called || beacon.called).to.equal(false);
  });

  it('uses no javascript: link, inline handler or inline script', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <nw-share-button mode="inline" networks="whatsapp telegram x facebook linkedin reddit bluesky threads mastodon email copy"></nw-share-button>
    </div>`);
    const el = wrapper.firstElementChild!;
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const markup = el.shadowRoot!.innerHTML;
    expect(markup).not.to.match(/javascript:/i);
    expect(markup).not.to.match(/\son[a-z]+=/i);
    expect(markup).not.to.match(/<script/i);
    for (const link of el.shadowRoot!.querySelectorAll('a')) expect(link.protocol).to.be.oneOf(['https:', 'mailto:']);
  });
});
