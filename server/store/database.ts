/** Opens the SQLite file with the settings the server relies on, and brings its schema up to date. */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations.js';

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // WAL lets readers (page renders, API reads) go on while a comment is written.
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL syncs at checkpoints rather than at every commit: a committed comment survives a crash
  // or kill of this process (it is in the WAL file), but the last commits before a power cut or OS crash may
  // be lost (the file stays consistent). FULL would fsync every commit and cap writes at the disk's sync rate.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Migration 2 fills comments.content_hash with this; the comment store computes the same value in JavaScript.
  db.function('nw_content_hash', { deterministic: true }, (text: unknown) => contentHash(String(text)));
  migrate(db);
  return db;
}

/**
 * The duplicate check's key for a comment's text: the first 48 bits of its SHA-1, a safe integer for SQLite.
 * Only narrows the search; the text is always compared as well, so collisions cost a row read, never a
 * wrong answer.
 */
export function contentHash(text: string): number {
  return createHash('sha1').update(text).digest().readUIntBE(0, 6);
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(`The database has schema version ${current}; this server knows only up to ${migrations.length}.`);
  }
  for (let version = current + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1]);
      // PRAGMA takes no bound parameters; `version` is a loop counter, never input.
      db.pragma(`user_version = ${version}`);
    })();
  }
}
