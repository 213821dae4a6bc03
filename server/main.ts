/** `npm start`: settings from the environment, then listen. */
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseError } from './store/client.js';

function configOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`news-widgets server: ${error.message}`);
    process.exit(1);
  }
}

const config = configOrExit();

/** Where the server stores, for its start-up line: the SQLite file, or the PostgreSQL URL without its password. */
function storeName(): string {
  if (!config.databaseUrl) return `DATABASE=${config.database}`;
  const url = new URL(config.databaseUrl);
  if (url.password) url.password = '***';
  return `DATABASE_URL=${url.href}`;
}

/** A database the server cannot serve from stops it at start, in one line that names it and the fault. */
async function appOrExit() {
  try {
    return await buildApp(config, { logger: { level: 'warn' } });
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    console.error(`news-widgets server: ${storeName()} ${error.message}`);
    process.exit(1);
  }
}

const app = await appOrExit();
try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  console.error(`news-widgets server: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
  await app.close();
  process.exit(1);
}

const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const host = config.host.includes(':') ? `[${config.host}]` : config.host;
// Without PUBLIC_URL the own origin is whichever one a page reached the server at (localhost, a LAN address…).
const own = config.publicUrl ?? 'its own origin';
const writers = [own, ...config.allowedOrigins.filter((origin) => origin !== own)].join(', ');
console.log(
  `news-widgets server on http://${host}:${port}/ (${storeName()}, moderation ${config.moderation}; ` +
    `reads from any origin, comments from ${writers})`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
