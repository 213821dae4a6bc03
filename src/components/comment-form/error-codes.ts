/**
 * What each WordPress REST error code means for the reader: a problem on one field (shown by that field) or a
 * problem for the whole form. Codes from `WP_REST_Comments_Controller::create_item` and `wp_allow_comment`.
 */
import { type Field, FIELD_ORDER, type Problem } from './validation.js';

export type FormProblem =
  | 'duplicate'
  | 'flood'
  | 'closed'
  | 'login-required'
  | 'rate-limited'
  | 'nonce'
  | 'unavailable'
  | 'rejected';

export interface WpError {
  code: string;
  message?: string;
  data?: { status?: number; params?: Record<string, string> };
}

export interface MappedError {
  fields: Partial<Record<Field, Problem>>;
  form?: FormProblem;
}

const COLUMN_LENGTH: Readonly<Record<string, Field>> = {
  comment_author_column_length: 'author_name',
  comment_author_email_column_length: 'author_email',
  comment_author_url_column_length: 'author_url',
  comment_content_column_length: 'content',
  // 413: the reference server's code, and what `postComment` calls any 413 (WordPress has none of its own).
  rest_request_too_large: 'content',
};

const FORM: Readonly<Record<string, FormProblem>> = {
  comment_duplicate: 'duplicate',
  comment_flood: 'flood',
  rest_comment_closed: 'closed',
  rest_comment_login_required: 'login-required',
  rest_rate_limited: 'rate-limited',
  rest_cookie_invalid_nonce: 'nonce',
  rest_comment_invalid_post_id: 'unavailable',
  rest_comment_draft_post: 'unavailable',
  rest_comment_trash_post: 'unavailable',
  rest_cannot_read_post: 'unavailable',
  rest_post_invalid_id: 'unavailable',
};

/**
 * Maps a WordPress error to fields or the form. `sent` is what was sent: for
 * `rest_comment_author_data_required` the empty identity fields are the ones to blame.
 */
export function mapWpError(error: WpError, sent: Partial<Record<Field, string>>): MappedError {
  const { code } = error;
  const column = COLUMN_LENGTH[code];
  if (column) return { fields: { [column]: 'too-long' } };
  if (code === 'rest_comment_content_invalid') return { fields: { content: 'required' } };
  if (code === 'rest_comment_author_data_required') {
    const fields: MappedError['fields'] = {};
    if (!sent.author_name) fields.author_name = 'required';
    if (!sent.author_email) fields.author_email = 'required';
    else if (sent.author_name) fields.author_email = 'format';
    return { fields };
  }
  if (code === 'rest_invalid_param' || code === 'rest_missing_callback_param') {
    const params = Object.keys(error.data?.params ?? {});
    const fields: MappedError['fields'] = {};
    for (const field of FIELD_ORDER) {
      if (params.includes(field)) fields[field] = field === 'content' ? 'required' : 'format';
    }
    return Object.keys(fields).length ? { fields } : { fields, form: 'rejected' };
  }
  return { fields: {}, form: FORM[code] ?? 'rejected' };
}
