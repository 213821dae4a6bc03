/** Accounts for the sign-in tests, made as `npm run users -- add` makes them, in the server's own database. */
import { generatePassword, hashPassword } from '../../server/auth/passwords.js';
import { createAccountStore, type Role } from '../../server/store/accounts.js';
import type { TestServer } from './support.js';

export interface TestAccount {
  login: string;
  password: string;
  /** `Authorization: Basic …` for this account. */
  header: string;
}

export const basic = (login: string, password: string) => `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;

export async function addAccount(server: Pick<TestServer, 'db'>, login: string, role: Role): Promise<TestAccount> {
  const accounts = createAccountStore(server.db.sql());
  const password = generatePassword();
  await accounts.addPassword(await accounts.ensure(login, role), 'test', await hashPassword(password));
  return { login, password, header: basic(login, password) };
}

export function auditRows(server: Pick<TestServer, 'db'>): Promise<Array<Record<string, unknown>>> {
  return server.db.all('SELECT "user", login, action, comment, from_status, to_status, date_gmt, ip FROM moderation_log ORDER BY id');
}
