/**
 * The render bench's data, the same in Node (the front page's markup, the comments API) and in the bench page
 * (served at /bench/fixtures.mjs): no Node or browser API, and deterministic, so every run and every contestant
 * gets the same content.
 */

/**
 * The hour the data is dated from: half the articles and the latest comments are less than a week old (relative
 * times), as on a real site, whenever the bench runs; Node and the page agree unless an hour turns between them.
 */
const NOW = Math.floor(Date.now() / 3_600_000) * 3_600_000;

/** `count` realistic articles. */
export function articles(count) {
  const sections = ['World', 'Business', 'Science', 'Culture', 'Sport', 'Technology'];
  const authors = ['Amira Haddad', 'Jonas Becker', 'Lina Farouk', 'Tom Okafor', 'Sara Lindqvist'];
  return Array.from({ length: count }, (_, i) => ({
    headline: `Regional leaders agree on a new water-sharing plan after ${i + 3} days of talks (${i + 1})`,
    excerpt:
      'Negotiators meeting in the capital settled the last open points late on Friday, ending a dispute that ' +
      `had held up irrigation projects across the basin for years. Story ${i + 1}.`,
    section: sections[i % sections.length],
    image: '/bench/image.svg',
    imageWidth: 1600,
    imageHeight: 900,
    author: authors[i % authors.length],
    // Half within the last week (relative time), half older (long date), as on a real front page.
    published: new Date(NOW - (i % 2 ? (i % 7) * 3_600_000 : (10 + (i % 300)) * 86_400_000)).toISOString(),
    readingTime: 2 + (i % 9),
    href: `/news/story-${i + 1}`,
  }));
}

/** The attributes a page writes on `<nw-article-card>` for article `a`. */
export function cardAttributes(a) {
  return {
    headline: a.headline,
    excerpt: a.excerpt,
    section: a.section,
    image: a.image,
    'image-width': String(a.imageWidth),
    'image-height': String(a.imageHeight),
    author: a.author,
    published: a.published,
    'reading-time': String(a.readingTime),
    href: a.href,
  };
}

/**
 * Article `a` as a WordPress REST collection gives it (`/wp/v2/posts?_embed`), for `<nw-article-list>`: the same
 * fields but the reading time, which WordPress does not send (and which the bench's post has no body to count).
 */
export function wpPost(a, id) {
  return {
    id,
    link: a.href,
    date_gmt: a.published.replace(/\.\d+Z$/, ''),
    title: { rendered: a.headline },
    excerpt: { rendered: `<p>${a.excerpt}</p>` },
    lang: 'en',
    _embedded: {
      author: [{ name: a.author }],
      'wp:term': [[{ taxonomy: 'category', name: a.section }]],
      'wp:featuredmedia': [{ source_url: a.image, alt_text: '', media_details: { width: a.imageWidth, height: a.imageHeight } }],
    },
  };
}

/** A small deterministic generator (mulberry32): the same comments every run. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PARAGRAPHS = [
  'I live two streets from the river and the water level this summer was the lowest anyone here remembers.',
  'This is the first honest account of the talks I have read. Thank you for <em>not</em> repeating the press release.',
  'The plan says nothing about the farmers downstream. Who pays for the new canals?',
  'هذا اتفاق مهم، لكن التنفيذ هو الامتحان الحقيقي. ننتظر الجدول الزمني.',
  'See the <a href="https://example.org/basin-report-2026">basin commission report</a>, page 14, for the figures.',
  'Numbers matter here: <strong>40%</strong> of the basin’s water is lost before it reaches a field.',
  'شكراً على التغطية. هل ستنشرون نص الاتفاق كاملاً؟',
  'My grandfather worked on the old dam. He always said the treaty would have to be rewritten one day.',
];

/**
 * `count` approved comments on post `post` as WordPress's REST API returns them (oldest first), in threads:
 * about half are replies, nested at most `maxDepth` levels deep; a reply always comes after its parent.
 */
export function comments(count, { post = 1, maxDepth = 5, seed = 9 } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const names = ['Amira', 'Jonas B.', 'ليلى', 'Tom Okafor', 'sara_l', 'محمد الحسيني', 'A reader', 'Karim'];
  const depth = new Map();
  const out = [];
  const first = NOW - 20 * 86_400_000;
  for (let i = 0; i < count; i++) {
    const id = 1000 + i;
    // A reply, to one of the 30 latest comments that is not already at the deepest level.
    const candidates = out.slice(-30).filter((c) => depth.get(c.id) < maxDepth);
    const parent = candidates.length && next() < 0.5 ? pick(candidates).id : 0;
    depth.set(id, parent ? depth.get(parent) + 1 : 1);
    const name = pick(names);
    const url = next() < 0.25 ? `https://blog.example/${encodeURIComponent(name)}` : '';
    const paragraphs = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(PARAGRAPHS));
    const quote = next() < 0.1 ? `<blockquote><p>${pick(PARAGRAPHS)}</p></blockquote>\n` : '';
    const gmt = new Date(first + Math.round((i / count) * 20 * 86_400_000)).toISOString().slice(0, 19);
    out.push({
      id,
      post,
      parent,
      author: 0,
      author_name: name,
      author_url: url,
      date: gmt,
      date_gmt: gmt,
      content: { rendered: `${quote}${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}\n` },
      link: `https://news.example/articles/water-plan/#comment-${id}`,
      status: 'approved',
      type: 'comment',
      author_avatar_urls: Object.fromEntries([24, 48, 96].map((size) => [size, `https://secure.gravatar.com/avatar/?s=${size}&d=mm&r=g`])),
      meta: [],
      _links: {
        self: [{ href: `https://news.example/wp-json/wp/v2/comments/${id}`, targetHints: { allow: ['GET'] } }],
        collection: [{ href: 'https://news.example/wp-json/wp/v2/comments' }],
        up: [{ embeddable: true, post_type: 'post', href: `https://news.example/wp-json/wp/v2/posts/${post}` }],
        ...(parent ? { 'in-reply-to': [{ embeddable: true, href: `https://news.example/wp-json/wp/v2/comments/${parent}` }] } : {}),
      },
    });
  }
  return out;
}

/** How deep the deepest thread of `list` goes (1 = no replies). */
export function deepest(list) {
  const depth = new Map();
  for (const c of list) depth.set(c.id, c.parent ? depth.get(c.parent) + 1 : 1);
  return Math.max(...depth.values());
}
