/**
 * Who may sign in (authors with a `login` and a `role`, migration 7), their application passwords (hashes only) and
 * the moderation log. Prepared statements only.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from './database.js';
import { gmtString } from './sql.js';

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

const ACCOUNT = `SELECT id, login, name, slug, role, registered_gmt AS registeredGmt FROM authors`;

/** A login as a URL slug for the author archive: WordPress's user_nicename, lower case, only [a-z0-9-]. */
const slugOf = (login: string) =>
  login.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'user';

export type AccountStore = ReturnType<typeof createAccountStore>;

export function createAccountStore(db: Db) {
  const statements = {
    byLogin: db.prepare<[string], Account>(`${ACCOUNT} WHERE lower(login) = lower(?) AND role IS NOT NULL`),
    all: db.prepare<[], Account & { passwords: number }>(
      `SELECT id, login, name, slug, role, registered_gmt AS registeredGmt,
              (SELECT count(*) FROM application_passwords WHERE user = authors.id) AS passwords
       FROM authors WHERE login IS NOT NULL ORDER BY lower(login)`,
    ),
    insertUser: db.prepare<{ login: string; slug: string; role: Role; date: string }, { id: number }>(
      `INSERT INTO authors (slug, name, login, role, registered_gmt) VALUES (:slug, :login, :login, :role, :date) RETURNING id`,
    ),
    anyByLogin: db.prepare<[string], { id: number }>('SELECT id FROM authors WHERE lower(login) = lower(?)'),
    slugTaken: db.prepare<[string], number>('SELECT count(*) FROM authors WHERE slug = ?').pluck(),
    setRole: db.prepare<{ id: number; role: Role | null }>('UPDATE authors SET role = :role WHERE id = :id'),
    passwords: db.prepare<[number], PasswordRow>(
      'SELECT uuid, name, hash, created_gmt AS createdGmt FROM application_passwords WHERE user = ? ORDER BY created_gmt',
    ),
    insertPassword: db.prepare<{ uuid: string; user: number; name: string; hash: string; date: string }>(
      'INSERT INTO application_passwords (uuid, user, name, hash, created_gmt) VALUES (:uuid, :user, :name, :hash, :date)',
    ),
    revoke: db.prepare<[number]>('DELETE FROM application_passwords WHERE user = ?'),
    audit: db.prepare<AuditEntry & { date: string }>(
      `INSERT INTO moderation_log (user, login, action, comment, from_status, to_status, date_gmt, ip)
       VALUES (:user, :login, :action, :comment, :from, :to, :date, :ip)`,
    ),
  };

  /** A slug no author has yet: the login's, else with -2, -3, … as wp_unique_user_nicename does. */
  const freeSlug = (login: string) => {
    const base = slugOf(login);
    let slug = base;
    for (let n = 2; statements.slugTaken.get(slug); n++) slug = `${base}-${n}`;
    return slug;
  };

  return {
    /** The account that may sign in with this login (case-insensitive, as WordPress's user_login), if any. */
    byLogin: (login: string): Account | undefined => statements.byLogin.get(login),
    list: () => statements.all.all(),
    /** Creates the account, or gives an existing one its role; returns its id. */
    ensure: db.transaction((login: string, role: Role): number => {
      const existing = statements.anyByLogin.get(login);
      if (existing) {
        statements.setRole.run({ id: existing.id, role });
        return existing.id;
      }
      return statements.insertUser.get({ login, slug: freeSlug(login), role, date: gmtString() })!.id;
    }),
    passwords: (user: number): PasswordRow[] => statements.passwords.all(user),
    addPassword(user: number, name: string, hash: string): string {
      const uuid = randomUUID();
      statements.insertPassword.run({ uuid, user, name, hash, date: gmtString() });
      return uuid;
    },
    /** Removes every application password of the user and the role, so the account can no longer sign in. */
    revoke: db.transaction((user: number): void => {
      statements.revoke.run(user);
      statements.setRole.run({ id: user, role: null });
    }),
    audit(entry: AuditEntry): void {
      statements.audit.run({ ...entry, date: gmtString() });
    },
  };
}
