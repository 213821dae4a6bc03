/**
 * Bench section `css`: what each expensive rule of `<nw-article-card>`'s CSS costs in style + layout, in headless
 * Chromium and Firefox ESR (puppeteer-core, as the render bench launches them), side by side.
 *
 * The page renders 1,000 real cards from dist/article-card.js and copies each one's shadow DOM; every run then
 * shows 1,000 such copies in shadow roots that adopt the card's own style sheet texts, as built, or with one
 * rule removed or replaced (a variant), and times style + layout. The copies keep the structure and the text of
 * real cards while leaving out everything that is not CSS (Lit, the element's code), so a delta is the rule's.
 */
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { articles, cardAttributes } from './fixtures.mjs';
import { fixed, heading, median, table } from './format.mjs';
import { BROWSERS } from './render.mjs';
import { startBenchServer } from './static-server.mjs';

/** What the cards are captured as: the bench's cards, the horizontal layout, and cards reserving their box. */
const CARDS = [
  { name: 'vertical', title: 'vertical cards (as in the render bench)', attributes: {} },
  { name: 'horizontal', title: 'horizontal cards', attributes: { layout: 'horizontal' } },
  // `src` cards render their reserved, loading state first; the capture takes that render.
  { name: 'reserved', title: 'cards loading from src (reserved box, placeholders)', attributes: { src: '/bench/never.json' } },
];

const clamps = (extra = {}) => [
  { selector: '.headline, .excerpt', set: { display: null, '-webkit-box-orient': null, ...extra } },
  { selector: '.headline', set: { '-webkit-line-clamp': null } },
  { selector: '.excerpt', set: { '-webkit-line-clamp': null } },
];

/**
 * One rule removed or replaced each. Selectors are the source's (the built CSS keeps class names; its custom
 * property names are shortened, so no variant names one). `cards`: the kinds of card a variant is measured on
 * (the vertical ones unless told); the rules every card shares are measured once, on the bench's own cards.
 */
const ALL = CARDS.map((cards) => cards.name);
const RELEASE_SEPARATORS = [
  { selector: '.meta', set: { position: null } },
  { selector: '.meta > *::before', set: { 'margin-inline-start': null, 'inset-inline-end': '100%' } },
];
const RELEASE_OVERFLOW = [
  { selector: '.card', set: { overflow: 'hidden' } },
  { selector: '.media, .meta', set: { overflow: 'hidden', 'min-block-size': null } },
];
const RELEASE_MEDIA = [{ selector: '.media', set: { position: 'relative' } }];
const VARIANTS = [
  { name: 'as built', cards: ALL, rules: [] },
  { name: 'no style sheets at all (the floor)', cards: ALL, unstyled: true },
  { name: ':has() focus ring removed', cards: ALL, rules: [{ selector: '.card:has(.link:focus-visible)', remove: true }] },
  { name: ':focus-visible ring (theme) removed', rules: [{ selector: ':focus-visible', remove: true }] },
  { name: 'line clamps (-webkit-box) removed', cards: ALL, rules: clamps() },
  { name: 'line clamps → max-block-size: 3lh', rules: clamps({ 'max-block-size': '3lh' }) },
  { name: 'light-dark() → its light colour', text: [[String.raw`light-dark\(\s*([^,()]+?)\s*,[^()]*\)`, '$1']] },
  { name: 'overflow-wrap: anywhere removed', cards: ALL, rules: [{ selector: '.card', set: { 'overflow-wrap': null } }] },
  { name: 'overflow-wrap: anywhere → break-word', rules: [{ selector: '.card', set: { 'overflow-wrap': 'break-word' } }] },
  { name: 'contain: layout style (:host) removed', rules: [{ selector: ':host', set: { contain: null } }] },
  { name: '.card flex column → block', rules: [{ selector: '.card', set: { display: null, 'flex-direction': null } }] },
  { name: '.body flex column → block', rules: [{ selector: '.body', set: { display: null, 'flex-direction': null } }] },
  { name: '.meta flex wrap → block', rules: [{ selector: '.meta', set: { display: null, 'flex-wrap': null } }] },
  { name: '.meta "·" separators (::before) removed', rules: [{ selector: '.meta > *::before', remove: true }] },
  {
    name: 'separators and the positioned .meta removed',
    rules: [
      { selector: '.meta > *::before', remove: true },
      { selector: '.meta', set: { position: null } },
    ],
  },
  { name: '.link::after (whole card clickable) removed', rules: [{ selector: '.link::after', remove: true }] },
  { name: '.section ellipsis removed', rules: [{ selector: '.section', set: { overflow: null, 'white-space': null, 'text-overflow': null } }] },
  { name: '.card overflow: clip removed', rules: [{ selector: '.card', set: { overflow: null } }] },
  {
    name: '.media aspect-ratio removed',
    rules: [
      { selector: '.media', set: { 'aspect-ratio': null } },
      { selector: '.media.own-ratio', remove: true },
    ],
  },
  { name: '.media img object-fit removed', rules: [{ selector: '.media img', set: { 'object-fit': null } }] },
  // The rules the release had where the card now has cheaper ones, to measure each replacement in the same run.
  { name: "← release's separators (each item positioned)", append: ['.meta > * { position: relative }'], rules: RELEASE_SEPARATORS },
  { name: "← release's overflow: hidden (card, picture, meta)", rules: RELEASE_OVERFLOW },
  { name: "← release's .media position: relative", rules: RELEASE_MEDIA },
  {
    name: "← release's rules, all three",
    append: ['.meta > * { position: relative }'],
    rules: [...RELEASE_SEPARATORS, ...RELEASE_OVERFLOW, ...RELEASE_MEDIA],
  },
  { name: '.horizontal grid → the flex column', cards: ['horizontal'], rules: [{ selector: '.horizontal', remove: true }] },
  { name: '.pending gradient (placeholder lines) removed', cards: ['reserved'], rules: [{ selector: '.pending', set: { background: null } }] },
  { name: '.reserve block sizes removed', cards: ['reserved'], rules: [{ selector: '.reserve .body', set: { 'block-size': null } }] },
];

const MODES = ['forced', 'frame'];

async function launch(name) {
  const spec = BROWSERS.find((browser) => browser.name.toLowerCase() === name);
  if (!existsSync(spec.path)) throw new Error(`no ${spec.name} at ${spec.path}`);
  // Chromium: gc() between runs, so that no run pays for collecting the copies of the one before.
  const options = name === 'chromium' ? { ...spec.options, args: [...spec.options.args, '--js-flags=--expose-gc'] } : spec.options;
  const browser = await puppeteer.launch({ ...options, timeout: 60_000, protocolTimeout: 600_000 });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  page.setDefaultTimeout(300_000);
  return { page, version: `${spec.name} ${(await browser.version()).replace(/^[a-z]+\//i, '')}`, close: () => browser.close() };
}

/**
 * Measures every variant on every kind of card in one browser: `runs` rounds, the first a warm-up; within a
 * round the variants alternate, so a slow spell of the machine spreads over all of them.
 */
async function measureBrowser(name, origin, { count, runs }) {
  const { page, version, close } = await launch(name);
  try {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/bench/css-cost.html`, { waitUntil: 'load' });
    await page.evaluate(() => globalThis.cssCost.ready);
    const list = articles(count).map(cardAttributes);
    const results = {};
    for (const cards of CARDS) {
      const taken = await page.evaluate(([which, all, attributes]) => globalThis.cssCost.capture(which, all, attributes), [
        cards.name,
        list,
        cards.attributes,
      ]);
      if (taken.cards !== count) throw new Error(`${cards.name}: ${taken.cards} of ${count} cards captured`);
      const variants = VARIANTS.filter((variant) => (variant.cards ?? ['vertical']).includes(cards.name));
      const times = variants.map(() => ({ forced: [], frame: [] }));
      const heights = variants.map(() => undefined);
      for (let round = 0; round < runs; round++) {
        // Each round starts one variant further on, so that none is always measured first or after the same one.
        for (let step = 0; step < variants.length; step++) {
          const index = (round + step) % variants.length;
          const variant = variants[index];
          for (const mode of MODES) {
            const result = await page.evaluate(([which, v, m]) => globalThis.cssCost.run(which, v, m), [cards.name, variant, mode]);
            if (result.laidOut !== count) throw new Error(`${cards.name}, ${variant.name}: ${result.laidOut} of ${count} cards laid out`);
            if (round > 0) times[index][mode].push(result.time);
            heights[index] = result.height;
          }
        }
      }
      results[cards.name] = variants.map((variant, index) => ({
        name: variant.name,
        forced: median(times[index].forced),
        frame: median(times[index].frame),
        height: heights[index],
      }));
    }
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { version, results };
  } finally {
    await close().catch(() => {});
  }
}

const ms = (value) => `${fixed(value)} ms`;
const delta = (value, base) => `${value - base >= 0 ? '+' : '−'}${fixed(Math.abs(value - base))}`;
const px = (value, base) => (Math.round(value) === Math.round(base) ? '=' : `${delta(value, base).replace(/\.\d$/, '')} px`);

/** Runs the CSS-cost bench and returns its text. `runs` includes the warm-up round. */
export async function measureCssCost(distDir, { count = 1000, runs = 5, browsers = ['chromium', 'firefox'] } = {}) {
  const server = await startBenchServer(distDir, { cards: 1, commentCounts: {} });
  try {
    const measured = [];
    for (const name of browsers) measured.push(await measureBrowser(name, server.origin, { count, runs }));
    const lines = [heading(`CSS cost of <nw-article-card> — ${measured.map((m) => `headless ${m.version}`).join(', ')}`)];
    lines.push(
      `  ${count.toLocaleString('en-US')} copies of real cards' shadow DOM (taken from cards rendered by dist/article-card.js), each in a`,
      "  shadow root adopting the card's style sheet texts: as built, or with one rule removed or replaced; every copy",
      '  is laid out (content-visibility: visible on its host), as cards in view are. Timed from',
      '  showing the built copies (display: none → block) until a forced layout (offsetHeight) returns, and, in',
      '  separate runs, until the next frame is rendered (rAF → setTimeout); Δ against "as built". Medians of',
      `  ${runs - 1} runs after one warm-up round, the variants alternating. "height": the copies' total height against`,
      '  as built (= unchanged; a variant that changes it changes what a reader sees).',
    );
    for (const cards of CARDS) {
      const columns = [{ title: cards.title, align: 'left' }];
      for (const m of measured) {
        const short = m.version.split(' ')[0];
        columns.push(
          { title: `${short} layout`, align: 'right' },
          { title: 'Δ', align: 'right' },
          { title: 'frame', align: 'right' },
          { title: 'Δ', align: 'right' },
          { title: 'height', align: 'right' },
        );
      }
      const rows = measured[0].results[cards.name].map((row, index) => {
        const cells = [row.name];
        for (const m of measured) {
          const base = m.results[cards.name][0];
          const mine = m.results[cards.name][index];
          cells.push(ms(mine.forced), index ? delta(mine.forced, base.forced) : '', ms(mine.frame), index ? delta(mine.frame, base.frame) : '');
          cells.push(index ? px(mine.height, base.height) : `${Math.round(base.height).toLocaleString('en-US')} px`);
        }
        return cells;
      });
      lines.push('', table(columns, [rows[0], '-', ...rows.slice(1)]));
    }
    return { text: lines.join('\n') };
  } finally {
    await server.close();
  }
}
