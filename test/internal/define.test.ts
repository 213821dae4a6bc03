import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { define } from '../../src/internal/define.js';
import { VERSION } from '../../src/internal/version.js';
import { NwElement } from '../../src/internal/nw-element.js';
import { safeHttpUrl } from '../../src/internal/url.js';
import { truncateGraphemes } from '../../src/internal/text.js';

let count = 0;
const uniqueTag = () => `nw-define-test-${++count}`;

class First extends NwElement {}

describe('define', () => {
  afterEach(() => sinon.restore());

  it('registers once and is silent for the same class or an equal version', () => {
    const warn = sinon.stub(console, 'warn');
    const tag = uniqueTag();
    define(tag, First);
    expect(() => define(tag, First)).to.not.throw();
    class Copy extends NwElement {}
    expect(() => define(tag, Copy)).to.not.throw();
    expect(customElements.get(tag)).to.equal(First);
    expect(warn.called).to.be.false;
  });

  it('warns once, and keeps the first, when another version holds the tag', () => {
    const warn = sinon.stub(console, 'warn');
    const tag = uniqueTag();
    class Old extends HTMLElement {
      static version = '0.0.1';
    }
    customElements.define(tag, Old);
    expect(() => define(tag, First)).to.not.throw();
    expect(warn.calledOnce).to.be.true;
    expect(warn.firstCall.args[0]).to.contain('0.0.1').and.contain(VERSION);
    expect(customElements.get(tag)).to.equal(Old);
  });
});

describe('NwElement language resolution across shadow roots', () => {
  it('inherits lang and dir through a shadow host', async () => {
    const tag = uniqueTag();
    define(tag, class extends NwElement {
      override render() {
        return html`<p lang=${this.locale} dir=${this.direction}>x</p>`;
      }
    });
    const host = await fixture<HTMLElement>(html`<div lang="ar" dir="rtl"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<section><${tag}></${tag}></section>`;
    const el = root.querySelector(tag) as NwElement;
    await el.updateComplete;
    const p = el.shadowRoot!.querySelector('p')!;
    expect([p.lang, p.dir]).to.deep.equal(['ar', 'rtl']);
  });
});

describe('untrusted text and URLs', () => {
  it('accepts only http(s) URLs', () => {
    expect(safeHttpUrl('https://a.example/x?y#z')).to.equal('https://a.example/x?y#z');
    expect(safeHttpUrl('/path', 'https://a.example/base/')).to.equal('https://a.example/path');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:x', 'data:text/html,x', 'blob:x', 'http://[bad', '', '  ', 'x'.repeat(5000)]) {
      expect(safeHttpUrl(bad, 'https://a.example/'), bad.slice(0, 20)).to.equal(undefined);
    }
  });

  it('cuts by grapheme, never inside one', () => {
    const family = '👨‍👩‍👧';
    expect(truncateGraphemes(family.repeat(10), 3)).to.equal(`${family}${family}…`);
    expect(truncateGraphemes('abc', 3)).to.equal('abc');
    expect(truncateGraphemes('abcd', 3)).to.equal('ab…');
  });
});
