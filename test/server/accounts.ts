/** Accounts for the sign-in tests, made as `npm run users -- add` makes them, in the server's own database file. */
import Database from 'better-sqlite3';
import { generatePassword, hashPassword } from '../../server/auth/passwords.js';
import { createAccountStore, type Role } from '../../server/store/accounts.js';

export interface TestAccount {
  login: string;
  password: string;
  /** `Authorization: Basic …` for this account. */
  header: string;
}

export const basic = (login: string, password: string) => `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;

export async function addAccount(dbFile: string, login: string, role: Role): Promise<TestAccount> {
  const db = new Database(dbFile);
  try {
    const accounts = createAccountStore(db);
    const password = generatePassword();
    accounts.addPassword(accounts.ensure(login, role), 'test', await hashPassword(password));
    return { login, password, header: basic(login, password) };
  } finally {
    db.close();
  }
}

export function auditRows(dbFile: string): Array<Record<string, unknown>> {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT user, login, action, comment, from_status, to_status, date_gmt, ip FROM moderation_log ORDER BY id').all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}
