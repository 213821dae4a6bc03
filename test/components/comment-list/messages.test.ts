import { expect } from '@open-wc/testing';
import { commentCountText } from '../../../src/components/comment-list/messages.js';
import { ensureCatalog, inLocale } from '../../../src/i18n/localize.js';

describe('comment count in words', () => {
  before(async () => ensureCatalog('ar'));

  const ar: Array<[number, string]> = [
    [0, 'لا توجد تعليقات بعد'],
    [1, 'تعليق واحد'],
    [2, 'تعليقان'],
    [3, '3 تعليقات'],
    [10, '10 تعليقات'],
    [11, '11 تعليقاً'],
    [99, '99 تعليقاً'],
    [100, '100 تعليق'],
    [102, '102 تعليق'],
    [103, '103 تعليقات'],
    [1000, '1,000 تعليق'],
  ];
  for (const [n, words] of ar) {
    it(`ar: ${n} → ${words}`, () => expect(inLocale('ar', () => commentCountText(n, 'ar'))).to.equal(words));
  }
  it('ar-EG: Arabic-Indic digits', () => expect(inLocale('ar', () => commentCountText(11, 'ar-EG'))).to.equal('١١ تعليقاً'));

  const en: Array<[number, string]> = [
    [0, 'No comments yet'],
    [1, '1 comment'],
    [2, '2 comments'],
    [11, '11 comments'],
    [1000, '1,000 comments'],
  ];
  for (const [n, words] of en) {
    it(`en: ${n} → ${words}`, () => expect(inLocale('en', () => commentCountText(n, 'en'))).to.equal(words));
  }
});
