/**
 * A sliding one-minute window per client, in memory: enough for one server process, and it forgets everything on
 * restart, which is what a demo wants. The clock is injected so tests need not wait.
 *
 * Each client keeps its attempt times oldest first, and expired ones are dropped from the front, so an attempt
 * costs O(1) amortized however high the limit (the bench runs with 100000 a minute). The default clock is
 * monotonic, so a wall-clock step cannot lock a client out or let it through early.
 *
 * Memory is bounded whatever the traffic: the map is kept in order of last attempt, so the clients idle longest
 * are at its front; each attempt forgets those idle for a whole window, and beyond `maxKeys` clients the least
 * recently active one. Only a client that has been quiet while `maxKeys` others were not can so lose its count.
 */
export const WINDOW_MS = 60_000;
/** About 4 MB at the default limit of 30, the most the limiter then holds. */
export const MAX_KEYS = 10_000;

/** A client's attempt times in the window: `times[head…]`, oldest first; `last` its latest attempt, refused or not. */
interface Window {
  times: number[];
  head: number;
  last: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  /** `limit` 0 turns limiting off (`RATE_LIMIT=0`). */
  constructor(
    private readonly limit: number,
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = MAX_KEYS,
  ) {}

  /**
   * Counts one attempt by `key`. Returns 0 when it is allowed, else the seconds until the oldest attempt
   * in the window expires (for `Retry-After`). Refused attempts are not counted.
   */
  hit(key: string): number {
    if (this.limit === 0) return 0;
    const now = this.now();
    let window = this.windows.get(key);
    if (window === undefined) {
      window = { times: [], head: 0, last: now };
    } else {
      // Deleted and set again: the map stays in order of last attempt.
      this.windows.delete(key);
      window.last = now;
    }
    this.windows.set(key, window);
    this.forget(now);

    const { times } = window;
    while (window.head < times.length && now - times[window.head] >= WINDOW_MS) window.head++;
    if (times.length - window.head >= this.limit) {
      return Math.max(1, Math.ceil((times[window.head] + WINDOW_MS - now) / 1000));
    }
    // Reclaim the expired front once it is at least half the array: amortized O(1) per attempt.
    if (window.head > 0 && window.head * 2 >= times.length) {
      times.splice(0, window.head);
      window.head = 0;
    }
    times.push(now);
    return 0;
  }

  /** Clients tracked, for tests. */
  get size(): number {
    return this.windows.size;
  }

  /** From the front (idle longest): clients with no attempt in the window, then any beyond `maxKeys`. */
  private forget(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.last < WINDOW_MS && this.windows.size <= this.maxKeys) return;
      this.windows.delete(key);
    }
  }
}
