import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/article-card.js';
import { NwArticleCard } from '../../../src/article-card.js';
import { firstLayout, nextEvent, part, partText } from '../../support/events.js';

const HOURS = 3_600_000;
const twoHoursAgo = () => new Date(Date.now() - 2 * HOURS).toISOString();
const WP_POST = '/test/fixtures/wp-post-ar.json';
/** The WordPress fixture, answered after `ms` milliseconds by the test server. */
const slow = (ms: number) => `/test-api/slow?ms=${ms}&file=wp-post-ar.json`;

async function card(template: ReturnType<typeof html>): Promise<NwArticleCard> {
  const wrapper = await fixture<HTMLElement>(template);
  const el = (wrapper.localName === 'nw-article-card' ? wrapper : wrapper.querySelector('nw-article-card')) as NwArticleCard;
  await el.updateComplete;
  return el;
}

const inner = (el: NwArticleCard) => el.shadowRoot!.querySelector('article')!;

describe('<nw-article-card>', () => {
  describe('attributes, English LTR', () => {
    let el: NwArticleCard;
    beforeEach(async () => {
      el = await card(html`<div lang="en">
        <nw-article-card
          href="https://news.example/bikes"
          headline="City council approves a new network of protected bike lanes"
          excerpt="The plan adds 40 kilometres of separated lanes."
          section="Local"
          image="/test/fixtures/image.svg"
          image-alt="A cyclist on a green lane"
          image-width="1600"
          image-height="900"
          author="Newsroom staff"
          published=${twoHoursAgo()}
          reading-time="4"
          target="_blank"
        ></nw-article-card>
      </div>`);
    });

    it('shows every field', () => {
      expect(partText(el, 'headline')).to.equal('City council approves a new network of protected bike lanes');
      expect(partText(el, 'excerpt')).to.equal('The plan adds 40 kilometres of separated lanes.');
      expect(partText(el, 'section')).to.equal('Local');
      expect(partText(el, 'author')).to.equal('Newsroom staff');
      expect(part(el, 'author')!.querySelector('bdi')).to.exist;
      expect(partText(el, 'date')).to.equal('2 hours ago');
      expect(partText(el, 'reading-time')).to.equal('4 min read');
      const img = part<HTMLImageElement>(el, 'image')!;
      expect(img.src).to.equal(new URL('/test/fixtures/image.svg', location.href).href);
      expect(img.alt).to.equal('A cyclist on a green lane');
      expect(img.getAttribute('width')).to.equal('1600');
      expect(img.getAttribute('height')).to.equal('900');
      expect(img.loading).to.equal('lazy');
      expect(part(el, 'date')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    });

    it('is one link, named by the headline, with a safe target', () => {
      const links = el.shadowRoot!.querySelectorAll('a');
      expect(links).to.have.length(1);
      expect(links[0].href).to.equal('https://news.example/bikes');
      expect(links[0].target).to.equal('_blank');
      expect(links[0].rel).to.equal('noopener noreferrer');
      expect(links[0].textContent!.trim()).to.equal(el.headline);
    });

    it('is one tab stop', async () => {
      // Buttons on both sides keep focus inside the page (a Tab past the last one would leave the browser's
      // page, and later test files would then get no focus at all).
      const [before, after] = ['before', 'after'].map((text) => Object.assign(document.createElement('button'), { textContent: text }));
      el.before(before);
      el.after(after);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.localName).to.equal('a');
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(after);
      before.remove();
      after.remove();
    });

    it('lays out left to right in English', () => {
      expect(inner(el).dir).to.equal('ltr');
      expect(inner(el).lang).to.equal('en');
      expect(getComputedStyle(part(el, 'headline')!).direction).to.equal('ltr');
    });

    it('reserves the aspect ratio of image-width/height before the picture loads', () => {
      const box = part(el, 'image')!.parentElement!.getBoundingClientRect();
      expect(box.width / box.height).to.be.closeTo(16 / 9, 0.02);
    });

    it('follows --nw-card-image-ratio', async () => {
      el.style.setProperty('--nw-card-image-ratio', '1 / 1');
      const box = part(el, 'image')!.parentElement!.getBoundingClientRect();
      expect(box.width / box.height).to.be.closeTo(1, 0.02);
    });
  });

  describe('Arabic RTL', () => {
    it('renders right to left with Arabic strings', async () => {
      const el = await card(html`<div dir="rtl" lang="ar">
        <nw-article-card headline="عنوان" href="/a" author="فريق التحرير" published=${twoHoursAgo()} reading-time="4"></nw-article-card>
      </div>`);
      expect(inner(el).dir).to.equal('rtl');
      expect(inner(el).lang).to.equal('ar');
      expect(getComputedStyle(part(el, 'headline')!).direction).to.equal('rtl');
      expect(partText(el, 'reading-time')).to.equal('4 دقائق للقراءة');
      expect(partText(el, 'date')).to.equal('قبل ساعتين');
    });

    const forms: Array<[number, string]> = [
      [1, 'دقيقة واحدة للقراءة'],
      [2, 'دقيقتان للقراءة'],
      [3, '3 دقائق للقراءة'],
      [10, '10 دقائق للقراءة'],
      [11, '11 دقيقة للقراءة'],
      [99, '99 دقيقة للقراءة'],
      [100, '100 دقيقة للقراءة'],
      [102, '102 دقيقة للقراءة'],
    ];
    for (const [minutes, expected] of forms) {
      it(`says ${minutes} minutes as "${expected}"`, async () => {
        const el = await card(html`<nw-article-card lang="ar" headline="ع" reading-time=${minutes}></nw-article-card>`);
        expect(partText(el, 'reading-time')).to.equal(expected);
      });
    }

    it('says English reading times', async () => {
      for (const [minutes, expected] of [
        [1, '1 min read'],
        [4, '4 min read'],
      ] as const) {
        const el = await card(html`<nw-article-card lang="en" headline="h" reading-time=${minutes}></nw-article-card>`);
        expect(partText(el, 'reading-time')).to.equal(expected);
      }
    });

    it('uses Arabic-Indic digits for ar-EG and Latin digits for ar', async () => {
      const eg = await card(html`<nw-article-card lang="ar-EG" headline="ع" reading-time="4" published="2026-01-15T10:00:00Z"></nw-article-card>`);
      expect(partText(eg, 'reading-time')).to.equal('٤ دقائق للقراءة');
      expect(partText(eg, 'date')).to.contain('٢٠٢٦');
      const ar = await card(html`<nw-article-card lang="ar" headline="ع" reading-time="4" published="2026-01-15T10:00:00Z"></nw-article-card>`);
      expect(partText(ar, 'date')).to.contain('2026');
      const latn = await card(html`<nw-article-card lang="ar-EG-u-nu-latn" headline="ع" reading-time="4"></nw-article-card>`);
      expect(partText(latn, 'reading-time')).to.equal('4 دقائق للقراءة');
    });

    it('shows a Hijri date for -u-ca-islamic-umalqura', async () => {
      const el = await card(html`<nw-article-card lang="ar-SA-u-ca-islamic-umalqura" headline="ع" published="2026-01-15T10:00:00Z"></nw-article-card>`);
      // 15 January 2026 is 26 Rajab 1447 AH.
      expect(partText(el, 'date')).to.match(/رجب/).and.match(/١٤٤٧|1447/).and.contain('هـ');
    });

    it('computes minutes from words at the language speed', async () => {
      const ar = await card(html`<nw-article-card lang="ar" headline="ع" words="506"></nw-article-card>`);
      expect(partText(ar, 'reading-time')).to.equal('4 دقائق للقراءة');
      const en = await card(html`<nw-article-card lang="en" headline="h" words="812"></nw-article-card>`);
      expect(partText(en, 'reading-time')).to.equal('4 min read');
    });
  });

  describe('language of its own', () => {
    it('is Arabic and RTL on an English LTR page when its own lang is ar', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en" dir="ltr">
        <nw-article-card lang="ar" headline="ع" reading-time="2"></nw-article-card>
        <nw-article-card headline="h" reading-time="2"></nw-article-card>
      </div>`);
      const [ar, en] = [...wrapper.querySelectorAll('nw-article-card')];
      await Promise.all([ar.updateComplete, en.updateComplete]);
      expect(inner(ar).dir).to.equal('rtl');
      expect(partText(ar, 'reading-time')).to.equal('دقيقتان للقراءة');
      expect(inner(en).dir).to.equal('ltr');
      expect(partText(en, 'reading-time')).to.equal('2 min read');
    });

    it('follows changes of lang and dir on an ancestor', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en"><nw-article-card headline="h" reading-time="2"></nw-article-card></div>`);
      const el = wrapper.querySelector('nw-article-card')!;
      await el.updateComplete;
      wrapper.setAttribute('lang', 'ar');
      wrapper.setAttribute('dir', 'rtl');
      await waitUntil(() => partText(el, 'reading-time') === 'دقيقتان للقراءة', 'did not switch to Arabic');
      expect(inner(el).dir).to.equal('rtl');
      el.setAttribute('lang', 'en');
      await waitUntil(() => partText(el, 'reading-time') === '2 min read', 'did not follow its own lang');
      expect(inner(el).dir).to.equal('ltr');
    });

    it('falls back to English UI strings for an unknown language', async () => {
      const el = await card(html`<nw-article-card lang="sw" headline="h" reading-time="3"></nw-article-card>`);
      expect(partText(el, 'reading-time')).to.equal('3 min read');
      expect(inner(el).lang).to.equal('sw');
    });
  });

  describe('layouts', () => {
    it('writes no layout attribute the page did not write; a layout set as a property is reflected for CSS', async () => {
      const el = await card(html`<nw-article-card href="/article" headline="Plain"></nw-article-card>`);
      expect(el.hasAttribute('layout')).to.equal(false);
      expect(el.layout).to.equal('vertical');
      el.layout = 'compact';
      await el.updateComplete;
      expect(el.getAttribute('layout')).to.equal('compact');
      el.removeAttribute('layout');
      await el.updateComplete;
      expect(el.layout).to.equal('vertical');
    });

    for (const layout of ['vertical', 'horizontal', 'compact']) {
      for (const [dir, lang] of [
        ['ltr', 'en'],
        ['rtl', 'ar'],
      ]) {
        it(`${layout}, ${dir}: accessible`, async () => {
          const el = await card(html`<div dir=${dir} lang=${lang}>
            <nw-article-card
              layout=${layout}
              href="/article"
              headline=${lang === 'ar' ? 'محادثات سرية مباشرة' : 'Protected bike lanes approved'}
              excerpt=${lang === 'ar' ? 'في خطوة غير مسبوقة' : 'The plan adds 40 kilometres.'}
              section=${lang === 'ar' ? 'سياسة' : 'Local'}
              image="/test/fixtures/image.svg"
              image-width="1600"
              image-height="900"
              author=${lang === 'ar' ? 'فريق التحرير' : 'Newsroom staff'}
              published="2026-01-15T10:00:00Z"
              reading-time="4"
            ></nw-article-card>
          </div>`);
          await expect(el).to.be.accessible();
          const hasImage = !!part(el, 'image');
          expect(hasImage).to.equal(layout !== 'compact');
          expect(!!part(el, 'excerpt')).to.equal(layout !== 'compact');
          expect(partText(el, 'reading-time')).to.not.equal(undefined);
        });
      }
    }

    it('puts the picture at the inline start in horizontal layout, mirrored in RTL', async () => {
      const ltr = await card(html`<div dir="ltr" style="inline-size: 600px"><nw-article-card layout="horizontal" headline="h" image="/test/fixtures/image.svg"></nw-article-card></div>`);
      const rtl = await card(html`<div dir="rtl" lang="ar" style="inline-size: 600px"><nw-article-card layout="horizontal" headline="ع" image="/test/fixtures/image.svg"></nw-article-card></div>`);
      const side = (el: NwArticleCard) => part(el, 'image')!.getBoundingClientRect().left - el.getBoundingClientRect().left;
      expect(side(ltr)).to.be.lessThan(5);
      expect(side(rtl)).to.be.greaterThan(200);
    });

    it('treats an unknown layout as vertical', async () => {
      const el = await card(html`<nw-article-card layout=${'<b>x'} headline="h" image="/test/fixtures/image.svg"></nw-article-card>`);
      expect(inner(el).classList.contains('vertical')).to.be.true;
    });

    for (const [dir, lang] of [
      ['ltr', 'en'],
      ['rtl', 'ar'],
    ]) {
      it(`gives way with its picture, never its text, when the page makes it shorter than its content (${dir})`, async () => {
        const el = await card(html`<div dir=${dir} lang=${lang} style="inline-size: 343px">
          <nw-article-card
            style="block-size: 260px"
            href="/a"
            headline="City council approves a new network of protected bike lanes"
            excerpt="The plan adds 40 kilometres of separated lanes."
            section="Local"
            image="/test/fixtures/image.svg"
            image-width="1600"
            image-height="900"
            author="Newsroom staff"
            reading-time="4"
          ></nw-article-card>
        </div>`);
        const box = inner(el).getBoundingClientRect();
        const picture = el.shadowRoot!.querySelector('.media')!.getBoundingClientRect();
        expect(box.height).to.equal(260);
        expect(picture.height, 'the picture box is shorter than 16:9').to.be.below((picture.width * 9) / 16 - 10);
        for (const name of ['section', 'headline', 'excerpt', 'meta']) {
          const text = part(el, name)!;
          expect(text.getBoundingClientRect().bottom, `${name} inside the card`).to.be.at.most(box.bottom + 0.5);
          expect(text.scrollHeight, `${name} not cut`).to.be.at.most(text.clientHeight + 1);
        }
      });
    }

    it('lays out without a picture box when there is no image', async () => {
      const el = await card(html`<nw-article-card headline="h"></nw-article-card>`);
      expect(el.shadowRoot!.querySelector('.media')).to.equal(null);
    });
  });

  describe('bad input', () => {
    it('never links javascript: or data: URLs', async () => {
      for (const href of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x']) {
        const el = await card(html`<nw-article-card href=${href} headline="h" image=${href}></nw-article-card>`);
        expect(el.shadowRoot!.querySelector('a'), href).to.equal(null);
        expect(part(el, 'image'), href).to.equal(null);
        expect(partText(el, 'headline')).to.equal('h');
      }
    });

    it('shows HTML in text attributes as text', async () => {
      const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
      const el = await card(html`<nw-article-card href="/a" headline=${evil} excerpt=${evil} section=${evil} author=${evil} image-alt=${evil} image="/test/fixtures/image.svg"></nw-article-card>`);
      for (const name of ['headline', 'excerpt', 'section', 'author']) {
        expect(partText(el, name)).to.equal(evil);
      }
      expect(el.shadowRoot!.querySelectorAll('b, img:not([part="image"])')).to.have.length(0);
      expect(part<HTMLImageElement>(el, 'image')!.alt).to.equal(evil);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('bounds a 10,000-character headline and keeps the card whole', async () => {
      const long = 'كلمة '.repeat(2000);
      const el = await card(html`<div style="inline-size: 320px"><nw-article-card lang="ar" href="/a" headline=${long}></nw-article-card></div>`);
      const headline = partText(el, 'headline')!;
      expect([...headline].length).to.be.at.most(300);
      expect(headline.endsWith('…')).to.be.true;
      const h = part(el, 'headline')!;
      const lineHeight = parseFloat(getComputedStyle(h).lineHeight);
      expect(h.getBoundingClientRect().height).to.be.at.most(lineHeight * 3 + 1);
      await expect(el).to.be.accessible();
    });

    it('drops an invalid date and a bad reading time', async () => {
      for (const rt of ['-3', 'NaN', 'abc', '0', 'Infinity']) {
        const el = await card(html`<nw-article-card headline="h" published="yesterday-ish" reading-time=${rt}></nw-article-card>`);
        expect(part(el, 'date')).to.equal(null);
        expect(part(el, 'reading-time'), rt).to.equal(null);
      }
      const el = await card(html`<nw-article-card lang="en" headline="h" reading-time="-1" words="456"></nw-article-card>`);
      expect(partText(el, 'reading-time')).to.equal('2 min read');
    });

    it('ignores an invalid lang', async () => {
      const el = await card(html`<div lang="ar" dir="rtl"><nw-article-card lang=${'<<>>'} headline="ع" reading-time="2"></nw-article-card></div>`);
      expect(partText(el, 'reading-time')).to.equal('دقيقتان للقراءة');
    });

    it('keeps the picture box with a neutral placeholder when the image fails', async () => {
      const el = await card(html`<div style="inline-size: 320px"><nw-article-card headline="h" image="/test/fixtures/missing.png" image-width="16" image-height="9"></nw-article-card></div>`);
      const box = part(el, 'image')!.parentElement!;
      const before = box.getBoundingClientRect().height;
      await waitUntil(() => box.classList.contains('failed'), 'the error was not noticed');
      expect(box.getBoundingClientRect().height).to.equal(before);
      expect(getComputedStyle(part(el, 'image')!).visibility).to.equal('hidden');
      expect(before).to.be.closeTo((box.getBoundingClientRect().width * 9) / 16, 0.5);
    });
  });

  describe('src', () => {
    it('loads a WordPress post with _embed and shows it in Arabic, RTL, on an English page', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en" dir="ltr"><nw-article-card src=${WP_POST}></nw-article-card></div>`);
      const el = wrapper.querySelector('nw-article-card')!;
      const loaded = await nextEvent<Record<string, unknown>>(el, 'nw-load');
      expect(loaded.detail.headline).to.equal('محادثات سرية مباشرة بين أمريكا و”حماس”.. هل تفتح بابًا جديدًا لإنهاء الحرب؟ & تحليل');
      expect(inner(el).dir).to.equal('rtl');
      expect(inner(el).lang).to.equal('ar');
      expect(partText(el, 'headline')).to.equal(loaded.detail.headline);
      expect(partText(el, 'author')).to.equal('فريق التحرير');
      expect(partText(el, 'section')).to.equal('سياسة & دبلوماسية');
      expect(partText(el, 'excerpt')).to.match(/^في خطوة غير مسبوقة.*… أكمل القراءة$/);
      expect(partText(el, 'reading-time')).to.equal('دقيقة واحدة للقراءة');
      expect(part(el, 'date')!.getAttribute('datetime')).to.equal('2026-11-27T11:05:09.000Z');
      expect(part<HTMLImageElement>(el, 'image')!.getAttribute('src')).to.contain('size=medium_large');
      expect(part<HTMLImageElement>(el, 'image')!.alt).to.equal('قاعة اجتماعات في الدوحة');
      expect(el.shadowRoot!.querySelector('a')!.href).to.equal(loaded.detail.href);
      expect(el.shadowRoot!.querySelector('script')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lets attributes win over fetched values', async () => {
      const el = await card(html`<nw-article-card src=${WP_POST} headline="Own headline" lang="en"></nw-article-card>`);
      await nextEvent(el, 'nw-load');
      expect(partText(el, 'headline')).to.equal('Own headline');
      expect(partText(el, 'author')).to.equal('فريق التحرير');
      expect(inner(el).dir).to.equal('ltr');
    });

    it('waits until it nears the viewport', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <div style="block-size: 5000px"></div>
        <nw-article-card src="/test/fixtures/wp-post-ar.json?lazy"></nw-article-card>
      </div>`);
      const el = wrapper.querySelector('nw-article-card')!;
      await aTimeout(300);
      const requested = () => performance.getEntriesByType('resource').some((e) => e.name.includes('wp-post-ar.json?lazy'));
      expect(requested()).to.be.false;
      expect(inner(el).getAttribute('aria-busy')).to.equal('true');
      el.scrollIntoView();
      await nextEvent(el, 'nw-load');
      expect(requested()).to.be.true;
    });

    const failures: Array<[string, string, Record<string, unknown>]> = [
      ['a 404', '/test/fixtures/missing.json', { reason: 'http', status: 404 }],
      ['non-JSON', '/test/fixtures/not-json.html', { reason: 'invalid-json' }],
      ['a network error', 'http://127.0.0.1:9/post.json', { reason: 'network' }],
      ['JSON that is no article', '/package.json', { reason: 'invalid-data' }],
      ['a javascript: src', 'javascript:alert(1)', { reason: 'invalid-src' }],
    ];
    for (const [name, src, detail] of failures) {
      it(`answers ${name} with nw-error and a plain link`, async () => {
        const el = await card(html`<div lang="ar" dir="rtl"><nw-article-card src=${src} href="https://news.example/a"></nw-article-card></div>`);
        const error = await nextEvent(el, 'nw-error');
        expect(error.detail).to.deep.equal(detail);
        const link = el.shadowRoot!.querySelector('a')!;
        expect(link.href).to.equal('https://news.example/a');
        expect(link.textContent!.trim()).to.equal('اقرأ المقال');
        expect(inner(el).getAttribute('aria-busy')).to.equal('false');
        await expect(el).to.be.accessible();
      });
    }

    it('says it could not load when there is no link', async () => {
      const el = await card(html`<nw-article-card lang="en" src="/test/fixtures/missing.json"></nw-article-card>`);
      await nextEvent(el, 'nw-error');
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
      expect(el.shadowRoot!.textContent).to.contain('This article could not be loaded.');
    });

    it('shows a busy placeholder during a slow answer, then the article', async () => {
      const el = await card(html`<nw-article-card src=${slow(800)}></nw-article-card>`);
      await aTimeout(200);
      expect(inner(el).getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelectorAll('.pending').length).to.be.greaterThan(0);
      await nextEvent(el, 'nw-load');
      expect(inner(el).getAttribute('aria-busy')).to.equal('false');
    });

    it('gives up on an answer that does not come in time', async () => {
      expect(NwArticleCard.timeout).to.equal(10_000);
      NwArticleCard.timeout = 500;
      try {
        const el = await card(html`<nw-article-card lang="en" src=${slow(3000)}></nw-article-card>`);
        const started = performance.now();
        const error = await nextEvent(el, 'nw-error');
        expect(error.detail).to.deep.equal({ reason: 'timeout' });
        expect(performance.now() - started).to.be.within(300, 2500);
        expect(el.shadowRoot!.textContent).to.contain('This article could not be loaded.');
      } finally {
        NwArticleCard.timeout = 10_000;
      }
    });

    it('keeps its box the same size while loading, after the data and after the image', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="display: grid; grid-template-columns: repeat(3, 300px); gap: 16px">
        <nw-article-card src=${slow(600)}></nw-article-card>
        <nw-article-card src=${slow(300)} layout="horizontal"></nw-article-card>
        <nw-article-card src=${slow(400)} layout="compact"></nw-article-card>
      </div>`);
      const shifts: number[] = [];
      const supported = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
      const observer = supported
        ? new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push((entry as unknown as { value: number }).value)))
        : undefined;
      observer?.observe({ type: 'layout-shift', buffered: false });
      const cards = [...wrapper.querySelectorAll('nw-article-card')];
      await Promise.all(cards.map((el) => el.updateComplete));
      const sizes = () => cards.map((el) => `${el.getBoundingClientRect().width}x${el.getBoundingClientRect().height}`);
      await firstLayout(...cards);
      const loading = sizes();
      await Promise.all(cards.map((el) => nextEvent(el, 'nw-load')));
      await Promise.all(cards.map((el) => el.updateComplete));
      expect(sizes()).to.deep.equal(loading);
      const images = cards.map((el) => part<HTMLImageElement>(el, 'image')).filter((img): img is HTMLImageElement => !!img);
      await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
      await aTimeout(100);
      expect(sizes()).to.deep.equal(loading);
      observer?.disconnect();
      expect(shifts.reduce((a, b) => a + b, 0)).to.equal(0);
    });
  });

  describe('a failed src', () => {
    const failing: Array<[string, string]> = [
      ['404s', '/test/fixtures/missing.json'],
      ['is not JSON', '/test/fixtures/not-json.html'],
      ['times out', slow(3000)],
    ];
    const visibleBox = (el: NwArticleCard) => el.getBoundingClientRect();
    let timeout: number;
    beforeEach(() => {
      timeout = NwArticleCard.timeout;
      NwArticleCard.timeout = 500;
    });
    afterEach(() => (NwArticleCard.timeout = timeout));

    for (const [name, src] of failing) {
      it(`that ${name}, without href, links the light-DOM fallback with its text and language`, async () => {
        const el = await card(html`<div lang="en" dir="ltr" style="inline-size: 300px">
          <nw-article-card src=${src}><a href="/articles/talks" lang="ar" dir="rtl">محادثات سرية مباشرة</a></nw-article-card>
        </div>`);
        await nextEvent(el, 'nw-error');
        await el.updateComplete;
        const links = el.shadowRoot!.querySelectorAll('a');
        expect(links).to.have.length(1);
        expect(links[0].href).to.equal(new URL('/articles/talks', location.href).href);
        expect(links[0].textContent!.trim()).to.equal('محادثات سرية مباشرة');
        expect(inner(el).lang).to.equal('ar');
        expect(inner(el).dir).to.equal('rtl');
        // No empty picture box, no placeholder blocks: the card is about as tall as its one link.
        expect(el.shadowRoot!.querySelector('.media, .pending, [part=excerpt], [part=section]')).to.equal(null);
        expect(visibleBox(el).height).to.be.below(120);
        await expect(el).to.be.accessible();
      });

      it(`that ${name}, without href or link, collapses to a short localized message`, async () => {
        const el = await card(html`<div lang="ar" dir="rtl" style="inline-size: 300px"><nw-article-card src=${src}></nw-article-card></div>`);
        await nextEvent(el, 'nw-error');
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('a')).to.equal(null);
        expect(el.shadowRoot!.querySelector('.media, .pending')).to.equal(null);
        expect(el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim()).to.equal('تعذّر تحميل المقال.');
        expect(visibleBox(el).height).to.be.below(100);
        await expect(el).to.be.accessible();
      });
    }

    it('never uses a javascript: light-DOM link', async () => {
      const el = await card(html`<nw-article-card lang="en" src="/test/fixtures/missing.json"><a href="javascript:alert(1)">Click me</a></nw-article-card>`);
      await nextEvent(el, 'nw-error');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
      expect(el.shadowRoot!.textContent).to.not.contain('Click me');
      expect(el.shadowRoot!.textContent).to.contain('This article could not be loaded.');
    });

    it('prefers its href attribute to the light-DOM link', async () => {
      const el = await card(html`<nw-article-card lang="en" src="/test/fixtures/missing.json" href="https://news.example/a"><a href="/other">Other</a></nw-article-card>`);
      await nextEvent(el, 'nw-error');
      await el.updateComplete;
      const link = el.shadowRoot!.querySelector('a')!;
      expect(link.href).to.equal('https://news.example/a');
      expect(link.textContent!.trim()).to.equal('Read the article');
    });
  });

  describe('untitled articles', () => {
    it('link "Read the article" when the headline is empty or only script', async () => {
      for (const [lang, expected] of [
        ['en', 'Read the article'],
        ['ar', 'اقرأ المقال'],
      ]) {
        for (const headline of ['', '   ']) {
          const el = await card(html`<nw-article-card lang=${lang} href="https://news.example/untitled" headline=${headline}></nw-article-card>`);
          const link = el.shadowRoot!.querySelector('a')!;
          expect(link.href).to.equal('https://news.example/untitled');
          expect(link.textContent!.trim()).to.equal(expected);
          await expect(el).to.be.accessible();
        }
      }
    });

    it('loads an untitled WordPress post as a named link, without the text of its scripts and styles', async () => {
      const el = await card(html`<nw-article-card src="/test/fixtures/wp-post-untitled.json"></nw-article-card>`);
      await nextEvent(el, 'nw-load');
      const link = el.shadowRoot!.querySelector('a')!;
      expect(link.href).to.equal('https://news.example/?p=4900');
      expect(link.textContent!.trim()).to.equal('اقرأ المقال');
      expect(el.shadowRoot!.textContent).to.not.match(/alert|color:|template text|noscript text/);
      expect(partText(el, 'excerpt')).to.equal('نص المقتطف');
      // The body is six words once its script, style, template and noscript are gone: one minute.
      expect(partText(el, 'reading-time')).to.equal('دقيقة واحدة للقراءة');
      await expect(el).to.be.accessible();
    });
  });

  describe('the reserved text of a card filled from src', () => {
    /** Line box height of an element, in px. */
    const lineOf = (el: Element) => parseFloat(getComputedStyle(el).lineHeight);
    const lines = (el: Element) => el.getBoundingClientRect().height / lineOf(el);
    const clampOf = (el: Element) => Number(getComputedStyle(el).getPropertyValue('-webkit-line-clamp'));

    async function loaded(src: string, width: number, style = '') {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en" dir="ltr" style="inline-size: ${width}px; ${style}">
        <nw-article-card src=${src}></nw-article-card>
      </div>`);
      const el = wrapper.querySelector('nw-article-card')!;
      await el.updateComplete;
      await firstLayout(el);
      const loading = el.getBoundingClientRect().height;
      await nextEvent(el, 'nw-load');
      await el.updateComplete;
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      return { el, loading };
    }

    function expectNothingClipped(el: NwArticleCard, what: string) {
      const headline = part(el, 'headline')!;
      const excerpt = part(el, 'excerpt')!;
      const meta = part(el, 'meta')!;
      // The headline shows whole lines only (never a line cut through), at most its budget.
      expect(Math.abs(lines(headline) - Math.round(lines(headline))), `${what}: headline lines ${lines(headline)}`).to.be.below(0.05);
      expect(Math.round(lines(headline))).to.be.within(1, 3);
      // The excerpt shows exactly the whole lines that fit its box: no cut line, and no gap of a line or more.
      const shown = clampOf(excerpt) * lineOf(excerpt);
      const box = excerpt.getBoundingClientRect().height;
      expect(shown, `${what}: excerpt shows ${shown}px in a ${box}px box`).to.be.at.most(box + 0.5);
      expect(box - shown, `${what}: gap under the excerpt`).to.be.below(lineOf(excerpt));
      // …and nothing of the clamped line after them is painted in that gap: the box is clipped where they end.
      expect(getComputedStyle(excerpt).clipPath, `${what}: excerpt clip`).to.equal(`inset(0px 0px calc(100% - ${shown}px))`);
      // The meta line is entirely visible: not cut horizontally nor vertically, and inside the card.
      expect(meta.scrollWidth, `${what}: meta width`).to.be.at.most(meta.clientWidth + 1);
      expect(meta.scrollHeight, `${what}: meta height`).to.be.at.most(meta.clientHeight + 1);
      const body = meta.parentElement!.getBoundingClientRect();
      expect(meta.getBoundingClientRect().bottom, `${what}: meta inside the card`).to.be.at.most(body.bottom + 0.5);
    }

    for (const width of [265, 343]) {
      it(`shows the Arabic post without clipping its headline or meta line (${width} px)`, async () => {
        const { el, loading } = await loaded(WP_POST, width, '--nw-excerpt-lines: 2');
        expectNothingClipped(el, `${width} px`);
        expect(el.getBoundingClientRect().height).to.equal(loading);
      });
    }

    it('gives the lines of a one-line headline to the excerpt, at the same height', async () => {
      const { el, loading } = await loaded('/test/fixtures/wp-post-ar-short-title.json', 343);
      expectNothingClipped(el, 'short headline');
      const headline = part(el, 'headline')!;
      const excerpt = part(el, 'excerpt')!;
      expect(Math.round(lines(headline))).to.equal(1);
      // Three headline lines were reserved; the two it does not use go to the excerpt (3 lines by default).
      expect(clampOf(excerpt)).to.equal(5);
      expect(excerpt.getBoundingClientRect().top - headline.getBoundingClientRect().bottom).to.be.below(lineOf(excerpt));
      expect(el.getBoundingClientRect().height).to.equal(loading);
    });

    it('lets a long meta line wrap inside the reserved box', async () => {
      const { el, loading } = await loaded(WP_POST, 200);
      expectNothingClipped(el, '200 px');
      expect(part(el, 'meta')!.getBoundingClientRect().height / lineOf(part(el, 'meta')!)).to.be.above(1.5);
      expect(el.getBoundingClientRect().height).to.equal(loading);
    });
  });

  describe('long words', () => {
    const word = 'ب'.repeat(120) + 'x'.repeat(125);
    for (const [name, attrs] of [
      ['attributes', { src: undefined }],
      ['src', { src: WP_POST }],
    ] as const) {
      it(`never widen the card or the page (${name}, 375 px)`, async () => {
        const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 375px">
          <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 16px">
            <nw-article-card src=${attrs.src ?? nothing} href="/a" headline=${word} author=${word} section=${word} excerpt=${word} reading-time="3"></nw-article-card>
          </div>
          <div style="display: flex"><nw-article-card layout="compact" href="/a" headline=${word} author=${word} reading-time="3"></nw-article-card></div>
          <div style="display: flex"><nw-article-card href="/a" headline=${word} section=${word} author=${word} reading-time="3"></nw-article-card></div>
        </div>`);
        const cards = [...wrapper.querySelectorAll('nw-article-card')];
        if (attrs.src) await nextEvent(cards[0], 'nw-load');
        await Promise.all(cards.map((el) => el.updateComplete));
        for (const el of cards) {
          expect(el.getBoundingClientRect().width, el.getAttribute('layout') ?? 'vertical').to.be.at.most(375);
          for (const name of ['headline', 'author']) {
            const box = part(el, name)!.getBoundingClientRect();
            expect(box.right - wrapper.getBoundingClientRect().left, name).to.be.at.most(375.5);
          }
        }
        expect(wrapper.scrollWidth).to.be.at.most(375);
        expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
      });
    }
  });

  describe('fallback content', () => {
    it('keeps light-DOM children in the DOM but does not show them', async () => {
      const el = await card(html`<nw-article-card headline="h"><a href="/fallback">Fallback link</a></nw-article-card>`);
      const fallback = el.querySelector('a')!;
      expect(fallback).to.exist;
      expect(fallback.getClientRects().length).to.equal(0);
    });
  });

  describe('an article given, not fetched (as <nw-article-list> sets it)', () => {
    const article = {
      href: 'https://news.example/talks',
      headline: 'محادثات سرية مباشرة',
      excerpt: 'كشفت مصادر مطلعة عن محادثات مباشرة.',
      author: 'فريق التحرير',
      published: twoHoursAgo(),
      text: 'كشفت مصادر مطلعة عن محادثات مباشرة بين الجانبين.',
      lang: 'ar',
    };

    it('null is the loading placeholder, then the article shows at the same size, in its own language', async () => {
      const el = await card(html`<div lang="ar" dir="rtl" style="inline-size: 300px"><nw-article-card .article=${null}></nw-article-card></div>`);
      expect(inner(el).getAttribute('aria-busy')).to.equal('true');
      await firstLayout(el);
      const loading = el.getBoundingClientRect().height;
      el.article = article;
      await el.updateComplete;
      expect(inner(el).getAttribute('aria-busy')).to.equal('false');
      expect(partText(el, 'headline')).to.equal('محادثات سرية مباشرة');
      expect(partText(el, 'reading-time')).to.equal('دقيقة واحدة للقراءة');
      expect(partText(el, 'date')).to.equal('قبل ساعتين');
      expect(el.getBoundingClientRect().height).to.equal(loading);
      await expect(el).to.be.accessible();
    });

    it('takes the article\'s language and direction on an English page, and fetches nothing', async () => {
      const started = performance.now();
      const el = await card(html`<div lang="en" dir="ltr"><nw-article-card .article=${article}></nw-article-card></div>`);
      expect(inner(el).lang).to.equal('ar');
      expect(inner(el).dir).to.equal('rtl');
      expect(el.shadowRoot!.querySelector('a')!.href).to.equal('https://news.example/talks');
      await aTimeout(50);
      expect(performance.getEntriesByType('resource').filter((entry) => entry.startTime >= started && entry.name.includes('.json'))).to.have.length(0);
    });

    it('attributes set on the card still win', async () => {
      const el = await card(html`<nw-article-card headline="Mine" .article=${article}></nw-article-card>`);
      expect(partText(el, 'headline')).to.equal('Mine');
    });
  });
});
