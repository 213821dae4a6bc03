/**
 * Attempts counted in a sliding window (comments a client sent, failed sign-ins), in the database, so that every
 * server instance on it counts them together: a client cannot get twice the limit by reaching two instances. The
 * clock is the wall clock, the one all instances share; tests inject theirs.
 *
 * Each key's attempts are numbered (`seq`), so "is the window full?" is two index probes whatever the limit: the
 * attempt `limit - 1` before the latest is found by its number, and the window is full while it is in the window.
 * The counts need not survive a crash, so PostgreSQL does not wait for them to reach the disk.
 */
import type { Sql } from './client.js';

/** The expired attempts of a bucket are deleted once in this many attempts, so the table holds about one window. */
const PRUNE_EVERY = 256;

const STATEMENTS = {
  latest: 'SELECT max(seq) FROM attempts WHERE bucket = :bucket AND key = :key',
  at: 'SELECT at_ms FROM attempts WHERE bucket = :bucket AND key = :key AND seq = :seq',
  add: 'INSERT INTO attempts (bucket, key, seq, at_ms) VALUES (:bucket, :key, :seq, :now)',
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

  /** The key's latest attempt number (0 for none) and the seconds until it may try again (0: now). */
  async function look(tx: Sql, bucket: string, key: string, { limit, windowMs }: Window, at: number) {
    const latest = (await tx.value<number | null>(STATEMENTS.latest, { bucket, key })) ?? 0;
    if (limit === 0 || latest < limit) return { latest, wait: 0 };
    // The oldest of the `limit` latest attempts: the window is full while it is still in it.
    const oldest = await tx.value<number>(STATEMENTS.at, { bucket, key, seq: latest - limit + 1 });
    const wait = oldest !== undefined && oldest > at - windowMs ? Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)) : 0;
    return { latest, wait };
  }

  async function add(tx: Sql, bucket: string, key: string, latest: number, { windowMs }: Window, at: number): Promise<void> {
    await tx.run(STATEMENTS.add, { bucket, key, seq: latest + 1, now: at });
    if (++added % PRUNE_EVERY === 0) await tx.run(STATEMENTS.prune, { bucket, since: at - windowMs });
  }

  /** One transaction per key: two instances never number two attempts alike, nor both take the last place. */
  const locked = <T>(bucket: string, key: string, work: (tx: Sql) => Promise<T>) =>
    db.transaction(work, { locks: [`${bucket} ${key}`], durable: false });

  return {
    /** Seconds until `key` may try again, 0 when it may now. */
    async wait(bucket: string, key: string, window: Window): Promise<number> {
      return (await look(db, bucket, key, window, now())).wait;
    },
    /** Counts one attempt, whatever the count. */
    add(bucket: string, key: string, window: Window): Promise<void> {
      return locked(bucket, key, async (tx) => {
        const at = now();
        await add(tx, bucket, key, (await look(tx, bucket, key, { ...window, limit: 0 }, at)).latest, window, at);
      });
    },
    /**
     * Counts one attempt if the window has room for it and resolves to 0, else resolves to the seconds until it
     * will have (for `Retry-After`); a refused attempt is not counted.
     */
    hit(bucket: string, key: string, window: Window): Promise<number> {
      if (window.limit === 0) return Promise.resolve(0);
      return locked(bucket, key, async (tx) => {
        const at = now();
        const { latest, wait } = await look(tx, bucket, key, window, at);
        if (wait === 0) await add(tx, bucket, key, latest, window, at);
        return wait;
      });
    },
  };
}
