/**
 * Files: the built widgets (`/dist/`), the seed images (`/media/`) and the demo pages (`/`).
 * Widgets and images are public and meant to be embedded anywhere: a partner page loads
 * `<script type="module">` cross-origin, which needs CORS (every read has it, `cors.ts`), and a page isolated with
 * `Cross-Origin-Embedder-Policy` shows them only with `Cross-Origin-Resource-Policy: cross-origin`.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { join } from 'node:path';
import type { Paths } from '../config.js';

/** Entry files keep their names across releases, so caches revalidate; hashed chunks never change. */
const REVALIDATE = 'public, max-age=300';
const IMMUTABLE = 'public, max-age=31536000, immutable';

function embeddable(reply: FastifyReply, cacheControl: string): void {
  reply.header('Cache-Control', cacheControl);
  reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
}

export async function registerStatic(app: FastifyInstance, paths: Paths): Promise<void> {
  await app.register(fastifyStatic, {
    root: paths.dist,
    prefix: '/dist/',
    cacheControl: false,
    dotfiles: 'ignore',
    index: false,
    setHeaders: (reply, path) => embeddable(reply, path.includes('/chunks/') ? IMMUTABLE : REVALIDATE),
  });
  await app.register(fastifyStatic, {
    root: join(paths.seed, 'images'),
    prefix: '/media/',
    decorateReply: false,
    cacheControl: false,
    dotfiles: 'ignore',
    index: false,
    setHeaders: (reply) => embeddable(reply, 'public, max-age=86400'),
  });
  await app.register(fastifyStatic, {
    root: paths.demo,
    prefix: '/',
    decorateReply: false,
    cacheControl: false,
    dotfiles: 'ignore',
    index: false,
    // index.html is the article page's template, rendered at `/`; raw, it would show its placeholders.
    allowedPath: (pathname) => pathname !== '/index.html',
    setHeaders: (reply) => reply.header('Cache-Control', 'no-cache'),
  });
}
