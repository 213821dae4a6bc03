/**
 * A throw-away PostgreSQL cluster for the tests and the bench: `initdb` into a fresh temp directory, one free port on
 * 127.0.0.1, trust authentication for user `nw`, and its socket in that directory, so it never meets a system cluster.
 * Node built-ins only, so it works before `pg` is installed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, appendFileSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const MISSING = 'PostgreSQL is not installed (no initdb): apt-get install postgresql';

function hasServerBinaries(bindir: string): boolean {
  return ['initdb', 'pg_ctl', 'postgres'].every((name) => {
    try {
      accessSync(join(bindir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Where PostgreSQL's server binaries are, or a one-line reason they are not. Debian keeps them off PATH
 * (/usr/lib/postgresql/N/bin), so PATH alone is not enough; `PG_BINDIR` wins, and is not second-guessed.
 */
export function findPostgres(): { bindir: string } | { missing: string } {
  const fromEnv = process.env.PG_BINDIR;
  if (fromEnv) return hasServerBinaries(fromEnv) ? { bindir: fromEnv } : { missing: `PG_BINDIR=${fromEnv} has no initdb, pg_ctl and postgres` };
  try {
    const bindir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (hasServerBinaries(bindir)) return { bindir };
  } catch {
    // No pg_config on PATH (or only the client package's): try the other places.
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => /^\d+(\.\d+)?$/.test(name)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) if (hasServerBinaries(join(debian, version, 'bin'))) return { bindir: join(debian, version, 'bin') };
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const initdb = join(dir, 'initdb');
    if (!existsSync(initdb)) continue;
    // A symlink on PATH (e.g. /usr/local/bin/initdb) points at the directory that also holds pg_ctl and postgres.
    const bindir = dirname(realpathSync(initdb));
    if (hasServerBinaries(bindir)) return { bindir };
  }
  return { missing: MISSING };
}

export interface Cluster {
  /** Admin URL to the 'postgres' database, e.g. postgres://nw@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** URL of a database with that name on this cluster. */
  urlOf(database: string): string;
  /** pg_ctl stop with the given mode ('fast' default, 'immediate' = crash-like). Resolves when stopped. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port and data dir; resolves when it accepts connections. */
  start(): Promise<void>;
  /** Stops it (immediate) and deletes the temp directory. Idempotent. */
  remove(): Promise<void>;
}

interface Account {
  uid: number;
  gid: number;
  name: string;
}

/** PostgreSQL refuses to run as root, so as root the binaries run as `postgres` (Debian creates it), else `nobody`. */
function unprivilegedAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const entries = readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'));
  for (const name of ['postgres', 'nobody']) {
    const entry = entries.find((fields) => fields[0] === name);
    if (entry) return { name, uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  throw new Error('Running as root, and there is neither a postgres nor a nobody user to run PostgreSQL as');
}

/** The temp dir is no use to `account` if it cannot reach it: every directory above it needs its search (x) bit. */
function assertTraversable(path: string, account: Account): void {
  for (let dir = path; ; dir = dirname(dir)) {
    const { mode, uid, gid } = statSync(dir);
    const bit = uid === account.uid ? 0o100 : gid === account.gid ? 0o010 : 0o001;
    if (!(mode & bit)) throw new Error(`${account.name} cannot enter ${dir}, so a cluster under it is out of its reach: set TMPDIR`);
    if (dir === dirname(dir)) return;
  }
}

/** Closing the probe and starting postgres is a race another process could win; start() then fails with the log. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** postgresql.conf syntax: a quoted string is accepted for every type, and '' escapes a quote. */
function confLine(key: string, value: string): string {
  return `${key} = '${value.replaceAll("'", "''")}'\n`;
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Runs a PostgreSQL binary as `account`, in a process group of its own (listed in `running` while it runs) that the
 * exit hook can kill; rejects with the end of its stderr, where PostgreSQL's tools say what went wrong.
 */
function runAs(account: Account | undefined, running: Set<number>, file: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...(account && { uid: account.uid, gid: account.gid }) });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const { pid } = child;
    if (pid !== undefined) running.add(pid);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (pid !== undefined) running.delete(pid);
      if (code === 0) resolve();
      else reject(new Error(stderr.trim().split('\n').slice(-5).join('\n') || `${file} ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}

/** pg_ctl -w trusts postmaster.pid; a TCP connect proves the listener the URL points at is up. */
function tcpReachable(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, timeout: 10_000 });
    socket.once('connect', () => socket.end(resolve));
    socket.once('timeout', () => socket.destroy(new Error(`no answer on 127.0.0.1:${port}`)));
    socket.once('error', reject);
  });
}

interface Live {
  pgCtl: string;
  data: string;
  root: string;
  account: Account | undefined;
  /** Process groups of initdb/pg_ctl runs under way, which would otherwise go on writing into a deleted directory. */
  running: Set<number>;
}

/** Clusters not yet removed, stopped and deleted by the exit hook when a test run ends without remove(). */
const live = new Set<Live>();

process.on('exit', () => {
  for (const cluster of live) {
    for (const group of cluster.running) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    try {
      execFileSync(cluster.pgCtl, ['-D', cluster.data, '-m', 'immediate', '-w', 'stop'], {
        stdio: 'ignore',
        cwd: cluster.root,
        ...(cluster.account && { uid: cluster.account.uid, gid: cluster.account.gid }),
      });
    } catch {
      // Not running: nothing to stop.
    }
    // A killed initdb's `postgres --boot` may still be writing for a moment.
    rmSync(cluster.root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
});

/**
 * initdb's a new cluster in a temp directory and starts it. Defaults are max_connections=200 and
 * shared_buffers=128MB; `settings` are appended after them (so they win), e.g. `{ fsync: 'off' }` for the bench.
 */
export async function startCluster(options: { settings?: Record<string, string> } = {}): Promise<Cluster> {
  const found = findPostgres();
  if ('missing' in found) throw new Error(found.missing);
  const bin = (name: string) => join(found.bindir, name);
  const account = unprivilegedAccount();

  const root = mkdtempSync(join(tmpdir(), 'nw-pg-'));
  const data = join(root, 'data');
  const log = join(root, 'log');
  const entry: Live = { pgCtl: bin('pg_ctl'), data, root, account, running: new Set() };
  live.add(entry);
  const runOwned = (name: string, args: string[]) => runAs(account, entry.running, bin(name), args, root);

  const port = await freePort();
  const url = (database: string) => `postgres://nw@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  let removal: Promise<void> | undefined;

  const cluster: Cluster = {
    url: url('postgres'),
    port,
    urlOf: url,
    async stop(mode = 'fast') {
      try {
        await runOwned('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
      } catch (error) {
        throw new Error(`PostgreSQL did not stop: ${(error as Error).message}`);
      }
    },
    async start() {
      try {
        await runOwned('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '30', 'start']);
        await tcpReachable(port);
      } catch (error) {
        throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${tail(log)}`);
      }
    },
    remove() {
      removal ??= (async () => {
        await cluster.stop('immediate').catch(() => undefined); // Already stopped is fine.
        rmSync(root, { recursive: true, force: true });
        live.delete(entry);
      })();
      return removal;
    },
  };

  try {
    if (account) {
      assertTraversable(dirname(root), account);
      chownSync(root, account.uid, account.gid);
    }
    await runOwned('initdb', ['-D', data, '--auth=trust', '--username=nw', '--encoding=UTF8', '--locale=C', '-N']).catch((error) => {
      throw new Error(`initdb failed: ${(error as Error).message}`);
    });
    const settings = {
      listen_addresses: '127.0.0.1',
      port: String(port),
      unix_socket_directories: root,
      max_connections: '200',
      shared_buffers: '128MB',
      ...options.settings,
    };
    appendFileSync(join(data, 'postgresql.conf'), Object.entries(settings).map(([key, value]) => confLine(key, value)).join(''));
    await cluster.start();
  } catch (error) {
    await cluster.remove();
    throw error;
  }
  return cluster;
}
