/**
 * Attempts counted in a sliding window (comments a client sent, failed sign-ins), in the database, so that every
 * server instance on it counts them together: a client cannot get twice the limit by reaching two instances. The
 * clock is the wall clock, the one all instances share; tests inject theirs.
 */
import type { Sql } from './client.js';

/** The expired attempts of a bucket are deleted once in this many attempts, so the table holds about one window. */
const PRUNE_EVERY = 256;

const STATEMENTS = {
  // The oldest of the `limit` latest attempts in the window: while there is one, the key must wait for it to expire.
  oldest: `SELECT at_ms FROM attempts WHERE bucket = :bucket AND key = :key AND at_ms > :since
           ORDER BY at_ms DESC LIMIT 1 OFFSET :skip`,
  add: 'INSERT INTO attempts (bucket, key, at_ms) VALUES (:bucket, :key, :now)',
  prune: 'DELETE FROM attempts WHERE bucket = :bucket AND at_ms <= :since',
};

export interface Window {
  /** Attempts allowed in the window; 0 allows any number. */
  limit: number;
  windowMs: number;
}

export type AttemptStore = ReturnType<typeof createAttemptStore>;

export function createAttemptStore(db: Sql, now: () => number = Date.now) {
  let added = 0;

  async function waitIn(tx: Sql, bucket: string, key: string, { limit, windowMs }: Window, at: number): Promise<number> {
    if (limit === 0) return 0;
    const oldest = await tx.value<number>(STATEMENTS.oldest, { bucket, key, since: at - windowMs, skip: limit - 1 });
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + windowMs - at) / 1000));
  }

  async function addIn(tx: Sql, bucket: string, key: string, { windowMs }: Window, at: number): Promise<void> {
    await tx.run(STATEMENTS.add, { bucket, key, now: at });
    if (++added % PRUNE_EVERY === 0) await tx.run(STATEMENTS.prune, { bucket, since: at - windowMs });
  }

  return {
    /** Seconds until `key` may try again, 0 when it may now. */
    wait(bucket: string, key: string, window: Window): Promise<number> {
      return waitIn(db, bucket, key, window, now());
    },
    /** Counts one attempt, whatever the count. */
    add(bucket: string, key: string, window: Window): Promise<void> {
      return db.transaction((tx) => addIn(tx, bucket, key, window, now()));
    },
    /**
     * Counts one attempt if the window has room for it and resolves to 0, else resolves to the seconds until it
     * will have (for `Retry-After`); a refused attempt is not counted. One transaction, locked on the key, so two
     * instances never both let the last allowed attempt through.
     */
    hit(bucket: string, key: string, window: Window): Promise<number> {
      if (window.limit === 0) return Promise.resolve(0);
      return db.transaction(
        async (tx) => {
          const at = now();
          const wait = await waitIn(tx, bucket, key, window, at);
          if (wait === 0) await addIn(tx, bucket, key, window, at);
          return wait;
        },
        { locks: [`${bucket} ${key}`] },
      );
    },
  };
}
