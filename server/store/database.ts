/**
 * Opens the SQLite file with the settings the server relies on, checks it can serve from it, and brings its
 * schema and seed up to date. Whatever is wrong with the file is found here, at start, as a `DatabaseError`
 * that says what is wrong in one sentence — never later, as a 500 on every write.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { countWords } from '../../src/i18n/reading-time.js';
import { commentHtml } from '../comments/comment-html.js';
import { textFromHtml } from '../html.js';
import { migrations } from './migrations.js';

export type Db = Database.Database;

/** A database file the server cannot serve from; `message` completes "DATABASE=<file> …". */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

/** A write that could not get SQLite's write lock in time (another process holds it). */
export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
}

export interface OpenOptions {
  /** Runs inside the start-up transaction, after the migrations: seeds an empty database. */
  seed?: (db: Db) => void;
}

/**
 * How long start-up waits for another process's lock: a second server starting on the same new file waits
 * here for the first one's migrations and seed, which take milliseconds.
 */
const STARTUP_BUSY_MS = 10_000;

type SqliteError = InstanceType<typeof Database.SqliteError>;
const isSqliteError = (error: unknown): error is SqliteError => error instanceof Database.SqliteError;

/** True for SQLITE_BUSY and its extended codes: the write lock is held by another connection. */
export const isBusy = (error: unknown): boolean => isSqliteError(error) && error.code.startsWith('SQLITE_BUSY');

/** What an error met while opening means for the reader of the start-up line. */
function explain(error: unknown, file: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const code = isSqliteError(error) ? error.code : ((error as NodeJS.ErrnoException).code ?? '');
  const folder = dirname(file);
  const reason = (() => {
    if (code === 'SQLITE_NOTADB') return 'is not a SQLite database';
    if (code.startsWith('SQLITE_CORRUPT')) return `is damaged (${(error as Error).message})`;
    if (code.startsWith('SQLITE_READONLY')) return readOnly(file);
    if (code.startsWith('SQLITE_BUSY')) return `is locked by another process (waited ${STARTUP_BUSY_MS / 1000} s)`;
    if (code === 'SQLITE_FULL') return 'cannot grow: the disk is full';
    if (code === 'EEXIST' || code === 'ENOTDIR') return `cannot be created: a part of its folder path (${folder}) is a file`;
    if (code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return cannotOpen(file);
    }
    return `cannot be opened: ${(error as Error).message}`;
  })();
  return new DatabaseError(reason, { cause: error });
}

/** Which part is read-only: SQLite's codes tell the folder from the file only sometimes; the file system always. */
function readOnly(file: string): string {
  const writable = (path: string) => {
    try {
      accessSync(path, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  const folder = dirname(file);
  if (!writable(folder)) return `is in a folder (${folder}) that is read-only: SQLite must create its -wal and -shm files beside it`;
  if (!writable(file)) return 'is read-only: the server must write comments to it';
  return 'cannot be written: its -wal or -shm file beside it is read-only';
}

/** SQLite's "unable to open database file" says nothing of why; the file system does. */
function cannotOpen(file: string): string {
  const folder = dirname(file);
  if (existsSync(file)) {
    try {
      accessSync(file, constants.R_OK);
    } catch {
      return 'cannot be read: no read permission';
    }
    return 'cannot be opened';
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return `does not exist and cannot be created: its folder (${folder}) is missing or read-only`;
  }
  return 'does not exist and cannot be created';
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    prepare(db, options);
    return db;
  } catch (error) {
    db?.close();
    throw explain(error, file);
  }
}

/**
 * Runs a start-up step again while it meets another process's lock. SQLite's busy handler covers most waits,
 * but not all: switching a new file to WAL while a second server opens it fails at once with SQLITE_BUSY.
 * Blocking is fine here, before the server listens.
 */
function untilUnlocked<T>(step: () => T): T {
  const deadline = Date.now() + STARTUP_BUSY_MS;
  for (;;) {
    try {
      return step();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

function prepare(db: Db, { seed }: OpenOptions): void {
  db.pragma(`busy_timeout = ${STARTUP_BUSY_MS}`);
  // WAL lets readers (page renders, API reads) go on while a comment is written, by this or another process.
  untilUnlocked(() => db.pragma('journal_mode = WAL'));
  // With WAL, NORMAL syncs at checkpoints rather than at every commit: a committed comment survives a crash
  // or kill of this process (it is in the WAL file), but the last commits before a power cut or OS crash may
  // be lost (the file stays consistent). FULL would fsync every commit and cap writes at the disk's sync rate.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Migration 2 fills comments.content_hash with this; the comment store computes the same value in JavaScript.
  db.function('nw_content_hash', { deterministic: true }, (text: unknown) => contentHash(String(text)));
  // Migration 4 fills posts.words with this; the seed stores the same count for the posts it inserts.
  db.function('nw_word_count', { deterministic: true }, (html: unknown, lang: unknown) => postWords(String(html), String(lang)));
  // Migration 5 fills comments.content_html with this; the comment store stores the same with each new comment.
  db.function('nw_comment_html', { deterministic: true }, (text: unknown) => commentHtml(String(text)));

  // Damaged pages would otherwise surface one request at a time, as 500s.
  const problems = untilUnlocked(() => db.pragma('quick_check', { simple: false })) as Array<{ quick_check: string }>;
  if (problems[0]?.quick_check !== 'ok') {
    const first = problems[0]?.quick_check.split('\n').find((line) => !line.startsWith('***')) ?? 'no answer';
    throw new DatabaseError(`is damaged: PRAGMA quick_check found ${problems.length} problem(s), first "${first}"`);
  }

  // One exclusive transaction for the schema and the seed: a second server starting on the same new file
  // waits for it and then finds both done. It always writes (user_version), so a file this process may read
  // but not write is refused here rather than by every comment later.
  const startup = db.transaction(() => {
    migrate(db);
    seed?.(db);
  });
  untilUnlocked(() => startup.exclusive());

  // From now on a write never waits inside SQLite, which would block every request of this process: the
  // comment store retries without blocking and gives up with `DatabaseBusyError`.
  db.pragma('busy_timeout = 0');
}

/**
 * The duplicate check's key for a comment's text: the first 48 bits of its SHA-1, a safe integer for SQLite.
 * Only narrows the search; the text is always compared as well, so collisions cost a row read, never a
 * wrong answer.
 */
export function contentHash(text: string): number {
  return createHash('sha1').update(text).digest().readUIntBE(0, 6);
}

/** Words of a post's HTML as the widgets count them (word-like segments in its language). */
export function postWords(html: string, lang: string): number {
  return countWords(textFromHtml(html), lang);
}

/**
 * A value that changes whenever anything is committed to the file: by this connection (`total_changes()`,
 * rows it changed) or by any other, another process included (`data_version`). What is derived from stored
 * rows can be kept while it stays the same.
 */
export function changeMarker(db: Db): () => string {
  const statement = db
    .prepare<[], string>(`SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version())`)
    .pluck();
  return () => statement.get() as string;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new DatabaseError(
      `has schema version ${current}, from a newer server; this one knows versions up to ${migrations.length}`,
    );
  }
  for (let version = current + 1; version <= migrations.length; version++) db.exec(migrations[version - 1]);
  // PRAGMA takes no bound parameters; the value is the length of a constant list, never input.
  db.pragma(`user_version = ${migrations.length}`);
}
