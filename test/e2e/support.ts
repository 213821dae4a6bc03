/**
 * End-to-end helpers: the real server as a child process (`node --import tsx server/main.ts`) on a free port
 * with a fresh SQLite file, headless Chromium through playwright-core, and a guard that keeps every request
 * to another host off the (closed) network and records it so tests can assert on it.
 */
import Database from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');

/** Fails early, with the fix, when `npm run build` has not run. */
export function assertBuilt(): void {
  for (const file of ['news-widgets.js', 'article-card.js', 'share-button.js']) {
    if (!existsSync(join(DIST, file))) throw new Error(`dist/${file} is missing: run \`npm run build\` before the e2e tests`);
  }
}

export interface ServerEnv {
  MODERATION?: 'approve' | 'hold';
  FLOOD_SECONDS?: string;
  RATE_LIMIT?: string;
  ALLOWED_ORIGINS?: string;
}

export interface E2eServer {
  /** `http://127.0.0.1:PORT` */
  base: string;
  port: number;
  dir: string;
  dbFile: string;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s); the database file stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same database file. */
  restart(): Promise<void>;
  /** Stops it and deletes its temp dir. */
  dispose(): Promise<void>;
  /** What the process printed, for failure messages. */
  output(): string;
}

const READY = /news-widgets server on (http:\/\/[^/\s]+)\//;
const START_TIMEOUT_MS = 20_000;

const children = new Set<ChildProcess>();
process.once('exit', () => children.forEach((child) => child.kill('SIGKILL')));

function launch(env: Record<string, string>, log: string[]): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms:\n${log.join('')}`));
    }, START_TIMEOUT_MS);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      log.push(chunk);
      out += chunk;
      const match = READY.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1] });
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${log.join('')}`));
    });
  });
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The real server on a free port (`PORT=0`, the port read from its start line) with a new SQLite file. */
export async function startServer(settings: ServerEnv = {}): Promise<E2eServer> {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'nw-e2e-'));
  const dbFile = join(dir, 'news.db');
  const log: string[] = [];
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE: dbFile,
    MODERATION: 'approve',
    FLOOD_SECONDS: '0',
    RATE_LIMIT: '0',
    ALLOWED_ORIGINS: '',
    ...settings,
  };
  const first = await launch(env, log);
  const base = first.base;
  let child = first.child;
  const port = Number(new URL(base).port);
  const server: E2eServer = {
    base,
    port,
    dir,
    dbFile,
    stop: () => stopChild(child),
    async restart() {
      await stopChild(child);
      ({ child } = await launch({ ...env, PORT: String(port) }, log));
    },
    async dispose() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
    output: () => log.join(''),
  };
  return server;
}

/** A read-only connection to the server's SQLite file, to check what it stored. */
export function readDb(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}


export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request (any page of the context) to a host other than the server, in order; none reach the network. */
  offsite: string[];
  /** Every request the context made, in order (same-origin and offsite). */
  requests: { url: string; type: string }[];
  /** Uncaught exceptions and `console.error` messages of every page of the context. */
  errors: string[];
  /** `console.warn` messages of every page of the context. */
  warnings: string[];
  close(): Promise<void>;
}

/** A stand-in for a third-party site, so a share popup settles on its URL instead of an error page. */
const STUB_PAGE = '<!doctype html><meta charset="utf-8"><title>offsite stub</title><p>offsite stub</p>';

export interface SessionOptions {
  /** e.g. `['clipboard-read', 'clipboard-write']`, granted for the server's origin. */
  permissions?: string[];
  locale?: string;
  viewport?: { width: number; height: number };
}

/**
 * A fresh context (no cookies, no storage) and page. Requests to the server go through; any other request is
 * recorded in `offsite` and answered locally: documents (a share popup) get a stub page, everything else is
 * aborted. Nothing leaves the machine.
 */
export async function newSession(browser: Browser, base: string, options: SessionOptions = {}): Promise<Session> {
  const origin = new URL(base).origin;
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  if (options.permissions) await context.grantPermissions(options.permissions, { origin });
  // tsx compiles this file with esbuild's keepNames, which wraps functions passed to `page.evaluate` in
  // `__name(…)`; the page needs that helper to run them.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  const offsite: string[] = [];
  const requests: Session['requests'] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      const request = route.request();
      offsite.push(request.url());
      if (request.resourceType() === 'document') {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: STUB_PAGE });
      } else {
        await route.abort('blockedbyclient');
      }
    },
  );
  const watch = (page: Page): void => {
    page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
    page.on('pageerror', (error) => errors.push(`pageerror on ${page.url()}: ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error on ${page.url()}: ${message.text()}`);
      if (message.type() === 'warning') warnings.push(message.text());
    });
  };
  context.on('page', watch);
  const page = await context.newPage();
  return { context, page, offsite, requests, errors, warnings, close: () => context.close() };
}

/** `localStorage` and `sessionStorage` of the page's origin, as `key=value` lines. */
export function storageOf(page: Page): Promise<{ local: string[]; session: string[] }> {
  return page.evaluate(() => {
    const dump = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => storage.key(i)!).map((key) => `${key}=${storage.getItem(key)}`);
    return { local: dump(localStorage), session: dump(sessionStorage) };
  });
}

/** Scrolls to the bottom in viewport-sized steps (so lazy elements load), then back to the top. */
export async function scrollThrough(page: Page, pauseMs = 150): Promise<void> {
  const steps = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight / innerHeight));
  for (let i = 1; i <= steps; i++) {
    await page.evaluate((y) => scrollTo(0, y * innerHeight), i);
    await page.waitForTimeout(pauseMs);
  }
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForTimeout(pauseMs);
}

/** The static import graph of a built entry (`share-button.js` → its chunks), as server paths. */
export function staticImports(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(DIST, file), 'utf8');
    for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*"(\.\.?\/[^"]+)"/g)) {
      visit(join(file, '..', match[1]).replaceAll('\\', '/'));
    }
  };
  visit(entry);
  return [...seen].map((file) => `/dist/${file}`);
}

/** Polls `check` until it returns a truthy value (returned), failing with `what` after `timeoutMs`. */
export async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}


/**
 * Waits until `<nw-comment-list>` (`list`) has its first page: before it arrives the list is busy and its heading
 * says just "التعليقات" (Comments). `aria-busy` alone is false before a deferred list starts loading.
 */
export async function commentListLoaded(page: Page, list = '#comments > nw-comment-list', timeoutMs = 5000): Promise<void> {
  await page.locator(list).scrollIntoViewIfNeeded();
  await until(
    () =>
      page.locator(list).evaluate((el) => {
        const busy = el.shadowRoot?.querySelector('[part=list]')?.getAttribute('aria-busy');
        const count = el.shadowRoot?.querySelector('[part=count]')?.textContent?.trim();
        return busy === 'false' && count !== undefined && count !== 'التعليقات';
      }),
    'the comment list to load',
    timeoutMs,
  );
}
/**
 * The real server (default settings) and a browser for one test file: both started before its tests, stopped
 * after them. Read `server` and `browser` inside tests, once `before` has run.
 */
export function demoUnderTest(): { server: E2eServer; browser: Browser } {
  const env = {} as { server: E2eServer; browser: Browser };
  before(async () => {
    [env.server, env.browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.dispose();
  });
  return env;
}

/** The first ```html block after `marker` in the README, as a reader would copy it. */
export function readmeHtml(marker: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(marker);
  const snippet = at === -1 ? undefined : /```html\n([\s\S]*?)```/.exec(readme.slice(at))?.[1];
  if (!snippet) throw new Error(`the README has no html block after ${marker}`);
  return snippet;
}

/**
 * A partner's own server for one test file: another origin to the browser (another port), on loopback like ours, so
 * Chromium's private-network rules stay out of it. `pages` maps each path to its HTML, made per request; any other
 * path is a 404. Read `base` inside tests, once `before` has run.
 */
export function partnerSite(pages: Readonly<Record<string, () => string>>): { base: string } {
  const site = { base: '' };
  let server: Server;
  before(async () => {
    server = createServer((request, response) => {
      const page = pages[request.url ?? ''];
      if (page) response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return site;
}

export interface PartnerVisit {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests to anywhere but our server and the partner's, which were refused. */
  offsite: string[];
  close(): Promise<void>;
}

/**
 * Opens `url` in a fresh context that reaches only our server and `partnerBase`, at `width` px; `blockRest` makes
 * every REST request fail as a refused connection.
 */
export async function visitPartner(
  browser: Browser,
  ourBase: string,
  partnerBase: string,
  url: string,
  { width, height = 800, blockRest = false }: { width: number; height?: number; blockRest?: boolean },
): Promise<PartnerVisit> {
  const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  const page = await context.newPage();
  const errors: string[] = [];
  const offsite: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const allowed = new Set([new URL(ourBase).origin, partnerBase]);
  await context.route(
    (target) => !allowed.has(target.origin),
    (route) => {
      offsite.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  if (blockRest) await context.route((target) => target.pathname.startsWith('/wp-json/'), (route) => route.abort('connectionrefused'));
  await page.goto(url);
  return { page, errors, offsite, close: () => context.close() };
}
