import { expect } from '@open-wc/testing';
import { formatLongDate, formatNumber, formatPublished, pluralCategory } from '../../src/i18n/format.js';
import { ensureCatalog, formatTag, inLocale, uiLocaleFor } from '../../src/i18n/localize.js';
import { readingTimeText } from '../../src/i18n/messages.js';
import { countWords, readingMinutes, wordsPerMinute } from '../../src/i18n/reading-time.js';
import seed from '../fixtures/seed-article-ar.json' with { type: 'json' };

const seedBody = seed.blocks.map((block) => block.text).join('\n');

describe('reading time', () => {
  it('counts the seed body as about 506 words: 4 minutes at 138 words a minute', () => {
    // Chromium's (and Node's) ICU finds 506 word-like segments, Firefox's 503: engines differ on a few tokens.
    const words = countWords(seedBody, 'ar');
    expect(words).to.be.within(500, 510);
    expect(readingMinutes(words, 'ar')).to.equal(4);
  });

  it('uses the IReST speeds, 184 for other languages', () => {
    const table: Array<[string, number]> = [
      ['ar-EG', 138], ['en', 228], ['fr', 195], ['de', 179], ['es', 218], ['it', 188], ['nl', 202],
      ['pl', 166], ['fi', 161], ['he', 187], ['ja', 193], ['zh-Hant', 158], ['pt-BR', 181], ['sw', 184],
    ];
    for (const [tag, speed] of table) expect(wordsPerMinute(tag), tag).to.equal(speed);
  });

  it('is at least one minute and undefined for no words', () => {
    expect(readingMinutes(1, 'en')).to.equal(1);
    expect(readingMinutes(229, 'en')).to.equal(2);
    for (const bad of [0, -1, Number.NaN, Infinity]) expect(readingMinutes(bad, 'en')).to.equal(undefined);
  });

  it('counts words in languages written without spaces', () => {
    expect(countWords('今日は良い天気です', 'ja')).to.be.greaterThan(1);
  });
});

describe('plurals', () => {
  before(() => ensureCatalog('ar'));

  it('has all six Arabic categories', () => {
    const table: Array<[number, Intl.LDMLPluralRule, string]> = [
      [0, 'zero', '0 دقيقة للقراءة'],
      [1, 'one', 'دقيقة واحدة للقراءة'],
      [2, 'two', 'دقيقتان للقراءة'],
      [4, 'few', '4 دقائق للقراءة'],
      [11, 'many', '11 دقيقة للقراءة'],
      [100, 'other', '100 دقيقة للقراءة'],
    ];
    for (const [n, category, text] of table) {
      expect(pluralCategory(n, 'ar'), String(n)).to.equal(category);
      expect(inLocale('ar', () => readingTimeText(n, 'ar'))).to.equal(text);
    }
  });

  it('says English reading times', () => {
    expect(inLocale('en', () => readingTimeText(1, 'en'))).to.equal('1 min read');
    expect(inLocale('en', () => readingTimeText(12, 'en'))).to.equal('12 min read');
  });
});

describe('formatting', () => {
  it('follows the numbering system of the tag', () => {
    expect(formatNumber(1234, 'ar-EG')).to.equal('١٬٢٣٤');
    expect(formatNumber(1234, 'ar')).to.equal('1,234');
    expect(formatNumber(4, 'ar-u-nu-arab')).to.equal('٤');
  });

  it('writes Hijri dates for islamic-umalqura', () => {
    const text = formatLongDate(new Date('2026-01-15T10:00:00Z'), 'ar-SA-u-ca-islamic-umalqura');
    expect(text).to.contain('رجب').and.contain('هـ');
  });

  it('is relative within seven days, a long date after, nothing for an invalid date', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(formatPublished(new Date(now - 2 * 3_600_000), 'ar', now)).to.equal('قبل ساعتين');
    expect(formatPublished(new Date(now - 2 * 3_600_000), 'en', now)).to.equal('2 hours ago');
    expect(formatPublished(new Date(now - 86_400_000), 'en', now)).to.equal('yesterday');
    expect(formatPublished(new Date(now - 8 * 86_400_000), 'en', now)).to.equal('November 21, 2026');
    expect(formatPublished(new Date('nope'), 'en', now)).to.equal(undefined);
  });

  it('maps regional and unknown tags to a UI language', () => {
    expect(uiLocaleFor('ar-EG')).to.equal('ar');
    expect(uiLocaleFor('ar-SA-u-ca-islamic-umalqura')).to.equal('ar');
    expect(uiLocaleFor('fr')).to.equal('en');
  });

  it('formats inside UI strings with the full tag only when the UI speaks its language', () => {
    expect(formatTag('ar-EG-u-nu-arab')).to.equal('ar-EG-u-nu-arab');
    expect(formatTag('en-GB')).to.equal('en-GB');
    // A French page gets English strings, so "1,000" rather than "1 000" inside them.
    expect(formatTag('fr-FR')).to.equal('en');
  });
});
