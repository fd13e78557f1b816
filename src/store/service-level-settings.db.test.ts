import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { readServiceLevelVersion, writeServiceLevelSettings } from './service-level-settings.js';

let database: TestDatabase;
before(async () => { database = await openTestDatabase(); });
after(() => database.close());

const now = new Date('2026-03-13T02:00:00Z');

describe('the service-level version', () => {
  it('moves on with every write to holidays, policies or the service-level settings, in the same transaction', async () => {
    const db = database.db;
    const start = await readServiceLevelVersion(db);
    await sql`insert into holidays (holiday_on, kind, name_id, name_en) values ('2026-07-01', 'local_holiday', 'Libur', 'Day off')`.execute(db);
    assert.equal(await readServiceLevelVersion(db), start + 1);
    await sql`update service_level_policies set name = name || '' where channel = 'letter'`.execute(db);
    assert.equal(await readServiceLevelVersion(db), start + 2);
    await writeServiceLevelSettings(db, { appealWindowDays: 14 }, now);
    assert.equal(await readServiceLevelVersion(db), start + 3);
    await assert.rejects(db.transaction().execute(async (trx) => {
      await sql`delete from holidays where holiday_on = '2026-07-01'`.execute(trx);
      assert.equal(await readServiceLevelVersion(trx), start + 4);
      throw new Error('rolled back');
    }), /rolled back/);
    assert.equal(await readServiceLevelVersion(db), start + 3, 'a rolled-back change leaves the version as it was');
  });

  it('stays put when other settings are written, so bumping it does not set itself off', async () => {
    const db = database.db;
    const start = await readServiceLevelVersion(db);
    await db.insertInto('settings').values({ key: 'some_other_setting', value: '1', updatedAt: now }).execute();
    assert.equal(await readServiceLevelVersion(db), start);
  });
});
