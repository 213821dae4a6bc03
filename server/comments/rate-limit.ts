/**
 * Comment POSTs per client in a sliding one-minute window, counted in the database (store/attempts.ts): every
 * process and every instance on one database counts a client's comments together.
 */
import type { AttemptStore } from '../store/attempts.js';

export const WINDOW_MS = 60_000;

export class RateLimiter {
  /** `limit` 0 turns limiting off (`RATE_LIMIT=0`). */
  constructor(
    private readonly attempts: AttemptStore,
    private readonly limit: number,
  ) {}

  /**
   * Counts one attempt by `key`. Resolves to 0 when it is allowed, else to the seconds until the oldest attempt
   * in the window expires (for `Retry-After`). Refused attempts are not counted.
   */
  hit(key: string): Promise<number> {
    return this.attempts.hit('comment', key, { limit: this.limit, windowMs: WINDOW_MS });
  }
}
