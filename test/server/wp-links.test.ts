/**
 * Every link the REST API hands out leads somewhere: each `_links` href and each `link` in the answers of every
 * collection (and of the items they list) is fetched, and none may be a 404 — a WordPress client follows them
 * (wpapi's `.embed()`, `_paging`, the `wp:term` and `author` relations) and a reader follows `link`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fetchJson, serverUnderTest } from './support.js';

const COLLECTIONS = ['posts', 'comments', 'categories', 'tags', 'users', 'media', 'pages', 'search?search=the', 'types', 'taxonomies'];

type Json = Record<string, unknown>;

/** The hrefs of `_links` (templated ones, `curies`, left out) and every `link` of `json`, at any depth. */
function linksOf(json: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(json)) json.forEach((item) => linksOf(item, found));
  else if (json && typeof json === 'object') {
    for (const [key, value] of Object.entries(json as Json)) {
      if (key === 'link' && typeof value === 'string') found.add(value);
      else if (key === '_links' && value && typeof value === 'object') {
        for (const [rel, targets] of Object.entries(value as Record<string, Array<{ href: string; templated?: boolean }>>)) {
          if (rel === 'curies') continue;
          for (const target of targets) if (!target.templated) found.add(target.href);
        }
      } else linksOf(value, found);
    }
  }
  return found;
}

describe('the links the REST API gives (WP_REST_*_Controller::prepare_links, and each item\'s link)', () => {
  const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0' });

  it('none of them is a 404, with a comment and a reply stored', async () => {
    const post = (body: Json) =>
      fetchJson<{ id: number }>(`${server.base}/wp-json/wp/v2/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ post: 2, author_name: 'Links', author_email: 'links@example.com', ...body }),
      });
    const parent = await post({ content: 'A comment with a reply.' });
    assert.equal(parent.status, 201);
    assert.equal((await post({ content: 'The reply.', parent: parent.body.id })).status, 201);

    const links = new Set<string>();
    for (const path of COLLECTIONS) {
      const { status, body } = await fetchJson(`${server.base}/wp-json/wp/v2/${path}${path.includes('?') ? '&' : '?'}_embed`);
      assert.equal(status, 200, path);
      linksOf(body, links);
    }
    assert.ok(links.size > 30, `found ${links.size} links`);
    const broken: string[] = [];
    for (const href of links) {
      assert.ok(href.startsWith(server.base), `${href} is on the server's own origin`);
      const response = await fetch(href);
      await response.arrayBuffer();
      if (response.status === 404) broken.push(href);
    }
    assert.deepEqual(broken, []);
  });
});
