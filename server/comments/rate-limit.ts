/**
 * A sliding one-minute window per client address, in memory: enough for one server process, and it forgets
 * everything on restart, which is what a demo wants. The clock is injected so tests need not wait.
 */
export const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  /** `limit` 0 turns limiting off. */
  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts one attempt by `key`. Returns 0 when it is allowed, else the seconds until the oldest attempt
   * in the window expires (for `Retry-After`).
   */
  hit(key: string): number {
    if (this.limit === 0) return 0;
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((time) => now - time < WINDOW_MS);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    this.prune(now);
    return 0;
  }

  /** Drops addresses with no attempt in the window, so the map cannot grow without bound. */
  private prune(now: number): void {
    if (this.hits.size < 10_000) return;
    for (const [key, times] of this.hits) {
      if (times.every((time) => now - time >= WINDOW_MS)) this.hits.delete(key);
    }
  }
}
