/** The reference server: WordPress-shaped REST API, demo pages and the built widgets. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { trustProxyOption } from './http/client.js';
import { registerAuth } from './http/auth.js';
import { registerCors } from './http/cors.js';
import { registerDiscovery } from './http/discovery.js';
import { BODY_LIMIT, clientErrorHandler, frameworkErrors, REQUEST_TIMEOUT_MS, registerErrorHandling } from './http/errors.js';
import { registerRestRoute, rewriteRestRoute } from './http/rest-route.js';
import { registerRestCache } from './http/rest-cache.js';
import { registerSecurityHeaders } from './http/security.js';
import { registerSite } from './http/site.js';
import { registerStatic } from './http/static.js';
import { registerWpResponses } from './http/wp-response.js';
import { commentRoutes } from './routes/comments.js';
import { contentTypeRoutes } from './routes/content-types.js';
import { discoveryRoutes } from './routes/discovery.js';
import { mediaRoutes } from './routes/media.js';
import { oembedRoutes } from './routes/oembed.js';
import { pageRoutes } from './routes/pages.js';
import { postRoutes } from './routes/posts.js';
import { searchRoutes } from './routes/search.js';
import { termRoutes } from './routes/terms.js';
import { userRoutes } from './routes/users.js';
import { Authenticator } from './auth/sign-in.js';
import { SignInLimiter } from './auth/sign-in-limit.js';
import { openDatabase } from './store/database.js';
import { createAccountStore } from './store/accounts.js';
import { createAttemptStore } from './store/attempts.js';
import { createCommentStore } from './store/comments.js';
import { createMediaStore } from './store/media.js';
import { createPostStore } from './store/posts.js';
import { createTermStore } from './store/terms.js';
import { createUserStore } from './store/users.js';

export interface AppOptions {
  /** Fastify's logger: off by default (tests), `{ level: 'warn' }` from `main.ts`. */
  logger?: boolean | { level: string };
  /** Milliseconds a client has to send a whole request; tests shorten it. */
  requestTimeout?: number;
}

export async function buildApp(
  config: Config,
  { logger = false, requestTimeout = REQUEST_TIMEOUT_MS }: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    requestTimeout,
    // Node checks the time-outs only every connectionsCheckingInterval (30 s by default): check often enough that a
    // slow request is dropped close to its bound, and give the headers no longer than the whole request.
    http: { headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout / 5) },
    clientErrorHandler,
    frameworkErrors,
    trustProxy: trustProxyOption(config.trustProxy),
    routerOptions: { ignoreTrailingSlash: true },
    rewriteUrl: rewriteRestRoute,
  });
  const db = await openDatabase(config, (error) => app.log.warn({ err: error }, 'database connection lost'));
  app.addHook('onClose', () => db.close());

  // JSON is the only body this API reads; without this Fastify would also accept text/plain.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  registerErrorHandling(app);
  registerSecurityHeaders(app);
  // Before CORS: the write policy compares the page's origin with the server's own.
  registerSite(app, config.publicUrl);
  registerRestRoute(app);
  registerWpResponses(app);
  registerDiscovery(app);
  await registerCors(app, config.allowedOrigins);
  // After CORS and the response headers' hooks, which a kept answer still passes through.
  registerRestCache(app, () => db.marker());
  // After the cache, which never answers a request that signs in.
  const accounts = createAccountStore(db);
  const attempts = createAttemptStore(db);
  registerAuth(app, new Authenticator(accounts, new SignInLimiter(attempts)));

  await registerStatic(app, config.paths);

  const posts = createPostStore(db);
  const comments = createCommentStore(db);
  // First: it notes which described routes the modules after it serve.
  discoveryRoutes(app);
  postRoutes(app, posts, comments);
  const terms = createTermStore(db);
  termRoutes(app, terms, posts);
  searchRoutes(app, posts);
  userRoutes(app, posts, createUserStore(db));
  mediaRoutes(app, posts, createMediaStore(db, posts));
  contentTypeRoutes(app);
  commentRoutes(app, db, { posts, comments, attempts }, config);
  pageRoutes(app, posts, comments, terms, config.paths.demo, () => db.marker());
  oembedRoutes(app, posts);

  return app;
}
