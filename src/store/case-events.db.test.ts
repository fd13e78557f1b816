import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { appendCaseEvents, caseEventDigest } from './case-events.js';
import { findRootUnit } from './units.js';
import { takeNextRegisterNumber } from './register-numbers.js';

let database: TestDatabase;
before(async () => { database = await openTestDatabase(); });
after(() => database.close());

async function insertCase(id: string): Promise<void> {
  const unit = await findRootUnit(database.db);
  const now = new Date('2026-03-13T02:00:00Z');
  await database.db.insertInto('complaints').values({
    id, registerNumber: `T-${id}`, trackingCodeHash: Buffer.from(id), status: 'received', channel: 'web', identityMode: 'anonymous',
    identitySealed: null, pseudonym: null, title: 't', description: 'd', facts: JSON.stringify({}), categoryCode: null, unitId: unit.id,
    locationLat: null, locationLon: null, locale: 'id', completenessScore: 0, receivedAt: now, submittedAt: now, updatedAt: now,
  }).execute();
}

describe('case events', () => {
  it('chain each event to the previous one by hash', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    await insertCase(id);
    const at = new Date('2026-03-13T02:00:00Z');
    await appendCaseEvents(database.db, id, { kind: 'reporter' }, at, [{ type: 'reporter.message_added', data: { text: 'satu' } }]);
    await appendCaseEvents(database.db, id, { kind: 'reporter' }, at, [{ type: 'reporter.message_added', data: { text: 'dua' } }]);
    const rows = await database.db.selectFrom('caseEvents').selectAll().where('complaintId', '=', id).orderBy('sequence').execute();
    assert.deepEqual(rows.map((row) => row.sequence), [1, 2]);
    assert.equal(rows[0]?.prevHash, null);
    assert.deepEqual(rows[1]?.prevHash, rows[0]?.hash);
    for (const row of rows) {
      const recomputed = caseEventDigest({ complaintId: id, sequence: row.sequence, type: row.type, actor: row.actor, occurredAt: row.occurredAt, data: row.data, prevHash: row.prevHash });
      assert.deepEqual(recomputed, row.hash, 'the stored hash is what the stored content hashes to');
    }
  });

  it('cannot be changed or deleted: the log is append-only', async () => {
    const id = '00000000-0000-4000-8000-000000000002';
    await insertCase(id);
    await appendCaseEvents(database.db, id, { kind: 'reporter' }, new Date(), [{ type: 'reporter.message_added', data: { text: 'asli' } }]);
    await assert.rejects(sql`update case_events set data = '{"text":"palsu"}' where complaint_id = ${id}`.execute(database.db), /append-only/);
    await assert.rejects(sql`delete from case_events where complaint_id = ${id}`.execute(database.db), /append-only/);
  });
});

describe('register number counters', () => {
  it('give back a number taken in a transaction that rolled back', async () => {
    const first = await database.db.transaction().execute((trx) => takeNextRegisterNumber(trx, 'RB', 2026));
    await assert.rejects(database.db.transaction().execute(async (trx) => {
      await takeNextRegisterNumber(trx, 'RB', 2026);
      throw new Error('submission failed');
    }));
    const next = await database.db.transaction().execute((trx) => takeNextRegisterNumber(trx, 'RB', 2026));
    assert.equal(next, first + 1);
  });

  it('stay distinct and consecutive under 50 concurrent transactions', async () => {
    const taken = await Promise.all(Array.from({ length: 50 }, () => database.db.transaction().execute((trx) => takeNextRegisterNumber(trx, 'CC', 2026))));
    assert.deepEqual([...taken].sort((a, b) => a - b), Array.from({ length: 50 }, (_, index) => index + 1));
  });

  it('start again at 1 each year', async () => {
    await database.db.transaction().execute((trx) => takeNextRegisterNumber(trx, 'YR', 2026));
    assert.equal(await database.db.transaction().execute((trx) => takeNextRegisterNumber(trx, 'YR', 2027)), 1);
  });
});
