/** The render bench's text: each scenario's figures in Chromium and Firefox side by side, with the targets. */
import { fixed, heading, int, mark, median, spread, table } from './format.mjs';

/** Targets (Chromium): ratios of medians. */
const TARGETS = { cardsVsPlain: 1.0, cardsVsHand: 1.1, comments: 1.2 };

const PHASES = [
  ['create', 'create + set attributes ¹'],
  ['append', 'append (connectedCallback) ²'],
  ['render', 'until updateComplete ³'],
  ['layout', 'style + layout (offsetHeight)'],
  ['frame', 'the next frame ⁴'],
];

const ms = (value) => `${fixed(value)} ms`;
const times = (runs) => runs.map((run) => run.time);

/**
 * One row per contestant (median and min–max of each browser's counted runs) and one per ratio (ratio of the
 * medians and, for Chromium, its target mark; the median and range of the run-by-run ratios beside it).
 */
function comparison(results, title, contestants, ratios) {
  const columns = [{ title, align: 'left' }];
  for (const { name } of results) columns.push({ title: `${name} median`, align: 'right' }, { title: 'min–max', align: 'right' });
  const rows = contestants.map(([key, label]) => [
    label,
    ...results.flatMap((result) => {
      if (result.error) return ['—', ''];
      const values = times(result.runs[key]);
      return [ms(median(values)), spread(values)];
    }),
  ]);
  rows.push('-');
  for (const [over, under, label, target] of ratios) {
    rows.push([
      target ? `${label} (target ≤ ${fixed(target, 1)} × in Chromium)` : label,
      ...results.flatMap((result) => {
        if (result.error) return ['—', ''];
        const a = times(result.runs[over]);
        const b = times(result.runs[under]);
        const ratio = median(a) / median(b);
        const targetMark = target && result.name === 'Chromium' ? ` ${mark(ratio <= target)}` : '';
        // Runs are paired (the contestants ran one after the other), so each run's ratio shrugs off slow drifts in load.
        const paired = a.map((value, i) => value / b[i]);
        return [`${fixed(ratio, 2)} ×${targetMark}`, `per run ${fixed(median(paired), 2)} (${spread(paired, 2)})`];
      }),
    ]);
  }
  return table(columns, rows);
}

/** µs per item for each phase, the median of the counted runs. */
function phaseTable(results, count, contestants) {
  const ok = results.filter((result) => !result.error);
  const columns = [{ title: 'µs per card, median of each phase', align: 'left' }];
  for (const { name } of ok) for (const [, label] of contestants) columns.push({ title: `${name.slice(0, 2)} ${label}`, align: 'right' });
  const cell = (runs, phase) => {
    const value = median(runs.map((run) => run.phases[phase]));
    return phase === 'render' && value === 0 ? '—' : fixed((value * 1000) / count, 0);
  };
  const rows = PHASES.map(([phase, label]) => [label, ...ok.flatMap((result) => contestants.map(([key]) => cell(result.cards.runs[key], phase)))]);
  const language = (runs) => {
    const values = runs.map((run) => run.language).filter((value) => value !== undefined);
    return values.length ? fixed((median(values) * 1000) / count, 1) : '';
  };
  rows.push(['resolveLanguage() once more ⁵', ...ok.flatMap((result) => contestants.map(([key]) => language(result.cards.runs[key])))]);
  rows.push('-', ['total (median of run totals)', ...ok.flatMap((result) => contestants.map(([key]) => fixed((median(times(result.cards.runs[key])) * 1000) / count, 0)))]);
  return table(columns, rows);
}

function frontPageTable(results) {
  const ok = results.filter((result) => !result.error);
  const columns = [{ title: 'a page of 1,000 cards (ms from navigation start)', align: 'left' }];
  for (const { name } of ok) columns.push({ title: `${name} median`, align: 'right' }, { title: 'min–max', align: 'right' });
  const row = (label, pick, digits = 1) => [
    label,
    ...ok.flatMap((result) => {
      const values = result.front.runs.map(pick).filter((value) => value !== null && value !== undefined);
      const middle = digits ? ms(median(values)) : int(median(values));
      return values.length ? [middle, spread(values, digits)] : ['n/a', ''];
    }),
  ];
  return table(columns, [
    row('first paint', (run) => run.firstPaint),
    row('first contentful paint', (run) => run.firstContentfulPaint),
    row('article-card.js runs customElements.define', (run) => run.defined),
    row('every card rendered, then the next frame', (run) => run.rendered),
    '-',
    row('scrolled to the end, one viewport a frame: total', (run) => run.scroll.time),
    row('  the longest frame', (run) => run.scroll.longest),
    row('  frames', (run) => run.scroll.frames, 0),
  ]);
}

export function report(results, sizes) {
  const counted = sizes.runs - 1;
  const versions = results.map((result) => `${result.name} ${result.version?.replace(/^\w+\//, '') ?? '(not measured)'}`).join(', ');
  const lines = [heading(`2. Render speed — headless ${versions}`)];
  for (const result of results.filter((r) => r.error)) lines.push(`  ${result.name} could not be measured: ${result.error}`);
  const ok = results.filter((result) => !result.error);
  const isolated = ok.map((result) => `${result.name} ${result.environment.crossOriginIsolated ? 'yes' : 'NO (Firefox timers then 1 ms)'}`);
  lines.push(
    `  ${counted} counted runs per contestant after one warm-up, contestants alternating in one page (their order rotating);`,
    '  medians with min–max. Every run ends at the same point: a forced layout (offsetHeight), then the next frame',
    '  (rAF, then a MessageChannel task), so content-visibility has decided what to render; the idle wait for that',
    `  frame's vsync is not counted. Cross-origin isolated (fine timers): ${isolated.join(', ')}.`,
    '  Ratios are of the medians; "per run" gives the median (min–max) of the ratios of runs made one after the other.',
  );
  if (ok.length === 0) return lines.join('\n');

  const copy = ok[0].cards.copy;
  lines.push(
    '',
    `  2a. ${int(sizes.cards)} <nw-article-card>s (headline, excerpt, section, image + width/height, author, published, reading-time,`,
    '  href) appended one by one to a grid container, until every updateComplete resolved; against',
    `  • hand-built: the same DOM (${copy.elements} elements a card, copied from a rendered card's shadow root: tags, classes, parts,`,
    `    attributes) in a shadow root per host, with the card's own ${copy.sheets} adopted style sheets and its host's reflected`,
    `    attributes (${copy.hostAttributes.join(', ') || 'none'}), built with createElement/setAttribute/append;`,
    '  • Lit floor: the same DOM and sheets from a minimal LitElement set by the same attributes, in one flat template,',
    '    without validation, language resolution or catalog: what any Lit card costs (the hand-built line is not',
    '    reachable by an element configured by attributes and rendered by Lit, and this line shows by how much);',
    '  • plain DOM: the same content with createElement and one simple style sheet, no shadow DOM (the old reference).',
    '',
    comparison(
      results.map((r) => (r.error ? r : { ...r, runs: r.cards.runs })),
      `${int(sizes.cards)} cards`,
      [
        ['card', '<nw-article-card>'],
        ['hand', 'hand-built, same DOM + sheets'],
        ['lit', 'Lit floor, same DOM + sheets'],
        ['plain', 'plain DOM'],
      ],
      [
        ['card', 'plain', 'cards ÷ plain DOM', TARGETS.cardsVsPlain],
        ['card', 'hand', 'cards ÷ hand-built', TARGETS.cardsVsHand],
        ['lit', 'hand', 'Lit floor ÷ hand-built'],
        ['card', 'lit', 'cards ÷ Lit floor'],
      ],
    ),
    '',
    '  2b. Where a card\'s time goes (the base element: attribute parsing at create, language resolution and',
    '  MutationObserver registration at append, the catalog check and Lit\'s render until updateComplete):',
    '',
    phaseTable(results, sizes.cards, [
      ['card', 'card'],
      ['hand', 'hand'],
      ['lit', 'Lit'],
      ['plain', 'plain'],
    ]),
    '  Ch: Chromium, Fi: Firefox. ¹ hand-built: the host, its shadow root and sheets, and its DOM; plain: its DOM.',
    '  ² the card\'s connectedCallback: Lit\'s shadow root and adopted sheets, the base element\'s language resolution and',
    '    MutationObserver registration.',
    '  ³ the catalog check and Lit\'s render (microtasks after the appends).',
    '  ⁴ content-visibility decides what to render, style, layout and paint of that frame.',
    '  ⁵ on every connected card after the run, outside the total: the ancestor walk of the language resolution.',
  );

  lines.push(
    '',
    `  2c. A page of ${int(sizes.cards)} cards in its HTML (article-card.js render-blocking), a fresh navigation each run; then`,
    '  scrolled from the top to the end one viewport per animation frame (a 1280 × 800 viewport, four columns).',
    '',
    frontPageTable(results),
    '',
    ...ok.map((result) => {
      const { drawn, cards } = result.front.verified;
      return `  ${result.name}: ${int(drawn)} of ${int(cards)} cards rendered on screen while scrolling ${mark(drawn === cards)}`;
    }),
    '  (checked in the warm-up run: checkVisibility({ contentVisibilityAuto: true }) on the card\'s headline, in one of',
    '  the two frames after one the card was on screen in).',
  );

  const comments = ok[0].comments.copy;
  const sanitizers = ok.map((result) => `${result.name} ${result.environment.sanitizerApi ? 'Element.setHTML' : 'DOMPurify (no Sanitizer API)'}`);
  lines.push(
    '',
    `  2d. <nw-comment-list> with ${int(sizes.comments)} comments (${int(sizes.replies)} replies, threads ${sizes.deepest} deep), ${sizes.commentsPerPage} a page from the bench's`,
    '  WordPress-like endpoint (X-WP-Total / X-WP-TotalPages), "Load more" clicked as soon as it shows, until all are',
    '  rendered; against the same markup and sheets built by hand in a shadow root (copied from the rendered list:',
    `  ${comments.elements} elements for the section and a comment, ${comments.sheets} sheets). Both include: waiting until near the viewport`,
    `  (IntersectionObserver), the same ${Math.ceil(sizes.comments / sizes.commentsPerPage)} requests one after the other, JSON parsing, sanitizing every comment with`,
    '  the list\'s allow-list, threading, date formatting (Intl), style + layout and the next frame. Only the element',
    '  validates each item and re-renders the whole list after each page.',
    `  Sanitizer: ${sanitizers.join(', ')}.`,
    '',
    comparison(
      results.map((r) => (r.error ? r : { ...r, runs: r.comments.runs })),
      `${int(sizes.comments)} comments`,
      [
        ['card', '<nw-comment-list>'],
        ['hand', 'hand-built, same markup + sheets'],
      ],
      [['card', 'hand', 'list ÷ hand-built', TARGETS.comments]],
    ),
  );

  const bars = ok[0].bars.copy;
  lines.push(
    '',
    `  2e. ${int(sizes.bars)} <nw-share-button mode="inline"> bars, until every updateComplete resolved; against the same DOM`,
    `  (${bars.elements} elements a bar, icons included) and ${bars.sheets} sheets built by hand in shadow roots.`,
    '',
    comparison(
      results.map((r) => (r.error ? r : { ...r, runs: r.bars.runs })),
      `${int(sizes.bars)} inline share bars`,
      [
        ['card', '<nw-share-button mode="inline">'],
        ['hand', 'hand-built, same DOM + sheets'],
      ],
      [['card', 'hand', 'bars ÷ hand-built']],
    ),
    '',
    `  2f. <nw-article-list> of ${int(sizes.listed)} posts (src: the bench server's /wp-json/wp/v2/posts, WordPress-shaped, _embed),`,
    '  from its insertion until every card showed its article: its wait for the viewport, one local fetch, normalizing',
    `  the posts and the cards' render; against the ${int(sizes.listed)} <nw-article-card> tags a page writes by hand with the same`,
    '  fields as attributes (no reading time: WordPress sends none), until every updateComplete resolved.',
    '',
    comparison(
      results.map((r) => (r.error ? r : { ...r, runs: r.lists.runs })),
      `${int(sizes.listed)} cards`,
      [
        ['list', '<nw-article-list>'],
        ['cards', '<nw-article-card>s by hand'],
      ],
      [['list', 'cards', 'list ÷ cards by hand']],
    ),
    '',
    ...ok.map((result) => `  ${result.name} took ${Object.entries(result.took).map(([scenario, seconds]) => `${scenario} ${fixed(seconds, 0)} s`).join(', ')}.`),
  );
  return lines.join('\n');
}
