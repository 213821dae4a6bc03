/**
 * `npm run bench:server`: only the server load section of `npm run bench` (it needs no build).
 *
 *   node scripts/bench-server.mjs [--runs=N]
 *
 * With `--runs=N` (1 to 20) the section is measured N times, each on a fresh server and database, and a last
 * table gives the spread of the POST figures: one run on a shared machine says little.
 *
 * Where PostgreSQL is installed (scripts/pg-cluster.ts finds it), each run also measures the POST load on
 * PostgreSQL with one server and with two servers on one database (bench/postgres-load.mjs), on one throw-away
 * cluster for the whole bench, and a table compares the three; without it one line says it was skipped and why.
 */
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fixed, heading, int, mark, median, table } from './bench/format.mjs';
import { describe, measureScenario, openCluster, partsTable } from './bench/postgres-load.mjs';
import { measureServer, runRow, TARGET } from './bench/server-load.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const runsArg = args.find((arg) => arg.startsWith('--runs='));
const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : 1;
if (args.some((arg) => arg !== runsArg) || !Number.isInteger(runs) || runs < 1 || runs > 20) {
  console.error('bench:server: use [--runs=N] with N from 1 to 20');
  process.exit(2);
}

// On Ctrl-C or a kill, exit through the exit hooks, which kill the servers and remove the cluster.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(128 + constants.signals[signal]));

const SCENARIOS = [
  { key: 'pg1', title: 'PostgreSQL, 1 instance', instances: 1 },
  { key: 'pg2', title: 'PostgreSQL, 2 instances', instances: 2 },
];

const micro = (value) => (value === undefined ? 'n/a' : `${int(value)} µs`);

/** The PostgreSQL scenarios' own section: their POST runs, the two instances' share, their checks. */
function postgresText(bindir, results) {
  const lines = [heading('3b. Server load on PostgreSQL — POST /wp-json/wp/v2/comments'), describe(bindir), ''];
  lines.push(
    table(
      [
        { title: 'run', align: 'left' },
        { title: 'req/s', align: 'right' },
        { title: 'p50', align: 'right' },
        { title: 'p99', align: 'right' },
        { title: 'max', align: 'right' },
        { title: 'answers', align: 'right' },
        { title: '2xx', align: 'right' },
        { title: 'non-2xx', align: 'right' },
        { title: 'errors', align: 'right' },
      ],
      SCENARIOS.map((scenario) => runRow(`POST, ${scenario.title}`, results[scenario.key].writes)),
    ),
  );
  const parts = partsTable(results.pg2.writes);
  if (parts) lines.push('', parts);
  for (const scenario of SCENARIOS) {
    lines.push('', `  ${scenario.title}:`, ...results[scenario.key].lines);
  }
  return lines.join('\n');
}

/** One table over the stores: `rows` are `[title, figures]`. */
function comparison(rows, withPostgres) {
  return [
    heading('3c. POST /wp-json/wp/v2/comments, the stores compared (50 connections each)'),
    table(
      [
        { title: 'store', align: 'left' },
        { title: 'comments/s', align: 'right' },
        { title: 'p50', align: 'right' },
        { title: 'p99', align: 'right' },
        { title: 'server CPU/comment', align: 'right' },
        ...(withPostgres ? [{ title: 'PostgreSQL CPU/comment', align: 'right' }] : []),
        { title: 'stored = acknowledged', align: 'left' },
      ],
      rows.map(([title, figures]) => [
        title,
        fixed(figures.perSecond, 0),
        `${figures.p50} ms`,
        `${figures.p99} ms`,
        micro(figures.cpuPerComment),
        ...(withPostgres ? [figures.postgresCpuPerComment === undefined ? '—' : micro(figures.postgresCpuPerComment)] : []),
        `${int(figures.stored)} stored, ${int(figures.created)} × 201, ${int(figures.duplicates)} duplicates ${mark(figures.consistent)}`,
      ]),
    ),
    '  server CPU: the Node servers (user + system, summed over the instances); PostgreSQL CPU: the postmaster and its',
    '  processes (backends, WAL writer, checkpointer…). With 2 instances p50 and p99 are the larger of the two runs.',
    '  The GET runs (section 3) are measured on SQLite only.',
  ].join('\n');
}

function spread(all) {
  const row = (title, values, format) => [
    title,
    format(Math.min(...values)),
    format(median(values)),
    format(Math.max(...values)),
  ];
  const cpu = all.map((figures) => figures.cpuPerComment).filter((value) => value !== undefined);
  const met = all.filter((figures) => figures.meetsTarget).length;
  const consistent = all.filter((figures) => figures.consistent).length;
  return [
    heading(`POST /wp-json/wp/v2/comments over ${all.length} runs`),
    table(
      [
        { title: 'figure', align: 'left' },
        { title: 'min', align: 'right' },
        { title: 'median', align: 'right' },
        { title: 'max', align: 'right' },
      ],
      [
        row('comments created per second', all.map((figures) => figures.perSecond), (value) => fixed(value, 0)),
        row('p50 latency', all.map((figures) => figures.p50), (value) => `${value} ms`),
        row('p99 latency', all.map((figures) => figures.p99), (value) => `${value} ms`),
        ...(cpu.length > 0 ? [row('server CPU per comment', cpu, (value) => `${int(value)} µs`)] : []),
        row('load average before the run', all.map((figures) => figures.load), (value) => fixed(value, 2)),
      ],
    ),
    `  target ≥ ${int(TARGET.commentsPerSecond)}/s with p99 ≤ ${TARGET.p99Ms} ms met in ${met} of ${all.length} runs ${mark(met === all.length)}`,
    `  stored = acknowledged in ${consistent} of ${all.length} runs ${mark(consistent === all.length)}`,
  ].join('\n');
}

/** The PostgreSQL scenarios over the runs: their comments/s and p99. */
function postgresSpread(all) {
  const row = (title, values, format) => [title, format(Math.min(...values)), format(median(values)), format(Math.max(...values))];
  const rows = SCENARIOS.flatMap((scenario) => {
    const figures = all.map((run) => run[scenario.key]);
    return [
      row(`${scenario.title}: comments/s`, figures.map((f) => f.perSecond), (value) => fixed(value, 0)),
      row(`${scenario.title}: p99 latency`, figures.map((f) => f.p99), (value) => `${value} ms`),
    ];
  });
  const consistent = all.filter((run) => SCENARIOS.every((scenario) => run[scenario.key].consistent)).length;
  return [
    heading(`POST /wp-json/wp/v2/comments on PostgreSQL over ${all.length} runs`),
    table(
      [
        { title: 'figure', align: 'left' },
        { title: 'min', align: 'right' },
        { title: 'median', align: 'right' },
        { title: 'max', align: 'right' },
      ],
      rows,
    ),
    `  stored = acknowledged in both scenarios in ${consistent} of ${all.length} runs ${mark(consistent === all.length)}`,
  ].join('\n');
}

const all = [];
const allPostgres = [];
let postgres;
try {
  postgres = await openCluster();
  if (postgres.missing) console.log(`\nPostgreSQL: skipped — ${postgres.missing}`);
  for (let run = 1; run <= runs; run++) {
    if (runs > 1) console.log(`\nrun ${run} of ${runs}`);
    const { text, figures } = await measureServer(root);
    console.log(text);
    all.push(figures);
    if (postgres.missing) continue;
    const results = {};
    for (const scenario of SCENARIOS) results[scenario.key] = await measureScenario(root, postgres, scenario.instances);
    console.log(postgresText(postgres.bindir, results));
    console.log(
      comparison(
        [['SQLite', figures], ...SCENARIOS.map((scenario) => [scenario.title, results[scenario.key].figures])],
        true,
      ),
    );
    allPostgres.push(Object.fromEntries(SCENARIOS.map((scenario) => [scenario.key, results[scenario.key].figures])));
  }
  if (runs > 1) console.log(spread(all));
  if (runs > 1 && allPostgres.length > 0) console.log(postgresSpread(allPostgres));
} catch (error) {
  console.error(`\nserver: could not be measured — ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await postgres?.cluster?.remove();
}
