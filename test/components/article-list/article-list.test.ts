import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/article-list.js';
import { type ArticleListLoadDetail, NwArticleList } from '../../../src/article-list.js';
import type { NwArticleCard } from '../../../src/article-card.js';
import { firstLayout, nextEvent, part, partText } from '../../support/events.js';

/** The mixed Arabic/English collection (five posts), a page of `perPage`, as a WordPress collection answers it. */
const collection = (query = '') => `/test-api/collection?file=wp-posts-mixed.json${query ? `&${query}` : ''}`;
const slow = (ms: number) => `/test-api/slow?ms=${ms}&file=wp-posts-mixed.json`;

async function list(template: ReturnType<typeof html>): Promise<NwArticleList> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = (wrapper.localName === 'nw-article-list' ? wrapper : wrapper.querySelector('nw-article-list')) as NwArticleList;
  await el.updateComplete;
  return el;
}

const cards = (el: NwArticleList) => [...el.shadowRoot!.querySelectorAll<NwArticleCard>('nw-article-card')];
const cardBox = (card: NwArticleCard) => card.shadowRoot!.querySelector('article')!;
/** "Load more" is seen, in the accessibility tree and a tab stop (its line is kept when it is not). */
const moreShown = (el: NwArticleList) => getComputedStyle(part(el, 'more')!).visibility === 'visible';
const headlines = (el: NwArticleList) => cards(el).map((card) => partText(card, 'headline'));

async function loaded(el: NwArticleList): Promise<void> {
  await nextEvent(el, 'nw-list-load');
  await el.updateComplete;
  await Promise.all(cards(el).map((card) => card.updateComplete));
}

describe('<nw-article-list>', () => {
  describe('a mixed Arabic and English collection', () => {
    for (const [lang, dir] of [
      ['en', 'ltr'],
      ['ar', 'rtl'],
    ] as const) {
      it(`on an ${dir.toUpperCase()} page, shows each card in its own article's language and direction`, async () => {
        const el = await list(html`<div lang=${lang} dir=${dir}><nw-article-list src=${collection()} heading="Latest"></nw-article-list></div>`);
        await loaded(el);
        expect(headlines(el)).to.deep.equal([
          'محادثات سرية مباشرة بين أمريكا و”حماس”',
          'City council approves a new network of protected bike lanes',
          'مخطوطة عمرها تسعمئة عام متاحة على الإنترنت',
          'Why your phone’s battery drains faster in the cold',
          'A library opens its doors at night',
        ]);
        // The first two and the fourth say their language (`lang`, as the reference server and Polylang send it);
        // the third is Arabic by its script; the fifth, plain English WordPress, says nothing and follows the page.
        const shown = cards(el).map((card) => [cardBox(card).lang, cardBox(card).dir]);
        expect(shown).to.deep.equal([['ar', 'rtl'], ['en', 'ltr'], ['ar', 'rtl'], ['en', 'ltr'], [lang, dir]]);
        expect(partText(cards(el)[0], 'author')).to.equal('فريق التحرير');
        expect(partText(cards(el)[2], 'reading-time')).to.equal('دقيقة واحدة للقراءة');
        expect(partText(cards(el)[1], 'reading-time')).to.equal('1 min read');
        expect(partText(el, 'heading')).to.equal('Latest');
        await expect(el).to.be.accessible();
      });
    }

    it('is a list to screen readers, one item per card, with a heading of its level', async () => {
      const el = await list(html`<nw-article-list lang="en" src=${collection()} heading="From our partner" heading-level="3"></nw-article-list>`);
      await loaded(el);
      const listEl = part(el, 'list')!;
      expect(listEl.localName).to.equal('ul');
      expect(listEl.getAttribute('role')).to.equal('list');
      const items = [...listEl.children];
      expect(items.map((item) => item.localName)).to.deep.equal(['li', 'li', 'li', 'li', 'li']);
      items.forEach((item) => expect(item.querySelectorAll('nw-article-card')).to.have.length(1));
      const heading = part(el, 'heading')!;
      expect(heading.getAttribute('role')).to.equal('heading');
      expect(heading.getAttribute('aria-level')).to.equal('3');
    });

    it('sets the cards from the collection, without fetching each post again', async () => {
      const started = performance.now();
      const el = await list(html`<nw-article-list lang="en" src=${collection()}></nw-article-list>`);
      await loaded(el);
      await aTimeout(100);
      const requests = performance.getEntriesByType('resource').filter((entry) => entry.startTime >= started && !entry.name.includes('image.svg'));
      expect(requests.map((entry) => new URL(entry.name).pathname)).to.deep.equal(['/test-api/collection']);
      expect(cards(el).every((card) => !card.hasAttribute('src'))).to.equal(true);
      const link = cards(el)[1].shadowRoot!.querySelector('a')!;
      expect(link.href).to.equal('https://news.example/bike-lanes/');
      expect(part<HTMLImageElement>(cards(el)[1], 'image')!.src).to.contain('/test/fixtures/image.svg?size=medium_large');
    });

    it('is one tab stop per card, in order, then the load more button and the all-articles link', async () => {
      const el = await list(html`<div lang="en">
        <button id="before">before</button>
        <nw-article-list src=${collection('per_page=3')} href="/articles/"></nw-article-list>
      </div>`);
      await loaded(el);
      (el.parentElement!.querySelector('#before') as HTMLButtonElement).focus();
      const stops: string[] = [];
      for (let i = 0; i < 5; i++) {
        await sendKeys({ press: 'Tab' });
        const card = el.shadowRoot!.activeElement;
        const inner = card?.shadowRoot?.activeElement ?? card;
        stops.push(inner?.textContent?.trim() ?? '');
      }
      expect(stops).to.deep.equal([
        'محادثات سرية مباشرة بين أمريكا و”حماس”',
        'City council approves a new network of protected bike lanes',
        'مخطوطة عمرها تسعمئة عام متاحة على الإنترنت',
        'More articles',
        'All articles',
      ]);
    });
  });

  describe('layouts and attributes', () => {
    for (const [layout, card] of [
      ['grid', 'vertical'],
      ['list', 'horizontal'],
      ['compact', 'compact'],
      ['mosaic', 'vertical'],
      ['', 'vertical'],
    ] as const) {
      it(`layout="${layout}" lays its cards out ${card}`, async () => {
        const el = await list(html`<nw-article-list lang="en" layout=${layout} src=${collection('per_page=2')}></nw-article-list>`);
        await loaded(el);
        expect(cards(el).map((item) => item.getAttribute('layout'))).to.deep.equal([card, card]);
      });
    }

    for (const [dir, lang] of [
      ['ltr', 'en'],
      ['rtl', 'ar'],
    ] as const) {
      for (const layout of ['grid', 'list', 'compact']) {
        it(`${layout}, ${dir}: accessible, loading and loaded`, async () => {
          const el = await list(html`<div lang=${lang} dir=${dir} style="inline-size: 900px">
            <nw-article-list layout=${layout} src=${collection('per_page=2&ms=300')} heading="اقرأ أيضاً" href="/all"></nw-article-list>
          </div>`);
          await expect(el).to.be.accessible();
          await loaded(el);
          await expect(el).to.be.accessible();
        });
      }
    }

    const garbage: Array<[string, Record<string, string>, (el: NwArticleList) => void]> = [
      ['limit="abc"', { limit: 'abc' }, (el) => expect(cards(el)).to.have.length(5)],
      ['limit="-2"', { limit: '-2' }, (el) => expect(cards(el)).to.have.length(5)],
      ['limit="2.5"', { limit: '2.5' }, (el) => expect(cards(el)).to.have.length(5)],
      ['limit="2"', { limit: '2' }, (el) => expect(cards(el)).to.have.length(2)],
      ['limit="1e9"', { limit: '1e9' }, (el) => expect(cards(el)).to.have.length(5)],
      ['heading-level="9"', { heading: 'x', 'heading-level': '9' }, (el) => expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('6')],
      ['heading-level="0"', { heading: 'x', 'heading-level': '0' }, (el) => expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('1')],
      ['heading-level="h3"', { heading: 'x', 'heading-level': 'h3' }, (el) => expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('2')],
      ['heading="   "', { heading: '   ' }, (el) => expect(part(el, 'heading')).to.equal(null)],
      ['a 400-letter heading', { heading: 'x'.repeat(400) }, (el) => expect(part(el, 'heading')!.scrollWidth).to.be.at.most(el.clientWidth)],
      ['href="javascript:alert(1)"', { href: 'javascript:alert(1)' }, (el) => expect(part(el, 'all')).to.equal(null)],
      ['href="data:text/html,x"', { href: 'data:text/html,x' }, (el) => expect(part(el, 'all')).to.equal(null)],
      ['href="/all"', { href: '/all' }, (el) => expect(part<HTMLAnchorElement>(el, 'all')!.href).to.equal(new URL('/all', location.href).href)],
    ];
    for (const [name, attributes, check] of garbage) {
      it(`${name}: a sensible state`, async () => {
        const el = document.createElement('nw-article-list');
        el.lang = 'en';
        for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
        el.src = collection();
        const wrapper = await fixture<HTMLElement>(html`<div></div>`);
        const load = nextEvent(el, 'nw-list-load');
        wrapper.append(el);
        await load;
        await el.updateComplete;
        check(el);
        if (attributes.limit === '2') expect(await nextLoadMoreShown(el)).to.equal(true);
      });
    }
  });

  describe('load more', () => {
    it('fetches page N+1 of the same URL while X-WP-TotalPages says there is more, focuses the first new card and says so', async () => {
      const el = await list(html`<div lang="en"><nw-article-list src=${collection('per_page=3&ms=200')} limit="2"></nw-article-list></div>`);
      await loaded(el);
      expect(headlines(el)).to.have.length(2);
      const more = part<HTMLButtonElement>(el, 'more')!;
      expect(more.textContent!.trim()).to.equal('More articles');
      more.focus();
      const second = nextEvent<ArticleListLoadDetail>(el, 'nw-list-load');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      // While it loads, the new cards' places are held by loading cards, and the list says it is busy.
      expect(cards(el)).to.have.length(4);
      expect(part(el, 'list')!.getAttribute('aria-busy')).to.equal('true');
      const { detail } = await second;
      expect(detail.page).to.equal(2);
      expect(detail.totalPages).to.equal(3);
      expect(detail.articles.map((article) => article.headline)).to.deep.equal([
        'مخطوطة عمرها تسعمئة عام متاحة على الإنترنت',
        'Why your phone’s battery drains faster in the cold',
      ]);
      await waitUntil(() => cards(el)[2].shadowRoot!.activeElement !== null, 'focus on the first new card');
      expect(el.shadowRoot!.activeElement).to.equal(cards(el)[2]);
      expect(cards(el)[2].shadowRoot!.activeElement!.textContent!.trim()).to.equal('مخطوطة عمرها تسعمئة عام متاحة على الإنترنت');
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim()).to.equal('More articles loaded.');
      const pages = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.pathname === '/test-api/collection' && url.searchParams.get('ms') === '200');
      expect(pages.slice(-2).map((url) => [url.searchParams.get('per_page'), url.searchParams.get('page'), url.searchParams.get('file')])).to.deep.equal([
        ['2', '1', 'wp-posts-mixed.json'],
        ['2', '2', 'wp-posts-mixed.json'],
      ]);
      // The last page: one place held (X-WP-Total says one post is left), one card, then no button.
      const last = loaded(el);
      part<HTMLButtonElement>(el, 'more')!.click();
      await el.updateComplete;
      expect(cards(el)).to.have.length(5);
      await last;
      expect(headlines(el)).to.have.length(5);
      expect(moreShown(el)).to.equal(false);
    });

    it('in Arabic, says it in Arabic', async () => {
      const el = await list(html`<div lang="ar" dir="rtl"><nw-article-list src=${collection()} limit="4" href="/all"></nw-article-list></div>`);
      await loaded(el);
      expect(part(el, 'more')!.textContent!.trim()).to.equal('مزيد من المقالات');
      expect(part(el, 'all')!.textContent!.trim()).to.equal('كل المقالات');
      part<HTMLButtonElement>(el, 'more')!.click();
      await loaded(el);
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim()).to.equal('حُمِّل مزيد من المقالات.');
      expect(moreShown(el)).to.equal(false);
    });

    it('has no button when everything fits on one page, nor without X-WP-TotalPages', async () => {
      const el = await list(html`<nw-article-list lang="en" src=${collection()}></nw-article-list>`);
      await loaded(el);
      expect(moreShown(el)).to.equal(false);
      // The static fixture is a plain JSON array: no header, nothing more offered.
      const plain = await list(html`<nw-article-list lang="en" src="/test/fixtures/wp-posts-mixed.json" limit="2"></nw-article-list>`);
      await loaded(plain);
      expect(cards(plain)).to.have.length(2);
      expect(moreShown(plain)).to.equal(false);
    });

    it('keeps what it shows and its button when a further page fails, and says so', async () => {
      const el = await list(html`<nw-article-list lang="en" src=${collection('status=500&fail=2')} limit="2"></nw-article-list>`);
      await loaded(el);
      part<HTMLButtonElement>(el, 'more')!.click();
      const error = await nextEvent(el, 'nw-error');
      await el.updateComplete;
      expect(error.detail).to.deep.equal({ reason: 'http', status: 500 });
      expect(headlines(el)).to.have.length(2);
      expect(part(el, 'list')!.getAttribute('aria-busy')).to.equal('false');
      expect(moreShown(el)).to.equal(true);
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim()).to.equal('More articles could not be loaded.');
    });
  });

  describe('loading', () => {
    for (const [layout, limit, width] of [
      ['grid', '4', 960],
      ['list', '3', 700],
      ['compact', '4', 600],
    ] as const) {
      it(`${layout}: reserves the final size while loading, CLS 0 from loading to loaded for \`limit\` cards`, async () => {
        const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="inline-size: ${width}px">
          <nw-article-list src=${collection(`ms=500&layout=${layout}`)} limit=${limit} layout=${layout} heading="Latest"></nw-article-list>
          <p>Below the list</p>
        </div>`);
        const el = wrapper.querySelector('nw-article-list')!;
        const below = wrapper.querySelector('p')!;
        const load = loaded(el);
        await el.updateComplete;
        expect(cards(el)).to.have.length(Number(limit));
        await Promise.all(cards(el).map((card) => card.updateComplete));
        await firstLayout(el);
        // From the loading state as the reader sees it (two frames on), to the loaded list.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const shifts: number[] = [];
        const supported = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
        const observer = supported
          ? new PerformanceObserver((entries) => entries.getEntries().forEach((entry) => shifts.push((entry as unknown as { value: number }).value)))
          : undefined;
        observer?.observe({ type: 'layout-shift', buffered: false });
        const size = () => `${el.getBoundingClientRect().width}x${el.getBoundingClientRect().height} ${below.getBoundingClientRect().top}`;
        const loading = size();
        expect(part(el, 'list')!.getAttribute('aria-busy')).to.equal('true');
        await load;
        expect(cards(el)).to.have.length(Number(limit));
        expect(part(el, 'list')!.getAttribute('aria-busy')).to.equal('false');
        await aTimeout(200);
        expect(size()).to.equal(loading);
        observer?.disconnect();
        if (supported) expect(shifts.reduce((a, b) => a + b, 0)).to.equal(0);
      });
    }

    it('fetches only when it nears the viewport', async () => {
      const src = collection('per_page=1&near=1');
      const wrapper = await fixture<HTMLElement>(html`<div lang="en"><div style="block-size: 4000px"></div><nw-article-list src=${src}></nw-article-list></div>`);
      const el = wrapper.querySelector('nw-article-list')!;
      await aTimeout(300);
      const asked = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('near=1'));
      expect(asked()).to.equal(false);
      const load = nextEvent(el, 'nw-list-load');
      el.scrollIntoView();
      await load;
      expect(asked()).to.equal(true);
    });
  });

  describe('failure', () => {
    const failing: Array<[string, string, Record<string, unknown>]> = [
      ['answers HTTP 500', collection('status=500'), { reason: 'http', status: 500 }],
      ['is not JSON', '/test/fixtures/not-json.html', { reason: 'invalid-json' }],
      ['is one post, not a list', '/test/fixtures/wp-post-ar.json', { reason: 'invalid-data' }],
      ['times out', slow(3000), { reason: 'timeout' }],
      ['is javascript:', 'javascript:alert(1)', { reason: 'invalid-src' }],
    ];
    let timeout: number;
    beforeEach(() => {
      timeout = NwArticleList.timeout;
      NwArticleList.timeout = 500;
    });
    afterEach(() => (NwArticleList.timeout = timeout));

    for (const [name, src, detail] of failing) {
      for (const [lang, dir] of [
        ['en', 'ltr'],
        ['ar', 'rtl'],
      ] as const) {
        it(`a src that ${name} (${dir}): nw-error, and the page's fallback list of links shows`, async () => {
          const el = await list(html`<div lang=${lang} dir=${dir}>
            <nw-article-list src=${src} heading="اقرأ أيضاً">
              <ul class="fallback">
                <li><a href="/articles/talks">محادثات سرية مباشرة</a></li>
                <li><a href="/articles/bikes" lang="en" dir="ltr">Protected bike lanes</a></li>
              </ul>
            </nw-article-list>
          </div>`);
          const error = await nextEvent(el, 'nw-error');
          await el.updateComplete;
          expect(error.detail).to.deep.equal(detail);
          expect(cards(el)).to.have.length(0);
          const fallback = el.querySelector('.fallback')!;
          expect(fallback.checkVisibility()).to.equal(true);
          expect(fallback.getBoundingClientRect().height).to.be.above(0);
          expect(el.shadowRoot!.querySelector('slot')!.assignedElements()).to.deep.equal([fallback]);
          expect(el.shadowRoot!.textContent).to.not.contain('could not be loaded');
          expect(partText(el, 'heading')).to.equal('اقرأ أيضاً');
          await expect(el).to.be.accessible();
        });
      }
    }

    it('without a fallback, says it could not load them, in the list\'s language', async () => {
      const el = await list(html`<div lang="ar" dir="rtl"><nw-article-list src=${collection('status=500')}> </nw-article-list></div>`);
      await nextEvent(el, 'nw-error');
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('تعذّر تحميل هذه المقالات.');
      await expect(el).to.be.accessible();
    });

    it('hides its fallback once upgraded and loading, shows it without src', async () => {
      const el = await list(html`<nw-article-list lang="en" src=${collection('ms=300')}><ul class="fallback"><li><a href="/a">A</a></li></ul></nw-article-list>`);
      expect(el.querySelector('.fallback')!.checkVisibility()).to.equal(false);
      await loaded(el);
      expect(el.querySelector('.fallback')!.checkVisibility()).to.equal(false);
      expect(el.querySelector('.fallback')!.isConnected).to.equal(true);
      const none = await list(html`<nw-article-list lang="en"><ul class="fallback"><li><a href="/a">A</a></li></ul></nw-article-list>`);
      expect(none.querySelector('.fallback')!.checkVisibility()).to.equal(true);
    });

    it('shows its fallback for an empty collection', async () => {
      const el = await list(html`<nw-article-list lang="en" src="/test-api/collection?file=empty-list.json"><p class="fallback">Nothing yet</p></nw-article-list>`);
      await nextEvent(el, 'nw-list-load');
      await el.updateComplete;
      expect(el.querySelector('.fallback')!.checkVisibility()).to.equal(true);
    });
  });
});

/** Whether "load more" shows once the first page is in. */
async function nextLoadMoreShown(el: NwArticleList): Promise<boolean> {
  await el.updateComplete;
  return moreShown(el);
}
