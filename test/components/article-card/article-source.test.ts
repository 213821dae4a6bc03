import { expect } from '@open-wc/testing';
import { htmlToText, loadArticle, normalizeArticle } from '../../../src/components/article-card/article-source.js';
import wpPost from '../../fixtures/wp-post-ar.json' with { type: 'json' };
import samples from '../../fixtures/articles-en.json' with { type: 'json' };

const BASE = 'https://news.example/wp-json/wp/v2/posts/4821?_embed';

describe('normalizeArticle', () => {
  it('normalizes a WordPress post with _embed', () => {
    const article = normalizeArticle(wpPost, BASE)!;
    expect(article.headline).to.equal('محادثات سرية مباشرة بين أمريكا و”حماس”.. هل تفتح بابًا جديدًا لإنهاء الحرب؟ & تحليل');
    expect(article.excerpt).to.equal('في خطوة غير مسبوقة، تجاوزت الولايات المتحدة سياساتها التقليدية … أكمل القراءة');
    expect(article.author).to.equal('فريق التحرير');
    expect(article.section).to.equal('سياسة & دبلوماسية');
    expect(article.href).to.equal(wpPost.link);
    // date_gmt has no zone and is UTC; `date` is the site's local time (+03:00 here) and must not be used.
    expect(article.published).to.equal('2026-11-27T11:05:09.000Z');
    // The smallest size at least 640 px wide, resolved against the JSON's URL.
    expect(article.image).to.equal('https://news.example/test/fixtures/image.svg?size=medium_large');
    expect([article.imageWidth, article.imageHeight]).to.deep.equal([768, 432]);
    expect(article.imageAlt).to.equal('قاعة اجتماعات في الدوحة');
    expect(article.lang).to.equal('ar');
    expect(article.text).to.contain('محادثات سرية').and.not.contain('<');
    expect(article.text).to.not.contain('alert(1)</script>');
  });

  it('takes the first post of a ?slug= answer', () => {
    expect(normalizeArticle([wpPost], BASE)!.headline).to.contain('محادثات سرية');
    expect(normalizeArticle([], BASE)).to.equal(undefined);
  });

  it('prefers a language the JSON states (our server, Polylang, WPML)', () => {
    expect(normalizeArticle({ ...wpPost, lang: 'ar-EG' }, BASE)!.lang).to.equal('ar-EG');
    expect(normalizeArticle({ ...wpPost, wpml_current_locale: 'en_US' }, BASE)!.lang).to.equal('en-US');
    expect(normalizeArticle({ ...wpPost, lang: 'not a tag!' }, BASE)!.lang).to.equal('ar');
  });

  it('reads the flat sample shape', () => {
    const article = normalizeArticle({ ...samples[0], href: '/bikes' }, BASE)!;
    expect(article).to.include({
      headline: samples[0].headline,
      section: 'Local',
      author: 'Newsroom staff',
      published: '2026-11-20T09:30:00.000Z',
      words: 812,
      href: 'https://news.example/bikes',
    });
    expect(article.lang).to.equal('en');
  });

  it('drops unsafe URLs and bad numbers, and rejects what is not an article', () => {
    const article = normalizeArticle(
      { headline: 'h', href: 'javascript:alert(1)', image: 'data:image/png;base64,AAAA', words: -5, reading_time: 'NaN', published: 'soon' },
      BASE,
    )!;
    expect(article).to.deep.equal({ headline: 'h' });
    for (const garbage of [null, 42, 'text', { foo: 1 }, [null]]) expect(normalizeArticle(garbage, BASE)).to.equal(undefined);
  });

  it('turns HTML into inert text with block boundaries as spaces', () => {
    expect(htmlToText('<p>one</p><p>two<br>three</p><img src=x onerror="window.__bad=1">&amp;&#8230;')).to.match(/^\s*one\s+two\s+three\s+&…$/);
    expect((window as unknown as { __bad?: number }).__bad).to.equal(undefined);
  });
});

describe('text that is not text', () => {
  const hidden: Array<[string, string]> = [
    ['script', '<script>alert("x")</script>'],
    ['style', '<style>p { color: red }</style>'],
    ['template', '<template><p>draft</p></template>'],
    ['noscript', '<noscript><img src="x.jpg">fallback</noscript>'],
    ['iframe', '<iframe src="https://evil.example">frame</iframe>'],
    ['object', '<object data="x.swf">object</object>'],
    ['noembed', '<noembed>noembed</noembed>'],
    ['SVG script', '<svg><script>alert(2)</script></svg>'],
    ['nested script', '<div><p><span><script>var secret = 1</script></span></p></div>'],
    ['uppercase SCRIPT', '<SCRIPT type="text/javascript">alert(3)</SCRIPT>'],
  ];
  for (const [name, markup] of hidden) {
    it(`drops ${name} from title, excerpt and content`, () => {
      const post = {
        link: 'https://news.example/?p=1',
        title: { rendered: `عنوان${markup}` },
        excerpt: { rendered: `<p>مقتطف</p>${markup}` },
        content: { rendered: `<p>كلمة أخرى</p>${markup}` },
      };
      const article = normalizeArticle(post, BASE)!;
      expect(article.headline).to.equal('عنوان');
      expect(article.excerpt).to.equal('مقتطف');
      expect(article.text).to.equal('كلمة أخرى');
    });
  }

  it('keeps an untitled post (WordPress allows them) by its link', () => {
    for (const title of ['', '<script>alert(1)</script>', '<style>a{}</style>  ']) {
      const article = normalizeArticle({ link: 'https://news.example/?p=2', title: { rendered: title }, content: { rendered: '<p>نص</p>' } }, BASE)!;
      expect(article.href, JSON.stringify(title)).to.equal('https://news.example/?p=2');
      expect(article.headline, JSON.stringify(title)).to.equal(undefined);
    }
  });
});

describe('loadArticle', () => {
  it('loads without credentials and resolves relative image URLs against the JSON URL', async () => {
    const article = await loadArticle('/test/fixtures/wp-post-ar.json', new AbortController().signal);
    expect(article.image).to.equal(new URL('/test/fixtures/image.svg?size=medium_large', location.href).href);
  });

  it('times out', async () => {
    const error = await loadArticle('/test-api/slow?ms=2000&file=wp-post-ar.json', new AbortController().signal, 200).catch((e) => e);
    expect(error).to.include({ reason: 'timeout' });
  });
});
