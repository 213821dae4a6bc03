import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeAttribute, escapeText, html, textFromHtml, trustedHtml } from '../../server/html.js';
import { fillTemplate } from '../../server/pages/template.js';

describe('escaping', () => {
  const cases: ReadonlyArray<[string, string, string]> = [
    ['plain', 'plain', 'plain'],
    ['a & b', 'a &amp; b', 'a &amp; b'],
    ['<script>', '&lt;script&gt;', '&lt;script&gt;'],
    [`"quoted" 'single'`, `"quoted" 'single'`, '&quot;quoted&quot; &#039;single&#039;'],
    ['&amp;', '&amp;amp;', '&amp;amp;'],
    ['عربي “مقتبس”', 'عربي “مقتبس”', 'عربي “مقتبس”'],
  ];
  for (const [input, text, attribute] of cases) {
    test(JSON.stringify(input), () => {
      assert.equal(escapeText(input), text);
      assert.equal(escapeAttribute(input), attribute);
    });
  }
});

describe('html``', () => {
  test('escapes interpolations, keeps SafeHtml, joins arrays, drops empty values', () => {
    const evil = '"><img src=x onerror=alert(1)>';
    const out = html`<a title="${evil}">${[html`<b>${'1 < 2'}</b>`, ' & ']}${null}${undefined}${false}${0}</a>`;
    assert.equal(out.value, '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"><b>1 &lt; 2</b> &amp; 0</a>');
  });

  test('trustedHtml passes newsroom markup through', () => {
    assert.equal(html`${trustedHtml('<p>x</p>')}`.value, '<p>x</p>');
  });
});

describe('textFromHtml', () => {
  test('drops tags, decodes the entities escaping produces, collapses space', () => {
    assert.equal(textFromHtml('<p>a &amp; b</p>\n\n<h2 class="x">&lt;c&gt;</h2>'), 'a & b <c>');
    assert.equal(textFromHtml('&amp;lt;'), '&lt;', 'decoded once, not twice');
  });

  test('drops what a browser never shows as text: scripts, styles, templates', () => {
    const markup = '<p>one</p><script>var a = "<p>x</p>";</script><STYLE media="all">p{}</STYLE><template><p>hidden</p></template><noscript>no</noscript><p>two</p>';
    assert.equal(textFromHtml(markup), 'one two');
  });
});

describe('fillTemplate', () => {
  test('fills placeholders, escaping strings and keeping SafeHtml', () => {
    assert.equal(
      fillTemplate('<h1>{{title}}</h1>{{body}}<p title="{{title}}">', { title: 'A & "B"', body: trustedHtml('<p>x</p>') }),
      '<h1>A &amp; &quot;B&quot;</h1><p>x</p><p title="A &amp; &quot;B&quot;">',
    );
  });

  test('a placeholder without a value throws', () => {
    assert.throws(() => fillTemplate('{{missing}}', {}), /\{\{missing\}\}/);
  });

  test('values are not re-scanned for placeholders', () => {
    assert.equal(fillTemplate('{{a}}', { a: '{{b}}', b: 'no' }), '{{b}}');
  });
});
