/**
 * Client-side checks with WordPress's own rules (`wp_check_comment_data_max_lengths`, `is_email`,
 * `rest_comment_author_data_required`), so a reader hears about a problem before anything is sent.
 */

export type Field = 'content' | 'author_name' | 'author_email' | 'author_url';

export type Problem = 'required' | 'format' | 'too-long';

export interface CommentValues {
  content: string;
  author_name: string;
  author_email: string;
  author_url: string;
}

export interface ValidationOptions {
  /** Name and e-mail are required (WordPress's "Comment author must fill out name and email"). */
  identityRequired: boolean;
  /** The form has a website field. */
  website: boolean;
}

/**
 * WordPress's column limits (`wp_get_comment_fields_max_lengths`), in UTF-8 bytes: `wp_check_comment_data_max_lengths`
 * measures name and content with `mb_strlen( …, '8bit' )` and e-mail and URL with `strlen`, all bytes. So 65,525
 * is 65,525 Latin letters but 32,762 Arabic ones or 16,381 emoji, and the form refuses exactly what the site would.
 */
export const LIMITS: Readonly<Record<Field, number>> = {
  author_name: 245,
  author_email: 100,
  author_url: 200,
  content: 65525,
};

/** The order fields appear in, so the first error found is the first one on screen. */
export const FIELD_ORDER: readonly Field[] = ['content', 'author_name', 'author_email', 'author_url'];

export type Problems = Partial<Record<Field, Problem>>;

// Pure: the error codes' chunk copies this module for its field order, and keeps no encoder it never uses.
const utf8 = /* @__PURE__ */ new TextEncoder();

/** A length as WordPress measures it: UTF-8 bytes. */
function length(value: string): number {
  return utf8.encode(value).length;
}

/** WordPress's `is_email`, in short: one `@`, a local part, a dotted domain of letters, digits and hyphens. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(value) && !/\.\.|^\.|\.@/.test(value);
}

/** The URL as WordPress stores it: `example.com` becomes `http://example.com`; `undefined` when not a web address. */
export function normalizeUrl(value: string): string | undefined {
  const raw = value.trim();
  if (!raw) return '';
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `http://${raw}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.') || /\s/.test(raw)) {
      return undefined;
    }
    return withScheme;
  } catch {
    return undefined;
  }
}

/** The first problem of each field, `{}` when the values can be sent. */
export function validate(values: CommentValues, options: ValidationOptions): Problems {
  const problems: Problems = {};
  const content = values.content.trim();
  const name = values.author_name.trim();
  const email = values.author_email.trim();
  const url = options.website ? values.author_url.trim() : '';

  if (!content) problems.content = 'required';
  else if (length(content) > LIMITS.content) problems.content = 'too-long';

  if (!name && options.identityRequired) problems.author_name = 'required';
  else if (length(name) > LIMITS.author_name) problems.author_name = 'too-long';

  if (!email && options.identityRequired) problems.author_email = 'required';
  else if (length(email) > LIMITS.author_email) problems.author_email = 'too-long';
  else if (email && !isEmail(email)) problems.author_email = 'format';

  // Measured as sent: with the `http://` that `normalizeUrl` adds to a bare host.
  const sentUrl = normalizeUrl(url);
  if (length(sentUrl ?? url) > LIMITS.author_url) problems.author_url = 'too-long';
  else if (url && sentUrl === undefined) problems.author_url = 'format';

  return problems;
}

/** The first field with a problem, in screen order. */
export function firstInvalid(problems: Problems): Field | undefined {
  return FIELD_ORDER.find((field) => problems[field]);
}
