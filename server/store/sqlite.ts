/**
 * The SQLite store's connection: opens the file with the settings the server relies on, checks it can serve from it,
 * brings its schema up to date, and then serves the stores' statements (`Sql`). Whatever is wrong with the file is
 * found at start, as a `DatabaseError` that says what is wrong in one sentence — never later, as a 500 on every write.
 */
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { commentHtml } from '../comments/comment-html.js';
import { DatabaseError, DatabaseUnavailableError, type Dialect, type Params, type Sql } from './client.js';
import { contentHash, postWords } from './derived.js';
import { migrations } from './migrations.js';

type Db = Database.Database;

/**
 * How long start-up waits for another process's lock: a second server starting on the same new file waits
 * here for the first one's migrations and seed, which take milliseconds.
 */
const STARTUP_BUSY_MS = 10_000;

/**
 * How long a write waits for the write lock another process holds, and how often it tries. The waiting is
 * done between tries, off SQLite's busy handler, so the event loop keeps serving reads meanwhile.
 */
export const WRITE_WAIT = { totalMs: 1000, stepMs: 25 };

/** Statements kept prepared, one per SQL text, the least recently used dropped first. */
const STATEMENTS_KEPT = 500;

type SqliteError = InstanceType<typeof Database.SqliteError>;
const isSqliteError = (error: unknown): error is SqliteError => error instanceof Database.SqliteError;


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

function prepare(db: Db): void {
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

  // One exclusive transaction for the schema: a second server starting on the same new file waits for it and then
  // finds it done. It always writes (user_version), so a file this process may read but not write is refused here
  // rather than by every comment later.
  untilUnlocked(() => db.transaction(() => migrate(db)).exclusive());

  // From now on a write never waits inside SQLite, which would block every request of this process: a transaction
  // retries without blocking and gives up with `DatabaseUnavailableError`.
  db.pragma('busy_timeout = 0');
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

/** Opens (and if need be creates) the SQLite file and brings its schema up to date. */
export function openSqlite(file: string): Sql {
  let db: Db | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    prepare(db);
  } catch (error) {
    db?.close();
    throw explain(error, file);
  }
  return sqliteClient(db);
}

const dialect: Dialect = {
  name: 'sqlite',
  each: (param, _kind, alias) => `json_each(${param}) AS ${alias}`,
  nocase: (expression) => `${expression} COLLATE NOCASE`,
  like: 'LIKE',
  trailingSpace: 'char(32, 9, 10, 11, 12, 13)',
};

/** True for SQLITE_BUSY and its extended codes: the write lock is held by another connection. */
const isBusy = (error: unknown): boolean => isSqliteError(error) && error.code.startsWith('SQLITE_BUSY');

const locked = (cause: unknown) => new DatabaseUnavailableError('the database is locked by another writer', { cause });

/**
 * better-sqlite3 answers at once, so each statement runs to its end before any other code does; only a transaction
 * spans several turns of the event loop. While one is open, the statements of everything else wait for it (`open`),
 * so that none of them becomes part of it. Within it, `work` uses the `Sql` it is given, which does not wait.
 */
function sqliteClient(db: Db): Sql {
  const kept = new Map<string, Database.Statement>();
  /** The statement for `sql`, prepared once; `pluck` ones answer their first column only. */
  const statement = (sql: string, pluck = false): Database.Statement => {
    const key = pluck ? `pluck ${sql}` : sql;
    let found = kept.get(key);
    if (found) kept.delete(key);
    else found = pluck ? db.prepare(sql).pluck() : db.prepare(sql);
    kept.set(key, found);
    if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
    return found;
  };
  const bind = (params: Params | undefined): unknown[] => (params === undefined ? [] : [params]);
  const changes = db.prepare<[], string>(`SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version())`).pluck();

  const direct = {
    all: <R>(sql: string, params?: Params) => statement(sql).all(...bind(params)) as R[],
    get: <R>(sql: string, params?: Params) => statement(sql).get(...bind(params)) as R | undefined,
    value: <V>(sql: string, params?: Params) => statement(sql, true).get(...bind(params)) as V | undefined,
    run: (sql: string, params?: Params) => statement(sql).run(...bind(params)).changes,
  };

  /** The transaction now open, which every statement outside it waits for. */
  let open: Promise<unknown> | undefined;
  const settled = (promise: Promise<unknown>) => promise.catch(() => undefined);
  /**
   * A statement outside any transaction; SQLITE_BUSY (another process's write) is a 503, not a 500. The check of
   * `open` and the statement run in one turn, with no `await` between them.
   */
  const outside =
    <A extends unknown[], R>(step: (...args: A) => R) =>
    async (...args: A): Promise<R> => {
      while (open) await settled(open);
      try {
        return step(...args);
      } catch (error) {
        throw isBusy(error) ? locked(error) : error;
      }
    };

  const inside: Sql = {
    dialect,
    all: async <R>(sql: string, params?: Params) => direct.all<R>(sql, params),
    get: async <R>(sql: string, params?: Params) => direct.get<R>(sql, params),
    value: async <V>(sql: string, params?: Params) => direct.value<V>(sql, params),
    run: async (sql, params) => direct.run(sql, params),
    transaction: (work) => work(inside),
    list: (items) => (items === undefined ? null : JSON.stringify(items)),
    marker: async () => changes.get() as string,
    close: async () => undefined,
  };

  /**
   * BEGIN IMMEDIATE takes the write lock before `work` runs, so the checks and the insert they allow see the same
   * database even with a second writing process, and a try that found the lock taken did nothing. While another
   * process holds it, it tries again every `WRITE_WAIT.stepMs`, letting every other statement of this process run
   * meanwhile; after `WRITE_WAIT.totalMs` it gives up. Only once it holds the lock do other statements wait for it.
   */
  async function transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const deadline = performance.now() + WRITE_WAIT.totalMs;
    for (;;) {
      while (open) await settled(open);
      try {
        db.exec('BEGIN IMMEDIATE');
        break;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (performance.now() + WRITE_WAIT.stepMs > deadline) throw locked(error);
      }
      await sleep(WRITE_WAIT.stepMs);
    }
    // From BEGIN to here nothing else ran: no statement of another request can have joined the transaction.
    const done = (async () => {
      try {
        const result = await work(inside);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw isBusy(error) ? locked(error) : error;
      }
    })();
    open = done;
    try {
      return await done;
    } finally {
      if (open === done) open = undefined;
    }
  }

  return {
    ...inside,
    all: outside(direct.all) as Sql['all'],
    get: outside(direct.get) as Sql['get'],
    value: outside(direct.value) as Sql['value'],
    run: outside(direct.run),
    transaction,
    marker: outside(() => changes.get() as string),
    close: async () => {
      while (open) await settled(open);
      db.close();
    },
  };
}
