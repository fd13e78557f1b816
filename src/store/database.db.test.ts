import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { isDatabaseUnavailable } from './database-errors.js';
import { openDatabase, type OpenDatabase } from './database.js';

let database: TestDatabase;
before(async () => { database = await openTestDatabase(); });
after(() => database.close());

describe('the database under concurrent use', () => {
  it('keeps 100 concurrent transactions and 100 concurrent reads apart, with no error and nothing lost', { timeout: 30_000 }, async () => {
    await sql`create table concurrency_probe (id serial primary key, value integer not null)`.execute(database.db);
    const work = Array.from({ length: 200 }, (_, index) => (index % 2 === 0
      ? database.db.transaction().execute(async (trx) => {
        await sql`insert into concurrency_probe (value) values (${index})`.execute(trx);
        const mine = await sql<{ value: number }>`select value from concurrency_probe where value = ${index}`.execute(trx);
        assert.equal(mine.rows.length, 1);
      })
      : sql`select count(*) from concurrency_probe where value > ${index}`.execute(database.db)));
    const outcomes = await Promise.allSettled(work);
    assert.deepEqual(outcomes.filter((outcome) => outcome.status === 'rejected'), []);
    const count = await sql<{ count: number }>`select count(*)::int as count from concurrency_probe`.execute(database.db);
    assert.equal(count.rows[0]?.count, 100);
  });
});

// PostgreSQL only: the embedded database has no other server that could close a connection.
const onPostgres = process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (a server that can close one of our connections)';

describe('a pooled connection the server closes', { skip: onPostgres }, () => {
  /** Ends one backend from another connection, as an operator's pg_terminate_backend does. */
  async function terminate(pid: number): Promise<void> {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
  }

  async function until(check: () => boolean, what: string): Promise<void> {
    for (const started = Date.now(); !check(); await new Promise((resolveDelay) => setTimeout(resolveDelay, 20))) {
      if (Date.now() - started > 5000) throw new Error(`timed out waiting for ${what}`);
    }
  }

  const backendPid = async (db: OpenDatabase['db']) => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]?.pid ?? 0;

  it('is reported once and replaced when idle, and costs only its own transaction when in use', { timeout: 30_000 }, async () => {
    const lost: Error[] = [];
    const own = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir: tmpdir(), poolSize: 1, onConnectionError: (error) => lost.push(error) });
    try {
      // Idle in the pool: the server ends it between two requests.
      const first = await backendPid(own.db);
      await terminate(first);
      await until(() => lost.length > 0, 'the idle connection\'s error');
      const second = await backendPid(own.db);
      assert.notEqual(second, first, 'the next query runs on a new connection');
      assert.deepEqual(lost.map((error) => (error as Error & { code?: string }).code), ['57P01'], 'one report for one lost connection');

      // Held for a transaction: ended between two of its statements.
      await assert.rejects(own.db.transaction().execute(async (trx) => {
        await terminate(await backendPid(trx));
        await until(() => lost.length > 1, 'the held connection\'s error');
        await assert.rejects(sql`select 1`.execute(trx), (error: unknown) => isDatabaseUnavailable(error));
      }));
      const third = await backendPid(own.db);
      assert.ok(third > 0 && third !== second, 'and the pool opens a new one after it');
      assert.equal(lost.length, 2);
    } finally {
      await own.close();
    }
  });
});
