/** What the stores' prepared statements share: their parameters, and statements made on first use. */
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

/** A list as one JSON array parameter (`json_each(:x)`), so one statement serves any length; `null` for no list. */
export const jsonList = (items: readonly unknown[] | undefined): string | null => (items === undefined ? null : JSON.stringify(items));

/** `LIKE '%text%'` with LIKE's own wildcards in `text` matching themselves (with `ESCAPE '\'`). */
export const likeContaining = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * Statements made when first met, one per SQL text (the filters in use, an ORDER BY, which cannot be a parameter):
 * at most `size`, the least recently used dropped first, so a crafted variety of queries only evicts.
 */
export function preparedOnUse(db: Db, size = 200): <P extends unknown[] | object = object, R = unknown>(sql: string) => Statement<P, R> {
  const kept = new Map<string, Statement>();
  return <P extends unknown[] | object, R>(sql: string) => {
    let found = kept.get(sql);
    if (found) kept.delete(sql);
    else found = db.prepare(sql);
    kept.set(sql, found);
    if (kept.size > size) kept.delete(kept.keys().next().value as string);
    return found as unknown as Statement<P, R>;
  };
}

/** A time as the `*_gmt` columns hold it, WordPress's zone-less GMT form: `2026-11-29T12:00:00`. */
export const gmtString = (date: Date = new Date()) => date.toISOString().slice(0, 19);
