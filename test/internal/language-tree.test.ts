import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml, type TemplateResult } from 'lit';
import sinon from 'sinon';
import { NwElement } from '../../src/internal/nw-element.js';

/** The smallest element on the base: it shows what it resolved, as every element puts it on its shadow root. */
class Probe extends NwElement {
  get resolved(): string {
    return `${this.locale} ${this.direction}`;
  }

  protected override render(): TemplateResult {
    return litHtml`<p lang=${this.locale} dir=${this.direction}>·</p>`;
  }
}
customElements.define('nw-language-probe', Probe);

const probe = (): Probe => document.createElement('nw-language-probe') as Probe;
const frame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

describe('language resolution (SPEC §3)', () => {
  afterEach(() => sinon.restore());

  it('reads a shared ancestor once for 1,000 elements under it, not once per element', async () => {
    const section = await fixture<HTMLElement>(html`<section lang="ar-EG" dir="rtl"><div></div></section>`);
    const reads = sinon.spy(Element.prototype, 'getAttribute');
    const probes = Array.from({ length: 1000 }, probe);
    section.firstElementChild!.append(...probes);
    const ancestorReads = reads.getCalls().filter((call) => call.thisValue === section).length;
    reads.restore();
    await Promise.all(probes.map((el) => el.updateComplete));
    expect(probes.every((el) => el.shadowRoot!.querySelector('p')!.lang === 'ar-EG')).to.be.true;
    expect(probes.every((el) => el.shadowRoot!.querySelector('p')!.dir === 'rtl')).to.be.true;
    // Its lang and dir: twice in all (the same code read them 2,000 times).
    expect(ancestorReads).to.be.at.most(2);
  });

  it('sees a lang set earlier in the same task, though a neighbour had read the old one', async () => {
    const section = await fixture<HTMLElement>(html`<section lang="en"></section>`);
    const first = probe();
    section.append(first);
    section.setAttribute('lang', 'ar');
    section.setAttribute('dir', 'rtl');
    const second = probe();
    section.append(second);
    expect(second.resolved).to.equal('ar rtl');
    await frame();
    expect(first.resolved).to.equal('ar rtl');
  });

  it('follows an element whose ancestor moved to another language in the same task', async () => {
    const page = await fixture<HTMLElement>(html`<div><div lang="en" dir="ltr"><p></p></div><div lang="ar" dir="rtl"></div></div>`);
    const [english, arabic] = page.children as unknown as HTMLElement[];
    const wrapper = english.firstElementChild!;
    const el = probe();
    wrapper.append(el);
    expect(el.resolved).to.equal('en ltr');
    arabic.append(wrapper);
    expect(el.resolved).to.equal('ar rtl');
    // An ancestor read while an element was inside, emptied, moved, then filled again.
    el.remove();
    english.append(wrapper);
    const again = probe();
    wrapper.append(again);
    expect(again.resolved).to.equal('en ltr');
  });

  it('follows lang changes in a shadow root between the element and the page', async () => {
    const outer = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    const middle = document.createElement('div');
    outer.attachShadow({ mode: 'open' }).append(middle);
    const host = document.createElement('span');
    middle.append(host);
    const el = probe();
    host.attachShadow({ mode: 'open' }).append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')!.lang).to.equal('en');
    middle.setAttribute('lang', 'ar');
    await frame();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')!.lang).to.equal('ar');
    expect(el.shadowRoot!.querySelector('p')!.dir).to.equal('rtl');
  });

  it('keeps its own lang and dir over every ancestor, and an invalid one counts as unset', async () => {
    const section = await fixture<HTMLElement>(html`<section lang="ar" dir="rtl"></section>`);
    const own = probe();
    own.setAttribute('lang', 'en-GB');
    const invalid = probe();
    invalid.setAttribute('lang', '<script>');
    invalid.setAttribute('dir', 'sideways');
    section.append(own, invalid);
    expect(own.resolved).to.equal('en-GB ltr');
    expect(invalid.resolved).to.equal('ar rtl');
  });
});
