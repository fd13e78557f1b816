import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aComplaint, fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { aStaffMember, rootUnitId } from '../../../../test/support/staff.js';

type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let t: TestApp;
let admin: Staff, coordinator: Staff, intake: Staff;
const clock = fixedClock(new Date('2026-03-13T03:15:00Z'));

before(async () => {
  t = await startTestApp({ clock });
  const root = await rootUnitId(t);
  admin = await aStaffMember(t, { unitId: root, roles: ['admin'] });
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  intake = await aStaffMember(t, { unitId: root, roles: ['intake'] });
});
after(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, staff: Staff = admin) =>
  t.app.inject({ method, url, headers: { authorization: staff.authorization }, ...(payload === undefined ? {} : { payload }) });

const days = (amount: number, unit: 'working_days' | 'calendar_days' | 'minutes' = 'working_days') => ({ amount, unit });

describe('service-level policies', () => {
  it('lists the seeded defaults: walk-in 30 minutes, letters 7 working days, 14 days in general, 30 for whistleblowing', async () => {
    const response = await call('GET', '/api/v1/admin/service-levels');
    assert.equal(response.statusCode, 200, response.body);
    const items = response.json().items as { channel: string | null; isWhistleblowing: boolean | null; response: unknown; acknowledgement: unknown }[];
    const responseOf = (channel: string | null, isWhistleblowing: boolean | null = null) =>
      items.find((item) => item.channel === channel && item.isWhistleblowing === isWhistleblowing)?.response;
    assert.deepEqual(responseOf(null), days(14, 'calendar_days'));
    assert.deepEqual(responseOf('walk_in'), days(30, 'minutes'));
    assert.deepEqual(responseOf('letter'), days(7));
    assert.deepEqual(responseOf('suggestion_box'), days(7));
    assert.deepEqual(responseOf(null, true), days(30, 'calendar_days'));
    assert.deepEqual(items.find((item) => item.channel === null && item.isWhistleblowing === null)?.acknowledgement, days(1));
  });

  it('is for administrators only', async () => {
    assert.equal((await call('GET', '/api/v1/admin/service-levels', undefined, coordinator)).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/admin/holidays' })).statusCode, 401);
  });

  it('applies a new, more specific policy to the next complaint it matches', async () => {
    const created = await call('POST', '/api/v1/admin/service-levels', {
      name: 'Surat mendesak', channel: 'letter', category: 'service.time', acknowledgement: days(1), verification: days(1), response: days(3),
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().category, 'service.time');
    const letter = await t.app.inject({
      method: 'POST', url: '/api/v1/complaints', headers: { authorization: intake.authorization },
      payload: aComplaint({ channel: 'letter', category: 'service.time', receivedAt: clock.now().toISOString(), identity: { mode: 'identified', name: 'Siti', address: 'Jl. Melati 5' } }),
    });
    assert.equal(letter.statusCode, 201, letter.body);
    const view = await call('GET', `/api/v1/complaints/${letter.json().id}`, undefined, coordinator);
    const response = (view.json().deadlines as { kind: string; dueAt: string }[]).find((deadline) => deadline.kind === 'response');
    // Three working days after Friday 13 March: 16, 17 and 25 March (18–24 are Nyepi and Lebaran).
    assert.equal(response?.dueAt, '2026-03-25T09:00:00.000Z');
  });

  it('refuses a second active policy for the same selectors, an unknown category and a duration over a year, as problem details', async () => {
    const twin = await call('POST', '/api/v1/admin/service-levels', { name: 'Surat lagi', channel: 'letter', acknowledgement: days(1), verification: days(2), response: days(5) });
    assert.equal(twin.statusCode, 409);
    assert.equal(twin.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(twin.json().errors.map((error: { code: string }) => error.code), ['policy_exists']);
    const unknown = await call('POST', '/api/v1/admin/service-levels', { name: 'X', category: 'no.such', acknowledgement: days(1), verification: days(2), response: days(5) });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(unknown.json().errors.map((error: { pointer: string }) => error.pointer), ['/category']);
    const tooLong = await call('POST', '/api/v1/admin/service-levels', { name: 'X', channel: 'sms', acknowledgement: days(1), verification: days(400, 'calendar_days'), response: days(5) });
    assert.equal(tooLong.statusCode, 400);
    assert.deepEqual(tooLong.json().errors.map((error: { pointer: string }) => error.pointer), ['/verification/amount']);
    const badUnit = await call('POST', '/api/v1/admin/service-levels', { name: 'X', channel: 'sms', acknowledgement: { amount: 1, unit: 'weeks' }, verification: days(2), response: days(5), extra: 1 });
    assert.equal(badUnit.statusCode, 400);
    assert.ok(badUnit.json().errors.some((error: { pointer: string }) => error.pointer === '/extra'), 'unknown fields are refused');
  });

  it('changes deadlines but never selectors, and keeps one catch-all policy active', async () => {
    const items = (await call('GET', '/api/v1/admin/service-levels')).json().items as { id: number; channel: string | null; isWhistleblowing: boolean | null; category: string | null; priority: string | null }[];
    const catchAll = items.find((item) => item.channel === null && item.isWhistleblowing === null && item.category === null && item.priority === null);
    assert.ok(catchAll);
    const changed = await call('PATCH', `/api/v1/admin/service-levels/${catchAll.id}`, { response: days(10) });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json().response, days(10));
    assert.equal((await call('PATCH', `/api/v1/admin/service-levels/${catchAll.id}`, { channel: 'web' })).statusCode, 400);
    const lastCatchAll = await call('PATCH', `/api/v1/admin/service-levels/${catchAll.id}`, { isActive: false });
    assert.equal(lastCatchAll.statusCode, 400);
    assert.deepEqual(lastCatchAll.json().errors.map((error: { code: string }) => error.code), ['catch_all_required']);
    assert.equal((await call('PATCH', '/api/v1/admin/service-levels/999999', { name: 'X' })).statusCode, 404);
  });
});

describe('service-level settings', () => {
  it('start with reminders at 50% and 80%, a 14-day appeal window and follow-ups after 5 and 10 working days, and can be changed', async () => {
    const defaults = await call('GET', '/api/v1/admin/service-levels/settings');
    assert.deepEqual(defaults.json(), {
      reminderPercents: [50, 80], appealWindowDays: 14, reporterReminderAfter: days(5), closeUnansweredAfter: days(10),
    });
    const changed = await call('PUT', '/api/v1/admin/service-levels/settings', { reminderPercents: [75, 25], appealWindowDays: 30, reporterReminderAfter: days(3), closeUnansweredAfter: days(7) });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(changed.json().reminderPercents, [25, 75]);
    assert.equal((await call('GET', '/api/v1/admin/service-levels/settings')).json().appealWindowDays, 30);
    assert.equal((await call('PUT', '/api/v1/admin/service-levels/settings', { reminderPercents: [100], appealWindowDays: 14, reporterReminderAfter: days(3), closeUnansweredAfter: days(7) })).statusCode, 400);
  });
});
