/**
 * Signing in with `Authorization: Basic base64(user:application password)`, as WordPress's
 * wp_authenticate_application_password does, with three differences: the answer never says whether the name or the
 * password was wrong (WordPress's `invalid_username` tells who has an account), failures are limited per address
 * and per name, and plain HTTP is refused unless the client is this machine (WordPress needs HTTPS too).
 */
import { createHash } from 'node:crypto';
import type { Account, AccountStore, Role } from '../store/accounts.js';
import { WpError } from '../wp/errors.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { SignInLimiter } from './sign-in-limit.js';

/** What each role may do, as the capabilities WordPress names (`users/me?context=edit` lists them). */
export const CAPABILITIES: Readonly<Record<Role, readonly string[]>> = {
  moderator: ['read', 'moderate_comments', 'edit_posts'],
  administrator: ['read', 'moderate_comments', 'edit_posts', 'edit_others_posts', 'manage_options', 'delete_comments_permanently', 'edit_comment_content'],
};

export const can = (account: Account | null | undefined, capability: string): boolean =>
  account != null && CAPABILITIES[account.role].includes(capability);

export const BAD_CREDENTIALS = () =>
  new WpError('invalid_credentials', 'The user name or the application password is not correct.', 401);

/** `user:password` from a Basic header; `undefined` for another scheme (left to whoever reads it, as WordPress does). */
export function basicCredentials(header: string): { login: string; password: string } | undefined {
  const match = /^Basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(header);
  if (!match) {
    if (/^Basic\b/i.test(header)) throw BAD_CREDENTIALS();
    return undefined;
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw BAD_CREDENTIALS();
  return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Successful sign-ins kept a few minutes, so a moderator's every request does not cost a slow hash. */
const KEEP_MS = 10 * 60_000;
const KEEP_MAX = 1000;

export class Authenticator {
  private readonly verified = new Map<string, { uuid: string; until: number }>();

  constructor(
    private readonly accounts: AccountStore,
    private readonly limiter: SignInLimiter,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The signed-in account, or a WpError: 401 for bad credentials, 429 with `retryAfter` when limited. */
  async authenticate(login: string, password: string, address: string): Promise<Account> {
    const wait = await this.limiter.wait(address, login);
    if (wait > 0) {
      throw new WpError('too_many_sign_in_attempts', 'Too many failed sign-ins. Try again later.', 429, { retryAfter: wait });
    }
    const account = await this.accounts.byLogin(login);
    const rows = account ? await this.accounts.passwords(account.id) : [];
    const key = createHash('sha256').update(`${login.toLowerCase()}\0${password}`).digest('base64');
    const kept = this.verified.get(key);
    if (account && kept && kept.until > this.now() && rows.some((row) => row.uuid === kept.uuid)) return account;

    let match: string | undefined;
    // Every hash is tried, and a decoy when there is none, so the time taken tells nothing about the account.
    for (const row of rows.length ? rows : [{ uuid: '', hash: await decoyHash() }]) {
      if ((await verifyPassword(password, row.hash)) && row.uuid) match ??= row.uuid;
    }
    if (!account || match === undefined) {
      await this.limiter.fail(address, login);
      throw BAD_CREDENTIALS();
    }
    this.verified.delete(key);
    this.verified.set(key, { uuid: match, until: this.now() + KEEP_MS });
    if (this.verified.size > KEEP_MAX) this.verified.delete(this.verified.keys().next().value as string);
    return account;
  }
}
