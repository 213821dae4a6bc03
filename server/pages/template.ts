/** `{{name}}` placeholders in a page template, filled with escaped values. */
import { html, type SafeHtml } from '../html.js';

export type TemplateValues = Readonly<Record<string, SafeHtml | string>>;

/** Every value is escaped unless it is `SafeHtml`; a placeholder without a value is a bug and throws. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`No value for the template placeholder {{${name}}}`);
    return html`${values[name]}`.value;
  });
}
