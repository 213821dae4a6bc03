/** The reference server: WordPress-shaped REST API, demo pages and the built widgets. */
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { BODY_LIMIT, frameworkErrors, registerErrorHandling } from './http/errors.js';
import { registerSecurityHeaders } from './http/security.js';
import { registerStatic } from './http/static.js';
import { commentRoutes } from './routes/comments.js';
import { pageRoutes } from './routes/pages.js';
import { postRoutes } from './routes/posts.js';
import { changeMarker, openDatabase } from './store/database.js';
import { createCommentStore } from './store/comments.js';
import { createPostStore } from './store/posts.js';
import { seedIfEmpty } from './store/seed.js';

export interface AppOptions {
  /** Fastify's logger: off by default (tests), `{ level: 'warn' }` from `main.ts`. */
  logger?: boolean | { level: string };
}

export async function buildApp(config: Config, { logger = false }: AppOptions = {}): Promise<FastifyInstance> {
  const db = openDatabase(config.database, { seed: (fresh) => seedIfEmpty(fresh, config.paths.seed) });

  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    frameworkErrors,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook('onClose', async () => db.close());

  // JSON is the only body this API reads; without this Fastify would also accept text/plain.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  registerErrorHandling(app);
  registerSecurityHeaders(app);

  const allowed = new Set(config.allowedOrigins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Content-Type'],
    exposedHeaders: ['X-WP-Total', 'X-WP-TotalPages', 'Link'],
    maxAge: 600,
  });

  await registerStatic(app, config.paths);

  const posts = createPostStore(db);
  const comments = createCommentStore(db);
  postRoutes(app, posts);
  commentRoutes(app, posts, comments, config);
  pageRoutes(app, posts, comments, config.paths.demo, changeMarker(db));

  return app;
}
