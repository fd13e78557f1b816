import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aComplaint, fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { aStaffMember, aUnit, rootUnitId } from '../../../../test/support/staff.js';

type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let t: TestApp;
let admin: Staff, intake: Staff, coordinator: Staff, regionIntake: Staff;
let region: number, district: number;
/** 10:15 WIB on Friday 13 March 2026. */
const clock = fixedClock(new Date('2026-03-13T03:15:00Z'));

before(async () => {
  t = await startTestApp({ clock });
  const root = await rootUnitId(t);
  region = await aUnit(t, { code: 'BALI', parentId: root });
  district = await aUnit(t, { code: 'BALI-1', parentId: region });
  await t.deps.db.insertInto('categories').values({ code: 'district.service', nameId: 'Layanan kabupaten', nameEn: 'District service', defaultUnitId: district }).execute();
  admin = await aStaffMember(t, { unitId: root, roles: ['admin'] });
  intake = await aStaffMember(t, { unitId: root, roles: ['intake'] });
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  regionIntake = await aStaffMember(t, { unitId: district, roles: ['intake'] });
});
after(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: admin.authorization }, ...(payload === undefined ? {} : { payload }) });

/** The response due time of a letter received now, recorded by `staff`. */
async function letterDueAt(staff: Staff, overrides: Record<string, unknown> = {}): Promise<string | undefined> {
  const letter = await t.app.inject({
    method: 'POST', url: '/api/v1/complaints', headers: { authorization: staff.authorization },
    payload: aComplaint({ channel: 'letter', receivedAt: clock.now().toISOString(), identity: { mode: 'identified', name: 'Siti', address: 'Jl. Melati 5' }, ...overrides }),
  });
  assert.equal(letter.statusCode, 201, letter.body);
  const view = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${letter.json().id}`, headers: { authorization: coordinator.authorization } });
  return (view.json().deadlines as { kind: string; dueAt: string }[]).find((deadline) => deadline.kind === 'response')?.dueAt;
}

describe('the holiday calendar', () => {
  it('holds the 2026 joint decree: 17 national holidays and 8 days of collective leave', async () => {
    const response = await call('GET', '/api/v1/admin/holidays?year=2026');
    assert.equal(response.statusCode, 200, response.body);
    const items = response.json().items as { on: string; kind: string; unitId: number | null }[];
    assert.equal(items.filter((item) => item.kind === 'national_holiday').length, 17);
    assert.deepEqual(items.filter((item) => item.kind === 'collective_leave').map((item) => item.on), [
      '2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24',
    ]);
    assert.ok(items.every((item) => item.unitId === null));
  });

  it('makes the next deadline skip a holiday an administrator adds, and count it again once deleted', async () => {
    assert.equal(await letterDueAt(intake), '2026-03-31T09:00:00.000Z');
    const added = await call('POST', '/api/v1/admin/holidays', { on: '2026-03-31', kind: 'collective_leave', nameId: 'Cuti bersama tambahan', nameEn: 'Extra collective leave' });
    assert.equal(added.statusCode, 201, added.body);
    assert.deepEqual({ ...(added.json() as object), id: 0, createdAt: '', updatedAt: '' }, {
      id: 0, on: '2026-03-31', kind: 'collective_leave', nameId: 'Cuti bersama tambahan', nameEn: 'Extra collective leave', unitId: null, note: null, isActive: true, createdAt: '', updatedAt: '',
    });
    assert.equal(await letterDueAt(intake), '2026-04-01T09:00:00.000Z', 'Wednesday 1 April instead');

    const deleted = await call('DELETE', `/api/v1/admin/holidays/${added.json().id}`);
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.equal(deleted.json().isActive, false);
    assert.equal(await letterDueAt(intake), '2026-03-31T09:00:00.000Z');
    const listed = (await call('GET', '/api/v1/admin/holidays?year=2026&includeInactive=true')).json().items as { id: number }[];
    assert.ok(listed.some((item) => item.id === added.json().id), 'kept, inactive, for the record');
    const revived = await call('PATCH', `/api/v1/admin/holidays/${added.json().id}`, { isActive: true, on: '2026-03-30' });
    assert.equal(revived.statusCode, 200, revived.body);
    assert.equal(await letterDueAt(intake), '2026-04-01T09:00:00.000Z', 'moved to Monday 30 March, still one day later');
    await call('DELETE', `/api/v1/admin/holidays/${added.json().id}`);
  });

  it('closes a unit and the units below it for a local holiday, and nobody else', async () => {
    const local = await call('POST', '/api/v1/admin/holidays', { on: '2026-03-26', kind: 'local_holiday', nameId: 'Hari jadi kabupaten', nameEn: 'Regency anniversary', unitId: region });
    assert.equal(local.statusCode, 201, local.body);
    assert.equal(await letterDueAt(regionIntake, { category: 'district.service' }), '2026-04-01T09:00:00.000Z', 'the district below the region is closed that day');
    assert.equal(await letterDueAt(intake), '2026-03-31T09:00:00.000Z', 'the head office is not');
    const regionOnly = (await call('GET', `/api/v1/admin/holidays?unitId=${region}`)).json().items as { on: string }[];
    assert.deepEqual(regionOnly.map((item) => item.on), ['2026-03-26']);
  });

  it('refuses a day already off for the same scope, a date that does not exist and an unknown unit', async () => {
    const twice = await call('POST', '/api/v1/admin/holidays', { on: '2026-03-19', kind: 'national_holiday', nameId: 'Nyepi', nameEn: 'Nyepi' });
    assert.equal(twice.statusCode, 409);
    assert.deepEqual(twice.json().errors.map((error: { pointer: string; code: string }) => [error.pointer, error.code]), [['/on', 'holiday_exists']]);
    const bad = await call('POST', '/api/v1/admin/holidays', { on: '2026-02-30', kind: 'local_holiday', nameId: 'X', nameEn: 'X', unitId: 999_999 });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().errors.map((error: { pointer: string }) => error.pointer), ['/on', '/unitId']);
    assert.equal((await call('DELETE', '/api/v1/admin/holidays/999999')).statusCode, 404);
  });
});
