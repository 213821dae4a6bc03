/**
 * Who may sign in (authors with a `login` and a `role`, migration 7), their application passwords (hashes only) and
 * the moderation log. Statements only. (`"user"` is quoted: PostgreSQL reserves the word.)
 */
import { randomUUID } from 'node:crypto';
import { gmtString, type Sql } from './client.js';

export const ROLES = ['moderator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
  id: number;
  login: string;
  name: string;
  slug: string;
  role: Role;
  registeredGmt: string;
}

export interface PasswordRow {
  uuid: string;
  name: string;
  hash: string;
  createdGmt: string;
}

export interface AuditEntry {
  user: number;
  login: string;
  action: string;
  comment: number;
  from: string | null;
  to: string | null;
  ip: string;
}

const ACCOUNT = `SELECT id, login, name, slug, role, registered_gmt AS "registeredGmt" FROM authors`;

/** A login as a URL slug for the author archive: WordPress's user_nicename, lower case, only [a-z0-9-]. */
const slugOf = (login: string) =>
  login.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'user';

export type AccountStore = ReturnType<typeof createAccountStore>;

const STATEMENTS = {
  byLogin: `${ACCOUNT} WHERE lower(login) = lower(:login) AND role IS NOT NULL`,
  all: `SELECT id, login, name, slug, role, registered_gmt AS "registeredGmt",
          (SELECT count(*) FROM application_passwords WHERE "user" = authors.id) AS passwords
        FROM authors WHERE login IS NOT NULL ORDER BY lower(login)`,
  insertUser: `INSERT INTO authors (slug, name, login, role, registered_gmt) VALUES (:slug, :login, :login, :role, :date) RETURNING id`,
  anyByLogin: 'SELECT id FROM authors WHERE lower(login) = lower(:login)',
  slugTaken: 'SELECT count(*) FROM authors WHERE slug = :slug',
  setRole: 'UPDATE authors SET role = :role WHERE id = :id',
  passwords: `SELECT uuid, name, hash, created_gmt AS "createdGmt" FROM application_passwords WHERE "user" = :user ORDER BY created_gmt`,
  insertPassword: `INSERT INTO application_passwords (uuid, "user", name, hash, created_gmt) VALUES (:uuid, :user, :name, :hash, :date)`,
  revoke: `DELETE FROM application_passwords WHERE "user" = :user`,
  audit: `INSERT INTO moderation_log ("user", login, action, comment, from_status, to_status, date_gmt, ip)
          VALUES (:user, :login, :action, :comment, :from, :to, :date, :ip)`,
};

export function createAccountStore(db: Sql) {
  /** A slug no author has yet: the login's, else with -2, -3, … as wp_unique_user_nicename does. */
  const freeSlug = async (tx: Sql, login: string) => {
    const base = slugOf(login);
    let slug = base;
    for (let n = 2; await tx.value<number>(STATEMENTS.slugTaken, { slug }); n++) slug = `${base}-${n}`;
    return slug;
  };

  return {
    /** The account that may sign in with this login (case-insensitive, as WordPress's user_login), if any. */
    byLogin: (login: string): Promise<Account | undefined> => db.get<Account>(STATEMENTS.byLogin, { login }),
    list: () => db.all<Account & { passwords: number }>(STATEMENTS.all),
    /** Creates the account, or gives an existing one its role; returns its id. */
    ensure: (login: string, role: Role): Promise<number> =>
      db.transaction(
        async (tx) => {
          const existing = await tx.get<{ id: number }>(STATEMENTS.anyByLogin, { login });
          if (existing) {
            await tx.run(STATEMENTS.setRole, { id: existing.id, role });
            return existing.id;
          }
          const slug = await freeSlug(tx, login);
          return (await tx.get<{ id: number }>(STATEMENTS.insertUser, { login, slug, role, date: gmtString() }))!.id;
        },
        { locks: [`account ${login.toLowerCase()}`] },
      ),
    passwords: (user: number): Promise<PasswordRow[]> => db.all<PasswordRow>(STATEMENTS.passwords, { user }),
    async addPassword(user: number, name: string, hash: string): Promise<string> {
      const uuid = randomUUID();
      await db.run(STATEMENTS.insertPassword, { uuid, user, name, hash, date: gmtString() });
      return uuid;
    },
    /** Removes every application password of the user and the role, so the account can no longer sign in. */
    revoke: (user: number): Promise<void> =>
      db.transaction(async (tx) => {
        await tx.run(STATEMENTS.revoke, { user });
        await tx.run(STATEMENTS.setRole, { id: user, role: null });
      }),
    async audit(entry: AuditEntry): Promise<void> {
      await db.run(STATEMENTS.audit, { ...entry, date: gmtString() });
    },
  };
}
