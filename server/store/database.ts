/**
 * The database the server stores in: the SQLite file `DATABASE` names (the embedded default), or the PostgreSQL
 * database of `DATABASE_URL`, which several server instances can share. Either way its schema is brought up to date
 * and an empty one is seeded before the server listens.
 */
import type { Config } from '../config.js';
import type { Sql } from './client.js';
import { migratePostgres, postgresClient } from './postgres.js';
import { seedIfEmpty } from './seed.js';
import { openSqlite } from './sqlite.js';

export async function openDatabase(config: Pick<Config, 'database' | 'databaseUrl' | 'poolSize' | 'paths'>, log: (error: Error) => void = () => undefined): Promise<Sql> {
  const sql = config.databaseUrl
    ? await (async () => {
        const client = postgresClient(config.databaseUrl!, { poolSize: config.poolSize, onIdleError: log });
        try {
          await migratePostgres(client);
        } catch (error) {
          await client.close();
          throw error;
        }
        return client;
      })()
    : openSqlite(config.database);
  try {
    await seedIfEmpty(sql, config.paths.seed);
  } catch (error) {
    await sql.close();
    throw error;
  }
  return sql;
}
