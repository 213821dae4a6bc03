import type { Query } from './params.js';

/** A free-text parameter (`search`, `mime_type`), the last of repeated ones as PHP keeps it. */
export function textParam(query: Query, name: string): string | undefined {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw.at(-1) : raw;
  return typeof value === 'string' ? value : undefined;
}
