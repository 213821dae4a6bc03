/**
 * Server-rendered pages: `/` is the seed article, `/articles/:slug` any published post,
 * `/articles/:slug/comments/:id` one approved comment in full, and the category, tag and author archives.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeHtml } from '../html.js';
import { renderArticlePage, renderComments } from '../pages/article-page.js';
import { renderArchivePage, type ArchiveKind } from '../pages/archive-page.js';
import { renderCommentPage } from '../pages/comment-page.js';
import { inLanguage } from '../pages/localize.js';
import { showsPost, showsResource } from '../http/discovery.js';
import { SEED_POST_ID } from '../store/seed.js';
import type { CommentStore } from '../store/comments.js';
import type { Post, PostFilter, PostStore } from '../store/posts.js';
import type { TermStore } from '../store/terms.js';
import { noRoute } from '../wp/errors.js';
import { postLink } from '../wp/shape.js';
import { ID, idParam, siteOf } from './responses.js';
import { keptWhileUnchanged } from '../store/kept.js';

const RELATED_CARDS = 6;
/**
 * Comments rendered into the page: `<nw-comment-list>`'s first page (its `per-page` default), which it then
 * replaces and pages on from. Bounded, like each comment's length there, so stored comments cannot inflate it.
 */
const FALLBACK_COMMENTS = 20;
/** Article pages kept rendered (one per site and post viewed); the least recently read goes first. */
const PAGES_KEPT = 100;
/** Posts on one archive page: WordPress's default `posts_per_page`. */
const ARCHIVE_PAGE_SIZE = 10;

export function pageRoutes(
  app: FastifyInstance,
  posts: PostStore,
  comments: CommentStore,
  terms: TermStore,
  demoDir: string,
  changes: () => Promise<string>,
): void {
  // Read once: a missing template should stop the server at start, not fail the first visitor.
  const template = readFileSync(join(demoDir, 'index.html'), 'utf8');

  async function commentSection(post: Post): Promise<SafeHtml> {
    const approved = await comments.previews(post.id, { limit: FALLBACK_COMMENTS, offset: 0 });
    const total = approved.length < FALLBACK_COMMENTS ? approved.length : await comments.approvedOn(post.id);
    return renderComments(post, approved, total);
  }

  // An article page is rendered again only after something is written to the database (by this server or any
  // other process): it is read far more often than it is commented on, and nothing else in it changes — no time,
  // no visitor. Kept per site (links are absolute) and path.
  const pages = keptWhileUnchanged<{ html: string; post: number; slug: string }>(changes, PAGES_KEPT);
  async function articlePage(key: string, site: string, find: () => Promise<Post | undefined>): Promise<{ html: string; post: number; slug: string }> {
    const { marker, value: kept } = await pages.look(key);
    if (kept) return kept;
    const post = await find();
    if (!post) throw noRoute();
    // The "read also" row: the latest other posts in the post's section, else (alone in it) the latest other posts —
    // two queries WordPress answers the same way (`categories=<section>&exclude=<post>`, `exclude=<post>`), which the
    // row's <nw-article-list> sends again.
    const newest = { limit: RELATED_CARDS, offset: 0, order: 'desc' } as const;
    const inSection = post.category
      ? await posts.list({ categories: { terms: [post.category.id], operator: 'IN' }, exclude: [post.id] }, newest)
      : [];
    const related = inSection.length > 0
      ? { posts: inSection, section: post.category?.id }
      : { posts: await posts.list({ exclude: [post.id] }, newest) };
    const section = await commentSection(post);
    const html = await inLanguage(post.lang, () => renderArticlePage(template, { post, related, site, comments: section }));
    const rendered = { html, post: post.id, slug: post.slug };
    pages.keep(key, marker, rendered);
    return rendered;
  }

  app.get('/', async (request, reply) => {
    const site = siteOf(request);
    const page = await articlePage(`${site} /`, site, () => posts.get(SEED_POST_ID));
    reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache');
    showsPost(reply, page.post, postLink(site, page.slug));
    return page.html;
  });

  app.get('/articles/:slug', async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const site = siteOf(request);
    const page = await articlePage(`${site} /articles/${slug}`, site, () => posts.bySlug(slug));
    reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache');
    showsPost(reply, page.post, postLink(site, page.slug));
    return page.html;
  });

  app.get(`/articles/:slug/comments/${ID}`, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const post = await posts.bySlug(slug);
    const id = idParam(request);
    const comment = id === undefined ? undefined : await comments.get(id);
    if (!post || !comment || comment.post !== post.id || comment.status !== 'approved') throw noRoute();
    reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache');
    return renderCommentPage(post, comment);
  });

  /** Who an archive is of: its name and the posts filter, or `undefined` for an unknown slug. */
  const archives: Record<ArchiveKind, (slug: string) => Promise<{ name: string; filter: PostFilter; route: string } | undefined>> = {
    category: async (slug) => {
      const term = await terms.bySlug('category', slug);
      return term && { name: term.name, filter: { categories: { terms: [term.id], operator: 'IN' } }, route: `/wp/v2/categories/${term.id}` };
    },
    tag: async (slug) => {
      const term = await terms.bySlug('post_tag', slug);
      return term && { name: term.name, filter: { tags: { terms: [term.id], operator: 'IN' } }, route: `/wp/v2/tags/${term.id}` };
    },
    // Only an author with a published post has an archive, as only they are listed to readers (`/wp/v2/users`).
    author: async (slug) => {
      const author = await posts.authorBySlug(slug);
      const filter = author && { authors: [author.id] };
      return filter && (await posts.count(filter)) > 0 ? { name: author.name, filter, route: `/wp/v2/users/${author.id}` } : undefined;
    },
  };

  for (const kind of ['category', 'tag', 'author'] as const) {
    const archive = async (request: FastifyRequest, reply: FastifyReply) => {
      const { slug, page = '1' } = request.params as { slug: string; page?: string };
      const found = await archives[kind](slug);
      const number = Number(page);
      if (!found || !Number.isSafeInteger(number) || number < 1) throw noRoute();
      const listed = await posts.list(found.filter, { limit: ARCHIVE_PAGE_SIZE + 1, offset: (number - 1) * ARCHIVE_PAGE_SIZE, order: 'desc' });
      // WordPress answers a page past the end with a 404, the first page of an empty archive with an empty list.
      if (listed.length === 0 && number > 1) throw noRoute();
      reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache');
      showsResource(reply, found.route);
      return renderArchivePage({
        kind,
        name: found.name,
        path: `/${kind}/${encodeURIComponent(slug)}/`,
        posts: listed.slice(0, ARCHIVE_PAGE_SIZE),
        page: number,
        hasOlder: listed.length > ARCHIVE_PAGE_SIZE,
        lang: listed[0]?.lang ?? 'ar',
      });
    };
    app.get(`/${kind}/:slug`, archive);
    app.get(`/${kind}/:slug/page/:page(^\\d+$)`, archive);
  }

  app.get('/index.html', async (_request, reply) => reply.redirect('/', 301));
}
