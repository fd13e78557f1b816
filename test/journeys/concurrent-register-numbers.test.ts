// A black-box journey on PostgreSQL: two real servers share one database, and submissions
// racing on both must still get one unbroken run of register numbers. Needs TEST_DATABASE_URL
// (a role that may create databases); each run makes a database of its own and drops it.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import {
  acknowledgementOf, mapConcurrently, parseRegister, registerNumberOf, submit, track, type Acknowledgement,
} from '../support/server-process-api.js';
import { jsonLines, makeDataDir, makeJourneyDir, spawnServer, startServer, waitHealthy, type ServerProcess } from '../support/server-process.js';

const adminUrl = process.env.TEST_DATABASE_URL;
const submissions = 200;

async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function databaseUrlFor(database: string): string {
  const url = new URL(adminUrl ?? '');
  url.pathname = `/${database}`;
  return url.toString();
}

/** The migrations a server's start-up line says it applied. */
function migrationsApplied(server: ServerProcess): unknown {
  return jsonLines(server.lines).find((entry) => entry.msg === 'database ready')?.migrationsApplied;
}

describe('Two servers on one PostgreSQL database', {
  timeout: 300_000,
  skip: !adminUrl && 'needs PostgreSQL (TEST_DATABASE_URL)',
}, () => {
  const database = `aduan_j_${randomBytes(6).toString('hex')}`;
  const secretKey = randomBytes(32).toString('base64url');
  let journey: Awaited<ReturnType<typeof makeJourneyDir>> | undefined;
  let created = false;
  const servers: ServerProcess[] = [];
  /** Each acknowledged complaint, with the index of the server that took it. */
  const acknowledged: { pair: Acknowledgement; by: number }[] = [];

  const startOn = async (name: string): Promise<ServerProcess> => {
    assert.ok(journey);
    const dataDir = await makeDataDir(journey.root, name);
    const server = await startServer({
      dataDir,
      env: { TMPDIR: journey.tmp, DATABASE_URL: databaseUrlFor(database), ADUAN_SECRET_KEY: secretKey, SUBMISSIONS_PER_HOUR: '100000' },
    });
    servers.push(server);
    return server;
  };

  before(async () => {
    journey = await makeJourneyDir('aduan-pg-');
    await asAdmin(`create database ${database}`);
    created = true;
  });

  after(async () => {
    for (const server of servers) await server.kill();
    if (created) await asAdmin(`drop database if exists ${database} with (force)`);
    await journey?.remove();
  });

  it('starts a first server, which migrates the new database', { timeout: 90_000 }, async () => {
    const first = await startOn('first');
    const applied = migrationsApplied(first);
    assert.ok(Array.isArray(applied) && applied.length > 0, `the first server applied the migrations: ${JSON.stringify(applied)}`);
  });

  it('starts a second server on the same database, which finds nothing left to migrate', { timeout: 90_000 }, async () => {
    const second = await startOn('second');
    assert.deepEqual(migrationsApplied(second), []);
  });

  it(`numbers ${submissions} submissions sent at once to both servers as one unbroken run`, { timeout: 120_000 }, async () => {
    assert.equal(servers.length, 2);
    const answers = await Promise.all(Array.from({ length: submissions }, async (_, index) => {
      const by = index % 2;
      const server = servers[by];
      assert.ok(server);
      return { pair: acknowledgementOf(await submit(server.url)), by };
    }));
    acknowledged.push(...answers);

    const numbers = answers.map(({ pair }) => parseRegister(pair.registerNumber));
    const year = numbers[0]?.year ?? 0;
    assert.ok(numbers.every((number) => number.year === year), 'one register year');
    const registerNumbers = answers.map(({ pair }) => pair.registerNumber);
    assert.equal(new Set(registerNumbers).size, submissions, 'no register number was given twice');
    assert.deepEqual(
      [...registerNumbers].sort(),
      Array.from({ length: submissions }, (_, index) => registerNumberOf(year, index + 1)),
      `exactly ${registerNumberOf(year, 1)} .. ${registerNumberOf(year, submissions)}`,
    );
  });

  it('lets every complaint be tracked on the other server than the one that took it', { timeout: 120_000 }, async () => {
    assert.equal(acknowledged.length, submissions);
    const failures: string[] = [];
    await mapConcurrently(acknowledged, 10, async ({ pair, by }) => {
      const other = servers[1 - by];
      assert.ok(other);
      const answer = await track(other.url, pair);
      const tracked = (answer.body as { complaint?: { registerNumber?: unknown } } | undefined)?.complaint?.registerNumber;
      if (answer.status !== 200 || tracked !== pair.registerNumber) failures.push(`${pair.registerNumber}: ${answer.status} ${JSON.stringify(answer.body)}`);
    });
    assert.deepEqual(failures, []);
  });

  it('keeps both servers healthy and lets them stop cleanly', { timeout: 60_000 }, async () => {
    for (const server of servers) {
      await waitHealthy(server, 5000);
      const exit = await server.stop();
      assert.equal(exit.code, 0, server.output());
    }
  });
});

describe('Two servers started at the same moment on a new PostgreSQL database', {
  timeout: 180_000,
  skip: !adminUrl && 'needs PostgreSQL (TEST_DATABASE_URL)',
}, () => {
  const database = `aduan_j_${randomBytes(6).toString('hex')}`;
  const secretKey = randomBytes(32).toString('base64url');
  let journey: Awaited<ReturnType<typeof makeJourneyDir>> | undefined;
  let created = false;
  const servers: ServerProcess[] = [];

  before(async () => {
    journey = await makeJourneyDir('aduan-pg-race-');
    await asAdmin(`create database ${database}`);
    created = true;
  });

  after(async () => {
    for (const server of servers) await server.kill();
    if (created) await asAdmin(`drop database if exists ${database} with (force)`);
    await journey?.remove();
  });

  it('migrates the database exactly once and both serve', { timeout: 120_000 }, async () => {
    assert.ok(journey);
    const root = journey.root;
    const tmp = journey.tmp;
    const env = { TMPDIR: tmp, DATABASE_URL: databaseUrlFor(database), ADUAN_SECRET_KEY: secretKey };
    const started = await Promise.all(['a', 'b'].map(async (name) => spawnServer({ dataDir: await makeDataDir(root, name), env })));
    servers.push(...started);
    await Promise.all(started.map((server) => waitHealthy(server, 60_000)));

    const applied = started.map((server) => migrationsApplied(server));
    assert.ok(applied.every(Array.isArray), JSON.stringify(applied));
    const all = applied.flatMap((names) => names as unknown[]);
    assert.equal(new Set(all).size, all.length, `no migration ran twice: ${JSON.stringify(applied)}`);
    assert.ok(all.length > 0, 'the migrations ran');

    const [a, b] = started;
    assert.ok(a && b);
    const pair = acknowledgementOf(await submit(a.url));
    assert.equal(parseRegister(pair.registerNumber).sequence, 1);
    assert.equal((await track(b.url, pair)).status, 200);
  });
});
