/**
 * The WordPress REST calls a moderator makes, signed with an Application Password (HTTP Basic): the sign-in
 * check (`users/me?context=edit`), a tab's comments and count (`comments?status=…&context=edit`, `X-WP-Total`),
 * a status change (`POST comments/:id {status}`), delete forever (`DELETE comments/:id?force=true`) and the
 * titles of the posts commented on (`posts?include=…`). Every failure becomes a `ModerationError` of one kind.
 */
import { TimeoutError, withTimeout } from '../../internal/timeout.js';
import { TIMEOUT_MS } from '../comment-form/comments-api.js';

/** The statuses a `?status=` query names, one per tab, in WordPress's admin order. */
export const TABS = ['hold', 'approve', 'spam', 'trash'] as const;
export type Tab = (typeof TABS)[number];

/** The statuses a comment has and is given (`approved`, as WordPress answers, not the query's `approve`). */
export type Status = 'approved' | 'hold' | 'spam' | 'trash';

export const tabOf = (status: Status): Tab => (status === 'approved' ? 'approve' : status);
export const statusOf = (tab: Tab): Status => (tab === 'approve' ? 'approved' : tab);

export interface Credentials {
  user: string;
  password: string;
}

/** A comment as WordPress answers it with `context=edit` (the fields shown). */
export interface ModComment {
  id: number;
  post: number;
  author_name: string;
  author_email: string;
  author_ip: string;
  author_url: string;
  date_gmt: string;
  status: Status;
  link: string;
  content: { rendered: string };
}

export type FailureKind = 'auth' | 'forbidden' | 'network' | 'timeout' | 'server' | 'refused';

/** A request that did not succeed: 401, 403, no answer, time-out, 5xx or garbage, or another 4xx (`refused`). */
export class ModerationError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status = 0,
    readonly code = '',
  ) {
    super(`${kind} ${status} ${code}`.trim());
  }
}

/** `Basic base64(user:password)` of the UTF-8 bytes, as WordPress's `$_SERVER['PHP_AUTH_USER']` reads them. */
export function basicAuth({ user, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * Another route of the same REST API as the comments endpoint: `…/wp-json/wp/v2/comments` → `…/wp-json/wp/v2/users/me`,
 * also in the `?rest_route=/wp/v2/comments` form of a site without pretty permalinks. `undefined` for anything else.
 */
export function siblingRoute(endpoint: string, route: string, base: string = document.baseURI): URL | undefined {
  let url: URL;
  try {
    url = new URL(endpoint, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const restRoute = url.searchParams.get('rest_route');
  if (restRoute !== null) {
    if (!/\/wp\/v2\/comments\/?$/.test(restRoute)) return undefined;
    url.searchParams.set('rest_route', restRoute.replace(/comments\/?$/, route));
    return url;
  }
  if (!/\/wp\/v2\/comments\/?$/.test(url.pathname)) return undefined;
  url.pathname = url.pathname.replace(/comments\/?$/, route);
  return url;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const STATUSES: readonly string[] = ['approved', 'hold', 'spam', 'trash'];

/** `value` as a comment to show, or `undefined` (one bad item costs that item only). */
export function toModComment(value: unknown): ModComment | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Record<string, unknown>;
  const content = c.content as { rendered?: unknown } | undefined;
  if (!Number.isSafeInteger(c.id) || (c.id as number) < 1 || !STATUSES.includes(c.status as string)) return undefined;
  if (!isText(content?.rendered)) return undefined;
  const text = (key: string): string => (isText(c[key]) ? c[key] : '');
  return {
    id: c.id as number,
    post: Number.isSafeInteger(c.post) ? (c.post as number) : 0,
    author_name: text('author_name'),
    author_email: text('author_email'),
    author_ip: text('author_ip'),
    author_url: text('author_url'),
    date_gmt: text('date_gmt'),
    status: c.status as Status,
    link: text('link'),
    content: { rendered: content.rendered },
  };
}

/** One signed request; resolves with the response of a 2xx answer, else rejects with a `ModerationError`. */
async function request(url: URL, credentials: Credentials, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: basicAuth(credentials) };
  if (init.body) headers['Content-Type'] = 'application/json';
  try {
    return await withTimeout(TIMEOUT_MS, async (signal) => {
      // No cookies: the password is the only credential, as with any Application Password client.
      const response = await fetch(url, { ...init, headers, credentials: 'omit', signal });
      if (response.ok) return response;
      const body = (await response.json().catch(() => ({}))) as { code?: unknown };
      const code = isText(body.code) ? body.code : '';
      const kind = response.status === 401 ? 'auth' : response.status === 403 ? 'forbidden' : response.status >= 500 ? 'server' : 'refused';
      throw new ModerationError(kind, response.status, code);
    });
  } catch (error) {
    if (error instanceof ModerationError) throw error;
    throw new ModerationError(error instanceof TimeoutError ? 'timeout' : 'network');
  }
}

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw new ModerationError('server', response.status, 'invalid_json');
  }
}

export interface Me {
  name: string;
  /** `false` when WordPress says the user may not moderate comments; `true` when it says so or says nothing. */
  mayModerate: boolean;
}

/** The sign-in check: who the credentials belong to. */
export async function whoAmI(endpoint: string, credentials: Credentials): Promise<Me> {
  const url = siblingRoute(endpoint, 'users/me')!;
  url.searchParams.set('context', 'edit');
  const me = (await jsonOf(await request(url, credentials))) as { name?: unknown; capabilities?: Record<string, unknown> } | null;
  const capabilities = me?.capabilities;
  const mayModerate = typeof capabilities !== 'object' || capabilities === null || capabilities.moderate_comments !== false;
  return { name: isText(me?.name) ? me.name : credentials.user, mayModerate };
}

function commentsUrl(endpoint: string, params: Record<string, string | number>): URL {
  const url = new URL(endpoint, document.baseURI);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  return url;
}

/** `X-WP-Total` as a count, `0` for garbage. */
const totalOf = (response: Response): number => {
  const n = Number(response.headers.get('X-WP-Total'));
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
};

export interface Queue {
  comments: ModComment[];
  total: number;
}

/** The newest `perPage` comments of a tab (page `page`) and the tab's count. */
export async function fetchQueue(endpoint: string, credentials: Credentials, tab: Tab, perPage: number, page = 1): Promise<Queue> {
  const url = commentsUrl(endpoint, { status: tab, context: 'edit', per_page: perPage, page });
  const response = await request(url, credentials);
  const items = await jsonOf(response);
  if (!Array.isArray(items)) throw new ModerationError('server', response.status, 'not_a_list');
  const comments = items.map(toModComment).filter((c): c is ModComment => c !== undefined);
  return { comments, total: Math.max(totalOf(response), comments.length) };
}

/** Every tab's count, from one tiny request each, in parallel. */
export async function fetchCounts(endpoint: string, credentials: Credentials): Promise<Record<Tab, number>> {
  const counts = await Promise.all(
    TABS.map(async (tab) => totalOf(await request(commentsUrl(endpoint, { status: tab, context: 'edit', per_page: 1, _fields: 'id' }), credentials))),
  );
  return Object.fromEntries(TABS.map((tab, i) => [tab, counts[i]])) as Record<Tab, number>;
}

/**
 * Gives comment `id` the status `to` (WordPress trashes for `trash`, restores from the trash for the others, and
 * gives back the status before for `untrash` and `unspam`); resolves with the status the answer says it has.
 */
export async function setStatus(endpoint: string, credentials: Credentials, id: number, to: Status | 'untrash' | 'unspam'): Promise<Status> {
  const response = await request(siblingRoute(endpoint, `comments/${id}`)!, credentials, { method: 'POST', body: JSON.stringify({ status: to }) });
  const status = ((await response.json().catch(() => null)) as { status?: unknown } | null)?.status;
  if (STATUSES.includes(status as string)) return status as Status;
  return to === 'untrash' || to === 'unspam' ? 'hold' : to;
}

/** Deletes comment `id` for good (`force=true`: no trash, no undo). */
export async function deleteForever(endpoint: string, credentials: Credentials, id: number): Promise<void> {
  const url = siblingRoute(endpoint, `comments/${id}`)!;
  url.searchParams.set('force', 'true');
  await request(url, credentials, { method: 'DELETE' });
}

/** `title.rendered` (`Caf&#233; &amp; more`, maybe with markup) as plain text; a parsed, never-run document. */
const plainText = (rendered: string): string => new DOMParser().parseFromString(rendered, 'text/html').body.textContent ?? '';

/** The title and link of each post commented on, by id; what the site does not answer is left out. */
export async function fetchPostTitles(endpoint: string, credentials: Credentials, ids: number[]): Promise<Map<number, { title: string; link: string }>> {
  const titles = new Map<number, { title: string; link: string }>();
  const wanted = [...new Set(ids.filter((id) => id > 0))];
  const url = siblingRoute(endpoint, 'posts');
  if (!wanted.length || !url) return titles;
  const params = { include: wanted.join(','), per_page: Math.min(100, wanted.length), _fields: 'id,title,link' };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  const posts = await jsonOf(await request(url, credentials));
  for (const post of Array.isArray(posts) ? (posts as Record<string, unknown>[]) : []) {
    const title = (post?.title as { rendered?: unknown } | undefined)?.rendered;
    if (Number.isSafeInteger(post?.id) && isText(title)) titles.set(post.id as number, { title: plainText(title), link: isText(post.link) ? post.link : '' });
  }
  return titles;
}
