/**
 * Spam rules (issue 12): the Arabic normalization and the verdicts as pure functions, then the real server with
 * word files, MODERATION_LINKS and MODERATION=first, each comment's stored status read back from SQLite.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { countLinks, judge, normalizeForMatching, parseWordList, type CommentFacts } from '../../server/comments/spam-rules.js';
import { fetchJson, startServer, tempDir, type TestServer } from './support.js';

describe('normalizeForMatching', () => {
  const cases: Array<[string, string, string]> = [
    ['diacritics', 'مُبَارَكٌ', 'مبارك'],
    ['shadda, sukun and the dagger alif', 'الرَّحْمٰن', 'الرحمن'],
    ['tatweel', 'كـــازيـنـو', 'كازينو'],
    ['alif with hamza above, below and madda', 'أإآا', 'اااا'],
    ['alif maqsura', 'مستشفى', 'مستشفي'],
    ['ta marbuta', 'مراهنة', 'مراهنه'],
    ['Latin case', 'CaSiNo', 'casino'],
    ['presentation forms (NFKC)', 'ﻻ', 'لا'],
    ['full-width Latin', 'ＣＡＳＩＮＯ', 'casino'],
    ['zero-width and direction characters', 'كا\u200bزي\u200cنو\u200f', 'كازينو'],
  ];
  for (const [what, input, expected] of cases) {
    it(what, () => assert.equal(normalizeForMatching(input), expected));
  }

  it('makes every spelling of one word the same', () => {
    const spellings = ['مُراهَنة', 'مراهـــنة', 'مراهنه', 'مُرَاهَنَةٌ'];
    assert.equal(new Set(spellings.map(normalizeForMatching)).size, 1);
  });
});

describe('parseWordList', () => {
  it('takes one word or phrase a line, normalized, without blank lines or repeats', () => {
    assert.deepEqual(parseWordList('Casino\r\n\n  كازينو  \nمُراهنة\ncasino\n'), ['casino', 'كازينو', 'مراهنه']);
  });
});

describe('countLinks', () => {
  it('counts the rendered links, made from bare URLs too', () => {
    assert.equal(countLinks('<p>no links</p>'), 0);
    assert.equal(countLinks('<p><a href="https://a.example" rel="nofollow ugc">a</a> and <A HREF="x">b</A></p>'), 2);
  });
});

describe('judge', () => {
  const comment = (fields: Partial<CommentFacts>): CommentFacts => ({
    authorName: 'قارئ',
    authorEmail: 'reader@example.com',
    authorUrl: '',
    content: 'تعليق عادي',
    ip: '192.0.2.1',
    userAgent: 'Browser/1',
    html: '<p>تعليق عادي</p>',
    ...fields,
  });
  const rules = { maxLinks: 2, moderationWords: parseWordList('رابح\nfree money'), disallowedWords: parseWordList('كازينو\n203.0.113.') };

  it('passes an ordinary comment', () => assert.equal(judge(rules, comment({})), 'pass'));
  it('holds a moderation word in any spelling, in the text', () => assert.equal(judge(rules, comment({ content: 'ستكون رَابِـــحاً' })), 'hold'));
  it('holds a moderation word in the name', () => assert.equal(judge(rules, comment({ authorName: 'FREE MONEY now' })), 'hold'));
  it('sends a disallowed word to spam, from the URL', () => assert.equal(judge(rules, comment({ authorUrl: 'https://كــازينو.example' })), 'spam'));
  it('sends a disallowed address to spam', () => assert.equal(judge(rules, comment({ ip: '203.0.113.77' })), 'spam'));
  it('finds a word that tags split', () => assert.equal(judge(rules, comment({ content: 'زوروا كا<b></b>زي<i>نو</i>' })), 'spam'));
  it('lets a disallowed word win over a moderation word', () => assert.equal(judge(rules, comment({ content: 'رابح في الكازينو' })), 'spam'));
  it('holds more than maxLinks links, not as many', () => {
    const links = (n: number) => '<a href="https://x.example">x</a>'.repeat(n);
    assert.equal(judge(rules, comment({ html: links(2) })), 'pass');
    assert.equal(judge(rules, comment({ html: links(3) })), 'hold');
  });
});

describe('the rules on the real server', () => {
  async function withServer(env: Record<string, string>, run: (server: TestServer, post: (body: Record<string, unknown>) => Promise<string>) => Promise<void>) {
    const dir = tempDir();
    writeFileSync(join(dir, 'moderation.txt'), 'مراهنة\nwin big\n');
    writeFileSync(join(dir, 'disallowed.txt'), 'كازينو\nviagra\n');
    const server = await startServer(
      { FLOOD_SECONDS: '0', RATE_LIMIT: '0', MODERATION_WORDS: join(dir, 'moderation.txt'), DISALLOWED_WORDS: join(dir, 'disallowed.txt'), ...env },
      dir,
    );
    let n = 0;
    const post = async (body: Record<string, unknown>) => {
      const response = await fetchJson<{ id: number; status: string }>(`${server.base}/wp-json/wp/v2/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ post: 1, author_name: 'قارئ', author_email: 'reader@example.com', content: `تعليق ${++n}`, ...body }),
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      const stored = await server.db.value<string>('SELECT status FROM comments WHERE id = ?', response.body.id);
      assert.ok(stored, 'the comment is stored');
      assert.equal(response.body.status, stored, 'the answer says what was stored');
      return stored;
    };
    try {
      await run(server, post);
    } finally {
      await server.close();
      await server.remove();
    }
  }

  it('with MODERATION=approve: publishes, holds moderation words and links, spams disallowed words, in every Arabic spelling', async () => {
    await withServer({ MODERATION: 'approve' }, async (_server, post) => {
      assert.equal(await post({ content: 'تعليق عادي' }), 'approved');
      assert.equal(await post({ content: 'أفضل مُراهَنـــة اليوم' }), 'hold');
      assert.equal(await post({ content: 'أفضل مراهنه اليوم' }), 'hold');
      assert.equal(await post({ content: 'WIN BIG today' }), 'hold');
      assert.equal(await post({ content: 'روابط: https://a.example https://b.example' }), 'approved', 'two links are allowed');
      assert.equal(await post({ content: 'روابط: https://a.example https://b.example www.c.example' }), 'hold', 'three are held');
      assert.equal(await post({ content: 'زوروا الكَـــازِينُو' }), 'spam');
      assert.equal(await post({ author_name: 'Viagra Shop' }), 'spam');
      assert.equal(await post({ author_email: 'sales@viagra.example' }), 'spam');
      assert.equal(await post({ author_url: 'https://كــازينو.example/' }), 'spam');
    });
  });

  it('with MODERATION=first: holds a first comment, publishes the next one once an earlier one is approved', async () => {
    await withServer({ MODERATION: 'first' }, async (server, post) => {
      const first = { author_name: 'سلمى', author_email: 'salma@example.com' };
      assert.equal(await post(first), 'hold');
      assert.equal(await post(first), 'hold', 'still nothing approved');
      await server.db.run("UPDATE comments SET status = 'approved' WHERE author_email = 'salma@example.com'");
      assert.equal(await post({ ...first, author_email: 'SALMA@example.com ' }), 'approved', 'the address compared as WordPress does');
      assert.equal(await post({ author_name: 'سلمى أخرى', author_email: 'salma@example.com' }), 'hold', 'name and e-mail together, as WordPress');
      assert.equal(await post({ ...first, content: 'كازينو' }), 'spam', 'the disallowed list still applies');
    });
  });
});
