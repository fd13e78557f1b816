import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { aStaffMember, rootUnitId } from '../../../../test/support/staff.js';

let t: TestApp;
const clock = fixedClock(new Date('2026-03-13T02:00:00Z'));
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let root: number;
let admin: Staff, auditor: Staff, coordinator: Staff;

before(async () => {
  t = await startTestApp({ clock });
  root = await rootUnitId(t);
  admin = await aStaffMember(t, { unitId: root, roles: ['admin'], name: 'Admin Utama' });
  auditor = await aStaffMember(t, { unitId: root, roles: ['auditor'] });
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
});
after(() => t.close());

const call = (staff: Staff, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method, url, headers: { authorization: staff.authorization }, ...(payload === undefined ? {} : { payload }) });

interface Entry { sequence: number; at: string; actor: { id: number; name: string } | null; action: string; target: { type: string; id: string } | null; summary: Record<string, unknown> }
async function auditLog(query = ''): Promise<{ items: Entry[]; next: string | null }> {
  const response = await call(auditor, 'GET', `/api/v1/admin/audit${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

describe('the administration audit log', () => {
  it('records who changed what, when and how, with the change itself, and never a password', async () => {
    const unit = (await call(admin, 'POST', '/api/v1/admin/units', { code: 'SEKSI-1', name: 'Seksi Satu', parentId: root, timeZone: 'Asia/Jakarta', approvalChain: [] })).json();
    await call(admin, 'PATCH', `/api/v1/admin/units/${unit.id}`, { name: 'Seksi Pertama', timeZone: 'Asia/Makassar' });
    const user = (await call(admin, 'POST', '/api/v1/admin/users', { email: 'budi@aduan.test', name: 'Budi', password: 'kata-sandi-rahasia-1', unitId: unit.id, roles: ['handler'] })).json();
    clock.advanceMs(60_000);
    const changed = await call(admin, 'PATCH', `/api/v1/admin/users/${user.id}`, { roles: ['handler', 'head'], password: 'kata-sandi-rahasia-2' });
    assert.equal(changed.statusCode, 200, changed.body);
    const team = (await call(admin, 'POST', '/api/v1/admin/teams', { unitId: unit.id, code: 'TIM-1', name: 'Tim', members: [{ userId: user.id, role: 'leader' }] })).json();
    await call(admin, 'POST', `/api/v1/admin/teams/${team.id}/deactivate`);
    const category = (await call(admin, 'POST', '/api/v1/admin/categories', { code: 'service.parking', nameId: 'Parkir', nameEn: 'Parking' })).json();
    await call(admin, 'PATCH', `/api/v1/admin/categories/${category.id}`, { nameEn: 'Car parks' });
    await call(admin, 'PUT', '/api/v1/admin/settings/totp-required-roles', { roles: ['head'] });

    const response = await call(auditor, 'GET', '/api/v1/admin/audit');
    assert.equal(response.statusCode, 200, response.body);
    assert.ok(!response.body.includes('kata-sandi-rahasia'), 'no password, old or new');
    assert.ok(!response.body.includes('argon2'), 'no password hash');
    const { items } = response.json() as { items: Entry[] };
    assert.deepEqual(items.map((entry) => entry.action), [
      'settings.totp_required_roles_set', 'category.updated', 'category.created', 'team.deactivated', 'team.created',
      'staff_user.updated', 'staff_user.created', 'unit.updated', 'unit.created',
    ], 'newest first, every change');
    for (const entry of items) assert.deepEqual(entry.actor, { id: admin.id, name: 'Admin Utama' });

    const byAction = new Map(items.map((entry) => [entry.action, entry]));
    assert.deepEqual(byAction.get('unit.updated')?.target, { type: 'unit', id: String(unit.id) });
    assert.deepEqual(byAction.get('unit.updated')?.summary, { changes: { name: { from: 'Seksi Satu', to: 'Seksi Pertama' }, timeZone: { from: 'Asia/Jakarta', to: 'Asia/Makassar' } } });
    const userUpdate = byAction.get('staff_user.updated');
    assert.equal(userUpdate?.at, '2026-03-13T02:01:00.000Z');
    assert.deepEqual(userUpdate?.summary, {
      changes: { roles: { from: ['handler'], to: ['handler', 'head'] } }, isPasswordChanged: true, isTotpReset: false, isSignedOutEverywhere: true,
    });
    assert.deepEqual((byAction.get('staff_user.created')?.summary.record as { email: string }).email, 'budi@aduan.test');
    assert.deepEqual(byAction.get('team.deactivated')?.summary, { changes: { isActive: { from: true, to: false } } });
    assert.deepEqual(byAction.get('category.updated')?.summary, { changes: { nameEn: { from: 'Parking', to: 'Car parks' } } });
    assert.deepEqual(byAction.get('settings.totp_required_roles_set')?.summary, { changes: { roles: { from: [], to: ['head'] } } });
    await call(admin, 'PUT', '/api/v1/admin/settings/totp-required-roles', { roles: [] });
  });

  it('records nothing for a refused change: the entry shares its transaction', async () => {
    const before = (await auditLog()).items[0]?.sequence;
    const duplicate = await call(admin, 'POST', '/api/v1/admin/units', { code: 'SEKSI-1', name: 'Lagi', timeZone: 'Asia/Jakarta', approvalChain: [] });
    assert.equal(duplicate.statusCode, 409);
    const unknownUser = await call(admin, 'PATCH', '/api/v1/admin/users/999999', { name: 'Siapa' });
    assert.equal(unknownUser.statusCode, 404);
    assert.equal((await auditLog()).items[0]?.sequence, before);
  });

  it('pages newest first by keyset, and filters by action, target and actor', async () => {
    const all = (await auditLog('?limit=200')).items;
    const first = await auditLog('?limit=3');
    assert.equal(first.items.length, 3);
    assert.ok(first.next !== null);
    const second = await auditLog(`?limit=3&cursor=${first.next}`);
    assert.deepEqual([...first.items, ...second.items].map((entry) => entry.sequence), all.slice(0, 6).map((entry) => entry.sequence));
    const last = await auditLog(`?limit=200&cursor=${all[all.length - 2]?.sequence}`);
    assert.equal(last.items.length, 1);
    assert.equal(last.next, null);

    const unitEntries = (await auditLog('?targetType=unit')).items;
    assert.deepEqual(unitEntries.map((entry) => entry.action), ['unit.updated', 'unit.created']);
    assert.deepEqual((await auditLog('?action=team.created')).items.map((entry) => entry.action), ['team.created']);
    assert.equal((await auditLog(`?actorId=${coordinator.id}`)).items.length, 0);
    assert.equal((await call(auditor, 'GET', '/api/v1/admin/audit?action=DROP%20TABLE')).statusCode, 400);
  });

  it('is for administrators and auditors only', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit' })).statusCode, 401);
    const forbidden = await call(coordinator, 'GET', '/api/v1/admin/audit');
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.json().code, 'auth.forbidden');
    assert.equal((await call(coordinator, 'GET', '/api/v1/admin/audit/chain')).statusCode, 403);
    assert.equal((await call(admin, 'GET', '/api/v1/admin/audit')).statusCode, 200);
    assert.equal((await call(auditor, 'POST', '/api/v1/admin/units', { code: 'X', name: 'X', timeZone: 'Asia/Jakarta', approvalChain: [] })).statusCode, 403, 'auditors read the log, they change nothing');
  });

  it('verifies the chain and names the first entry someone tampered with', async () => {
    const intact = await call(admin, 'GET', '/api/v1/admin/audit/chain');
    assert.equal(intact.statusCode, 200, intact.body);
    const count = intact.json().entriesChecked;
    assert.ok(count >= 9);
    assert.deepEqual(intact.json(), { isIntact: true, entriesChecked: count, firstBrokenSequence: null, problem: null });
    await assert.rejects(sql`update admin_audit_events set action = 'unit.renamed' where sequence = 2`.execute(t.database.db), /append-only/);
    await t.database.db.transaction().execute(async (trx) => {
      await sql`alter table admin_audit_events disable trigger admin_audit_events_append_only`.execute(trx);
      await sql`update admin_audit_events set summary = '{"changes":{}}' where sequence = 2`.execute(trx);
      await sql`alter table admin_audit_events enable trigger admin_audit_events_append_only`.execute(trx);
    });
    const broken = await call(auditor, 'GET', '/api/v1/admin/audit/chain');
    assert.deepEqual(broken.json(), { isIntact: false, entriesChecked: 2, firstBrokenSequence: 2, problem: 'content_changed' });
  });
});
