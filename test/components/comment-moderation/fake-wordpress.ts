/**
 * A small WordPress behind a stubbed `fetch`, enough for the moderation element: Application Password sign-in on
 * `users/me`, `comments?status=&context=edit` with `X-WP-Total`, `POST comments/:id {status}` (with `untrash`),
 * `DELETE comments/:id?force=true`, `posts?include=`. `fail` makes the next matching request fail as told.
 */
import type { FetchStub } from '../comment-form/helpers.js';
import { json } from '../comment-form/helpers.js';

export const USER = 'مها';
export const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';

export interface FakeComment {
  id: number;
  post: number;
  status: string;
  author_name: string;
  author_email: string;
  author_ip: string;
}

const QUERY_STATUS: Record<string, string> = { hold: 'hold', approve: 'approved', spam: 'spam', trash: 'trash' };

export function fakeWordPress(stub: FetchStub, comments: FakeComment[], capabilities = { moderate_comments: true }) {
  const state = {
    comments,
    /** Answers the next request whose method and path match with this instead (`'network'` rejects). */
    fail: undefined as undefined | { method: string; path: RegExp; answer: number | 'network' },
    /** The status each trashed comment had (WordPress's `_wp_trash_meta_status`). */
    trashedFrom: new Map<number, string>(),
  };
  const expected = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${USER}:${PASSWORD}`)))}`;
  stub.callsFake(async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const auth = (init?.headers as Record<string, string> | undefined)?.Authorization;
    const { fail } = state;
    if (fail && fail.method === method && fail.path.test(url.pathname)) {
      state.fail = undefined;
      if (fail.answer === 'network') throw new TypeError('Failed to fetch');
      return json({ code: 'test_error', message: 'Asked to fail.', data: { status: fail.answer } }, fail.answer);
    }
    if (auth !== expected) return json({ code: 'incorrect_password', message: 'Bad sign-in.', data: { status: 401 } }, 401);
    const path = url.pathname;
    if (path.endsWith('/users/me')) return json({ id: 1, name: USER, capabilities });
    if (path.endsWith('/posts')) {
      const ids = (url.searchParams.get('include') ?? '').split(',').map(Number);
      return json(ids.map((id) => ({ id, title: { rendered: `Post &amp; title ${id}` }, link: `https://news.example/p/${id}/` })));
    }
    const one = /\/comments\/(\d+)$/.exec(path);
    if (one) {
      const comment = state.comments.find((c) => c.id === Number(one[1]));
      if (!comment) return json({ code: 'rest_comment_invalid_id', message: 'Invalid comment ID.', data: { status: 404 } }, 404);
      if (method === 'DELETE') {
        state.comments = state.comments.filter((c) => c !== comment);
        return json({ deleted: true, previous: comment });
      }
      // As WordPress's handle_status_param: untrash gives back the status kept when trashed, unspam holds.
      const asked = (JSON.parse(String(init?.body)) as { status: string }).status;
      if (asked === 'trash') state.trashedFrom.set(comment.id, comment.status);
      comment.status = asked === 'untrash' ? (state.trashedFrom.get(comment.id) ?? 'hold') : asked === 'unspam' ? 'hold' : asked;
      return json(comment);
    }
    const wanted = QUERY_STATUS[url.searchParams.get('status') ?? 'approve'];
    const matching = state.comments.filter((c) => c.status === wanted);
    const perPage = Number(url.searchParams.get('per_page') ?? 10);
    const items = matching.slice(0, perPage).map((c) => ({
      ...c,
      author_url: '',
      date_gmt: new Date(Date.now() - 3_600_000).toISOString().slice(0, 19),
      link: `https://news.example/p/${c.post}/#comment-${c.id}`,
      content: { rendered: `<p>Comment ${c.id} <script>window.pwned=1</script></p>` },
    }));
    return json(items, 200, { 'X-WP-Total': String(matching.length), 'X-WP-TotalPages': '1' });
  });
  return state;
}

export const sample = (): FakeComment[] => [
  { id: 1, post: 42, status: 'hold', author_name: 'سارة', author_email: 'sara@example.com', author_ip: '203.0.113.5' },
  { id: 2, post: 42, status: 'hold', author_name: 'John', author_email: 'john@example.com', author_ip: '198.51.100.7' },
  { id: 3, post: 43, status: 'hold', author_name: 'علي', author_email: 'ali@example.com', author_ip: '2001:db8::1' },
  { id: 4, post: 43, status: 'approved', author_name: 'Lena', author_email: 'lena@example.com', author_ip: '192.0.2.9' },
  { id: 5, post: 42, status: 'spam', author_name: 'Buy now', author_email: 'spam@example.com', author_ip: '192.0.2.66' },
];
