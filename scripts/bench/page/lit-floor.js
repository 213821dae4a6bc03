/**
 * The floor of any Lit card: a minimal LitElement configured by the same attributes as `<nw-article-card>`,
 * rendering the same DOM (copied from a rendered card, as the hand-built contestant is) in one flat template
 * with the card's own adopted sheets. No validation, no language resolution, no catalog: what is left is what
 * Lit itself costs — attributes to properties, one update, one template clone with its parts.
 */
/* global customElements, document */
import { LitElement, html } from 'lit';

const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const escapeAttribute = (text) => escapeText(text).replace(/"/g, '&quot;');

/**
 * One Lit template from the steps of `recipe()`: static text and attributes as written, and a binding for each
 * value that is a function of the item. Returns `{ strings, values }`, `values` the functions in binding order.
 */
function flatTemplate(steps) {
  const strings = [''];
  const values = [];
  const write = (text) => (strings[strings.length - 1] += text);
  const bind = (value) => {
    values.push(value);
    strings.push('');
  };
  const walk = (list) => {
    for (const step of list) {
      if ('text' in step) {
        if (typeof step.text === 'function') bind(step.text);
        else write(escapeText(step.text));
        continue;
      }
      write(`<${step.tag}`);
      for (const [name, value] of step.attributes) {
        if (typeof value === 'function') {
          write(` ${name}=`);
          bind(value);
        } else write(` ${name}="${escapeAttribute(value)}"`);
      }
      write('>');
      walk(step.children);
      write(`</${step.tag}>`);
    }
  };
  walk(steps);
  // What `html` requires of a template strings array (its `raw`), for strings made at run time.
  Object.defineProperty(strings, 'raw', { value: strings });
  return { strings, values };
}

/**
 * Defines `<tag>`: reactive properties from `attributes` (`[attribute, property]` pairs), `sheets` as its
 * styles, and a render of `steps` for the item `derive(element)` gives.
 */
export function defineLitFloor(tag, { steps, sheets, attributes, derive }) {
  const { strings, values } = flatTemplate(steps);
  class LitFloorCard extends LitElement {
    static styles = sheets;
    static properties = Object.fromEntries(attributes.map(([attribute, property]) => [property, { attribute }]));
    render() {
      const item = derive(this);
      return html(strings, ...values.map((value) => value(item)));
    }
  }
  if (!customElements.get(tag)) customElements.define(tag, LitFloorCard);
  return tag;
}

/** Creates `<tag>` with `attributes` set, as a page writes a card. */
export function createWith(tag, attributes) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}
