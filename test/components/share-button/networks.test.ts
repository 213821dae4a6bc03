import { expect } from '@open-wc/testing';
import {
  actionName,
  DEFAULT_NETWORKS,
  NETWORKS,
  mastodonHost,
  parseNetworks,
  targetUrl,
  type NetworkName,
  type ShareData,
} from '../../../src/components/share-button/networks.js';
import { truncateGraphemes as truncate } from '../../../src/internal/text.js';

/** User-perceived characters, counted independently of the code under test. */
const graphemeCount = (text: string): number => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length;
import { withUtm } from '../../../src/components/share-button/share-data.js';

/** The cases every network is checked against (ISSUE: Arabic, Latin, query + fragment, utm). */
const CASES: Record<string, ShareData> = {
  arabic: {
    url: 'https://news.example/ar/محادثات-سرية',
    title: 'محادثات سرية مباشرة بين أمريكا وحماس',
    text: 'فريق التحرير',
  },
  latin: { url: 'https://news.example/a/1', title: 'Tom & Jerry say "hi" <b>now</b>', text: "It's 100% #true?" },
  'query and fragment': { url: 'https://news.example/a?id=7&x=a%20b#comments', title: 'Query', text: undefined },
  utm: {
    url: withUtm('https://news.example/a?id=7#top', 'utm_source={network}&utm_medium=share', 'x'),
    title: 'UTM',
  },
};

const message = (d: ShareData): string => [d.title, d.text].filter(Boolean).join('\n');

/** What each network must receive, as decoded query parameters (or fragment for joinmastodon). */
const EXPECTED: Record<Exclude<NetworkName, 'copy'>, { base: string; params: (d: ShareData) => Record<string, string> }> = {
  whatsapp: { base: 'https://wa.me/', params: (d) => ({ text: `${message(d)}\n${d.url}` }) },
  telegram: { base: 'https://t.me/share/url', params: (d) => ({ url: d.url, text: message(d) }) },
  x: { base: 'https://x.com/intent/tweet', params: (d) => ({ text: message(d), url: d.url }) },
  facebook: { base: 'https://www.facebook.com/sharer/sharer.php', params: (d) => ({ u: d.url }) },
  linkedin: { base: 'https://www.linkedin.com/sharing/share-offsite/', params: (d) => ({ url: d.url }) },
  reddit: { base: 'https://www.reddit.com/submit', params: (d) => ({ url: d.url, title: d.title }) },
  bluesky: { base: 'https://bsky.app/intent/compose', params: (d) => ({ text: `${message(d)}\n${d.url}` }) },
  threads: { base: 'https://www.threads.com/intent/post', params: (d) => ({ text: message(d), url: d.url }) },
  mastodon: { base: 'https://mastodon.social/share', params: (d) => ({ text: `${message(d)}\n${d.url}` }) },
  email: {
    base: 'mailto:',
    params: (d) => ({ subject: d.title, body: [d.text, d.url].filter(Boolean).join('\r\n\r\n') }),
  },
};

/** Splits a target into its base and decoded parameters, checking every value is strictly percent-encoded. */
function decode(href: string): { base: string; params: Record<string, string> } {
  const [base, query] = href.split('?');
  const params: Record<string, string> = {};
  for (const pair of query.split('&')) {
    const [key, value] = pair.split('=');
    expect(value, `${key} is encoded`).to.match(/^[A-Za-z0-9\-_.!~*'()%]*$/);
    params[key] = decodeURIComponent(value);
  }
  return { base, params };
}

describe('share networks: the table', () => {
  for (const [name, data] of Object.entries(CASES)) {
    for (const network of Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>) {
      it(`${network} with ${name} data`, () => {
        const href = targetUrl(network, data, { mastodonInstance: 'mastodon.social' })!;
        const { base, params } = decode(href);
        expect(base).to.equal(EXPECTED[network].base);
        expect(params).to.deep.equal(EXPECTED[network].params(data));
      });
    }
  }

  it('writes the exact URL formats of SPEC §5', () => {
    const d: ShareData = { url: 'https://n.example/a?b=1#c', title: 'A & B', text: 'x y' };
    const u = encodeURIComponent(d.url);
    const t = 'A%20%26%20B%0Ax%20y';
    expect(targetUrl('whatsapp', d)).to.equal(`https://wa.me/?text=${t}%0A${u}`);
    expect(targetUrl('telegram', d)).to.equal(`https://t.me/share/url?url=${u}&text=${t}`);
    expect(targetUrl('x', d)).to.equal(`https://x.com/intent/tweet?text=${t}&url=${u}`);
    expect(targetUrl('facebook', d)).to.equal(`https://www.facebook.com/sharer/sharer.php?u=${u}`);
    expect(targetUrl('linkedin', d)).to.equal(`https://www.linkedin.com/sharing/share-offsite/?url=${u}`);
    expect(targetUrl('reddit', d)).to.equal(`https://www.reddit.com/submit?url=${u}&title=A%20%26%20B`);
    expect(targetUrl('bluesky', d)).to.equal(`https://bsky.app/intent/compose?text=${t}%0A${u}`);
    expect(targetUrl('threads', d)).to.equal(`https://www.threads.com/intent/post?text=${t}&url=${u}`);
    expect(targetUrl('mastodon', d, { mastodonInstance: 'fosstodon.org' })).to.equal(
      `https://fosstodon.org/share?text=${t}%0A${u}`,
    );
    expect(targetUrl('mastodon', d)).to.equal(`https://share.joinmastodon.org/#text=${t}%0A${u}`);
    // RFC 6068: %20 for spaces, CRLF line breaks.
    expect(targetUrl('email', d)).to.equal(`mailto:?subject=A%20%26%20B&body=x%20y%0D%0A%0D%0A${u}`);
    expect(targetUrl('copy', d)).to.equal(undefined);
  });

  it('keeps HTML, quotes and ampersands intact through every network', () => {
    const title = `<img src=x onerror="alert('&amp;')"> & "q"`;
    const d: ShareData = { url: 'https://n.example/', title, text: `a&b=c?d#e` };
    for (const network of Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>) {
      const href = targetUrl(network, d, { mastodonInstance: 'mastodon.social' })!;
      expect(href, network).not.to.match(/[<>"\s]/);
      const values = Object.values(decode(href).params).join('\n');
      if (network !== 'facebook' && network !== 'linkedin') expect(values, network).to.contain(title);
    }
  });

  it('accepts a Mastodon instance with a scheme or path, and ignores junk', () => {
    expect(mastodonHost('https://mastodon.social/')).to.equal('mastodon.social');
    expect(mastodonHost(' fosstodon.org ')).to.equal('fosstodon.org');
    expect(mastodonHost('javascript:alert(1)')).to.equal(undefined);
    expect(mastodonHost('')).to.equal(undefined);
    const d = { url: 'https://n.example/', title: 'T' };
    expect(targetUrl('mastodon', d, { mastodonInstance: 'evil.example/x?y' })).to.match(/^https:\/\/evil\.example\/share\?/);
    expect(targetUrl('mastodon', d, { mastodonInstance: 'bad host' })).to.match(/^https:\/\/share\.joinmastodon\.org\/#text=/);
  });
});

describe('share networks: text limits', () => {
  const family = '👨‍👩‍👧‍👦';
  const haraka = 'شَارِكْ ';

  it('cuts by grapheme, never inside an emoji sequence or a letter with its diacritics', () => {
    expect(truncate(family.repeat(10), 5)).to.equal(`${family.repeat(4)}…`);
    const arabic = truncate(haraka.repeat(100), 9);
    expect(graphemeCount(arabic)).to.be.at.most(9);
    expect(arabic.endsWith('…')).to.equal(true);
    expect(/[\u064B-\u0652]…$/.test(arabic) || /\p{L}…$/u.test(arabic)).to.equal(true);
    expect(truncate('short', 10)).to.equal('short');
    expect(truncate('abcdef', 0)).to.equal('');
  });

  it('truncates a 100,000-character text quickly, within the limits of X and Bluesky', () => {
    const huge = `${'a'.repeat(99_990)}${family}${family}`;
    const start = performance.now();
    const url = 'https://news.example/a';
    const x = decode(targetUrl('x', { url, title: 'T', text: huge })!).params.text;
    const sky = decode(targetUrl('bluesky', { url, title: 'T', text: huge })!).params.text;
    expect(performance.now() - start).to.be.below(500);
    // X counts the URL as 23 and a space before it.
    expect(graphemeCount(x)).to.equal(280 - 24);
    expect(x.endsWith('…')).to.equal(true);
    expect(graphemeCount(sky)).to.equal(300);
    expect(sky.endsWith(`…\n${url}`)).to.equal(true);
  });

  it('does not split an emoji at the X limit', () => {
    const text = family.repeat(400);
    const x = decode(targetUrl('x', { url: 'https://n.example/', title: text })!).params.text;
    expect(x).to.equal(`${family.repeat(255)}…`);
  });

  it('gives Mastodon 500 characters with links counted as 23', () => {
    const url = `https://n.example/${'p'.repeat(100)}`;
    const text = decode(targetUrl('mastodon', { url, title: 'x'.repeat(1000) }, { mastodonInstance: 'm.example' })!).params.text;
    expect(graphemeCount(text) - graphemeCount(url) + 23).to.equal(500);
  });
});

describe('share networks: the networks attribute', () => {
  it('keeps the order, accepts spaces and commas, ignores case and duplicates', () => {
    expect(parseNetworks('Telegram, x  email,x').networks).to.deep.equal(['telegram', 'x', 'email']);
    expect(parseNetworks('telegram x').problem).to.equal(undefined);
  });
  it('defaults to whatsapp x facebook telegram email copy', () => {
    expect(parseNetworks(undefined).networks).to.deep.equal(['whatsapp', 'x', 'facebook', 'telegram', 'email', 'copy']);
    expect(DEFAULT_NETWORKS).to.deep.equal(['whatsapp', 'x', 'facebook', 'telegram', 'email', 'copy']);
  });
  it('reports unknown names and falls back on an empty list', () => {
    const some = parseNetworks('myspace x __proto__');
    expect(some.networks).to.deep.equal(['x']);
    expect(some.problem).to.contain('myspace').and.contain('__proto__');
    const none = parseNetworks('');
    expect(none.networks).to.deep.equal([...DEFAULT_NETWORKS]);
    expect(none.problem).to.be.a('string');
    expect(parseNetworks('friendster').networks).to.deep.equal([...DEFAULT_NETWORKS]);
  });
  it('has every network of SPEC §5, with a label and an accessible name', () => {
    expect(Object.keys(NETWORKS)).to.deep.equal([
      'whatsapp', 'telegram', 'x', 'facebook', 'linkedin', 'reddit', 'bluesky', 'threads', 'mastodon', 'email', 'copy',
    ]);
    for (const [name, entry] of Object.entries(NETWORKS)) {
      expect(entry.label()).to.be.a('string').and.not.equal('');
      expect(actionName(name as NetworkName)).to.be.a('string').and.not.equal('');
    }
    expect(actionName('whatsapp')).to.equal('Share on WhatsApp');
    expect(actionName('email')).to.equal('Share by email');
    expect(actionName('copy')).to.equal('Copy link');
  });
});
