import { expect } from '@open-wc/testing';
import { canonicalTag, directionOf, languageFromScript } from '../../src/i18n/locale.js';

describe('locale', () => {
  it('canonicalizes valid tags and rejects garbage', () => {
    expect(canonicalTag(' ar-eg ')).to.equal('ar-EG');
    expect(canonicalTag('ar-SA-u-ca-islamic-umalqura')).to.equal('ar-SA-u-ca-islamic-umalqura');
    expect(canonicalTag('<script>')).to.equal(undefined);
    expect(canonicalTag('')).to.equal(undefined);
  });
  it('knows right-to-left languages', () => {
    expect(directionOf('ar-EG')).to.equal('rtl');
    expect(directionOf('he')).to.equal('rtl');
    expect(directionOf('en')).to.equal('ltr');
  });
  it('detects Arabic script', () => {
    expect(languageFromScript('محادثات سرية مباشرة')).to.equal('ar');
    expect(languageFromScript('Hello world')).to.equal(undefined);
  });
});
