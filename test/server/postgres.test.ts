/**
 * Several server instances on one PostgreSQL database, and PostgreSQL going away under load. Each suite starts a
 * throw-away cluster of its own (scripts/pg-cluster.ts), so that it may stop and restart it. Run by
 * `npm run test:server:postgres`; the SQLite run skips it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startCluster, type Cluster } from '../../scripts/pg-cluster.js';
import { fetchJson, POSTGRES_URL, startServer, type TestServer } from './support.js';

const skip = POSTGRES_URL ? false : 'run by npm run test:server:postgres';

interface Answer {
  status: number;
  id?: number;
  code?: string;
  retryAfter: string | null;
}

let sequence = 0;
/** A comment from `ip` (through the trusted proxy header) with a text no other test sends. */
function comment(ip: string, fields: { email?: string; content?: string } = {}) {
  sequence += 1;
  return {
    ip,
    body: {
      post: 1,
      author_name: 'Reader',
      author_email: fields.email ?? `reader${sequence}@example.com`,
      content: fields.content ?? `Comment ${sequence} from ${ip}`,
    },
  };
}

async function post(server: TestServer, { ip, body }: ReturnType<typeof comment>): Promise<Answer> {
  const response = await fetchJson<{ id?: number; code?: string }>(`${server.base}/wp-json/wp/v2/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify(body),
  });
  return { status: response.status, id: response.body.id, code: response.body.code, retryAfter: response.headers.get('retry-after') };
}

async function createDatabase(cluster: Cluster, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return cluster.urlOf(name);
}

/** The stored comments by id, read straight from the database. */
async function storedIds(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM comments ORDER BY id');
    return rows.map((row) => Number(row.id));
  } finally {
    await client.end();
  }
}

describe('two instances on one PostgreSQL database', { skip }, () => {
  let cluster: Cluster;
  let url: string;
  const instances: TestServer[] = [];
  const env = (url: string) => ({ DATABASE_URL: url, TRUST_PROXY: 'loopback', FLOOD_SECONDS: '15', RATE_LIMIT: '4', MODERATION: 'approve' });

  before(async () => {
    cluster = await startCluster();
    url = await createDatabase(cluster, 'shared');
    // Both at once: the migrations' lock and the seed's check let exactly one of them create and seed the schema.
    instances.push(...(await Promise.all([startServer(env(url)), startServer(env(url))])));
  });
  after(async () => {
    for (const instance of instances) {
      await instance.close();
      await instance.remove();
    }
    await cluster?.remove();
  });

  test('started together, they seeded the database once', async () => {
    const [a, b] = instances;
    assert.equal(await a.db.value('SELECT count(*) FROM posts'), 7);
    assert.equal(await b.db.value('SELECT count(*) FROM authors'), await a.db.value('SELECT count(DISTINCT slug) FROM authors'));
  });

  test('interleaved comments: every 201 stored exactly once, under its own id', async () => {
    const before = new Set(await storedIds(url));
    const sent = Array.from({ length: 120 }, (_, index) => comment(`198.51.100.${index + 1}`));
    // Thirty at a time, alternating instances, so that the two write at once.
    const answers: Answer[] = [];
    for (let start = 0; start < sent.length; start += 30) {
      const batch = sent.slice(start, start + 30).map((item, offset) => post(instances[(start + offset) % 2], item));
      answers.push(...(await Promise.all(batch)));
    }
    assert.deepEqual(answers.map((answer) => answer.status), sent.map(() => 201));
    const acknowledged = answers.map((answer) => answer.id!);
    assert.equal(new Set(acknowledged).size, acknowledged.length, 'no id given twice');
    const stored = (await storedIds(url)).filter((id) => !before.has(id));
    assert.deepEqual(stored, [...acknowledged].sort((x, y) => x - y), 'what was stored is exactly what was acknowledged');
  });

  test('the same comment sent to both at once is stored once; the other is a duplicate', async () => {
    for (let round = 0; round < 10; round++) {
      const first = comment(`203.0.113.${2 * round + 1}`, { email: `twice${round}@example.com` });
      // From two addresses, so that only the duplicate check can refuse one of them.
      const second = { ...first, ip: `203.0.113.${2 * round + 2}` };
      const answers = await Promise.all([post(instances[0], first), post(instances[1], second)]);
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 409], JSON.stringify(answers));
      assert.equal(answers.find((answer) => answer.status === 409)!.code, 'comment_duplicate');
      const rows = await instances[0].db.value('SELECT count(*) FROM comments WHERE author_email = ?', first.body.author_email);
      assert.equal(rows, 1);
    }
  });

  test('the flood check holds across instances: by address and by e-mail address', async () => {
    assert.equal((await post(instances[0], comment('192.0.2.20'))).status, 201);
    const sameAddress = await post(instances[1], comment('192.0.2.20'));
    assert.deepEqual([sameAddress.status, sameAddress.code], [400, 'comment_flood']);

    assert.equal((await post(instances[1], comment('192.0.2.21', { email: 'flood@example.com' }))).status, 201);
    const sameEmail = await post(instances[0], comment('192.0.2.22', { email: 'flood@example.com' }));
    assert.deepEqual([sameEmail.status, sameEmail.code], [400, 'comment_flood']);
  });

  test('the rate limit holds across instances: four a minute from one address, wherever they land', async () => {
    const statuses: number[] = [];
    for (const instance of [0, 1, 0, 1]) statuses.push((await post(instances[instance], comment('192.0.2.30'))).status);
    // The first is stored; the next three are floods (the same address within 15 s), counted all the same.
    assert.deepEqual(statuses, [201, 400, 400, 400]);
    const fifth = await post(instances[0], comment('192.0.2.30'));
    assert.equal(fifth.status, 429);
    assert.ok(Number(fifth.retryAfter) > 0);
    assert.equal((await post(instances[1], comment('192.0.2.31'))).status, 201, 'another address is not held back');
  });
});

describe('PostgreSQL restarted in the middle of a write load', { skip }, () => {
  let cluster: Cluster;
  let url: string;
  let server: TestServer;

  before(async () => {
    cluster = await startCluster();
    url = await createDatabase(cluster, 'restarted');
    server = await startServer({ DATABASE_URL: url, TRUST_PROXY: 'loopback', FLOOD_SECONDS: '0', RATE_LIMIT: '0', MODERATION: 'approve' });
  });
  after(async () => {
    await server?.close();
    await server?.remove();
    await cluster?.remove();
  });

  test('writes answer 201 or 503 with Retry-After, nothing acknowledged is lost, and it serves again within seconds', async () => {
    const answers: Array<Answer & { at: number }> = [];
    const reads: Array<{ status: number; retryAfter: string | null }> = [];
    let running = true;
    let client = 0;
    const worker = async () => {
      while (running) {
        client += 1;
        const answer = await post(server, comment(`10.9.${Math.floor(client / 250)}.${client % 250}`));
        answers.push({ ...answer, at: performance.now() });
        if (answer.status === 503) await sleep(50);
      }
    };
    const reader = async () => {
      while (running) {
        const response = await fetch(`${server.base}/wp-json/wp/v2/comments?post=1&per_page=5`);
        reads.push({ status: response.status, retryAfter: response.headers.get('retry-after') });
        await response.arrayBuffer();
        await sleep(20);
      }
    };
    const load = [...Array.from({ length: 8 }, worker), reader()];

    await sleep(1500);
    await cluster.stop('immediate');
    const down = performance.now();
    // A reader's browser asking for the article page gets a page that says so, not the API's JSON.
    const page = await fetch(`${server.base}/`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    const pageText = await page.text();
    await sleep(2000);
    await cluster.start();
    const up = performance.now();
    await sleep(4000);
    running = false;
    await Promise.all(load);

    assert.equal(page.status, 503);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.ok(pageText.includes('The site is briefly unavailable') && Number(page.headers.get('retry-after')) > 0);

    const statuses = new Set(answers.map((answer) => answer.status));
    assert.deepEqual([...statuses].filter((status) => status !== 201 && status !== 503), [], 'only 201 and 503');
    const refused = answers.filter((answer) => answer.status === 503);
    assert.ok(refused.length > 0, 'the outage was seen');
    assert.ok(refused.every((answer) => answer.code === 'rest_database_busy' && Number(answer.retryAfter) > 0));
    assert.ok(answers.some((answer) => answer.status === 201 && answer.at < down), 'comments were stored before');
    const firstAfter = answers.find((answer) => answer.status === 201 && answer.at > up);
    assert.ok(firstAfter, 'comments are stored again after the restart');
    assert.ok(firstAfter.at - up < 5000, `serving again ${Math.round(firstAfter.at - up)} ms after PostgreSQL was back`);

    assert.deepEqual([...new Set(reads.map((read) => read.status))].filter((status) => status !== 200 && status !== 503), []);
    assert.ok(reads.filter((read) => read.status === 503).every((read) => Number(read.retryAfter) > 0));

    const acknowledged = answers.filter((answer) => answer.status === 201).map((answer) => answer.id!);
    const stored = new Set(await storedIds(url));
    assert.deepEqual(acknowledged.filter((id) => !stored.has(id)), [], 'every acknowledged comment is stored');
    // A comment whose COMMIT reached the database just before it stopped may be stored though its answer was a 503.
    assert.ok(stored.size <= acknowledged.length + refused.length);
  });
});
