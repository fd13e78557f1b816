import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { findRootUnit } from './units.js';

let database: TestDatabase;
const id = '00000000-0000-4000-8000-0000000000aa';
before(async () => {
  database = await openTestDatabase();
  const unit = await findRootUnit(database.db);
  const now = new Date('2026-03-13T02:00:00Z');
  await database.db.insertInto('complaints').values({
    id, registerNumber: '2026-000042', trackingCodeHash: Buffer.from('hash'), status: 'received', channel: 'web', identityMode: 'anonymous',
    identitySealed: null, pseudonym: null, title: 'Judul asli', description: 'Uraian asli dari pelapor', facts: JSON.stringify({ what: 'asli' }),
    categoryCode: null, unitId: unit.id, locationLat: null, locationLon: null, locale: 'id', completenessScore: 20, receivedAt: now, submittedAt: now, updatedAt: now,
  }).execute();
});
after(() => database.close());

describe('a submitted complaint', () => {
  it('keeps what the reporter said: title, description and facts cannot be edited', async () => {
    await assert.rejects(sql`update complaints set description = 'diubah' where id = ${id}`.execute(database.db), /never edited/);
    await assert.rejects(sql`update complaints set facts = '{"what":"diubah"}' where id = ${id}`.execute(database.db), /never edited/);
    await assert.rejects(sql`update complaints set received_at = now() where id = ${id}`.execute(database.db), /never edited/);
    const row = await database.db.selectFrom('complaints').select(['description', 'title']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { title: 'Judul asli', description: 'Uraian asli dari pelapor' });
  });

  it('can still change state: status and the handling unit move on', async () => {
    await sql`update complaints set status = 'verified', updated_at = now() where id = ${id}`.execute(database.db);
    const row = await database.db.selectFrom('complaints').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'verified');
  });

  it('is never deleted', async () => {
    await assert.rejects(sql`delete from complaints where id = ${id}`.execute(database.db));
    assert.ok(await database.db.selectFrom('complaints').select('id').where('id', '=', id).executeTakeFirst());
  });

  it('is found by full-text search over its words, through the GIN index', async () => {
    const found = await sql<{ id: string }>`select id from complaints where search @@ plainto_tsquery('simple', 'uraian pelapor')`.execute(database.db);
    assert.deepEqual(found.rows.map((row) => row.id), [id]);
    const none = await sql<{ id: string }>`select id from complaints where search @@ plainto_tsquery('simple', 'tidakada')`.execute(database.db);
    assert.equal(none.rows.length, 0);
  });
});
