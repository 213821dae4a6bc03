/**
 * First-start content: the Arabic seed article, the three English samples and three more Arabic articles (ids after
 * the samples', which keep theirs), with authors, sections (the categories), tags and featured images. Runs only on
 * an empty database, in a transaction that checks it is (`seedIfEmpty`), so neither a restart nor a second server
 * starting at the same time ever duplicates rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countWords } from '../../src/i18n/reading-time.js';
import { escapeText } from '../html.js';
import { arabicExtras, englishExtras, moreArabicExtras, type ArticleExtras } from '../seed/extras.js';
import type { Params, Sql } from './client.js';
import { postWords } from './derived.js';

interface ArabicFixture {
  lang: string;
  headline: string;
  author: string;
  excerpt: string;
  blocks: ReadonlyArray<{ type: 'paragraph' | 'heading'; text: string }>;
}

/** `articles-ar.json`: Arabic articles written out like the seed article, with their publication date. */
interface ArabicArticleFixture extends ArabicFixture {
  published: string;
}

interface EnglishFixture {
  lang: string;
  headline: string;
  excerpt: string;
  section: string;
  author: string;
  published: string;
  words: number;
}

interface ArticleSeed extends ArticleExtras {
  id: number;
  lang: string;
  title: string;
  excerpt: string;
  content: string;
  authorName: string;
  dateGmt: string;
}

/** The seed article's id: the front page shows it, and partner pages embed it as `/wp-json/wp/v2/posts/1`. */
export const SEED_POST_ID = 1;

/** Featured images are 16:9; "medium" is WordPress's default 300 px wide size. The SVGs scale, so one file serves both. */
const IMAGE = { width: 1200, height: 675, medium: { width: 300, height: 169 } };

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

/** Block-editor output as WordPress renders it: paragraphs and sub-headings, blank lines between. */
function blocksToHtml(blocks: ArabicFixture['blocks']): string {
  return blocks
    .map(({ type, text }) =>
      type === 'heading' ? `<h2 class="wp-block-heading">${escapeText(text)}</h2>` : `<p>${escapeText(text)}</p>`,
    )
    .join('\n\n');
}

/** Paragraphs of three sentences, cycling through `sentences` until the text has at least `words` words. */
function bodyOfLength(sentences: readonly string[], words: number, lang: string): string {
  const paragraphs: string[] = [];
  let count = 0;
  for (let index = 0; count < words; index += 3) {
    const paragraph = [0, 1, 2].map((offset) => sentences[(index + offset) % sentences.length]).join(' ');
    paragraphs.push(`<p>${escapeText(paragraph)}</p>`);
    count += countWords(paragraph, lang);
  }
  return paragraphs.join('\n\n');
}

/** `2026-11-20T09:30:00Z` → `2026-11-20T09:30:00`, the zone-less UTC form WordPress stores in `*_gmt`. */
function gmt(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

function articles(seedDir: string): ArticleSeed[] {
  const arabic = readJson<ArabicFixture>(seedDir, 'seed-article-ar.json');
  const english = readJson<EnglishFixture[]>(seedDir, 'articles-en.json');
  const moreArabic = readJson<ArabicArticleFixture[]>(seedDir, 'articles-ar.json');
  return [
    {
      ...arabicExtras,
      id: SEED_POST_ID,
      lang: arabic.lang,
      title: arabic.headline,
      excerpt: arabic.excerpt,
      content: blocksToHtml(arabic.blocks),
      authorName: arabic.author,
    },
    ...english.map((article, index) => ({
      ...englishExtras[index],
      id: SEED_POST_ID + 1 + index,
      lang: article.lang,
      title: article.headline,
      excerpt: article.excerpt,
      content: bodyOfLength(englishExtras[index].sentences, article.words, article.lang),
      authorName: article.author,
      dateGmt: gmt(article.published),
    })),
    ...moreArabic.map((article, index) => ({
      ...moreArabicExtras[index],
      id: SEED_POST_ID + 1 + english.length + index,
      lang: article.lang,
      title: article.headline,
      excerpt: article.excerpt,
      content: blocksToHtml(article.blocks),
      authorName: article.author,
      dateGmt: gmt(article.published),
    })),
  ];
}

/** The authors, sections and tags several articles share are each inserted once, by slug. */
const named = (table: string) => ({
  find: `SELECT id FROM ${table} WHERE slug = :slug`,
  insert: `INSERT INTO ${table} (slug, name) VALUES (:slug, :name) RETURNING id`,
});

const SEED = {
  author: named('authors'),
  category: named('categories'),
  tag: named('tags'),
  media: `INSERT INTO media (file, mime_type, alt_text, width, height, date_gmt)
    VALUES (:file, 'image/svg+xml', :alt, :width, :height, :date) RETURNING id`,
  size: 'INSERT INTO media_sizes (media, name, file, width, height) VALUES (:media, :name, :file, :width, :height)',
  post: `INSERT INTO posts (id, slug, lang, title, content, excerpt, words, author, featured_media, date_gmt, modified_gmt)
    VALUES (:id, :slug, :lang, :title, :content, :excerpt, :words, :author, :media, :date, :date)`,
  // The sections are the categories; posts.category is no longer read (migration 5).
  postCategory: 'INSERT INTO post_categories (post, category) VALUES (:post, :category)',
  postTag: 'INSERT INTO post_tags (post, tag) VALUES (:post, :tag)',
};

/**
 * Seeds an empty database, in one transaction that first checks it is empty: of several servers starting on one new
 * database, exactly one seeds it. Returns whether this one did.
 */
export function seedIfEmpty(sql: Sql, seedDir: string): Promise<boolean> {
  return sql.transaction(
    async (tx) => {
      if (await tx.value<number>('SELECT count(*) FROM posts')) return false;
      const idOf = async (statement: string, params: Params) => (await tx.get<{ id: number }>(statement, params))!.id;
      const named = async (statements: { find: string; insert: string }, params: { slug: string; name: string }) =>
        (await tx.value<number>(statements.find, params)) ?? (await idOf(statements.insert, params));
      for (const article of articles(seedDir)) {
        const author = await named(SEED.author, { slug: article.authorSlug, name: article.authorName });
        const category = await named(SEED.category, article.section);
        const media = await idOf(SEED.media, { ...article.image, width: IMAGE.width, height: IMAGE.height, date: article.dateGmt });
        await tx.run(SEED.size, { media, name: 'medium', file: article.image.file, ...IMAGE.medium });
        await tx.run(SEED.post, {
          id: article.id,
          slug: article.slug,
          lang: article.lang,
          title: article.title,
          content: article.content,
          excerpt: article.excerpt,
          words: postWords(article.content, article.lang),
          author,
          media,
          date: article.dateGmt,
        });
        await tx.run(SEED.postCategory, { post: article.id, category });
        for (const tag of article.tags) await tx.run(SEED.postTag, { post: article.id, tag: await named(SEED.tag, tag) });
      }
      // The posts' ids were given: PostgreSQL's identity must start after them.
      if (tx.dialect.name === 'postgres') await tx.run(`SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts))`);
      return true;
    },
    { locks: ['seed'] },
  );
}
