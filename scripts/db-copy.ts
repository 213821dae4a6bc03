/**
 * `npm run db:copy -- --from data/news.db --to postgres://user@host/news`: moves a site from its SQLite file to a
 * PostgreSQL database, every row with its id, in one transaction. The target must be empty (a new database, or one
 * only migrated); the file is read from a copy brought up to this server's schema, and is never written.
 *
 * Not copied: comment_previews (PostgreSQL's trigger makes them as the comments arrive) and attempts (rate-limit
 * counts, which expire within minutes anyway).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseError } from '../server/store/client.js';
import { migratePostgres, postgresClient } from '../server/store/postgres.js';
import { openSqlite } from '../server/store/sqlite.js';

/** Parents before children; a table's rows in id order. */
const TABLES = [
  'authors',
  'categories',
  'tags',
  'media',
  'media_sizes',
  'posts',
  'post_categories',
  'post_tags',
  'comments',
  'comment_trash',
  'application_passwords',
  'moderation_log',
] as const;
/** Columns that point at a row of their own table: copied as NULL, then set once every row is in. */
const SELF_REFERENCES: Partial<Record<(typeof TABLES)[number], string>> = { categories: 'parent', comments: 'parent' };
const ROWS_PER_INSERT = 500;

function fail(message: string): never {
  console.error(`db:copy: ${message}`);
  process.exit(1);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function copyDatabase(from: string, to: string, log: (line: string) => void = console.log): Promise<Record<string, number>> {
  if (!existsSync(from)) throw new DatabaseError(`${from} does not exist`);
  // A copy of the file, migrated: the source keeps its schema version and is never locked for long.
  const scratch = mkdtempSync(join(tmpdir(), 'nw-db-copy-'));
  const copy = join(scratch, 'source.db');
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(copy);
  } finally {
    source.close();
  }
  await openSqlite(copy).close();
  const sqlite = new Database(copy, { readonly: true });

  const target = postgresClient(to, { poolSize: 1 });
  const copied: Record<string, number> = {};
  try {
    await migratePostgres(target);
    const connection = await target.pool.connect();
    try {
      await connection.query('BEGIN');
      for (const table of TABLES) {
        const { rows } = await connection.query(`SELECT count(*) AS n FROM ${table}`);
        if (Number(rows[0].n) > 0) throw new DatabaseError(`the target database is not empty: ${table} has rows (copy into a new database)`);
      }
      for (const table of TABLES) {
        const columns = (sqlite.pragma(`table_info(${table})`) as Array<{ name: string }>).map((column) => column.name);
        const self = SELF_REFERENCES[table];
        const order = columns.includes('id') ? ' ORDER BY id' : '';
        const all = sqlite.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${table}${order}`).raw().all() as unknown[][];
        const selfIndex = self ? columns.indexOf(self) : -1;
        for (let start = 0; start < all.length; start += ROWS_PER_INSERT) {
          const batch = all.slice(start, start + ROWS_PER_INSERT);
          const values: unknown[] = [];
          const tuples = batch.map((row) => {
            const cells = row.map((cell, index) => {
              values.push(index === selfIndex ? null : cell);
              return `$${values.length}`;
            });
            return `(${cells.join(', ')})`;
          });
          await connection.query(`INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`, values);
        }
        if (self) {
          const linked = all.filter((row) => row[selfIndex] !== null).map((row) => [row[columns.indexOf('id')], row[selfIndex]]);
          for (const [id, parent] of linked) await connection.query(`UPDATE ${table} SET ${self} = $2 WHERE id = $1`, [id, parent]);
        }
        if (columns.includes('id')) {
          // The ids were given: the identity must go on after the largest.
          await connection.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`);
        }
        copied[table] = all.length;
        log(`${table}: ${all.length} row(s)`);
      }
      await connection.query('COMMIT');
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  } finally {
    sqlite.close();
    await target.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return copied;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let values: { from?: string; to?: string };
  try {
    ({ values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.from || !values.to) fail('use --from <SQLite file> --to postgres://user@host/database');
  if (!/^postgres(ql)?:\/\//.test(values.to)) fail('--to must be a postgres:// URL');
  try {
    await copyDatabase(values.from, values.to);
    console.log(`copied ${values.from} to the PostgreSQL database; start the server with DATABASE_URL set to it`);
  } catch (error) {
    fail(error instanceof DatabaseError ? error.message : (error as Error).message);
  }
}
