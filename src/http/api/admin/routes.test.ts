import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../../../app/admin/admin-actor.js';
import { createStaffUser } from '../../../app/admin/create-staff-user.js';
import { aComplaint, startTestApp, type TestApp } from '../../../../test/support/test-app.js';

const password = 'kata-sandi-cukup-panjang';
let t: TestApp;
let rootId: number;
let admin: Record<string, string>;
let adminId: number;
let coordinator: Record<string, string>;

async function sessionOf(email: string, roles: ('admin' | 'coordinator')[]): Promise<{ headers: Record<string, string>; id: number }> {
  const user = await createStaffUser(t.deps, systemActor, { email, name: email, password, unitId: rootId, roles });
  const { token } = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })).json();
  return { headers: { authorization: `Bearer ${token}` }, id: user.id };
}

before(async () => {
  t = await startTestApp();
  rootId = (await t.deps.db.selectFrom('units').select('id').where('parentId', 'is', null).executeTakeFirstOrThrow()).id;
  ({ headers: admin, id: adminId } = await sessionOf('admin@aduan.test', ['admin']));
  ({ headers: coordinator } = await sessionOf('koordinator@aduan.test', ['coordinator']));
});
after(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: Record<string, unknown>, headers = admin) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

describe('administration access', () => {
  for (const [method, url] of [['GET', '/api/v1/admin/units'], ['POST', '/api/v1/admin/users'], ['PATCH', '/api/v1/admin/teams/1'], ['POST', '/api/v1/admin/categories/1/deactivate'], ['GET', '/api/v1/admin/settings/totp-required-roles']] as const) {
    it(`answers 401 to an anonymous ${method} ${url} and 403 to a coordinator, before looking at the body`, async () => {
      const anonymous = await t.app.inject({ method, url, payload: method === 'GET' ? undefined : { nonsense: true } });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json().code, 'auth.required');
      const forbidden = await t.app.inject({ method, url, headers: coordinator, payload: method === 'GET' ? undefined : { nonsense: true } });
      assert.equal(forbidden.statusCode, 403);
      assert.equal(forbidden.json().code, 'auth.forbidden');
    });
  }
});

describe('units', () => {
  it('creates, lists, changes and deactivates a unit', async () => {
    const created = await call('POST', '/api/v1/admin/units', {
      code: 'KPKNL-MKS', name: 'KPKNL Makassar', parentId: rootId, timeZone: 'Asia/Makassar',
      approvalChain: [{ role: 'head', unitsUp: 0 }, { role: 'head', unitsUp: 1 }], address: 'Jl. Urip Sumoharjo, Makassar',
    });
    assert.equal(created.statusCode, 201, created.body);
    const unit = created.json();
    assert.equal(unit.parentId, rootId);
    assert.deepEqual(unit.approvalChain, [{ role: 'head', unitsUp: 0 }, { role: 'head', unitsUp: 1 }]);
    assert.equal(unit.isActive, true);

    const listed = (await call('GET', '/api/v1/admin/units')).json().items;
    assert.ok(listed.some((item: { code: string }) => item.code === 'KPKNL-MKS'));

    const changed = await call('PATCH', `/api/v1/admin/units/${unit.id}`, { name: 'KPKNL Makassar (baru)', timeZone: 'Asia/Jayapura' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().name, 'KPKNL Makassar (baru)');
    assert.equal(changed.json().timeZone, 'Asia/Jayapura');
    assert.equal(changed.json().code, 'KPKNL-MKS');

    const deactivated = await call('POST', `/api/v1/admin/units/${unit.id}/deactivate`);
    assert.equal(deactivated.statusCode, 200, deactivated.body);
    assert.equal(deactivated.json().isActive, false);
  });

  it('refuses an unknown time zone and a duplicate code', async () => {
    const badZone = await call('POST', '/api/v1/admin/units', { code: 'X1', name: 'X', timeZone: 'Asia/Atlantis', approvalChain: [] });
    assert.equal(badZone.statusCode, 400);
    assert.deepEqual(badZone.json().errors.map((error: { pointer: string }) => error.pointer), ['/timeZone']);
    const duplicate = await call('POST', '/api/v1/admin/units', { code: 'ADUAN', name: 'Again', timeZone: 'Asia/Jakarta', approvalChain: [] });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().code, 'admin.already_exists');
  });

  it('refuses a parent that would make a loop, and keeps the tree as it was', async () => {
    const division = (await call('POST', '/api/v1/admin/units', { code: 'DIV-A', name: 'Divisi A', parentId: rootId, timeZone: 'Asia/Jakarta', approvalChain: [] })).json();
    const section = (await call('POST', '/api/v1/admin/units', { code: 'SEK-A1', name: 'Seksi A1', parentId: division.id, timeZone: 'Asia/Jakarta', approvalChain: [] })).json();
    const loop = await call('PATCH', `/api/v1/admin/units/${division.id}`, { parentId: section.id });
    assert.equal(loop.statusCode, 409);
    assert.equal(loop.json().code, 'admin.unit_parent_cycle');
    const self = await call('PATCH', `/api/v1/admin/units/${division.id}`, { parentId: division.id });
    assert.equal(self.statusCode, 409);
    const stored = (await call('GET', '/api/v1/admin/units')).json().items.find((item: { id: number }) => item.id === division.id);
    assert.equal(stored.parentId, rootId);
    const inUse = await call('POST', `/api/v1/admin/units/${division.id}/deactivate`);
    assert.equal(inUse.statusCode, 409, 'a unit with an active sub-unit stays');
    assert.equal(inUse.json().code, 'admin.unit_in_use');
  });

  it('answers 404 for an unknown unit and 400 for extra fields', async () => {
    assert.equal((await call('PATCH', '/api/v1/admin/units/999999', { name: 'Nowhere' })).statusCode, 404);
    const extra = await call('PATCH', `/api/v1/admin/units/${rootId}`, { colour: 'red' });
    assert.equal(extra.statusCode, 400);
    assert.deepEqual(extra.json().errors.map((error: { pointer: string }) => error.pointer), ['/colour']);
  });
});

describe('users', () => {
  it('creates, lists, changes and deactivates an account, never showing its secrets', async () => {
    const created = await call('POST', '/api/v1/admin/users', { email: 'handler@aduan.test', name: 'Budi', password: 'dua-belas-karakter', unitId: rootId, roles: ['handler'] });
    assert.equal(created.statusCode, 201, created.body);
    const user = created.json();
    assert.deepEqual(Object.keys(user).sort(), ['createdAt', 'email', 'id', 'isActive', 'lockedUntil', 'name', 'nip', 'position', 'roles', 'totpEnabled', 'unitId', 'updatedAt']);
    const listed = await call('GET', '/api/v1/admin/users');
    assert.ok(!listed.body.includes('argon2'), 'no password hash in the list');

    const signIn = (pw: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'handler@aduan.test', password: pw } });
    const oldSession = (await signIn('dua-belas-karakter')).json().token;
    const changed = await call('PATCH', `/api/v1/admin/users/${user.id}`, { roles: ['handler', 'head'], password: 'kata-sandi-baru-123' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json().roles, ['handler', 'head']);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${oldSession}` } })).statusCode, 401, 'a new password signs the old sessions out');
    assert.equal((await signIn('dua-belas-karakter')).statusCode, 401);
    assert.equal((await signIn('kata-sandi-baru-123')).statusCode, 200);

    const deactivated = await call('POST', `/api/v1/admin/users/${user.id}/deactivate`);
    assert.equal(deactivated.statusCode, 200);
    assert.equal(deactivated.json().isActive, false);
    assert.equal((await signIn('kata-sandi-baru-123')).statusCode, 401);
  });

  it('refuses a short password, an unknown role, an unknown unit and a taken email', async () => {
    const invalid = await call('POST', '/api/v1/admin/users', { email: 'x@aduan.test', name: 'X', password: 'short', unitId: rootId, roles: ['superuser'] });
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual(invalid.json().errors.map((error: { pointer: string }) => error.pointer).sort(), ['/password', '/roles/0']);
    const unknownUnit = await call('POST', '/api/v1/admin/users', { email: 'y@aduan.test', name: 'Y', password: 'dua-belas-karakter', unitId: 999999, roles: ['intake'] });
    assert.equal(unknownUnit.statusCode, 400);
    assert.deepEqual(unknownUnit.json().errors, [{ pointer: '/unitId', code: 'unknown_reference', detail: 'Tidak ada data aktif dengan nomor ini' }]);
    const taken = await call('POST', '/api/v1/admin/users', { email: 'ADMIN@aduan.test', name: 'Z', password: 'dua-belas-karakter', unitId: rootId, roles: ['intake'] });
    assert.equal(taken.statusCode, 409);
  });

  it('does not let administrators deactivate themselves', async () => {
    const response = await call('POST', `/api/v1/admin/users/${adminId}/deactivate`);
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().code, 'admin.self_deactivation');
  });
});

describe('teams', () => {
  it('creates an integrity team with members, changes its membership and deactivates it', async () => {
    const leader = (await call('POST', '/api/v1/admin/users', { email: 'leader@aduan.test', name: 'Ketua', password: 'dua-belas-karakter', unitId: rootId, roles: ['head'] })).json();
    const investigator = (await call('POST', '/api/v1/admin/users', { email: 'inv@aduan.test', name: 'Pemeriksa', password: 'dua-belas-karakter', unitId: rootId, roles: ['handler'] })).json();
    const created = await call('POST', '/api/v1/admin/teams', {
      unitId: rootId, code: 'TIM-INTEGRITAS', name: 'Tim Integritas', isIntegrityTeam: true,
      members: [{ userId: leader.id, role: 'leader' }, { userId: investigator.id, role: 'investigator' }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const team = created.json();
    assert.equal(team.isIntegrityTeam, true);
    assert.deepEqual(team.members, [{ userId: leader.id, role: 'leader' }, { userId: investigator.id, role: 'investigator' }]);

    const changed = await call('PATCH', `/api/v1/admin/teams/${team.id}`, { name: 'Tim Integritas Pusat', members: [{ userId: leader.id, role: 'leader' }] });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().name, 'Tim Integritas Pusat');
    assert.deepEqual(changed.json().members, [{ userId: leader.id, role: 'leader' }]);
    assert.equal((await call('GET', '/api/v1/admin/teams')).json().items.length, 1);

    const duplicateMember = await call('PATCH', `/api/v1/admin/teams/${team.id}`, { members: [{ userId: leader.id, role: 'leader' }, { userId: leader.id, role: 'analyst' }] });
    assert.equal(duplicateMember.statusCode, 400);
    const unknownMember = await call('PATCH', `/api/v1/admin/teams/${team.id}`, { members: [{ userId: 999999, role: 'analyst' }] });
    assert.equal(unknownMember.statusCode, 400);

    const deactivated = await call('POST', `/api/v1/admin/teams/${team.id}/deactivate`);
    assert.equal(deactivated.statusCode, 200);
    assert.equal(deactivated.json().isActive, false);
  });
});

describe('categories', () => {
  it('creates, lists, changes (not the code) and deactivates a category', async () => {
    const created = await call('POST', '/api/v1/admin/categories', { code: 'service.queue', nameId: 'Antrean', nameEn: 'Queues', isWhistleblowing: false, defaultUnitId: rootId });
    assert.equal(created.statusCode, 201, created.body);
    const category = created.json();
    assert.equal(category.defaultUnitId, rootId);
    assert.ok((await call('GET', '/api/v1/admin/categories')).json().items.some((item: { code: string }) => item.code === 'service.queue'));

    const changed = await call('PATCH', `/api/v1/admin/categories/${category.id}`, { nameEn: 'Waiting in line', defaultUnitId: null });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.json().nameEn, 'Waiting in line');
    assert.equal(changed.json().defaultUnitId, null);
    assert.equal((await call('PATCH', `/api/v1/admin/categories/${category.id}`, { code: 'service.other' })).statusCode, 400, 'the code is stable');

    const deactivated = await call('POST', `/api/v1/admin/categories/${category.id}/deactivate`);
    assert.equal(deactivated.json().isActive, false);
    const submitted = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: aComplaint({ category: 'service.queue' }) });
    assert.equal(submitted.statusCode, 400, 'a deactivated category takes no new complaints');
  });

  it('refuses a code that is not dotted lower case, and a taken one', async () => {
    const bad = await call('POST', '/api/v1/admin/categories', { code: 'Service Time', nameId: 'x', nameEn: 'x' });
    assert.equal(bad.statusCode, 400);
    const taken = await call('POST', '/api/v1/admin/categories', { code: 'service.time', nameId: 'x', nameEn: 'x' });
    assert.equal(taken.statusCode, 409);
  });
});

describe('TOTP-required roles', () => {
  it('reads and sets the roles', async () => {
    assert.deepEqual((await call('GET', '/api/v1/admin/settings/totp-required-roles')).json(), { roles: [] });
    const set = await call('PUT', '/api/v1/admin/settings/totp-required-roles', { roles: ['auditor', 'head'] });
    assert.deepEqual(set.json(), { roles: ['auditor', 'head'] });
    assert.deepEqual((await call('GET', '/api/v1/admin/settings/totp-required-roles')).json(), { roles: ['auditor', 'head'] });
    assert.equal((await call('PUT', '/api/v1/admin/settings/totp-required-roles', { roles: ['root'] })).statusCode, 400);
    await call('PUT', '/api/v1/admin/settings/totp-required-roles', { roles: [] });
  });
});
