/** 100 inline share bars: `<nw-share-button mode="inline">` against the same DOM and sheets built by hand. */
/* global document */
import { build, elementCount, finish, grid, handHost, hostOf, recipe } from './measure.js';

const createBar = () => {
  const bar = document.createElement('nw-share-button');
  bar.setAttribute('mode', 'inline');
  return bar;
};

/** A bar is rendered when its shadow root holds its row of links and buttons. */
const rendered = (bars) => bars.filter((bar) => bar.shadowRoot?.querySelectorAll('a[href], button').length >= 2).length;

export async function runBars(count) {
  const container = grid('bars');
  const marks = { start: performance.now() };
  const bars = Array.from({ length: count }, createBar);
  marks.created = performance.now();
  for (const bar of bars) container.append(bar);
  marks.appended = performance.now();
  await Promise.all(bars.map((bar) => bar.updateComplete));
  marks.rendered = performance.now();
  const result = await finish(container, marks);
  const shown = rendered(bars);
  container.remove();
  return { ...result, rendered: shown };
}

let hand;

/** Takes the hand-built copy from one rendered bar: every bar of a page shares the page's URL and title. */
export async function prepareHandBars() {
  const container = grid('bars');
  const bar = createBar();
  container.append(bar);
  await bar.updateComplete;
  hand = { host: hostOf(bar), steps: recipe(bar.shadowRoot) };
  container.remove();
  return { elements: elementCount(hand.steps), sheets: hand.host.sheets.length };
}

export async function runHandBars(count) {
  const container = grid('bars');
  const marks = { start: performance.now() };
  const hosts = Array.from({ length: count }, () => {
    const { el, root } = handHost('nw-bench-share', hand.host);
    build(root, hand.steps);
    return el;
  });
  marks.created = performance.now();
  for (const host of hosts) container.append(host);
  marks.appended = performance.now();
  marks.rendered = marks.appended;
  const result = await finish(container, marks);
  const shown = rendered(hosts);
  container.remove();
  return { ...result, rendered: shown };
}
