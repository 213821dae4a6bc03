/** 100 inline share bars: `<nw-share-button mode="inline">` against the same DOM and sheets built by hand. */
/* global document */
import { build, elementCount, grid, handHost, hostOf, recipe, timeRun } from './measure.js';

const createBar = () => {
  const bar = document.createElement('nw-share-button');
  bar.setAttribute('mode', 'inline');
  return bar;
};

/** A bar shows when its shadow root holds its row of links and buttons. */
const shows = (bar) => bar.shadowRoot?.querySelectorAll('a[href], button').length >= 2;

export function runBars(count) {
  return timeRun('bars', () => Array.from({ length: count }, createBar), shows);
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

export function runHandBars(count) {
  const make = () =>
    Array.from({ length: count }, () => {
      const { el, root } = handHost('nw-bench-share', hand.host);
      build(root, hand.steps);
      return el;
    });
  return timeRun('bars', make, shows);
}
