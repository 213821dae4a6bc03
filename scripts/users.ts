/**
 * `npm run users -- add NAME --role moderator|administrator`: creates the account (or gives it the role) and a new
 * application password, printed once and stored only as a hash. `… list` shows the accounts, `… revoke NAME` takes
 * every password and the role away. The database is the server's (`DATABASE`, default data/news.db).
 */
import { parseArgs } from 'node:util';
import { chunked, generatePassword, hashPassword } from '../server/auth/passwords.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { createAccountStore, ROLES, type Role } from '../server/store/accounts.js';
import { openDatabase } from '../server/store/database.js';

const USAGE = `usage: npm run users -- add NAME --role ${ROLES.join('|')} [--label TEXT]
       npm run users -- list
       npm run users -- revoke NAME`;

function fail(message: string): never {
  console.error(`users: ${message}\n${USAGE}`);
  process.exit(2);
}

/** WordPress's sanitize_user (strict): letters, digits, space, `_ . - @`, at most 60 characters. */
const LOGIN = /^[A-Za-z0-9_.@ -]{1,60}$/;

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, label: { type: 'string' } } });
} catch (error) {
  fail((error as Error).message);
}
const [command, name, ...rest] = parsed.positionals;
if (rest.length) fail(`unexpected ${rest.join(' ')}`);

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
const db = await openDatabase(config);
const accounts = createAccountStore(db);

try {
  if (command === 'add') {
    if (!name || !LOGIN.test(name.trim())) fail('NAME must be 1 to 60 letters, digits, spaces or _ . - @');
    const role = parsed.values.role as Role | undefined;
    if (!role || !ROLES.includes(role)) fail(`--role must be ${ROLES.join(' or ')}`);
    const password = generatePassword();
    const id = await accounts.ensure(name.trim(), role);
    await accounts.addPassword(id, parsed.values.label ?? 'news-widgets', await hashPassword(password));
    console.log(`${name.trim()} (${role}) can now sign in with this application password, shown only this once:\n\n  ${chunked(password)}\n`);
  } else if (command === 'list') {
    const rows = await accounts.list();
    if (!rows.length) console.log('no accounts');
    for (const row of rows) {
      console.log(`${row.login}\t${row.role ?? 'revoked'}\t${row.passwords} application password(s)\tsince ${row.registeredGmt}`);
    }
  } else if (command === 'revoke') {
    const account = name ? (await accounts.list()).find((row) => row.login.toLowerCase() === name.trim().toLowerCase()) : undefined;
    if (!account) fail(`no account named "${name ?? ''}"`);
    await accounts.revoke(account.id);
    console.log(`${account.login} can no longer sign in`);
  } else {
    fail(command ? `unknown command "${command}"` : 'a command is needed');
  }
} finally {
  await db.close();
}
