import { expect } from '@open-wc/testing';
import { pageTitle, pageUrl, withUtm } from '../../../src/components/share-button/share-data.js';
import { safeHttpUrl as safeUrl } from '../../../src/internal/url.js';

function doc(head: string, title = 'Doc title'): Document {
  const d = document.implementation.createHTMLDocument(title);
  d.head.insertAdjacentHTML('beforeend', head);
  return d;
}

describe('share data', () => {
  it('accepts only http and https URLs, resolving relative ones', () => {
    const base = 'https://blog.example/posts/1';
    expect(safeUrl('/a?b=1#c', base)).to.equal('https://blog.example/a?b=1#c');
    expect(safeUrl('http://x.example', base)).to.equal('http://x.example/');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x', 'vbscript:x', 'ftp://x', '']) {
      expect(safeUrl(bad, base), bad).to.equal(undefined);
    }
  });

  it('discovers canonical → og:url → the address', () => {
    expect(pageUrl(doc('<link rel="canonical" href="https://c.example/a"><meta property="og:url" content="https://o.example/">')))
      .to.equal('https://c.example/a');
    expect(pageUrl(doc('<meta property="og:url" content="https://o.example/b">'))).to.equal('https://o.example/b');
    expect(pageUrl(doc('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://o.example/b">')))
      .to.equal('https://o.example/b');
    expect(pageUrl(document)).to.equal(location.href);
  });

  it('discovers og:title → document.title', () => {
    expect(pageTitle(doc('<meta property="og:title" content="OG &amp; title">'))).to.equal('OG & title');
    expect(pageTitle(doc('', '  Plain  '))).to.equal('Plain');
  });

  it('adds utm parameters before the fragment, per network, keeping the query', () => {
    const utm = 'utm_source={network}&utm_medium=share';
    expect(withUtm('https://n.example/a?id=7&q=a%20b#top', utm, 'whatsapp')).to.equal(
      'https://n.example/a?id=7&q=a%20b&utm_source=whatsapp&utm_medium=share#top',
    );
    expect(withUtm('https://n.example/a', utm, 'x')).to.equal('https://n.example/a?utm_source=x&utm_medium=share');
    expect(withUtm('https://n.example/a?utm_source=old', utm, 'x')).to.equal(
      'https://n.example/a?utm_source=x&utm_medium=share',
    );
    expect(withUtm('https://n.example/a', '', 'x')).to.equal('https://n.example/a');
    expect(withUtm('https://n.example/a', undefined, 'x')).to.equal('https://n.example/a');
  });
});
