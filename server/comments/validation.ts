/**
 * Validation of a comment POST, as WordPress's comments controller does it and in its order:
 * argument types and formats first (`rest_invalid_param`), then what anonymous readers may not set (401),
 * then content, required author data and column lengths. Pure functions; the checks that need the database
 * (post exists and is open, duplicates, flooding) live in `create.ts`.
 */
import { invalidParams, WpError, type ParamProblem } from '../wp/errors.js';

export interface CommentDraft {
  post: number;
  /** 0 for a top-level comment, as in WordPress. */
  parent: number;
  authorName: string;
  authorEmail: string;
  /** Normalized like WordPress's `esc_url_raw` (a bare host gets `http://`); '' for none. */
  authorUrl: string;
  /** Exactly as sent: comments are escaped on output, never altered on input. */
  content: string;
}

/**
 * WordPress's column limits (`wp_get_comment_fields_max_lengths`: the content's TEXT column holds 65,535 bytes, less
 * 10), in bytes of UTF-8 as `wp_check_comment_data_max_lengths` counts them (`mb_strlen( …, '8bit' )` for name and
 * content, `strlen` for e-mail and URL). So an Arabic comment may have 32,762 letters, an emoji one 16,381 emoji:
 * the same comment is refused here and by WordPress alike.
 */
export const MAX_LENGTHS = { authorName: 245, authorEmail: 100, authorUrl: 200, content: 65_525 } as const;

const LENGTH_CODES: Readonly<Record<keyof typeof MAX_LENGTHS, string>> = {
  authorName: 'comment_author_column_length',
  authorEmail: 'comment_author_email_column_length',
  authorUrl: 'comment_author_url_column_length',
  content: 'comment_content_column_length',
};

/** WordPress's `rest_is_integer`: integers, and strings holding one. */
function asInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) {
    const number = Number(value);
    return Number.isSafeInteger(number) ? number : undefined;
  }
  return undefined;
}

/**
 * WordPress's `is_email`: a deliberately plain check (no quoted local parts, no IP domains) that decides what
 * a WordPress site accepts.
 */
export function isEmail(value: string): boolean {
  if (value.length < 6) return false;
  const at = value.indexOf('@');
  if (at < 1 || at !== value.lastIndexOf('@')) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!/^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local)) return false;
  if (domain.includes('..') || /^[.\s-]|[.\s-]$/.test(domain)) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return labels.every((label) => /^[a-z0-9-]+$/i.test(label) && !label.startsWith('-') && !label.endsWith('-'));
}

/** `esc_url_raw` for a reader's website: http(s) only, a bare host gains `http://`; `undefined` when unusable. */
export function normalizeUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(candidate);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || /\s/.test(trimmed)) {
      return undefined;
    }
    return candidate;
  } catch {
    return undefined;
  }
}

const typeProblem = (name: string, type: string): ParamProblem => ({
  code: 'rest_invalid_type',
  message: `${name} is not of type ${type}.`,
});

/** Anonymous readers may not choose these; WordPress answers 401 with one code each. */
const PRIVILEGED: ReadonlyArray<[string, string]> = [
  ['author', 'rest_comment_invalid_author'],
  ['author_ip', 'rest_comment_invalid_author_ip'],
  ['status', 'rest_comment_invalid_status'],
];

type Problems = Record<string, ParamProblem>;

/** An optional integer argument (0 when absent); a wrong type is recorded in `problems`. */
function integerParam(input: Record<string, unknown>, problems: Problems, name: string): number {
  if (input[name] === undefined || input[name] === null) return 0;
  const value = asInteger(input[name]);
  if (value === undefined) problems[name] = typeProblem(name, 'integer');
  return value ?? 0;
}

/** An optional string argument ('' when absent); a wrong type is recorded in `problems`. */
function stringParam(input: Record<string, unknown>, problems: Problems, name: string): string {
  const value = input[name];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    problems[name] = typeProblem(name, 'string');
    return '';
  }
  return value;
}

/** Argument types and formats, then privileged fields. Returns the draft or throws a `WpError`. */
export function parseCommentBody(body: unknown, clientIp: string): CommentDraft {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    // A JSON array or scalar carries no parameters: WordPress then finds no post.
    body = {};
  }
  const input = body as Record<string, unknown>;
  const problems: Problems = {};

  const post = integerParam(input, problems, 'post');
  const parent = integerParam(input, problems, 'parent');
  const authorName = stringParam(input, problems, 'author_name').trim();
  const authorEmail = stringParam(input, problems, 'author_email').trim();
  const rawUrl = stringParam(input, problems, 'author_url');
  if (authorEmail !== '' && !problems.author_email && !isEmail(authorEmail)) {
    problems.author_email = { code: 'rest_invalid_email', message: 'Invalid email address.' };
  }
  const authorUrl = normalizeUrl(rawUrl);
  if (authorUrl === undefined && !problems.author_url) {
    problems.author_url = { code: 'rest_invalid_uri', message: 'Invalid URL.' };
  }
  // WordPress takes `content` as a string or as `{ raw }`; anything else counts as no content.
  const content =
    typeof input.content === 'string'
      ? input.content
      : typeof (input.content as { raw?: unknown } | null)?.raw === 'string'
        ? (input.content as { raw: string }).raw
        : '';

  if (Object.keys(problems).length > 0) throw invalidParams(problems);

  for (const [field, code] of PRIVILEGED) {
    if (input[field] === undefined) continue;
    if (field === 'author_ip' && input[field] === clientIp) continue;
    throw new WpError(code, `Sorry, you are not allowed to edit '${field}' for comments.`, 401);
  }

  return { post, parent, authorName, authorEmail, authorUrl: authorUrl ?? '', content };
}

/** Content, required name and e-mail, column lengths: WordPress's order once the post is known to be open. */
export function checkCommentFields(draft: CommentDraft): void {
  if (draft.content.trim() === '') {
    throw new WpError('rest_comment_content_invalid', 'Invalid comment content.', 400);
  }
  if (draft.authorName === '' || draft.authorEmail === '') {
    throw new WpError(
      'rest_comment_author_data_required',
      'Creating a comment requires valid author name and email values.',
      400,
    );
  }
  for (const field of Object.keys(MAX_LENGTHS) as Array<keyof typeof MAX_LENGTHS>) {
    // A lone surrogate counts 3, as the U+FFFD it is stored as.
    if (Buffer.byteLength(draft[field], 'utf8') > MAX_LENGTHS[field]) {
      throw new WpError(LENGTH_CODES[field], 'Comment field exceeds maximum length allowed.', 400);
    }
  }
}
