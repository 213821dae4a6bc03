/**
 * Bench section 3, PostgreSQL: the POST run of server-load.mjs on a throw-away PostgreSQL cluster
 * (scripts/pg-cluster.ts), once with one server and once with two servers on one database, the 50 connections
 * split between them. Each scenario gets a fresh database; stored = acknowledged is checked in it.
 *
 * pg-cluster.ts is TypeScript and this file runs under plain `node` (npm run bench:server), so it is loaded with
 * tsx's `tsImport`, which compiles that one module (and its imports) without registering tsx for the whole process.
 */
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { CONNECTIONS_TOTAL, FLOOD_SECONDS, RATE_LIMIT, TOKEN, WARMUP_TOKEN, commentRuns, cpuSeconds, openPosts, startServer, storedCheck, storedLines } from './server-load.mjs';
import { int, table } from './format.mjs';

/**
 * Suited to a bench on a small machine: room for the pools (PG_POOL_SIZE 10 per server) and psql; durability as
 * in production — a comment acknowledged with 201 must survive a crash, so fsync and synchronous_commit stay on.
 */
export const SETTINGS = { max_connections: '200', fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' };

/**
 * Starts the bench's cluster; resolves to `{ cluster, cpu }` (`cpu()` the PostgreSQL processes' CPU seconds so
 * far, or undefined), or to `{ missing }`, the reason there is no PostgreSQL to measure.
 */
export async function openCluster() {
  const { findPostgres, startCluster } = await tsImport('../pg-cluster.ts', import.meta.url);
  const found = findPostgres();
  if ('missing' in found) return { missing: found.missing };
  const cluster = await startCluster({ settings: SETTINGS });
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    let dataDir;
    try {
      dataDir = (await admin.query(`SELECT current_setting('data_directory') AS dir`)).rows[0].dir;
    } finally {
      await admin.end();
    }
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return { cluster, bindir: found.bindir, cpu: () => postgresCpuSeconds(postmaster) };
  } catch (error) {
    await cluster.remove();
    throw error;
  }
}

/** Field `index` (0 = the state, field 3 of /proc/<pid>/stat) onwards, or undefined. */
function statFields(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds of the postmaster, of its children still running (backends, WAL writer, checkpointer…) and of
 * those it has reaped (cutime + cstime), so a backend ending between two readings is still counted.
 */
function postgresCpuSeconds(postmaster) {
  const own = statFields(postmaster);
  if (!own) return undefined;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  let children = [];
  try {
    children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    // No children file (an old kernel): the postmaster's own figures only.
  }
  for (const child of children) {
    const fields = statFields(child);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

async function withAdmin(cluster, work) {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

const cpuDelta = (before, after) => (before.some((value) => value === undefined) || after.some((value) => value === undefined) ? undefined : after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0));

let databases = 0;

/**
 * One scenario: a fresh database, `instances` servers on it (started one after the other, each once it listens),
 * the warm-up and the POST run across them, then the servers stopped and the rows counted.
 */
export async function measureScenario(root, { cluster, cpu }, instances, { duration = 10, warmup = 2 } = {}) {
  const name = `nw_bench_${process.pid}_${++databases}`;
  await withAdmin(cluster, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const servers = [];
  try {
    for (let i = 0; i < instances; i++) servers.push(await startServer(root, { DATABASE_URL: cluster.urlOf(name) }));
    const origins = servers.map((server) => server.origin);
    const open = await openPosts(origins[0]);
    const comments = commentRuns(origins, open);
    await comments(WARMUP_TOKEN, warmup, () => {});

    const acknowledged = new Set();
    const serverCpu = () => servers.map((server) => cpuSeconds(server.child.pid));
    const before = serverCpu();
    const pgBefore = cpu();
    const writes = await comments(TOKEN, duration, (id) => acknowledged.add(id));
    const after = serverCpu();
    const pgAfter = cpu();
    for (const server of servers) await server.stop();

    const { stored, duplicates } = await withAdmin({ url: cluster.urlOf(name) }, async (client) => {
      const ids = await client.query(`SELECT id FROM comments WHERE content LIKE $1`, [`${TOKEN} %`]);
      // Each request's body is unique, so one (e-mail, content) pair stored twice is a request stored twice.
      const pairs = await client.query(
        `SELECT count(*) - count(DISTINCT (author_email, content)) AS n FROM comments WHERE content LIKE $1`,
        [`${TOKEN} %`],
      );
      return { stored: new Set(ids.rows.map((row) => Number(row.id))), duplicates: Number(pairs.rows[0].n) };
    });
    const check = storedCheck(writes, acknowledged, stored);
    const created = check.created;
    const nodeCpu = cpuDelta(before, after);
    const postgresCpu = cpuDelta([pgBefore], [pgAfter]);
    const perComment = (seconds) => (seconds !== undefined && created > 0 ? (seconds / created) * 1e6 : undefined);
    const lines = storedLines(check, acknowledged, stored);
    if (duplicates > 0) lines.push(`  ✗ ${int(duplicates)} request(s) stored more than once`);
    return {
      writes,
      lines,
      figures: {
        perSecond: created / writes.duration,
        p50: writes.latency.p50,
        p99: writes.latency.p99,
        created,
        stored: stored.size,
        duplicates,
        cpuPerComment: perComment(nodeCpu),
        postgresCpuPerComment: perComment(postgresCpu),
        consistent: check.consistent && duplicates === 0,
      },
    };
  } finally {
    for (const server of servers) await server.stop();
    await withAdmin(cluster, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
  }
}

/** What the PostgreSQL section says about how it was measured. */
export function describe(bindir) {
  return [
    `  PostgreSQL from ${bindir}: one throw-away cluster for the bench (initdb in a temp dir),`,
    `  ${Object.entries(SETTINGS)
      .map(([key, value]) => `${key}=${value}`)
      .join(', ')}: fsync and synchronous_commit stay on,`,
    '  so a 201 means the comment is on disk, as in production. A fresh database',
    `  per scenario; MODERATION=approve, FLOOD_SECONDS=${FLOOD_SECONDS}, RATE_LIMIT=${RATE_LIMIT}, PG_POOL_SIZE 10 (its default) per server.`,
    `  With 2 instances both serve one database, ${CONNECTIONS_TOTAL / 2} connections each from two autocannon runs at once;`,
    '  their 201s and rates are summed, and their p50 and p99 are the larger of the two runs (histograms not merged).',
  ].join('\n');
}

/** The per-instance rows of a two-instance run. */
export function partsTable(writes) {
  if (!writes.parts) return '';
  return table(
    [
      { title: 'instance', align: 'left' },
      { title: 'req/s', align: 'right' },
      { title: 'p50', align: 'right' },
      { title: 'p99', align: 'right' },
      { title: '2xx', align: 'right' },
      { title: 'non-2xx', align: 'right' },
      { title: 'errors', align: 'right' },
    ],
    writes.parts.map((part, i) => [
      `server ${i + 1}`,
      int(part.requests.average),
      `${part.latency.p50} ms`,
      `${part.latency.p99} ms`,
      int(part['2xx']),
      int(part.non2xx),
      int(part.errors + part.timeouts),
    ]),
  );
}
