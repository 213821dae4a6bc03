import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { sendMouse } from '@web/test-runner-commands';
import type { NwShareButton } from '../../../src/share-button.js';
import { nextEvent } from '../../support/events.js';
import {
  $,
  $$,
  DIRECTIONS,
  TEXT,
  focused,
  guardNavigation,
  items,
  menu,
  mount,
  status,
  stubNavigator,
  trigger,
} from './helpers.js';

const ALL = 'whatsapp telegram x facebook linkedin reddit bluesky threads mastodon email copy';
const URL_ = 'https://news.example/ar/talks?id=7#comments';
const u = encodeURIComponent(URL_);

/** The expected link of each network for `URL_`, title "T & <b>" and no text. */
const LINKS: Record<string, string> = {
  whatsapp: `https://wa.me/?text=T%20%26%20%3Cb%3E%0A${u}`,
  telegram: `https://t.me/share/url?url=${u}&text=T%20%26%20%3Cb%3E`,
  x: `https://x.com/intent/tweet?text=T%20%26%20%3Cb%3E&url=${u}`,
  facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
  linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
  reddit: `https://www.reddit.com/submit?url=${u}&title=T%20%26%20%3Cb%3E`,
  bluesky: `https://bsky.app/intent/compose?text=T%20%26%20%3Cb%3E%0A${u}`,
  threads: `https://www.threads.com/intent/post?text=T%20%26%20%3Cb%3E&url=${u}`,
  mastodon: `https://share.joinmastodon.org/#text=T%20%26%20%3Cb%3E%0A${u}`,
  email: `mailto:?subject=T%20%26%20%3Cb%3E&body=${u}`,
};

let nav: ReturnType<typeof guardNavigation>;
beforeEach(() => (nav = guardNavigation()));
afterEach(() => {
  nav.restore();
  sinon.restore();
});

for (const d of DIRECTIONS) {
  const t = TEXT[d.lang];

  describe(`<nw-share-button> ${d.name}`, () => {
    it('renders in the inherited language and direction', async () => {
      const el = await mount(d, { mode: 'menu' });
      const base = $(el, '.base');
      expect(base.getAttribute('dir')).to.equal(d.dir);
      expect(base.getAttribute('lang')).to.equal(d.lang);
      expect(getComputedStyle(base).direction).to.equal(d.dir);
      expect(trigger(el).textContent!.trim()).to.equal(t.share);
    });

    describe('menu mode', () => {
      it('is a menu button, axe-clean closed and open', async () => {
        const el = await mount(d, { mode: 'menu', networks: ALL });
        const button = trigger(el);
        expect(button.getAttribute('aria-haspopup')).to.equal('menu');
        expect(button.getAttribute('aria-expanded')).to.equal('false');
        expect(menu(el).hidden).to.equal(true);
        await expect(el).to.be.accessible();
        button.click();
        await el.updateComplete;
        expect(button.getAttribute('aria-expanded')).to.equal('true');
        expect(menu(el).hidden).to.equal(false);
        expect(button.getAttribute('aria-controls')).to.equal(menu(el).id);
        await waitUntil(() => focused(el) === items(el)[0], 'the first item takes focus');
        await expect(el).to.be.accessible();
      });

      it('lists every network as a real link with target and rel', async () => {
        const el = await mount(d, { mode: 'menu', networks: ALL, url: URL_, 'share-title': 'T & <b>' });
        trigger(el).click();
        await el.updateComplete;
        const list = items(el);
        expect(list.map((item) => item.dataset.network)).to.deep.equal(ALL.split(' '));
        for (const item of list) {
          const network = item.dataset.network!;
          expect(item.getAttribute('role'), network).to.equal('menuitem');
          if (network === 'copy') {
            expect(item.localName).to.equal('button');
            expect(item.textContent!.trim()).to.equal(t.copy);
            continue;
          }
          const link = item as HTMLAnchorElement;
          expect(link.localName).to.equal('a');
          expect(link.getAttribute('href'), network).to.equal(LINKS[network]);
          expect(link.getAttribute('rel'), network).to.equal('noopener noreferrer');
          // A mailto: link opens the mail client, not an empty tab.
          expect(link.getAttribute('target'), network).to.equal(network === 'email' ? null : '_blank');
        }
        expect(list[0].textContent!.trim()).to.equal(t.whatsapp);
      });

      it('fires nw-share before a target opens, and closes', async () => {
        const el = await mount(d, { mode: 'menu', url: URL_ });
        trigger(el).click();
        await el.updateComplete;
        const event = nextEvent<{ network: string; url: string }>(el, 'nw-share');
        $<HTMLAnchorElement>(el, '[data-network="x"]').click();
        const { detail, bubbles, composed, cancelable } = await event;
        expect({ ...detail, bubbles, composed, cancelable }).to.deep.equal({
          network: 'x', url: URL_, bubbles: true, composed: true, cancelable: true,
        });
        expect(nav.log).to.have.length(1);
        expect(nav.log[0].href).to.match(/^https:\/\/x\.com\/intent\/tweet\?/);
        expect(nav.log[0].prevented).to.equal(false);
        await el.updateComplete;
        expect(menu(el).hidden).to.equal(true);
        expect(focused(el)).to.equal(trigger(el));
      });

      it('preventDefault() on nw-share stops the target', async () => {
        const el = await mount(d, { mode: 'menu' });
        el.addEventListener('nw-share', (event) => event.preventDefault());
        trigger(el).click();
        await el.updateComplete;
        $<HTMLAnchorElement>(el, '[data-network="facebook"]').click();
        expect(nav.log).to.have.length(1);
        expect(nav.log[0].prevented).to.equal(true);
      });
    });

    describe('inline mode', () => {
      it('shows a heading and a row of links, axe-clean', async () => {
        const el = await mount(d, { mode: 'inline', networks: ALL, url: URL_, 'share-title': 'T & <b>' });
        expect($(el, '[part="heading"]').textContent!.trim()).to.equal(t.heading);
        expect($(el, '[role="group"]').getAttribute('aria-labelledby')).to.equal($(el, '[part="heading"]').id);
        expect(trigger(el)).to.equal(null);
        const links = $$<HTMLAnchorElement>(el, 'a[part~="item"]');
        expect(links).to.have.length(10);
        for (const link of links) {
          expect(link.getAttribute('href')).to.equal(LINKS[link.dataset.network!]);
          expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
          expect(link.hasAttribute('role')).to.equal(false);
        }
        await expect(el).to.be.accessible();
      });

      it('uses label as its heading', async () => {
        const el = await mount(d, { mode: 'inline', label: 'Pass it on' });
        expect($(el, '[part="heading"]').textContent!.trim()).to.equal('Pass it on');
      });

      it('icon-only: each icon has its localized accessible name, axe-clean', async () => {
        const el = await mount(d, { mode: 'inline', 'icon-only': true });
        const whatsapp = $(el, '[data-network="whatsapp"]');
        expect(whatsapp.getAttribute('aria-label')).to.equal(t.onWhatsapp);
        expect($(el, '[data-network="x"]').getAttribute('aria-label')).to.equal(t.onX);
        expect($(el, '[data-network="copy"]').getAttribute('aria-label')).to.equal(t.copy);
        expect(whatsapp.querySelector<HTMLElement>('[part="label"]')!.hidden).to.equal(true);
        expect(whatsapp.getBoundingClientRect().width).to.be.below(60);
        await expect(el).to.be.accessible();
      });
    });

    it('icon-only trigger is named by its label', async () => {
      const el = await mount(d, { mode: 'menu', 'icon-only': true });
      expect(trigger(el).getAttribute('aria-label')).to.equal(t.share);
      await expect(el).to.be.accessible();
    });

    describe('auto and native modes', () => {
      it('writes no mode attribute the page did not write; a mode set as a property is reflected for CSS', async () => {
        const el = await mount(d, { url: URL_ });
        expect(el.hasAttribute('mode')).to.equal(false);
        el.mode = 'inline';
        await el.updateComplete;
        expect(el.getAttribute('mode')).to.equal('inline');
      });

      it('auto uses the share sheet when canShare accepts the data', async () => {
        const share = sinon.stub().resolves();
        const canShare = sinon.stub().returns(true);
        const restore = [stubNavigator('share', share), stubNavigator('canShare', canShare)];
        try {
          const el = await mount(d, { url: URL_, 'share-title': 'T', text: 'more', utm: 'utm_source={network}' });
          expect(trigger(el).hasAttribute('aria-haspopup')).to.equal(false);
          expect(menu(el)).to.equal(null);
          const event = nextEvent<{ network: string }>(el, 'nw-share');
          trigger(el).click();
          expect((await event).detail.network).to.equal('native');
          await waitUntil(() => share.calledOnce);
          expect(share.firstCall.args[0]).to.deep.equal({
            url: 'https://news.example/ar/talks?id=7&utm_source=native#comments',
            title: 'T',
            text: 'more',
          });
          await aTimeout(20);
          expect(status(el)).to.equal('');
        } finally {
          restore.forEach((undo) => undo());
        }
      });

      it('auto opens the menu when canShare says no', async () => {
        const share = sinon.stub().resolves();
        const restore = [stubNavigator('share', share), stubNavigator('canShare', () => false)];
        try {
          const el = await mount(d);
          expect(trigger(el).getAttribute('aria-haspopup')).to.equal('menu');
          trigger(el).click();
          await el.updateComplete;
          expect(menu(el).hidden).to.equal(false);
          expect(share.called).to.equal(false);
        } finally {
          restore.forEach((undo) => undo());
        }
      });

      it('auto opens the menu where there is no Web Share API', async () => {
        const restore = [stubNavigator('share', undefined), stubNavigator('canShare', undefined)];
        try {
          const el = await mount(d);
          trigger(el).click();
          await el.updateComplete;
          expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
        } finally {
          restore.forEach((undo) => undo());
        }
      });

      it('a cancelled share sheet (AbortError) shows nothing', async () => {
        const share = sinon.stub().rejects(new DOMException('cancelled', 'AbortError'));
        const restore = [stubNavigator('share', share), stubNavigator('canShare', () => true)];
        const error = sinon.spy(console, 'error');
        try {
          for (const mode of ['auto', 'native']) {
            const el = await mount(d, { mode });
            trigger(el).click();
            await waitUntil(() => share.called);
            await aTimeout(30);
            expect(status(el), mode).to.equal('');
            expect(menu(el), mode).to.equal(null);
            expect(error.called).to.equal(false);
            share.resetHistory();
          }
        } finally {
          restore.forEach((undo) => undo());
        }
      });

      it('a failing share sheet falls back to the menu in auto mode', async () => {
        const share = sinon.stub().rejects(new DOMException('no', 'NotAllowedError'));
        const restore = [stubNavigator('share', share), stubNavigator('canShare', () => true)];
        try {
          const el = await mount(d);
          trigger(el).click();
          await waitUntil(() => trigger(el).getAttribute('aria-expanded') === 'true', 'menu opened');
        } finally {
          restore.forEach((undo) => undo());
        }
      });

      it('native mode copies the link where there is no share sheet', async () => {
        const restore = [stubNavigator('share', undefined)];
        const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
        try {
          const el = await mount(d, { mode: 'native', url: URL_ });
          expect(trigger(el).hasAttribute('aria-haspopup')).to.equal(false);
          trigger(el).click();
          await waitUntil(() => status(el) === t.copied, 'announced');
          expect(write.firstCall.args[0]).to.equal(URL_);
        } finally {
          restore.forEach((undo) => undo());
        }
      });

      it('preventDefault() on nw-share stops the share sheet', async () => {
        const share = sinon.stub().resolves();
        const restore = [stubNavigator('share', share), stubNavigator('canShare', () => true)];
        try {
          const el = await mount(d, { mode: 'native' });
          el.addEventListener('nw-share', (event) => event.preventDefault());
          trigger(el).click();
          await aTimeout(30);
          expect(share.called).to.equal(false);
          expect(menu(el)).to.equal(null);
        } finally {
          restore.forEach((undo) => undo());
        }
      });
    });

    describe('copy link', () => {
      it('copies, fires nw-copy and announces success', async () => {
        const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
        const el = await mount(d, { mode: 'inline', url: URL_, utm: 'utm_source={network}' });
        const copied = nextEvent<{ url: string }>(el, 'nw-copy');
        $(el, '[data-network="copy"]').click();
        const expected = 'https://news.example/ar/talks?id=7&utm_source=copy#comments';
        expect((await copied).detail).to.deep.equal({ url: expected });
        expect(write.firstCall.args[0]).to.equal(expected);
        await waitUntil(() => status(el) === t.copied, 'announced');
        expect($(el, '[role="status"]').closest('[lang]')!.getAttribute('lang')).to.equal(d.lang);
      });

      it('says so when the clipboard is refused', async () => {
        sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('denied', 'NotAllowedError'));
        const execCommand = sinon.stub(document, 'execCommand').returns(false);
        const el = await mount(d, { mode: 'inline' });
        let fired = false;
        el.addEventListener('nw-copy', () => (fired = true));
        $(el, '[data-network="copy"]').click();
        await waitUntil(() => status(el) === t.failed, 'failure announced');
        expect(execCommand.calledWith('copy')).to.equal(true);
        expect(fired).to.equal(false);
      });

      it('without the Clipboard API (plain http), a real click still puts the URL on the clipboard', async () => {
        sinon.stub(navigator.clipboard, 'writeText').rejects(new TypeError('navigator.clipboard is undefined'));
        const el = await mount(d, { mode: 'inline', url: URL_ });
        const copiedData: string[] = [];
        const record = (event: ClipboardEvent) => copiedData.push(event.clipboardData!.getData('text/plain'));
        window.addEventListener('copy', record);
        try {
          // A click the browser counts as the reader's: execCommand('copy') needs that user activation.
          const { x, y, width, height } = $(el, '[data-network="copy"]').getBoundingClientRect();
          await sendMouse({ type: 'click', position: [Math.round(x + width / 2), Math.round(y + height / 2)] });
          await waitUntil(() => status(el) === t.copied, 'announced');
          expect(copiedData).to.deep.equal([URL_]);
        } finally {
          window.removeEventListener('copy', record);
        }
      });

      it('copies from the menu and returns focus to the trigger', async () => {
        sinon.stub(navigator.clipboard, 'writeText').resolves();
        const el = await mount(d, { mode: 'menu' });
        trigger(el).click();
        await el.updateComplete;
        $(el, '[data-network="copy"]').click();
        await waitUntil(() => status(el) === t.copied, 'announced');
        expect(menu(el).hidden).to.equal(true);
        expect(focused(el)).to.equal(trigger(el));
        await expect(el).to.be.accessible();
      });

      it('preventDefault() on nw-share stops the copy', async () => {
        const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
        const el = await mount(d, { mode: 'inline' });
        el.addEventListener('nw-share', (event) => event.preventDefault());
        $(el, '[data-network="copy"]').click();
        await aTimeout(30);
        expect(write.called).to.equal(false);
        expect(status(el)).to.equal('');
      });
    });
  });
}

describe('<nw-share-button> what it shares', () => {
  const dir = DIRECTIONS[1];
  let added: Element[] = [];
  const head = (markup: string): void => {
    const template = document.createElement('template');
    template.innerHTML = markup;
    added = [...template.content.children];
    document.head.append(...added);
  };
  afterEach(() => {
    added.forEach((node) => node.remove());
    added = [];
    nav.restore();
    sinon.restore();
  });

  const href = (el: NwShareButton, network: string) =>
    $(el, `[data-network="${network}"]`).getAttribute('href')!;

  it('discovers the canonical URL and og:title', async () => {
    head('<link rel="canonical" href="https://news.example/canonical"><meta property="og:title" content="OG title">');
    const el = await mount(dir, { mode: 'inline', networks: 'reddit' });
    expect(href(el, 'reddit')).to.equal(
      'https://www.reddit.com/submit?url=https%3A%2F%2Fnews.example%2Fcanonical&title=OG%20title',
    );
  });

  it('falls back to og:url, then the page address and document.title', async () => {
    head('<meta property="og:url" content="https://news.example/og">');
    const el = await mount(dir, { mode: 'inline', networks: 'reddit' });
    expect(href(el, 'reddit')).to.contain(`url=${encodeURIComponent('https://news.example/og')}`);
    added.forEach((node) => node.remove());
    const plain = await mount(dir, { mode: 'inline', networks: 'reddit' });
    expect(href(plain, 'reddit')).to.equal(
      `https://www.reddit.com/submit?url=${encodeURIComponent(location.href)}&title=${encodeURIComponent(document.title)}`,
    );
  });

  for (const bad of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>']) {
    it(`never shares ${bad.split(':')[0]}: URLs, and warns once`, async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await mount(dir, { mode: 'inline', networks: ALL, url: bad });
      el.requestUpdate();
      await el.updateComplete;
      expect(warn.callCount).to.equal(1);
      for (const link of $$<HTMLAnchorElement>(el, 'a')) {
        expect(link.href, link.dataset.network).not.to.match(/javascript|data%3A|data:/i);
        if (link.dataset.network !== 'email') expect(link.href).to.contain(encodeURIComponent(location.href));
      }
    });
  }

  it('adds utm per network, keeping the query and fragment', async () => {
    const el = await mount(dir, {
      mode: 'inline',
      networks: 'facebook x',
      url: 'https://news.example/a?id=7#top',
      utm: 'utm_source={network}&utm_medium=share',
    });
    expect(href(el, 'facebook')).to.equal(
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent('https://news.example/a?id=7&utm_source=facebook&utm_medium=share#top')}`,
    );
    expect(href(el, 'x')).to.contain(encodeURIComponent('utm_source=x&utm_medium=share#top'));
  });

  it('shares to a Mastodon instance when given one', async () => {
    const el = await mount(dir, { mode: 'inline', networks: 'mastodon', url: 'https://n.example/', 'share-title': 'T' });
    expect(href(el, 'mastodon')).to.equal('https://share.joinmastodon.org/#text=T%0Ahttps%3A%2F%2Fn.example%2F');
    el.setAttribute('mastodon-instance', 'mastodon.social');
    await el.updateComplete;
    expect(href(el, 'mastodon')).to.equal('https://mastodon.social/share?text=T%0Ahttps%3A%2F%2Fn.example%2F');
  });

  it('keeps HTML, quotes and ampersands intact in every target', async () => {
    const title = `<img src=x onerror=alert(1)> "Tom" & 'Jerry'`;
    const el = await mount(dir, { mode: 'inline', networks: ALL, 'share-title': title, text: 'a & b <i>' });
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    for (const link of $$<HTMLAnchorElement>(el, 'a')) {
      const network = link.dataset.network!;
      const raw = link.getAttribute('href')!;
      expect(raw, network).not.to.match(/[<>" ]/);
      if (network !== 'facebook' && network !== 'linkedin') expect(decodeURIComponent(raw), network).to.contain(title);
    }
  });

  it('degrades unknown and empty networks to the defaults with one warning', async () => {
    const warn = sinon.stub(console, 'warn');
    const unknown = await mount(dir, { mode: 'inline', networks: 'myspace friendster' });
    expect(items(unknown).map((item) => item.dataset.network)).to.deep.equal(
      ['whatsapp', 'x', 'facebook', 'telegram', 'email', 'copy'],
    );
    unknown.requestUpdate();
    await unknown.updateComplete;
    expect(warn.callCount).to.equal(1);
    const empty = await mount(dir, { mode: 'inline', networks: '' });
    expect(items(empty)).to.have.length(6);
    expect(warn.callCount).to.equal(2);
    const some = await mount(dir, { mode: 'inline', networks: 'telegram, nope, x' });
    expect(items(some).map((item) => item.dataset.network)).to.deep.equal(['telegram', 'x']);
    expect(warn.callCount).to.equal(3);
  });

  it('cuts a 100,000-character text for X and Bluesky without splitting a grapheme', async () => {
    const text = '👍🏽'.repeat(50_000);
    const el = await mount(dir, { mode: 'inline', networks: 'x bluesky', 'share-title': 'T', text, url: 'https://n.example/' });
    const xText = new URL(href(el, 'x')).searchParams.get('text')!;
    expect(xText.startsWith('T\n👍🏽')).to.equal(true);
    expect(xText.endsWith('👍🏽…')).to.equal(true);
    const skyText = new URL(href(el, 'bluesky')).searchParams.get('text')!;
    expect(skyText.endsWith('👍🏽…\nhttps://n.example/')).to.equal(true);
  });

  it('follows a change of language on the page', async () => {
    const el = await mount(dir, { mode: 'menu' });
    expect(trigger(el).textContent!.trim()).to.equal('Share');
    el.parentElement!.setAttribute('lang', 'ar');
    el.parentElement!.setAttribute('dir', 'rtl');
    await waitUntil(() => trigger(el).textContent!.trim() === 'شارك', 'Arabic label');
    expect($(el, '.base').getAttribute('dir')).to.equal('rtl');
  });

  it('renders RTL in Arabic on an LTR page when its own lang is Arabic', async () => {
    const el = await mount(dir, { mode: 'menu', lang: 'ar' });
    expect($(el, '.base').getAttribute('dir')).to.equal('rtl');
    expect(trigger(el).textContent!.trim()).to.equal('شارك');
  });
});
