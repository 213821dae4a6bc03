/**
 * Moderation as WordPress's REST API does it (issue 12), against the real server and its database (SQLite or PostgreSQL): every route's
 * permissions for anonymous readers, moderators and administrators; each status change seen (or not) by readers
 * afterwards, in the REST list and on the article page; the trash keeping the status before; the audit rows.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { addAccount, auditRows, type TestAccount } from './accounts.js';
import { fetchJson, serverUnderTest, type WpErrorBody } from './support.js';

let server: ReturnType<typeof serverUnderTest>;
let mod: TestAccount;
let admin: TestAccount;
let n = 0;

const api = (path: string) => `${server.base}/wp-json/wp/v2${path}`;
const as = (account: TestAccount | undefined, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { 'content-type': 'application/json', ...(account ? { authorization: account.header } : {}), ...(init.headers ?? {}) },
});

interface CommentJson {
  id: number;
  status: string;
  author_email?: string;
  author_ip?: string;
  author_user_agent?: string;
  content: { rendered: string; raw?: string };
}

/** A reader's new comment on post 1, held (MODERATION=hold). */
async function heldComment(text = `held comment ${++n}`, parent = 0): Promise<number> {
  const response = await fetchJson<CommentJson>(api('/comments'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'ReaderAgent/1.0' },
    body: JSON.stringify({ post: 1, parent, author_name: `Reader ${n}`, author_email: `reader${n}@example.com`, content: text }),
  });
  assert.equal(response.status, 201);
  assert.equal(response.body.status, 'hold');
  return response.body.id;
}

const setStatus = (account: TestAccount | undefined, id: number, status: string) =>
  fetchJson<CommentJson & WpErrorBody>(api(`/comments/${id}`), as(account, { method: 'POST', body: JSON.stringify({ status }) }));

/** What every reader sees: the post's public comments, and its article page. */
async function publicIds(): Promise<number[]> {
  return (await fetchJson<CommentJson[]>(api('/comments?post=1&per_page=100'))).body.map((comment) => comment.id);
}
async function onArticlePage(id: number): Promise<boolean> {
  const html = await (await fetch(`${server.base}/articles/us-hamas-direct-talks`)).text();
  return html.includes(`id="comment-${id}"`);
}

describe('moderation', () => {
  server = serverUnderTest({ MODERATION: 'hold', FLOOD_SECONDS: '0', RATE_LIMIT: '0' });
  before(async () => {
    mod = await addAccount(server, 'mod', 'moderator');
    admin = await addAccount(server, 'admin', 'administrator');
  });

  describe('permissions', () => {
    it('lists the held queue to moderators only, with WordPress’s codes', async () => {
      const id = await heldComment();
      const anonymous = await fetchJson<WpErrorBody>(api('/comments?status=hold'));
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.code, 'rest_forbidden_param');
      const editContext = await fetchJson<WpErrorBody>(api('/comments?context=edit'));
      assert.equal(editContext.status, 401);
      assert.equal(editContext.body.code, 'rest_forbidden_context');

      for (const account of [mod, admin]) {
        const queue = await fetchJson<CommentJson[]>(api('/comments?status=hold&context=edit&per_page=100'), as(account));
        assert.equal(queue.status, 200);
        const held = queue.body.find((comment) => comment.id === id);
        assert.ok(held, account.login);
        assert.equal(held.status, 'hold');
        assert.equal(held.author_email, `reader${n}@example.com`);
        assert.equal(held.author_ip, '127.0.0.1');
        assert.equal(held.author_user_agent, 'ReaderAgent/1.0');
        assert.equal(held.content.raw, `held comment ${n}`);
        assert.equal(Number(queue.headers.get('x-wp-total')), queue.body.length);
      }
    });

    it('shows a moderator no e-mail or address in the view context', async () => {
      const queue = await fetchJson<CommentJson[]>(api('/comments?status=hold'), as(mod));
      assert.equal(queue.status, 200);
      assert.ok(queue.body.length > 0);
      assert.equal(queue.body[0].author_email, undefined);
      assert.equal(queue.body[0].author_ip, undefined);
    });

    it('refuses changes to anonymous requests (401) and a moderator what only an administrator may (403)', async () => {
      const id = await heldComment();
      const cases: Array<[string, RequestInit, TestAccount | undefined, number, string]> = [
        ['approve', { method: 'POST', body: '{"status":"approved"}' }, undefined, 401, 'rest_cannot_edit'],
        ['trash', { method: 'DELETE' }, undefined, 401, 'rest_cannot_delete'],
        ['delete', { method: 'DELETE' }, undefined, 401, 'rest_cannot_delete'],
        ['edit', { method: 'POST', body: '{"content":"changed"}' }, mod, 403, 'rest_cannot_edit'],
        ['delete', { method: 'DELETE' }, mod, 403, 'rest_cannot_delete'],
      ];
      for (const [what, init, account, status, code] of cases) {
        const url = api(`/comments/${id}${what === 'delete' ? '?force=true' : ''}`);
        const response = await fetchJson<WpErrorBody>(url, as(account, init));
        assert.equal(response.status, status, `${what} by ${account?.login ?? 'anonymous'}`);
        assert.equal(response.body.code, code, `${what} by ${account?.login ?? 'anonymous'}`);
      }
      const stored = await fetchJson<CommentJson>(api(`/comments/${id}?context=edit`), as(admin));
      assert.equal(stored.body.status, 'hold', 'nothing refused changed the comment');
      assert.equal(stored.body.content.raw, `held comment ${n}`);
    });

    it('answers 404 for an unknown comment before asking who is there, as WordPress does', async () => {
      const response = await setStatus(undefined, 999_999, 'approved');
      assert.equal(response.status, 404);
      assert.equal(response.body.code, 'rest_comment_invalid_id');
    });

    it('refuses a status WordPress does not know with 400, changing nothing', async () => {
      const id = await heldComment();
      const response = await setStatus(mod, id, 'published');
      assert.equal(response.status, 400);
      assert.equal(response.body.code, 'rest_invalid_param');
    });
  });

  describe('each status change, as readers see it afterwards', () => {
    it('approve shows the comment to every reader, hold and spam take it away again', async () => {
      const id = await heldComment();
      assert.equal((await publicIds()).includes(id), false);
      assert.equal(await onArticlePage(id), false);

      const approved = await setStatus(mod, id, 'approved');
      assert.equal(approved.status, 200);
      assert.equal(approved.body.status, 'approved');
      assert.equal(approved.body.author_email, `reader${n}@example.com`, 'the answer is in the edit context');
      assert.equal((await publicIds()).includes(id), true);
      assert.equal(await onArticlePage(id), true);
      assert.equal((await fetchJson<CommentJson>(api(`/comments/${id}`))).status, 200);

      assert.equal((await setStatus(mod, id, 'hold')).body.status, 'hold');
      assert.equal((await publicIds()).includes(id), false);
      assert.equal(await onArticlePage(id), false);

      assert.equal((await setStatus(mod, id, 'approve')).body.status, 'approved');
      assert.equal((await setStatus(mod, id, 'spam')).body.status, 'spam');
      assert.equal((await publicIds()).includes(id), false);
      assert.equal(await onArticlePage(id), false);
      assert.equal((await fetchJson<WpErrorBody>(api(`/comments/${id}`))).status, 401);
    });

    it('the trash keeps the status before, and untrash gives it back', async () => {
      const id = await heldComment();
      await setStatus(mod, id, 'approved');
      const trashed = await fetchJson<CommentJson>(api(`/comments/${id}`), as(mod, { method: 'DELETE' }));
      assert.equal(trashed.status, 200);
      assert.equal(trashed.body.status, 'trash');
      assert.equal((await publicIds()).includes(id), false);
      assert.equal(await onArticlePage(id), false);

      const again = await fetchJson<WpErrorBody>(api(`/comments/${id}`), as(mod, { method: 'DELETE' }));
      assert.equal(again.status, 410);
      assert.equal(again.body.code, 'rest_already_trashed');

      const queues = async (status: string) =>
        (await fetchJson<CommentJson[]>(api(`/comments?status=${status}&per_page=100`), as(mod))).body.map((comment) => comment.id);
      assert.equal((await queues('trash')).includes(id), true);
      assert.equal((await queues('hold')).includes(id), false, 'a trashed comment is in no other queue');
      assert.equal((await queues('approve')).includes(id), false);

      const restored = await setStatus(mod, id, 'untrash');
      assert.equal(restored.body.status, 'approved');
      assert.equal((await publicIds()).includes(id), true);
      assert.equal((await queues('trash')).includes(id), false);

      // Moving it out with a status, as <nw-comment-moderation>'s restore does, works as well.
      await fetchJson(api(`/comments/${id}`), as(mod, { method: 'DELETE' }));
      assert.equal((await setStatus(mod, id, 'hold')).body.status, 'hold');
      assert.equal((await queues('hold')).includes(id), true);
    });

    it('an administrator deletes for good; the replies move up to the deleted comment’s parent', async () => {
      const parent = await heldComment();
      await setStatus(mod, parent, 'approved');
      const reply = await heldComment('a reply', parent);
      await setStatus(mod, reply, 'approved');
      const deleted = await fetchJson<{ deleted: boolean; previous: CommentJson }>(api(`/comments/${parent}?force=true`), as(admin, { method: 'DELETE' }));
      assert.equal(deleted.status, 200);
      assert.equal(deleted.body.deleted, true);
      assert.equal(deleted.body.previous.id, parent);
      assert.equal(deleted.body.previous.status, 'approved');
      assert.equal((await fetchJson(api(`/comments/${parent}`), as(admin))).status, 404);
      const moved = await fetchJson<{ parent: number }>(api(`/comments/${reply}`));
      assert.equal(moved.status, 200);
      assert.equal(moved.body.parent, 0);
    });

    it('an administrator edits the text; readers see the new text', async () => {
      const id = await heldComment();
      await setStatus(mod, id, 'approved');
      const edited = await fetchJson<CommentJson>(api(`/comments/${id}`), as(admin, { method: 'POST', body: JSON.stringify({ content: 'نص <b>معدّل</b>' }) }));
      assert.equal(edited.status, 200);
      assert.equal(edited.body.content.raw, 'نص <b>معدّل</b>');
      const read = await fetchJson<CommentJson>(api(`/comments/${id}`));
      assert.equal(read.body.content.rendered, '<p>نص <b>معدّل</b></p>\n');
      const empty = await fetchJson<WpErrorBody>(api(`/comments/${id}`), as(admin, { method: 'POST', body: '{"content":"  "}' }));
      assert.equal(empty.status, 400);
      assert.equal(empty.body.code, 'rest_comment_content_invalid');
    });

    it('counts each queue in X-WP-Total, as the moderation element’s tabs read them', async () => {
      const total = async (status: string) =>
        Number((await fetch(api(`/comments?status=${status}&per_page=1&_fields=id`), as(mod))).headers.get('x-wp-total'));
      const before = { hold: await total('hold'), spam: await total('spam') };
      const id = await heldComment();
      assert.equal(await total('hold'), before.hold + 1);
      await setStatus(mod, id, 'spam');
      assert.equal(await total('hold'), before.hold);
      assert.equal(await total('spam'), before.spam + 1);
      assert.equal(await total('nonsense'), 0, 'an unknown status lists nothing, as WP_Comment_Query');
    });
  });

  describe('the moderation log', () => {
    it('records who did what to which comment, when and from where', async () => {
      const id = await heldComment();
      const start = (await auditRows(server)).length;
      await setStatus(mod, id, 'approved');
      await fetchJson(api(`/comments/${id}`), as(mod, { method: 'DELETE' }));
      await setStatus(undefined, id, 'hold');
      await fetchJson(api(`/comments/${id}?force=true`), as(admin, { method: 'DELETE' }));
      const rows = (await auditRows(server)).slice(start);
      assert.deepEqual(
        rows.map(({ login, action, comment, from_status, to_status, ip }) => ({ login, action, comment, from_status, to_status, ip })),
        [
          { login: 'mod', action: 'status', comment: id, from_status: 'hold', to_status: 'approved', ip: '127.0.0.1' },
          { login: 'mod', action: 'status', comment: id, from_status: 'approved', to_status: 'trash', ip: '127.0.0.1' },
          { login: 'admin', action: 'delete', comment: id, from_status: 'trash', to_status: null, ip: '127.0.0.1' },
        ],
        'the refused anonymous change left no row',
      );
      for (const row of rows) assert.ok(Math.abs(Date.parse(`${row.date_gmt as string}Z`) - Date.now()) < 60_000);
    });
  });

  describe('CORS for a moderation page on another origin', () => {
    it('lets any origin send Authorization on reads, and writes only from ALLOWED_ORIGINS', async () => {
      const preflight = (method: string) =>
        fetch(api('/comments/1'), {
          method: 'OPTIONS',
          headers: { origin: 'https://partner.example', 'access-control-request-method': method, 'access-control-request-headers': 'authorization' },
        });
      const read = await preflight('GET');
      assert.equal(read.headers.get('access-control-allow-origin'), '*');
      assert.match(read.headers.get('access-control-allow-headers') ?? '', /authorization/i);
      const write = await preflight('DELETE');
      assert.equal(write.headers.get('access-control-allow-origin'), null, 'partner.example is not in ALLOWED_ORIGINS');
    });
  });
});
