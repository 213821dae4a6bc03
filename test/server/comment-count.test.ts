/**
 * What `<nw-comment-count>` stands on, against the real server: the archive pages carry one count per post (and a
 * plain link without JavaScript), and the count request it sends answers with the approved count in `X-WP-Total`,
 * readable from another origin.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fetchJson, serverUnderTest } from './support.js';

const countQuery = (post: number) => `/wp-json/wp/v2/comments?post=${post}&per_page=1&_fields=id`;

describe('comment counts on listing pages', () => {
  const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0' });

  async function postId(slug: string): Promise<number> {
    const { body } = await fetchJson<Array<{ id: number }>>(`${server.base}/wp-json/wp/v2/posts?slug=${slug}&_fields=id`);
    return body[0].id;
  }

  test('each post of an archive has its <nw-comment-count>, with a link to its comments before the script runs', async () => {
    const html = await (await fetch(`${server.base}/category/politics/`)).text();
    assert.match(html, /<script type="module" src="\/dist\/comment-count\.js" blocking="render"><\/script>/);
    const id = await postId('us-hamas-direct-talks');
    const element = new RegExp(
      `<nw-comment-count endpoint="/wp-json/wp/v2/comments" post-id="${id}" href="/articles/us-hamas-direct-talks"\\s*><a href="/articles/us-hamas-direct-talks#comments">التعليقات</a></nw-comment-count`,
    );
    assert.match(html, element);
    assert.equal(html.match(/<nw-comment-count /g)?.length, html.match(/<article /g)?.length);
  });

  test('an English archive post gets the English fallback', async () => {
    const html = await (await fetch(`${server.base}/tag/cycling/`)).text();
    assert.match(html, /<nw-comment-count [^>]*href="\/articles\/protected-bike-lanes-approved"\s*><a [^>]*>Comments<\/a>/);
  });

  test('the count request answers the approved count in X-WP-Total, one id at most, to any origin', async () => {
    const id = await postId('protected-bike-lanes-approved');
    const before = await fetch(`${server.base}${countQuery(id)}`, { headers: { Origin: 'https://partner.example' } });
    assert.equal(before.status, 200);
    const start = Number(before.headers.get('x-wp-total'));
    assert.ok(Number.isSafeInteger(start));
    for (const n of [1, 2, 3]) {
      const sent = await fetchJson(`${server.base}/wp-json/wp/v2/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ post: id, author_name: `Reader ${n}`, author_email: `r${n}@example.com`, content: `Comment number ${n}` }),
      });
      assert.equal(sent.status, 201);
    }
    const after = await fetch(`${server.base}${countQuery(id)}`, { headers: { Origin: 'https://partner.example' } });
    assert.equal(after.headers.get('x-wp-total'), String(start + 3));
    assert.equal(after.headers.get('access-control-allow-origin'), '*');
    assert.match(after.headers.get('access-control-expose-headers') ?? '', /X-WP-Total/i);
    const items = (await after.json()) as Array<Record<string, unknown>>;
    assert.equal(items.length, 1);
    assert.deepEqual(Object.keys(items[0]), ['id']);
  });
});
