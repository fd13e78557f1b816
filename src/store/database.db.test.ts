import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.js';

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
