// Service-level deadlines through the real HTTP actions, on a fixed clock: what the staff and
// the reporter see, how a request for information stops the clock, and how units in different
// time zones count the same letter.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aComplaint, fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { caseDriver } from '../../../../test/support/case-driver.js';
import { aStaffMember, aTeam, aUnit, rootUnitId, signInAgain } from '../../../../test/support/staff.js';

type Staff = Awaited<ReturnType<typeof aStaffMember>>;
type Deadline = { kind: string; dueAt: string; metAt?: string; state: string };

/** 10:15 WIB on Friday 13 March 2026. */
const fridayMorning = new Date('2026-03-13T03:15:00Z');
const clock = fixedClock(fridayMorning);
let t: TestApp;
let coordinator: Staff, intake: Staff, papuaIntake: Staff;
let papua: number;

before(async () => {
  t = await startTestApp({ clock });
  const root = await rootUnitId(t);
  papua = await aUnit(t, { code: 'PAPUA', parentId: root, timeZone: 'Asia/Jayapura' });
  await t.deps.db.insertInto('categories').values({ code: 'papua.service', nameId: 'Layanan di Papua', nameEn: 'Service in Papua', defaultUnitId: papua }).execute();
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  intake = await aStaffMember(t, { unitId: root, roles: ['intake'] });
  papuaIntake = await aStaffMember(t, { unitId: papua, roles: ['intake', 'coordinator'] });
});
after(() => t.close());

const letterFrom = (receivedAt: Date, overrides: Record<string, unknown> = {}) => aComplaint({
  channel: 'letter', receivedAt: receivedAt.toISOString(), intake: { agendaNumber: '045/III/2026' },
  identity: { mode: 'identified', name: 'Siti Aminah', address: 'Jl. Melati 5, Pekanbaru' }, ...overrides,
});

async function staffView(staff: Staff, id: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: { authorization: await signInAgain(t, staff) } });
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as { deadlines: Deadline[]; responseDueAt: string };
}

const { submit, actOk, reporterToken } = caseDriver(() => t, { signInEachRequest: true });

const byKind = (deadlines: Deadline[]) => Object.fromEntries(deadlines.map((deadline) => [deadline.kind, deadline]));

describe('deadlines of a letter', () => {
  it('gives a letter received on Friday 13 March 2026 by a WIB unit until Tuesday 31 March, 16:00 WIB', async () => {
    clock.set(new Date('2026-03-16T02:00:00Z'));
    const letter = await submit(letterFrom(fridayMorning), intake);
    const deadlines = byKind((await staffView(coordinator, letter.id)).deadlines);
    assert.deepEqual(deadlines.response, { kind: 'response', dueAt: '2026-03-31T09:00:00.000Z', state: 'running' });
    // Recording the letter in the agenda acknowledged it; verification is due three working days after day 0.
    assert.deepEqual(deadlines.acknowledgement, { kind: 'acknowledgement', dueAt: '2026-03-16T09:00:00.000Z', metAt: '2026-03-16T02:00:00.000Z', state: 'met' });
    assert.deepEqual(deadlines.verification, { kind: 'verification', dueAt: '2026-03-25T09:00:00.000Z', state: 'running' });
    assert.equal((await staffView(coordinator, letter.id)).responseDueAt, '2026-03-31T09:00:00.000Z', 'the inbox sorts by the same due time');
  });

  it('counts the same letter near midnight differently in a WIT unit than in a WIB unit', async () => {
    // 16:30 UTC: 23:30 Thursday 12 March in Jakarta, already 01:30 Friday 13 March in Jayapura.
    const receivedAt = new Date('2026-03-12T16:30:00Z');
    clock.set(new Date('2026-03-13T04:00:00Z'));
    const inJakarta = await submit(letterFrom(receivedAt), intake);
    const inJayapura = await submit(letterFrom(receivedAt, { category: 'papua.service' }), papuaIntake);
    assert.equal(byKind((await staffView(coordinator, inJakarta.id)).deadlines).response?.dueAt, '2026-03-30T09:00:00.000Z', 'Monday 30 March, 16:00 WIB');
    assert.equal(byKind((await staffView(papuaIntake, inJayapura.id)).deadlines).response?.dueAt, '2026-03-31T07:00:00.000Z', 'Tuesday 31 March, 16:00 WIT');
  });

  it('stops the clock while the reporter is asked for information: three working days asked, three working days later', async () => {
    clock.set(fridayMorning);
    const letter = await submit(letterFrom(fridayMorning), intake);
    clock.set(new Date('2026-03-25T01:00:00Z')); // Wednesday 25 March, 08:00 WIB
    const asked = byKind((await actOk(coordinator, letter.id, 'request_info', { message: 'Kapan tepatnya petugas meminta uang?' })).deadlines);
    assert.deepEqual(asked.response, { kind: 'response', dueAt: '2026-03-31T09:00:00.000Z', state: 'paused' });
    assert.equal(asked.verification?.state, 'paused');

    clock.set(new Date('2026-03-27T08:00:00Z')); // Friday 27 March, 15:00: still waiting
    const reporter = await t.app.inject({ method: 'GET', url: '/api/v1/reporter/complaint', headers: { authorization: await reporterToken(letter) } });
    assert.equal(reporter.statusCode, 200, reporter.body);
    assert.equal(byKind(reporter.json().deadlines).response?.state, 'paused', 'the reporter sees the clock stopped too');

    clock.set(new Date('2026-03-30T01:00:00Z')); // Monday 30 March, 08:00 WIB: 25, 26 and 27 March were lost
    const answered = await t.app.inject({
      method: 'POST', url: '/api/v1/reporter/actions/answer', headers: { authorization: await reporterToken(letter) }, payload: { text: 'Senin 2 Maret pukul 09.00.' },
    });
    assert.equal(answered.statusCode, 200, answered.body);
    const resumed = byKind(answered.json().deadlines);
    // Tuesday 31 March + three working days, over Good Friday 3 April: Monday 6 April.
    assert.deepEqual(resumed.response, { kind: 'response', dueAt: '2026-04-06T09:00:00.000Z', state: 'running' });
    assert.deepEqual(resumed.verification, { kind: 'verification', dueAt: '2026-03-30T09:00:00.000Z', state: 'running' });
    assert.equal((await staffView(coordinator, letter.id)).responseDueAt, '2026-04-06T09:00:00.000Z');

    clock.set(new Date('2026-03-30T03:00:00Z'));
    const verified = byKind((await actOk(coordinator, letter.id, 'verify', { result: 'indicated', note: 'Ada indikasi' })).deadlines);
    assert.deepEqual(verified.verification, { kind: 'verification', dueAt: '2026-03-30T09:00:00.000Z', metAt: '2026-03-30T03:00:00.000Z', state: 'met' });
  });

  it('gives a case triaged as whistleblowing the whistleblowing policy’s 30 days from receipt', async () => {
    clock.set(fridayMorning);
    const letter = await submit(letterFrom(fridayMorning), intake);
    await actOk(coordinator, letter.id, 'verify', { result: 'indicated', note: 'Ada indikasi' });
    // Without an integrity team to receive it, triage into whistleblowing is refused (issue 10).
    const integrityMember = await aStaffMember(t, { unitId: papua, roles: ['handler'] });
    await aTeam(t, { unitId: papua, code: 'INTEGRITAS', isIntegrityTeam: true, memberIds: [integrityMember.id] });
    // The coordinator is not in the integrity team and no longer sees the case afterwards: read the stored deadline.
    await t.app.inject({ method: 'POST', url: `/api/v1/complaints/${letter.id}/actions/triage`, headers: { authorization: await signInAgain(t, coordinator) }, payload: { category: 'integrity.bribery', urgency: 2, impact: 2 } });
    const response = await t.deps.db.selectFrom('caseDeadlines').select(['dueAt', 'durationAmount', 'durationUnit']).where('complaintId', '=', letter.id).where('kind', '=', 'response').executeTakeFirstOrThrow();
    assert.deepEqual({ ...response, dueAt: response.dueAt.toISOString() }, { dueAt: '2026-04-12T09:00:00.000Z', durationAmount: 30, durationUnit: 'calendar_days' });
  });
});
