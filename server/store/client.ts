/**
 * What the stores need of a database, the same for SQLite (better-sqlite3, one file) and PostgreSQL (node-postgres,
 * a pool shared by several server instances). The stores write one SQL text for both: named parameters (`:name`),
 * the few places where the two dialects differ through `Dialect`, and identifiers that mean the same to both (quoted
 * where PostgreSQL would fold case or reserves the word).
 */

/** Named parameters: `{ id: 1 }` for `:id`. */
export type Params = object;

/** The SQL fragments that differ between the two databases. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /**
   * A list parameter (`client.list(…)`) as a table `alias` with columns `value` (the item) and `key` (its position):
   * `IN (SELECT value FROM ${each(':ids', 'int', 'j')})`, `(SELECT key FROM ${each(…)} WHERE value = t.id)`.
   */
  each(param: string, kind: 'int' | 'text', alias: string): string;
  /** Case-insensitive comparison as WordPress's MySQL collation makes it (SQLite's NOCASE is ASCII-only). */
  nocase(expression: string): string;
  /** The LIKE that ignores case. */
  readonly like: string;
  /** The characters the duplicate check trims from a text's end: space, tab, line feed, VT, FF, CR. */
  readonly trailingSpace: string;
}

export interface TransactionOptions {
  /** What two concurrent transactions must not check and write at once; see `Sql.transaction`. */
  locks?: readonly string[];
  /**
   * `false` for what need not survive a crash (rate-limit counts): PostgreSQL then answers the COMMIT without
   * waiting for the disk. SQLite's commits do not wait for it anyway (WAL, `synchronous = NORMAL`).
   */
  durable?: boolean;
}

export interface Sql {
  readonly dialect: Dialect;
  all<R>(sql: string, params?: Params): Promise<R[]>;
  get<R>(sql: string, params?: Params): Promise<R | undefined>;
  /** The first column of the first row. */
  value<V>(sql: string, params?: Params): Promise<V | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, params?: Params): Promise<number>;
  /**
   * Runs `work` in one write transaction, committed when it resolves and rolled back if it throws; what `work`
   * does goes through the `Sql` it is given. `locks` name what two concurrent transactions must not check and
   * write at once (an e-mail address, a client address): PostgreSQL serializes them across every instance,
   * SQLite has one writer at a time anyway.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** A list as one parameter, so one statement serves any length; `null` for no list. */
  list(items: readonly (number | string)[] | undefined): unknown;
  /**
   * A value that changes whenever anything is committed, by this process or any other: what is derived from
   * stored rows can be kept while it stays the same (`keptWhileUnchanged`).
   */
  marker(): Promise<string>;
  close(): Promise<void>;
}

/** The database cannot serve the request now (stopped, restarting, unreachable, locked): answer 503, try later. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  /** Seconds a client should wait before trying again. */
  readonly retryAfter: number;

  constructor(message: string, options: { cause?: unknown; retryAfter?: number } = {}) {
    super(message, { cause: options.cause });
    this.retryAfter = options.retryAfter ?? 1;
  }
}

/** A database the server cannot start on; `message` completes "DATABASE=<file> …" or "DATABASE_URL=<url> …". */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

/** `LIKE '%text%'` with LIKE's own wildcards in `text` matching themselves (with `ESCAPE '\'`). */
export const likeContaining = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** A time as the `*_gmt` columns hold it, WordPress's zone-less GMT form: `2026-11-29T12:00:00`. */
export const gmtString = (date: Date = new Date()) => date.toISOString().slice(0, 19);
