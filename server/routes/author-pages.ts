/** `/author/:slug/`, the author archive every user's `link` points to. */
import type { FastifyInstance } from 'fastify';
import { showsResource } from '../http/discovery.js';
import { renderAuthorPage } from '../pages/author-page.js';
import type { UserStore } from '../store/users.js';
import { noRoute } from '../wp/errors.js';

/** Posts listed on the archive; older ones are a REST query away (`/wp/v2/posts?author=`). */
const LISTED = 50;

export function authorPageRoutes(app: FastifyInstance, users: UserStore): void {
  app.get('/author/:slug', async (request, reply) => {
    const author = users.bySlug((request.params as { slug: string }).slug);
    // WordPress's author archive of someone without published posts is a 404.
    if (!author) throw noRoute();
    reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache');
    showsResource(reply, `/wp/v2/users/${author.id}`);
    return renderAuthorPage(author, users.postsOf(author.id, LISTED));
  });
}
