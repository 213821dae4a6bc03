/**
 * `npm run bench:server`: only the server load section of `npm run bench` (it needs no build).
 *
 *   node scripts/bench-server.mjs [--runs=N]
 *
 * With `--runs=N` (1 to 20) the section is measured N times, each on a fresh server and database, and a last
 * table gives the spread of the POST figures: one run on a shared machine says little.
 */
import { fileURLToPath } from 'node:url';
import { fixed, heading, int, mark, median, table } from './bench/format.mjs';
import { measureServer, TARGET } from './bench/server-load.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const runsArg = args.find((arg) => arg.startsWith('--runs='));
const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : 1;
if (args.some((arg) => arg !== runsArg) || !Number.isInteger(runs) || runs < 1 || runs > 20) {
  console.error('bench:server: use [--runs=N] with N from 1 to 20');
  process.exit(2);
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

const all = [];
try {
  for (let run = 1; run <= runs; run++) {
    if (runs > 1) console.log(`\nrun ${run} of ${runs}`);
    const { text, figures } = await measureServer(root);
    console.log(text);
    all.push(figures);
  }
  if (runs > 1) console.log(spread(all));
} catch (error) {
  console.error(`\nserver: could not be measured — ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
