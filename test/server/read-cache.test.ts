/**
 * Reads answered from memory (REST answers, article pages) must never be stale: a second read is the same
 * answer, headers and all, and any write — a comment through the API, an edit by another process — is seen by
 * the next read. Links stay those of the site each request came to.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { serverUnderTest } from './support.js';

const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0' });

const KEPT = ['content-type', 'x-wp-total', 'x-wp-totalpages', 'link', 'allow'];

/** A GET, with its own `Host` when given (fetch always sends the URL's). */
function read(path: string, host?: string): Promise<{ status: number; headers: Record<string, string | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.base);
    const sent = request(url, { headers: host ? { host } : {} }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        const headers = Object.fromEntries(KEPT.map((name) => [name, response.headers[name] as string | undefined]));
        resolve({ status: response.statusCode ?? 0, headers, body });
      });
    });
    sent.on('error', reject).end();
  });
}

/** An edit by another process: a second connection to the server's database. */
async function retitle(id: number, title: string): Promise<void> {
  await server.db.run('UPDATE posts SET title = ? WHERE id = ?', title, id);
}

describe('reads kept in memory', () => {
  it('a REST read read again is the same answer, with the same headers', async () => {
    const first = await read('/wp-json/wp/v2/posts?per_page=1&_embed');
    const second = await read('/wp-json/wp/v2/posts?per_page=1&_embed');
    assert.equal(first.status, 200);
    assert.deepEqual(second, first);
    assert.ok(first.headers['x-wp-total'] && first.headers.link?.includes('rel="next"') && first.headers.allow);
  });

  it('an edit by another process shows in the next REST read and the next article page', async () => {
    const before = JSON.parse((await read('/wp-json/wp/v2/posts/3')).body) as { title: { rendered: string }; slug: string };
    assert.equal((await read(`/articles/${before.slug}`)).status, 200);
    assert.notEqual(before.title.rendered, 'Retitled by another tool');
    await retitle(3, 'Retitled by another tool');
    const after = JSON.parse((await read('/wp-json/wp/v2/posts/3')).body) as { title: { rendered: string } };
    assert.equal(after.title.rendered, 'Retitled by another tool');
    assert.ok((await read(`/articles/${before.slug}`)).body.includes('Retitled by another tool'));
  });

  it('a comment posted through the API shows in the next list, total and page', async () => {
    const list = async () => read('/wp-json/wp/v2/comments?post=2');
    const before = await list();
    const created = await fetch(`${server.base}/wp-json/wp/v2/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ post: 2, author_name: 'Kept', author_email: 'kept@example.com', content: 'Seen at once, not a cached list.' }),
    });
    assert.equal(created.status, 201);
    const after = await list();
    assert.equal(Number(after.headers['x-wp-total']), Number(before.headers['x-wp-total']) + 1);
    assert.ok(after.body.includes('Seen at once, not a cached list.'));
    const slug = (JSON.parse((await read('/wp-json/wp/v2/posts/2')).body) as { slug: string }).slug;
    assert.ok((await read(`/articles/${slug}`)).body.includes('Seen at once, not a cached list.'));
  });

  it('each site gets its own links', async () => {
    const a = await read('/wp-json/wp/v2/posts/2', 'one.example');
    const b = await read('/wp-json/wp/v2/posts/2', 'two.example');
    assert.ok(a.body.includes('http://one.example/') && !a.body.includes('two.example'));
    assert.ok(b.body.includes('http://two.example/') && !b.body.includes('one.example'));
    const pageA = await read('/', 'one.example');
    const pageB = await read('/', 'two.example');
    assert.ok(pageA.body.includes('http://one.example/') && !pageA.body.includes('two.example'));
    assert.ok(pageB.body.includes('http://two.example/') && !pageB.body.includes('one.example'));
  });
});
