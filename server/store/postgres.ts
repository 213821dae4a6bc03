/**
 * The PostgreSQL store's connection (`DATABASE_URL=postgres://…`): a node-postgres pool that several server
 * instances share one database through. The stores' SQL is written once for both databases; here its `:name`
 * parameters become PostgreSQL's typed `$n`, lists become arrays, and booleans come back as SQLite's 0 and 1.
 *
 * A database that is stopped, restarting or unreachable makes a statement fail with `DatabaseUnavailableError`
 * (a 503 with Retry-After), never a crash: the pool drops broken connections and opens new ones when asked.
 */
import pg from 'pg';
import { DatabaseError, DatabaseUnavailableError, type Dialect, type Params, type Sql, type TransactionOptions } from './client.js';
import { postgresMigrations } from './migrations-postgres.js';

export interface PostgresOptions {
  /** Connections this instance keeps open at most (`PG_POOL_SIZE`). */
  poolSize: number;
  /** How long a request waits for a connection before it answers 503. */
  connectTimeoutMs?: number;
  /** Called with an error on an idle connection (the database went away); it is dropped either way. */
  onIdleError?: (error: Error) => void;
}

const dialect: Dialect = {
  name: 'postgres',
  each: (param, kind, alias) =>
    `unnest(CAST(${param} AS ${kind === 'int' ? 'bigint' : 'text'}[])) WITH ORDINALITY AS ${alias} (value, key)`,
  nocase: (expression) => `lower(${expression})`,
  like: 'ILIKE',
  trailingSpace: 'chr(32) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)',
};

/** How long one statement may take: the slowest the server sends (a page of long posts) takes milliseconds. */
const STATEMENT_TIMEOUT_MS = 10_000;

/** SQLSTATE classes and codes that mean "not now" rather than "never": the server is starting, stopping, gone, full. */
const UNAVAILABLE_STATES = /^(08|57014|57P0[1-3]|53300|53400|40001|40P01)/;
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Whether `error` says the database cannot answer now (a 503), as opposed to a fault in the statement (a 500). */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? '';
  if (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_ERRNOS.has(code)) return true;
  // node-postgres's own errors for a connection that broke or never came carry no code.
  return /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Connection refused/i.test(error.message);
}

const unavailable = (cause: unknown) =>
  isUnavailable(cause) ? new DatabaseUnavailableError('the database is not answering', { cause, retryAfter: 2 }) : cause;

/**
 * `:name` → `$n::type` outside quoted strings and `::` casts, the type from the value bound, so that PostgreSQL needs
 * no context to know it (`:x IS NULL` alone is ambiguous to it); `null` becomes the literal NULL.
 */
function translate(sql: string, params: Params | undefined): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const numbers = new Map<string, string>();
  const text = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|::|:([A-Za-z_]\w*)/g, (match, name: string | undefined) => {
    if (name === undefined) return match;
    let placeholder = numbers.get(name);
    if (placeholder === undefined) {
      if (!params || !(name in params)) throw new Error(`no value for :${name}`);
      const value = (params as Record<string, unknown>)[name];
      if (value === null || value === undefined) placeholder = 'NULL';
      else {
        values.push(value);
        placeholder = `$${values.length}::${typeOf(value)}`;
      }
      numbers.set(name, placeholder);
    }
    return placeholder;
  });
  return { text, values };
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return value.length > 0 && value.every((item) => typeof item === 'number') ? 'bigint[]' : 'text[]';
  if (typeof value === 'number') return Number.isInteger(value) ? 'bigint' : 'float8';
  return 'text';
}

/**
 * Statements by name, so that each connection parses and plans a text once rather than on every request. The
 * texts are the stores' own, one per combination of filters in use and order, so there are a few hundred at most.
 */
const names = new Map<string, string>();
function prepared(text: string, values: unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (name === undefined) names.set(text, (name = `nw${names.size + 1}`));
  return { name, text, values };
}

/** bigint counts and ids as numbers (all of them are far below 2^53), booleans as SQLite's 1 and 0. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return Number;
    if (oid === pg.types.builtins.BOOL) return (value: string) => (value === 't' ? 1 : 0);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;


function clientOver(query: (text: string, values: unknown[]) => Promise<pg.QueryResult>, transaction: Sql['transaction']): Sql {
  const rows = async <R>(sql: string, params?: Params): Promise<R[]> => {
    const { text, values } = translate(sql, params);
    try {
      return (await query(text, values)).rows as R[];
    } catch (error) {
      throw unavailable(error);
    }
  };
  return {
    dialect,
    all: rows,
    get: async <R>(sql: string, params?: Params) => (await rows<R>(sql, params))[0],
    async value<V>(sql: string, params?: Params) {
      const [row] = await rows<Record<string, V>>(sql, params);
      return row === undefined ? undefined : Object.values(row)[0];
    },
    async run(sql, params) {
      const { text, values } = translate(sql, params);
      try {
        return (await query(text, values)).rowCount ?? 0;
      } catch (error) {
        throw unavailable(error);
      }
    },
    transaction,
    list: (items) => (items === undefined ? null : [...items]),
    // Changes whenever any transaction that wrote commits, in this instance or another: a committed write leaves
    // the snapshot's list of running transactions, or moves its bounds.
    marker: async () => (await rows<{ s: string }>('SELECT pg_current_snapshot()::text AS s'))[0].s,
    close: async () => undefined,
  };
}

export function postgresClient(url: string, options: PostgresOptions): Sql & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    // A statement that runs too long (a lock never released) ends on the server; one whose answer never comes (a
    // network that went silent) ends here. Either is a 503, not a request left hanging.
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 5000,
    keepAlive: true,
    types,
    application_name: 'news-widgets',
  });
  // An idle connection whose server went away emits here; without a listener the process would exit.
  pool.on('error', (error) => options.onIdleError?.(error));

  async function transaction<T>(work: (tx: Sql) => Promise<T>, { locks = [], durable = true }: TransactionOptions = {}): Promise<T> {
    let connection: pg.PoolClient;
    try {
      connection = await pool.connect();
    } catch (error) {
      throw unavailable(error);
    }
    const tx = clientOver(
      (text, values) => connection.query(prepared(text, values)),
      (inner) => inner(tx),
    );
    let broken: Error | undefined;
    // A connection that breaks while checked out (between two statements of `work`) says so here; without a
    // listener the error would end the process. It is not given back to the pool but closed.
    const lost = (error: Error) => {
      broken = error;
    };
    connection.on('error', lost);
    try {
      // One round trip for the start: BEGIN, the commit mode and the locks (a 64-bit key from each name, taken in one
      // order everywhere, so two transactions never wait for each other's second lock) as one simple query.
      const start = [
        'BEGIN',
        ...(durable ? [] : ['SET LOCAL synchronous_commit = off']),
        ...[...new Set(locks)].sort().map((name) => `SELECT pg_advisory_xact_lock(hashtextextended(${connection.escapeLiteral(name)}, 0))`),
      ];
      await connection.query(start.join('; ')).catch((error: unknown) => {
        throw unavailable(error);
      });
      const result = await work(tx);
      await connection.query('COMMIT').catch((error: unknown) => {
        throw unavailable(error);
      });
      return result;
    } catch (error) {
      await connection.query('ROLLBACK').catch((rollback: Error) => {
        broken = rollback;
      });
      throw error;
    } finally {
      connection.off('error', lost);
      connection.release(broken);
    }
  }

  const client = clientOver((text, values) => pool.query(prepared(text, values)), transaction);
  return { ...client, pool, close: () => pool.end() };
}

/** The key of this server's migrations lock: any constant (a safe integer; it reads "nw-mig" in ASCII). */
const MIGRATION_LOCK = 0x6e772d6d6967;

/**
 * Brings the schema up to date under an advisory lock, so that several instances starting at once run each
 * migration exactly once: the first takes the lock and migrates, the others wait and then find nothing to do.
 */
export async function migratePostgres(client: Sql & { pool: pg.Pool }): Promise<void> {
  let connection: pg.PoolClient;
  try {
    connection = await client.pool.connect();
  } catch (error) {
    throw new DatabaseError(`cannot be reached: ${(error as Error).message}`, { cause: error });
  }
  const lost = () => undefined;
  connection.on('error', lost);
  try {
    await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await connection.query('CREATE TABLE IF NOT EXISTS nw_schema (version integer NOT NULL)');
    const { rows } = await connection.query<{ version: number }>('SELECT max(version) AS version FROM nw_schema');
    const current = rows[0]?.version ?? 0;
    if (current > postgresMigrations.length) {
      throw new DatabaseError(
        `has schema version ${current}, from a newer server; this one knows versions up to ${postgresMigrations.length}`,
      );
    }
    for (let version = current + 1; version <= postgresMigrations.length; version++) {
      await connection.query('BEGIN');
      await connection.query(postgresMigrations[version - 1]);
      await connection.query('INSERT INTO nw_schema (version) VALUES ($1)', [version]);
      await connection.query('COMMIT');
    }
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error instanceof DatabaseError ? error : new DatabaseError(`cannot be migrated: ${(error as Error).message}`, { cause: error });
  } finally {
    await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    connection.off('error', lost);
    connection.release();
  }
}
