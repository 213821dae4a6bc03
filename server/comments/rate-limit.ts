/**
 * A sliding one-minute window per client address, in memory: enough for one server process, and it forgets
 * everything on restart, which is what a demo wants. The clock is injected so tests need not wait.
 *
 * Each address keeps its attempt times oldest first, and expired ones are dropped from the front, so an
 * attempt costs O(1) amortized however high the limit (the bench runs with 100000 a minute). The default
 * clock is monotonic, so a wall-clock step cannot lock an address out or let it through early.
 */
export const WINDOW_MS = 60_000;

/** An address's attempt times in the window: `times[head…]`, oldest first. */
interface Window {
  times: number[];
  head: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;

  /** `limit` 0 turns limiting off (`RATE_LIMIT=0`). */
  constructor(
    private readonly limit: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.lastSweep = now();
  }

  /**
   * Counts one attempt by `key`. Returns 0 when it is allowed, else the seconds until the oldest attempt
   * in the window expires (for `Retry-After`). Refused attempts are not counted.
   */
  hit(key: string): number {
    if (this.limit === 0) return 0;
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (window === undefined) {
      window = { times: [], head: 0 };
      this.windows.set(key, window);
    }
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

  /** Addresses tracked, for tests: one with no attempt in the window is forgotten within a window or two. */
  get size(): number {
    return this.windows.size;
  }

  /** At most once a window, drops addresses with no attempt in it, so the map cannot grow without bound. */
  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      const last = window.times.at(-1);
      if (last === undefined || now - last >= WINDOW_MS) this.windows.delete(key);
    }
  }
}
