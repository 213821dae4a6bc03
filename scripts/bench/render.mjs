/**
 * Bench section 2: render speed in headless Chromium and Firefox ESR (Debian's, both through puppeteer-core:
 * CDP for Chromium, WebDriver BiDi for Firefox, which playwright-core cannot drive), side by side. The page and
 * its measuring code are in page/; the server in static-server.mjs; the report in render-report.mjs.
 *
 * Each scenario runs its contestants alternately in one page, rotating their order from run to run; the first
 * run of each is a warm-up and not counted. Every run ends at the same point for every contestant: the next
 * frame after a forced layout (page/measure.js).
 */
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH } from '../browsers.mjs';
import { deepest, comments } from './fixtures.mjs';
import { report } from './render-report.mjs';
import { startBenchServer } from './static-server.mjs';

const SIZES = { cards: 1000, bars: 100, listed: 100, comments: 500, commentsPerPage: 100, commentPost: 1 };

/** The two browsers every bench page runs in, as puppeteer-core launches them. */
export const BROWSERS = [
  {
    name: 'Chromium',
    path: CHROMIUM_PATH,
    options: { browser: 'chrome', executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true },
  },
  {
    name: 'Firefox',
    path: FIREFOX_PATH,
    // As in web-test-runner.config.js: loopback requests must not go to a proxy.
    options: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, extraPrefsFirefox: { 'network.proxy.allow_hijacking_localhost': false } },
  },
];

/** Runs `contestants` (`[label, (page) => Promise<run>]`) `runs` times, rotating; returns the counted runs by label. */
async function alternate(page, contestants, runs, expected) {
  const counted = Object.fromEntries(contestants.map(([label]) => [label, []]));
  for (let run = 0; run < runs; run++) {
    const order = contestants.map((_, i) => contestants[(i + run) % contestants.length]);
    for (const [label, go] of order) {
      const result = await go(page);
      if (result.rendered !== expected) throw new Error(`${label}: ${result.rendered} of ${expected} rendered`);
      if (run > 0) counted[label].push(result);
      await page.evaluate(() => globalThis.bench.settle());
    }
  }
  return counted;
}

const call = (group, fn, arg) => (page) => page.evaluate((g, f, a) => globalThis.bench[g][f](a), group, fn, arg);

async function measureIn(browser, origin, { runs, pageRuns }) {
  const page = await browser.newPage();
  page.setDefaultTimeout(120_000);
  await page.setViewport({ width: 1280, height: 800 });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/bench.html`, { waitUntil: 'load' });
  const environment = await page.evaluate(() => globalThis.bench.ready);
  const out = { version: await browser.version(), environment, took: {} };
  let since = Date.now();
  const took = (scenario) => {
    out.took[scenario] = (Date.now() - since) / 1000;
    since = Date.now();
  };

  const cardsCopy = await page.evaluate((n) => globalThis.bench.cards.prepare(n), SIZES.cards);
  out.cards = {
    copy: cardsCopy,
    runs: await alternate(
      page,
      [
        ['card', call('cards', 'card', SIZES.cards)],
        ['hand', call('cards', 'hand', SIZES.cards)],
        ['lit', call('cards', 'lit', SIZES.cards)],
        ['plain', call('cards', 'plain', SIZES.cards)],
      ],
      runs,
      SIZES.cards,
    ),
  };
  took('cards');

  const list = { post: SIZES.commentPost, perPage: SIZES.commentsPerPage, total: SIZES.comments };
  const commentsCopy = await page.evaluate((options) => globalThis.bench.comments.prepare(options), list);
  if (commentsCopy.warmUp.rendered !== SIZES.comments) throw new Error(`comment list: ${commentsCopy.warmUp.rendered} of ${SIZES.comments} rendered`);
  await page.evaluate(() => globalThis.bench.settle());
  out.comments = {
    copy: commentsCopy,
    runs: await alternate(
      page,
      [
        ['card', call('comments', 'card', list)],
        ['hand', call('comments', 'hand', list)],
      ],
      runs,
      SIZES.comments,
    ),
  };
  took('comments');

  out.bars = {
    copy: await page.evaluate(() => globalThis.bench.bars.prepare()),
    runs: await alternate(
      page,
      [
        ['card', call('bars', 'card', SIZES.bars)],
        ['hand', call('bars', 'hand', SIZES.bars)],
      ],
      runs,
      SIZES.bars,
    ),
  };
  took('share bars');

  out.lists = {
    runs: await alternate(
      page,
      [
        ['list', call('lists', 'list', SIZES.listed)],
        ['cards', call('lists', 'cards', SIZES.listed)],
      ],
      runs,
      SIZES.listed,
    ),
  };
  took('article list');

  // A fresh navigation each run; the first is a warm-up that also checks every card rendered on screen.
  out.front = { runs: [] };
  for (let run = 0; run < pageRuns; run++) {
    await page.goto(`${origin}/bench/front-page.html`, { waitUntil: 'load' });
    const loaded = await page.evaluate(() => globalThis.frontPage.loaded);
    if (loaded.cards !== SIZES.cards) throw new Error(`front page: ${loaded.cards} of ${SIZES.cards} cards`);
    const scrolled = await page.evaluate((verify) => globalThis.frontPage.scroll({ verify }), run === 0);
    if (run === 0) out.front.verified = scrolled;
    else out.front.runs.push({ ...loaded, scroll: scrolled });
  }
  took('page of cards');
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  await page.close();
  return out;
}

/**
 * Runs the render bench against `distDir` and returns `{ text, incomplete }`; a browser that could not be
 * measured is reported and makes the section incomplete. `runs` and `pageRuns` include the warm-up run.
 */
export async function measureRender(distDir, { runs = 8, pageRuns = 8, only = process.env.NW_BROWSERS?.split(',') } = {}) {
  const server = await startBenchServer(distDir, { cards: SIZES.cards, commentCounts: { [SIZES.commentPost]: SIZES.comments } });
  const results = [];
  try {
    for (const spec of BROWSERS.filter(({ name }) => !only || only.includes(name.toLowerCase()))) {
      if (!existsSync(spec.path)) {
        results.push({ name: spec.name, error: `no ${spec.name} at ${spec.path}` });
        continue;
      }
      let browser;
      try {
        browser = await puppeteer.launch({ ...spec.options, timeout: 60_000, protocolTimeout: 180_000 });
        results.push({ name: spec.name, ...(await measureIn(browser, server.origin, { runs, pageRuns })) });
      } catch (error) {
        results.push({ name: spec.name, error: error instanceof Error ? error.message : String(error) });
      } finally {
        await browser?.close().catch(() => {});
      }
    }
  } finally {
    await server.close();
  }
  if (results.every((result) => result.error)) throw new Error(results.map(({ name, error }) => `${name}: ${error}`).join('; '));
  const data = comments(SIZES.comments);
  return {
    text: report(results, { ...SIZES, runs, pageRuns, deepest: deepest(data), replies: data.filter((c) => c.parent).length }),
    incomplete: results.some((result) => result.error),
  };
}
