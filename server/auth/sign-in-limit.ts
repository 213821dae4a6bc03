/**
 * Failed sign-ins, limited per client address and per user name, so that neither many names from one address nor
 * one name from many addresses can be guessed at speed. Only failures count; a success does not clear them (a guesser
 * who knows one password must not reset the count for the others). Counted in the database (store/attempts.ts), so
 * that a guesser gains nothing by spreading tries over several instances.
 */
import type { AttemptStore } from '../store/attempts.js';

export interface SignInLimits {
  /** Failures allowed in the window before further tries are refused. */
  perAddress: number;
  perName: number;
  windowMs: number;
}

export const SIGN_IN_LIMITS: SignInLimits = { perAddress: 20, perName: 10, windowMs: 15 * 60_000 };

export class SignInLimiter {
  constructor(
    private readonly attempts: AttemptStore,
    private readonly limits: SignInLimits = SIGN_IN_LIMITS,
  ) {}

  /** Seconds to wait before this address may try this name again; 0 when it may now. */
  async wait(address: string, name: string): Promise<number> {
    const { perAddress, perName, windowMs } = this.limits;
    const [byAddress, byName] = await Promise.all([
      this.attempts.wait('sign-in address', address, { limit: perAddress, windowMs }),
      this.attempts.wait('sign-in name', name.toLowerCase(), { limit: perName, windowMs }),
    ]);
    return Math.max(byAddress, byName);
  }

  async fail(address: string, name: string): Promise<void> {
    const { perAddress, perName, windowMs } = this.limits;
    await this.attempts.add('sign-in address', address, { limit: perAddress, windowMs });
    await this.attempts.add('sign-in name', name.toLowerCase(), { limit: perName, windowMs });
  }
}
