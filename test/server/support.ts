/**
 * Starts the real server on a free port, for tests that use `fetch`: on a fresh SQLite file in a temp dir, or, when
 * `NW_TEST_POSTGRES_URL` names a PostgreSQL cluster (`npm run test:server:postgres`), on a fresh database of it, one
 * per temp dir, so that the same tests run against both stores.
 */
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before } from 'node:test';
import pg from 'pg';
import { buildApp, type AppOptions } from '../../server/app.js';
import { defaultPaths, loadConfig } from '../../server/config.js';
import type { Params, Sql } from '../../server/store/client.js';
import { postgresClient } from '../../server/store/postgres.js';
import { openSqlite } from '../../server/store/sqlite.js';

/** The PostgreSQL cluster the server tests run against, if any. */
export const POSTGRES_URL = process.env.NW_TEST_POSTGRES_URL || undefined;
/** For a test that only SQLite can run (a file's permissions, its locks, its migrations): `{ skip: sqliteOnly }`. */
export const sqliteOnly = POSTGRES_URL ? 'SQLite only: the PostgreSQL run has its own tests of this' : false;

/** Statements for a test to check stored rows or add some, on the server's own database; `?` parameters in order. */
export interface TestDb {
  run(sql: string, ...args: unknown[]): Promise<number>;
  get<R = Record<string, unknown>>(sql: string, ...args: unknown[]): Promise<R | undefined>;
  all<R = Record<string, unknown>>(sql: string, ...args: unknown[]): Promise<R[]>;
  value<V = unknown>(sql: string, ...args: unknown[]): Promise<V | undefined>;
  /** The connection itself, for a store made over it. */
  sql(): Sql;
}

export interface TestServer {
  base: string;
  app: FastifyInstance;
  dir: string;
  /** The SQLite file; under PostgreSQL, a path nothing is stored at. */
  dbFile: string;
  /** `DATABASE_URL` under PostgreSQL, else undefined. */
  databaseUrl: string | undefined;
  /** A second connection to the server's database. */
  db: TestDb;
  /** Stops the server; the database stays until `remove()` so a restart can reuse it. */
  close(): Promise<void>;
  remove(): Promise<void>;
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

/** The cluster's database for a temp dir, created on first use: a restart on the same dir finds its rows again. */
async function postgresDatabase(cluster: string, dir: string): Promise<string> {
  const name = `nw_${basename(dir).replace(/[^A-Za-z0-9]/g, '_').toLowerCase()}`;
  const admin = new pg.Client({ connectionString: cluster });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(cluster);
  url.pathname = `/${name}`;
  return url.href;
}

async function dropPostgresDatabase(cluster: string, databaseUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: cluster });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** `?` placeholders as the stores' `:p1`, `:p2`…, so a test's SQL reads as before on either database. */
function testDb(open: () => Sql): TestDb & { close(): Promise<void> } {
  let sql: Sql | undefined;
  const named = (text: string, args: unknown[]): [string, Params] => {
    let index = 0;
    const params: Record<string, unknown> = {};
    const converted = text.replace(/'(?:[^']|'')*'|\?/g, (match) => {
      if (match !== '?') return match;
      params[`p${++index}`] = args[index - 1];
      return `:p${index}`;
    });
    return [converted, params];
  };
  const client = () => (sql ??= open());
  return {
    run: (text, ...args) => client().run(...named(text, args)),
    get: (text, ...args) => client().get(...named(text, args)),
    all: (text, ...args) => client().all(...named(text, args)),
    value: (text, ...args) => client().value(...named(text, args)),
    sql: client,
    close: async () => {
      await sql?.close();
      sql = undefined;
    },
  };
}

export async function startServer(env: Record<string, string> = {}, dir = tempDir(), options: AppOptions = {}): Promise<TestServer> {
  const dbFile = join(dir, 'db', 'news.db');
  // A test that names its own database (a broken file, a read-only folder) gets that one.
  const databaseUrl = POSTGRES_URL && !env.DATABASE && !env.DATABASE_URL ? await postgresDatabase(POSTGRES_URL, dir) : env.DATABASE_URL;
  const config = loadConfig(
    { DATABASE: dbFile, PORT: '0', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env },
    { ...defaultPaths, dist: fakeDist(dir) },
  );
  const app = await buildApp(config, options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const db = testDb(() => (config.databaseUrl ? postgresClient(config.databaseUrl, { poolSize: 2 }) : openSqlite(config.database)));
  return {
    base: `http://127.0.0.1:${address.port}`,
    app,
    dir,
    dbFile: config.database,
    databaseUrl: config.databaseUrl,
    db,
    close: async () => {
      await db.close();
      await app.close();
    },
    remove: async () => {
      await db.close();
      if (config.databaseUrl && POSTGRES_URL && !env.DATABASE_URL) await dropPostgresDatabase(POSTGRES_URL, config.databaseUrl);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

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
    await server.remove();
  });
  return server;
}

/** A second connection to a SQLite file, for the tests of SQLite itself (its locks, migrations, damaged files). */
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
