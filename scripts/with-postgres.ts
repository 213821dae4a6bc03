/**
 * `node --import tsx scripts/with-postgres.ts -- COMMAND [ARGS...]`: runs COMMAND with NW_TEST_POSTGRES_URL set to a
 * throw-away cluster's admin URL, removes the cluster afterwards, and exits with COMMAND's status. Without PostgreSQL
 * it skips (exit 0) on a developer's machine, but fails where CI=true or NW_REQUIRE_POSTGRES=1, so CI cannot pass by
 * quietly testing nothing.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { findPostgres, startCluster } from './pg-cluster.js';

const argv = process.argv.slice(2);
const [command, ...args] = argv[0] === '--' ? argv.slice(1) : argv;
if (!command) {
  console.error('usage: node --import tsx scripts/with-postgres.ts -- COMMAND [ARGS...]');
  process.exit(2);
}

const found = findPostgres();
if ('missing' in found) {
  if (process.env.CI === 'true' || process.env.NW_REQUIRE_POSTGRES === '1') {
    console.error(`PostgreSQL tests: ${found.missing}`);
    process.exit(1);
  }
  console.log(`PostgreSQL tests skipped: ${found.missing}`);
  process.exit(0);
}

const running: { child?: ReturnType<typeof spawn> } = {};
// The child decides how to end on a signal, and the cluster goes once it has; before there is a child, exiting
// runs pg-cluster's exit hook, which removes a half-started cluster.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => (running.child ? running.child.kill(signal) : process.exit(128 + constants.signals[signal])));
}

let cluster;
try {
  cluster = await startCluster();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const spawned = spawn(command, args, { stdio: 'inherit', env: { ...process.env, NW_TEST_POSTGRES_URL: cluster.url } });
running.child = spawned;

const status = await new Promise<number>((resolve) => {
  spawned.once('error', (error) => {
    console.error(`with-postgres: ${command}: ${error.message}`);
    resolve(127);
  });
  spawned.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
});
await cluster.remove();
process.exit(status);
