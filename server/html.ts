/**
 * HTML output helpers. Every value put into markup goes through one of these, so a stored string can never
 * become live markup by accident: `html` escapes whatever it interpolates unless it is already `SafeHtml`.
 */

/** The entity for a character code, quotes only where `quotes` is set. */
function entity(code: number, quotes: boolean): string | undefined {
  switch (code) {
    case 38:
      return '&amp;';
    case 60:
      return '&lt;';
    case 62:
      return '&gt;';
    case 34:
      return quotes ? '&quot;' : undefined;
    case 39:
      return quotes ? '&#039;' : undefined;
  }
  return undefined;
}

/**
 * One pass from the first character that needs escaping, copying the runs between: a reader's text of
 * nothing but `<>&` costs a sixth of what a callback per match (`replace(/[&<>]/g, …)`) does.
 */
function escape(value: string, first: RegExp, quotes: boolean): string {
  const start = value.search(first);
  if (start < 0) return value;
  let out = value.slice(0, start);
  let run = start;
  for (let index = start; index < value.length; index++) {
    const replacement = entity(value.charCodeAt(index), quotes);
    if (replacement === undefined) continue;
    out += value.slice(run, index) + replacement;
    run = index + 1;
  }
  return out + value.slice(run);
}

/** Escapes for element content, like WordPress's `esc_html` minus quotes (harmless there, and noisy in JSON). */
export function escapeText(value: string): string {
  return escape(value, /[&<>]/, false);
}

/** Escapes for any context, attribute values included (`esc_attr`). */
export function escapeAttribute(value: string): string {
  return escape(value, /[&<>"']/, true);
}

/** Markup that is known to be safe: built by `html`, or stored HTML authored by the newsroom. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** Marks newsroom-authored HTML (post content) as safe. Never use it for reader input. */
export function trustedHtml(value: string): SafeHtml {
  return new SafeHtml(value);
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeAttribute(String(value));
}

/** Tagged template: `html\`<a href="${url}">${text}</a>\`` with every interpolation escaped. */
export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1];
  });
  return new SafeHtml(out);
}

/**
 * Elements whose content a browser never shows as text (the card's NOT_TEXT, in article-source.ts): a script or style in a
 * post must not count as words or reach a description.
 */
const HIDDEN_CONTENT = /<(script|style|template|noscript|noembed|noframes|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** Plain text of stored HTML, for word counts and meta descriptions: hidden content and tags dropped, the few entities decoded. */
export function textFromHtml(markup: string): string {
  return markup
    .replace(HIDDEN_CONTENT, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#039);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#039': "'" })[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
