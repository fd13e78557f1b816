import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { adminAuditDigest, readAdminAuditChain, recordAdminAction } from './admin-audit.js';

let database: TestDatabase;
before(async () => { database = await openTestDatabase(); });
after(() => database.close());

const at = new Date('2026-03-13T02:00:00.123Z');

describe('the administration audit log', () => {
  it('chains every entry to the one before, and the stored hash is what the stored content hashes to', async () => {
    await database.db.transaction().execute((trx) => recordAdminAction(trx, { actorId: null, action: 'unit.created', target: { type: 'unit', id: 7 }, summary: { record: { code: 'A', at } }, occurredAt: at }));
    await database.db.transaction().execute((trx) => recordAdminAction(trx, { actorId: null, action: 'unit.updated', target: { type: 'unit', id: 7 }, summary: { changes: { name: { from: 'A', to: 'B' } } }, occurredAt: at }));
    const links = await readAdminAuditChain(database.db, 0, 100);
    assert.deepEqual(links.map((link) => link.sequence), [1, 2]);
    assert.equal(links[0]?.prevHash, null);
    assert.deepEqual(links[1]?.prevHash, links[0]?.hash);
    assert.equal(links[0]?.targetId, '7');
    assert.deepEqual(links[0]?.summary, { record: { code: 'A', at: at.toISOString() } }, 'dates are kept as ISO strings');
    for (const link of links) assert.deepEqual(adminAuditDigest(link), link.hash);
  });

  it('stores "[redacted]" for members named like a password, hash, secret or token, however deep', async () => {
    const { sequence } = await database.db.transaction().execute((trx) => recordAdminAction(trx, {
      actorId: null, action: 'staff_user.updated', target: { type: 'staff_user', id: 1 }, occurredAt: at,
      summary: { password: 'rahasia-sekali-123', nested: [{ passwordHash: '$argon2id$…', token: 'abc', name: 'Budi' }], totpSecret: 'JBSWY3DP' },
    }));
    const [link] = await readAdminAuditChain(database.db, sequence - 1, 1);
    assert.deepEqual(link?.summary, { password: '[redacted]', nested: [{ passwordHash: '[redacted]', token: '[redacted]', name: 'Budi' }], totpSecret: '[redacted]' });
  });

  it('refuses to record outside a transaction, or an action not named <thing>.<verb>', async () => {
    await assert.rejects(recordAdminAction(database.db, { actorId: null, action: 'unit.created', occurredAt: at }), /transaction/);
    await assert.rejects(database.db.transaction().execute((trx) => recordAdminAction(trx, { actorId: null, action: 'Created a unit', occurredAt: at })), /<thing>\.<verb>/);
  });

  it('keeps the chain whole when many transactions append at once', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, index) => database.db.transaction().execute((trx) =>
      recordAdminAction(trx, { actorId: null, action: 'category.updated', target: { type: 'category', id: index }, summary: {}, occurredAt: at }))));
    const links = await readAdminAuditChain(database.db, 0, 1000);
    assert.deepEqual(links.map((link) => link.sequence), links.map((_, index) => index + 1));
    links.slice(1).forEach((link, index) => assert.deepEqual(link.prevHash, links[index]?.hash));
  });

  it('cannot be changed or deleted', async () => {
    await assert.rejects(sql`update admin_audit_events set action = 'unit.deleted' where sequence = 1`.execute(database.db), /append-only/);
    await assert.rejects(sql`delete from admin_audit_events where sequence = 1`.execute(database.db), /append-only/);
  });
});
