/**
 * Server settings from the environment (SPEC §8). Every value is validated at start so a typo fails loudly
 * with the variable's name instead of surfacing later as odd behaviour.
 */
import { readFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseWordList, type SpamRules } from './comments/spam-rules.js';

/** `first`: held until its author (same name and e-mail) has an approved comment, as WordPress's "previously approved". */
export type Moderation = 'approve' | 'hold' | 'first';

export interface Paths {
  /** The built widgets, served at `/dist/`. */
  dist: string;
  /** The demo pages and `index.html`, the template of the article page. */
  demo: string;
  /** Seed fixtures and the images served at `/media/`. */
  seed: string;
}

export interface Config {
  port: number;
  host: string;
  /** SQLite file path, or `:memory:`; unused when `databaseUrl` is set. */
  database: string;
  /** `DATABASE_URL`: a PostgreSQL database (`postgres://user:password@host:port/name`), shared by several instances. */
  databaseUrl: string | undefined;
  /** `PG_POOL_SIZE`: PostgreSQL connections one instance keeps open at most. */
  poolSize: number;
  /** Exact origins (`scheme://host[:port]`) whose pages may write (post comments); reads are open to every origin. */
  allowedOrigins: string[];
  /** The origin links are written with (`https://news.example`), whatever the request's `Host`; unset: the request's own. */
  publicUrl: string | undefined;
  /**
   * Which peers may tell the client's address (`X-Forwarded-For`), scheme and host: none (`false`), the nearest
   * `n` hops, or the proxies at these addresses and ranges.
   */
  trustProxy: TrustProxy;
  moderation: Moderation;
  /** `MODERATION_LINKS`, `MODERATION_WORDS`, `DISALLOWED_WORDS` (comments/spam-rules.ts). */
  spamRules: SpamRules;
  /** Minimum seconds between two comments from one client address or one e-mail address; 0 turns the check off. */
  floodSeconds: number;
  /** Comment POSTs a minute per client address; 0 turns the limit off. */
  rateLimit: number;
  paths: Paths;
}

export type TrustProxy = false | number | string[];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const root = (relative: string) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

export const defaultPaths: Paths = {
  dist: root('dist'),
  demo: root('demo'),
  seed: root('server/seed'),
};

type Env = Readonly<Record<string, string | undefined>>;

/** An unset or blank variable means "use the default", as `PORT= npm start` does in most shells. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** `raw` as an `http:` or `https:` URL, else `undefined`. */
function httpUrl(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

function origins(env: Env): string[] {
  const raw = read(env, 'ALLOWED_ORIGINS');
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const url = httpUrl(item);
      // Browsers send the bare origin; a path or trailing slash here would silently never match.
      if (!url || url.origin !== item.toLowerCase()) {
        throw new ConfigError(`ALLOWED_ORIGINS entries must be origins like https://partner.example, got "${item}"`);
      }
      return url.origin;
    });
}

/** An origin, written as one (`https://news.example`, a trailing slash allowed): links are built on it. */
function publicUrl(env: Env): string | undefined {
  const raw = read(env, 'PUBLIC_URL');
  if (raw === undefined) return undefined;
  const url = httpUrl(raw);
  if (!url || url.origin !== raw.toLowerCase().replace(/\/$/, '')) {
    throw new ConfigError(`PUBLIC_URL must be the site's origin, like https://news.example, got "${raw}"`);
  }
  return url.origin;
}

/** proxy-addr's names for the reserved ranges, accepted by Fastify's trustProxy like addresses. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `true` is refused: trusting every peer would let any client choose the address it is limited by. */
function trustProxy(env: Env): TrustProxy {
  const raw = read(env, 'TRUST_PROXY');
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 1, 10);
  const entries = raw.split(',').map((item) => item.trim()).filter(Boolean);
  for (const entry of entries) {
    if (!RANGE_NAMES.has(entry) && !isAddressOrRange(entry)) {
      throw new ConfigError(
        `TRUST_PROXY must be a hop count (1 to 10) or a comma-separated list of proxy addresses or ranges (10.0.0.0/8, loopback), got "${entry}"`,
      );
    }
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  try {
    new BlockList().addSubnet(address, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    return true;
  } catch {
    return false;
  }
}

function moderation(env: Env): Moderation {
  const raw = read(env, 'MODERATION') ?? 'hold';
  if (raw !== 'approve' && raw !== 'hold' && raw !== 'first') {
    throw new ConfigError(`MODERATION must be "approve", "hold" or "first", got "${raw}"`);
  }
  return raw;
}

/** A words file named by `name`, read once at start: one word or phrase a line. */
function wordList(env: Env, name: string): string[] {
  const file = read(env, name);
  if (file === undefined) return [];
  try {
    return parseWordList(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${name} names a file that cannot be read: ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function spamRules(env: Env): SpamRules {
  return {
    maxLinks: integer(env, 'MODERATION_LINKS', 2, 0, 10_000),
    moderationWords: wordList(env, 'MODERATION_WORDS'),
    disallowedWords: wordList(env, 'DISALLOWED_WORDS'),
  };
}

/** A PostgreSQL URL, checked for its scheme so that a SQLite path put here by mistake is not taken for a host. */
function databaseUrl(env: Env): string | undefined {
  const raw = read(env, 'DATABASE_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`DATABASE_URL must be a postgres:// URL, got "${raw}"`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must be a postgres:// URL (DATABASE names a SQLite file), got "${url.protocol}…"`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env, paths: Paths = defaultPaths): Config {
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: read(env, 'HOST') ?? '127.0.0.1',
    database: read(env, 'DATABASE') ?? 'data/news.db',
    databaseUrl: databaseUrl(env),
    poolSize: integer(env, 'PG_POOL_SIZE', 10, 1, 1000),
    allowedOrigins: origins(env),
    publicUrl: publicUrl(env),
    trustProxy: trustProxy(env),
    moderation: moderation(env),
    spamRules: spamRules(env),
    floodSeconds: integer(env, 'FLOOD_SECONDS', 15, 0, 86_400),
    rateLimit: integer(env, 'RATE_LIMIT', 30, 0, 100_000),
    paths,
  };
}
