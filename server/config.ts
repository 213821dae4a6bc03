/**
 * Server settings from the environment (SPEC §8). Every value is validated at start so a typo fails loudly
 * with the variable's name instead of surfacing later as odd behaviour.
 */
import { fileURLToPath } from 'node:url';

export type Moderation = 'approve' | 'hold';

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
  /** SQLite file path, or `:memory:`. */
  database: string;
  /** Exact origins (`scheme://host[:port]`) that may read the API from their pages. */
  allowedOrigins: string[];
  moderation: Moderation;
  /** Minimum seconds between two comments from one e-mail address; 0 turns the check off. */
  floodSeconds: number;
  /** Comment POSTs a minute per client address; 0 turns the limit off. */
  rateLimit: number;
  paths: Paths;
}

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

function origins(env: Env): string[] {
  const raw = read(env, 'ALLOWED_ORIGINS');
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      let url: URL | undefined;
      try {
        url = new URL(item);
      } catch {
        url = undefined;
      }
      // Browsers send the bare origin; a path or trailing slash here would silently never match.
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== item.toLowerCase()) {
        throw new ConfigError(`ALLOWED_ORIGINS entries must be origins like https://partner.example, got "${item}"`);
      }
      return url.origin;
    });
}

function moderation(env: Env): Moderation {
  const raw = read(env, 'MODERATION') ?? 'hold';
  if (raw !== 'approve' && raw !== 'hold') {
    throw new ConfigError(`MODERATION must be "approve" or "hold", got "${raw}"`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env, paths: Paths = defaultPaths): Config {
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: read(env, 'HOST') ?? '127.0.0.1',
    database: read(env, 'DATABASE') ?? 'data/news.db',
    allowedOrigins: origins(env),
    moderation: moderation(env),
    floodSeconds: integer(env, 'FLOOD_SECONDS', 15, 0, 86_400),
    rateLimit: integer(env, 'RATE_LIMIT', 30, 0, 100_000),
    paths,
  };
}
