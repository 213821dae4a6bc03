/**
 * HTML output helpers. Every value put into markup goes through one of these, so a stored string can never
 * become live markup by accident: `html` escapes whatever it interpolates unless it is already `SafeHtml`.
 */

const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = { ...TEXT_ENTITIES, '"': '&quot;', "'": '&#039;' };

/** Escapes for element content, like WordPress's `esc_html` minus quotes (harmless there, and noisy in JSON). */
export function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (char) => TEXT_ENTITIES[char]);
}

/** Escapes for any context, attribute values included (`esc_attr`). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ATTRIBUTE_ENTITIES[char]);
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

/** Plain text of stored HTML, for word counts and meta descriptions: tags dropped, the few entities decoded. */
export function textFromHtml(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#039);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#039': "'" })[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
