/**
 * Failed sign-ins, limited per client address and per user name, so that neither many names from one address nor
 * one name from many addresses can be guessed at speed. Only failures count; a success does not clear them (a guesser
 * who knows one password must not reset the count for the others). In memory, the clock injected for tests.
 */
export interface SignInLimits {
  /** Failures allowed in the window before further tries are refused. */
  perAddress: number;
  perName: number;
  windowMs: number;
}

export const SIGN_IN_LIMITS: SignInLimits = { perAddress: 20, perName: 10, windowMs: 15 * 60_000 };
/** Keys held at most per kind; the longest idle is forgotten first. */
const MAX_KEYS = 10_000;

class FailureWindow {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until `key` may try again, 0 when it may now. */
  wait(key: string, now: number): number {
    const times = this.recent(key, now);
    if (times.length < this.limit) return 0;
    return Math.max(1, Math.ceil((times[times.length - this.limit] + this.windowMs - now) / 1000));
  }

  fail(key: string, now: number): void {
    const times = this.recent(key, now);
    times.push(now);
    this.failures.delete(key);
    this.failures.set(key, times);
    if (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((time) => now - time < this.windowMs);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }
}

export class SignInLimiter {
  private readonly addresses: FailureWindow;
  private readonly names: FailureWindow;

  constructor(
    limits: SignInLimits = SIGN_IN_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.addresses = new FailureWindow(limits.perAddress, limits.windowMs);
    this.names = new FailureWindow(limits.perName, limits.windowMs);
  }

  /** Seconds to wait before this address may try this name again; 0 when it may now. */
  wait(address: string, name: string): number {
    const now = this.now();
    return Math.max(this.addresses.wait(address, now), this.names.wait(name.toLowerCase(), now));
  }

  fail(address: string, name: string): void {
    const now = this.now();
    this.addresses.fail(address, now);
    this.names.fail(name.toLowerCase(), now);
  }
}
