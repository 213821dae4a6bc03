/** Server-rendered article pages: `/` is the seed article, `/articles/:slug` any published post. */
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textFromHtml } from '../html.js';
import { renderArticlePage } from '../pages/article-page.js';
import { readingTimeLabel } from '../pages/reading-time.js';
import { SEED_POST_ID } from '../store/seed.js';
import type { CommentStore } from '../store/comments.js';
import type { Post, PostStore } from '../store/posts.js';
import { noRoute } from '../wp/errors.js';
import { siteOf } from './responses.js';

const RELATED_CARDS = 6;
/** Comments rendered into the page; the widget pages through the rest. */
const FALLBACK_COMMENTS = 50;

export function pageRoutes(app: FastifyInstance, posts: PostStore, comments: CommentStore, demoDir: string): void {
  // Read once: a missing template should stop the server at start, not fail the first visitor.
  const template = readFileSync(join(demoDir, 'index.html'), 'utf8');

  async function render(post: Post | undefined, site: string): Promise<string> {
    if (!post) throw noRoute();
    const related = posts
      .list({}, { limit: RELATED_CARDS + 1, offset: 0, order: 'desc' })
      .filter((other) => other.id !== post.id)
      .slice(0, RELATED_CARDS);
    const readingTime = await readingTimeLabel(textFromHtml(post.content), post.lang);
    const approved = comments.list({ posts: [post.id] }, { limit: FALLBACK_COMMENTS, offset: 0, order: 'asc' });
    return renderArticlePage(template, { post, related, site, readingTime, comments: approved });
  }

  app.get('/', async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache');
    return render(posts.get(SEED_POST_ID), siteOf(request));
  });

  app.get('/articles/:slug', async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const [post] = posts.list({ slugs: [slug] }, { limit: 1, offset: 0, order: 'desc' });
    reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache');
    return render(post, siteOf(request));
  });

  app.get('/index.html', async (_request, reply) => reply.redirect('/', 301));
}
