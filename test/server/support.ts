/** Starts the real server on a free port with a fresh SQLite file in a temp dir, for tests that use `fetch`. */
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { buildApp, type AppOptions } from '../../server/app.js';
import { defaultPaths, loadConfig } from '../../server/config.js';

export interface TestServer {
  base: string;
  app: FastifyInstance;
  dir: string;
  dbFile: string;
  /** Stops the server; the temp dir stays until `remove()` so a restart can reuse the file. */
  close(): Promise<void>;
  remove(): void;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'nw-server-'));
}

/** A maker of temp dirs for one test file, all removed after its tests. */
export function scratchDirs(): () => string {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir;
  };
}

/** A stand-in for `npm run build`'s output: an entry file, a hashed chunk and a source map. */
function fakeDist(dir: string): string {
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'chunks'), { recursive: true });
  writeFileSync(join(dist, 'news-widgets.js'), 'import "./chunks/shared-AbC123xy.js";\n');
  writeFileSync(join(dist, 'chunks', 'shared-AbC123xy.js'), 'export const shared = 1;\n');
  writeFileSync(join(dist, 'news-widgets.js.map'), '{"version":3,"sources":[],"mappings":""}');
  return dist;
}

export async function startServer(env: Record<string, string> = {}, dir = tempDir(), options: AppOptions = {}): Promise<TestServer> {
  const dbFile = join(dir, 'db', 'news.db');
  const config = loadConfig({ DATABASE: dbFile, PORT: '0', ...env }, { ...defaultPaths, dist: fakeDist(dir) });
  const app = await buildApp(config, options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    base: `http://127.0.0.1:${address.port}`,
    app,
    dir,
    dbFile,
    close: () => app.close(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A second connection to the server's SQLite file, to check rows or add some. */
/**
 * The server for one suite (or one file): started in `before`, closed and its files removed in `after`. The
 * returned object is filled in by that `before`: read it inside tests, and inside a later `before` of the same
 * `describe`. (At a file's top level Node 20 ran a second `before` without waiting for this one.)
 */
export function serverUnderTest(env: Record<string, string> = {}): TestServer {
  const server = {} as TestServer;
  before(async () => {
    Object.assign(server, await startServer(env));
  });
  after(async () => {
    await server.close();
    server.remove();
  });
  return server;
}

export function openDb(file: string, readonly = true): Database.Database {
  return new Database(file, { readonly, fileMustExist: true });
}

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function fetchJson<T = unknown>(url: string, init?: RequestInit): Promise<JsonResponse<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    throw new Error(`Not JSON (${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body };
}

export interface WpErrorBody {
  code: string;
  message: string;
  data: { status: number; params?: Record<string, string>; details?: Record<string, { code: string }> };
}

/** The seeded posts' slugs, newest first: what `GET /wp/v2/posts` lists on a fresh database. */
export const SEED_BY_DATE = [
  'us-hamas-direct-talks',
  'phone-battery-cold',
  'security-council-gaza-aid',
  'gulf-central-banks-hold-rates',
  'arab-ministers-gaza-reconstruction',
  'protected-bike-lanes-approved',
  'manuscript-goes-online',
];
