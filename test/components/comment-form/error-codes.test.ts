import { expect } from '@open-wc/testing';
import { mapWpError, type MappedError } from '../../../src/components/comment-form/error-codes.js';

const full = { author_name: 'Sara', author_email: 'sara@example.com', content: 'Hi' };

describe('WordPress error codes', () => {
  const cases: Array<[string, Record<string, unknown>, Partial<typeof full>, MappedError]> = [
    ['rest_comment_author_data_required', {}, { content: 'Hi' }, { fields: { author_name: 'required', author_email: 'required' } }],
    ['rest_comment_author_data_required', {}, { author_name: 'Sara', content: 'Hi' }, { fields: { author_email: 'required' } }],
    ['rest_comment_author_data_required', {}, full, { fields: { author_email: 'format' } }],
    ['rest_invalid_param', { params: { author_email: 'Invalid email address.' } }, full, { fields: { author_email: 'format' } }],
    ['rest_invalid_param', { params: { author_url: 'Invalid URL.', content: 'x' } }, full, {
      fields: { author_url: 'format', content: 'required' },
    }],
    ['rest_invalid_param', { params: { author_name: 'Invalid.' } }, full, { fields: { author_name: 'format' } }],
    ['rest_invalid_param', { params: { post: 'Invalid.' } }, full, { fields: {}, form: 'rejected' }],
    ['rest_comment_content_invalid', {}, full, { fields: { content: 'required' } }],
    ['comment_author_column_length', {}, full, { fields: { author_name: 'too-long' } }],
    ['comment_author_email_column_length', {}, full, { fields: { author_email: 'too-long' } }],
    ['comment_author_url_column_length', {}, full, { fields: { author_url: 'too-long' } }],
    ['comment_content_column_length', {}, full, { fields: { content: 'too-long' } }],
    ['comment_duplicate', { status: 409 }, full, { fields: {}, form: 'duplicate' }],
    ['comment_flood', { status: 400 }, full, { fields: {}, form: 'flood' }],
    ['rest_comment_closed', { status: 403 }, full, { fields: {}, form: 'closed' }],
    ['rest_comment_login_required', { status: 401 }, full, { fields: {}, form: 'login-required' }],
    ['rest_rate_limited', { status: 429 }, full, { fields: {}, form: 'rate-limited' }],
    ['rest_cookie_invalid_nonce', { status: 403 }, full, { fields: {}, form: 'nonce' }],
    ['rest_comment_invalid_post_id', { status: 403 }, full, { fields: {}, form: 'unavailable' }],
    ['something_new', { status: 400 }, full, { fields: {}, form: 'rejected' }],
  ];
  for (const [code, data, sent, expected] of cases) {
    it(`${code} ${JSON.stringify(data)} → ${JSON.stringify(expected)}`, () => {
      expect(mapWpError({ code, message: 'm', data }, sent)).to.deep.equal(expected);
    });
  }
});
