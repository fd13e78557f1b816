import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { caseDriver } from '../../../../test/support/case-driver.js';
import { aStaffMember, aUnit, rootUnitId } from '../../../../test/support/staff.js';

// Issue 10: whistleblowing from the first event, never a case seen by nobody, and the person a complaint concerns.
let t: TestApp;
const clock = fixedClock(new Date('2026-03-13T02:00:00Z'));
type Staff = Awaited<ReturnType<typeof aStaffMember>>;
let root: number, elsewhere: number;
let admin: Staff, intake: Staff, coordinator: Staff, head: Staff, handler: Staff, auditor: Staff;
let integrityHandler: Staff, integrityHead: Staff;

before(async () => {
  t = await startTestApp({ clock });
  root = await rootUnitId(t);
  elsewhere = await aUnit(t, { code: 'WILAYAH', parentId: root });
  admin = await aStaffMember(t, { unitId: root, roles: ['admin'] });
  intake = await aStaffMember(t, { unitId: root, roles: ['intake'] });
  coordinator = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
  head = await aStaffMember(t, { unitId: root, roles: ['head'] });
  handler = await aStaffMember(t, { unitId: root, roles: ['handler'] });
  auditor = await aStaffMember(t, { unitId: root, roles: ['auditor'] });
  // The integrity team's members sit in a unit below the root, apart from the case's unit.
  integrityHandler = await aStaffMember(t, { unitId: elsewhere, roles: ['coordinator', 'handler'] });
  integrityHead = await aStaffMember(t, { unitId: elsewhere, roles: ['head'] });
});
after(() => t.close());

const as = (staff: Staff, language = 'id') => ({ authorization: staff.authorization, 'accept-language': language });

const { postComplaint, submit, act, reporterToken } = caseDriver(() => t);
const read = (staff: Staff, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: as(staff) });
const admin_ = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, language = 'id') =>
  t.app.inject({ method, url, headers: as(admin, language), ...(payload === undefined ? {} : { payload }) });

async function inboxIds(staff: Staff): Promise<string[]> {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/complaints?limit=200', headers: as(staff) });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().items.map((item: { id: string }) => item.id);
}

/** Who, among everyone in this file, sees the case (staff view and inbox agree). */
async function seenBy(id: string, everyone = [intake, coordinator, head, handler, auditor, integrityHandler, integrityHead]): Promise<Staff[]> {
  const seers: Staff[] = [];
  for (const staff of everyone) {
    const status = (await read(staff, id)).statusCode;
    const isListed = (await inboxIds(staff)).includes(id);
    assert.equal(isListed, status === 200, `the inbox and the staff view disagree for staff ${staff.id}`);
    if (status === 200) seers.push(staff);
  }
  return seers;
}

describe('with no integrity team', () => {
  it('refuses to triage a case into a whistleblowing category, saying why, instead of letting it vanish', async () => {
    const complaint = await submit({ category: 'service.time' });
    const refused = await act(coordinator, complaint.id, 'triage', { category: 'integrity.bribery', urgency: 3, impact: 3 });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(refused.json().code, 'whistleblowing.no_integrity_team');
    assert.match(refused.json().title, /tim integritas/);
    const english = await act(coordinator, complaint.id, 'triage', { category: 'integrity.bribery', urgency: 3, impact: 3 }, 'en');
    assert.match(english.json().title, /integrity team/);
    assert.equal((await read(coordinator, complaint.id)).json().isWhistleblowing, false, 'the case stays where it was');
  });

  it('refuses a report filed under a whistleblowing category on every channel rather than showing it to the unit', async () => {
    const web = await postComplaint({ category: 'integrity.bribery' });
    assert.equal(web.statusCode, 409, web.body);
    assert.equal(web.json().code, 'whistleblowing.no_integrity_team');
    const desk = await postComplaint({ category: 'integrity.bribery', channel: 'walk_in', identity: { mode: 'identified', name: 'Warga', phone: '081200000000' } }, intake);
    assert.equal(desk.statusCode, 409, desk.body);
    assert.equal((await t.deps.db.selectFrom('complaints').select('id').where('isWhistleblowing', '=', true).execute()).length, 0);
  });

  it('warns administrators that whistleblowing categories have nobody to receive them', async () => {
    const warnings = await admin_('GET', '/api/v1/admin/warnings');
    assert.equal(warnings.statusCode, 200, warnings.body);
    assert.deepEqual(warnings.json().warnings.map((item: { code: string }) => item.code), ['whistleblowing.no_integrity_team']);
    assert.match(warnings.json().warnings[0].message, /tim integritas/);
    assert.ok(warnings.json().warnings[0].categories.includes('integrity.bribery'));
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/admin/warnings', headers: as(coordinator) })).statusCode, 403);
  });
});

describe('with an integrity team in another unit', () => {
  let teamId: number;
  before(async () => {
    const created = await admin_('POST', '/api/v1/admin/teams', {
      unitId: elsewhere, code: 'TIM-INTEGRITAS', name: 'Tim Integritas', isIntegrityTeam: true,
      members: [{ userId: integrityHandler.id, role: 'investigator' }, { userId: integrityHead.id, role: 'leader' }],
    });
    assert.equal(created.statusCode, 201, created.body);
    teamId = created.json().id;
  });

  it('no longer warns the administrators', async () => {
    assert.deepEqual((await admin_("GET", "/api/v1/admin/warnings")).json().warnings, []);
  });

  it('gives a web report in a whistleblowing category to the integrity team from submission, and to nobody in the unit', async () => {
    const complaint = await submit({ category: 'integrity.bribery', identity: { mode: 'confidential', name: 'Saksi Rahasia', nik: '3171012345678901', email: 'saksi@example.org' } });
    assert.deepEqual((await seenBy(complaint.id)).map((staff) => staff.id), [integrityHandler.id, integrityHead.id]);
    const view = (await read(integrityHandler, complaint.id)).json();
    assert.equal(view.isWhistleblowing, true);
    assert.equal(view.timeline.length, 1, 'whistleblowing from the very first event');
  });

  it('gives a desk report to the team too: the intake officer who recorded it does not see it afterwards', async () => {
    const complaint = await submit({
      category: 'integrity.bribery', channel: 'walk_in', receivedAt: clock.now().toISOString(),
      identity: { mode: 'identified', name: 'Pegawai', phone: '081200000001' }, intake: { identityDocumentChecked: true },
    }, intake);
    assert.deepEqual((await seenBy(complaint.id)).map((staff) => staff.id), [integrityHandler.id, integrityHead.id]);
  });

  it('refuses the unsealing of a confidential whistleblower to a head outside the team, and lets the team\'s head do it', async () => {
    const complaint = await submit({ category: 'integrity.bribery', identity: { mode: 'confidential', name: 'Saksi Rahasia', nik: '3171012345678901', email: 'saksi@example.org' } });
    const refused = await act(head, complaint.id, 'unseal_identity', { reason: 'ingin tahu' });
    assert.equal(refused.statusCode, 404);
    assert.ok(!refused.body.includes('Saksi Rahasia'));
    const events = await t.deps.db.selectFrom('caseEvents').select('type').where('complaintId', '=', complaint.id).execute();
    assert.ok(!events.some((event) => event.type === 'identity.unsealed'), 'nothing unsealed, nothing recorded');
    const unsealed = await act(integrityHead, complaint.id, 'unseal_identity', { reason: 'Perlu keterangan saksi' });
    assert.equal(unsealed.statusCode, 200, unsealed.body);
    assert.equal(unsealed.json().reporter.identity.name, 'Saksi Rahasia');
  });

  it('refuses to deactivate the last integrity team, or its last member, while whistleblowing cases exist', async () => {
    const lastTeam = await admin_('POST', `/api/v1/admin/teams/${teamId}/deactivate`, undefined, 'en');
    assert.equal(lastTeam.statusCode, 409, lastTeam.body);
    assert.equal(lastTeam.json().code, 'whistleblowing.integrity_team_needed');
    assert.match(lastTeam.json().title, /visible to nobody/);
    assert.equal((await admin_('PATCH', `/api/v1/admin/teams/${teamId}`, { isIntegrityTeam: false })).statusCode, 409);
    assert.equal((await admin_('PATCH', `/api/v1/admin/teams/${teamId}`, { members: [] })).statusCode, 409);
    // One member may go while another stays; then the last one may not.
    assert.equal((await admin_('POST', `/api/v1/admin/users/${integrityHead.id}/deactivate`)).statusCode, 200);
    const lastMember = await admin_('POST', `/api/v1/admin/users/${integrityHandler.id}/deactivate`);
    assert.equal(lastMember.statusCode, 409, lastMember.body);
    assert.equal(lastMember.json().code, 'whistleblowing.integrity_team_needed');
    assert.equal((await admin_('PATCH', `/api/v1/admin/users/${integrityHandler.id}`, { roles: ['admin'] })).statusCode, 409, 'nor take away the roles that read cases');
    assert.equal((await read(integrityHandler, (await inboxIds(integrityHandler))[0] ?? '')).statusCode, 200, 'the last member still sees the cases');
  });
});

describe('the person a complaint concerns', () => {
  it('keeps the reporter\'s words for staff and out of the reporter\'s and public views, and hides the case from the staff matched at verification', async () => {
    const complaint = await submit({ category: 'service.time', concerns: 'Kepala kantor, Bapak Kepala' });
    const view = (await read(coordinator, complaint.id)).json();
    assert.equal(view.concerns, 'Kepala kantor, Bapak Kepala');
    const reporterView = await t.app.inject({ method: 'GET', url: '/api/v1/reporter/complaint', headers: { authorization: await reporterToken(complaint) } });
    assert.equal(reporterView.statusCode, 200, reporterView.body);
    assert.ok(!reporterView.body.includes('Bapak Kepala'), 'the reporter view does not repeat it');
    assert.equal((await read(head, complaint.id)).statusCode, 200, 'not matched yet');

    const unmatched = await act(coordinator, complaint.id, 'verify', { result: 'indicated', note: 'Ada indikasi' });
    assert.equal(unmatched.statusCode, 400, 'the verifier must say whom the words name, even nobody');
    assert.equal(unmatched.json().errors[0].pointer, '/concernsStaffIds');
    const unknown = await act(coordinator, complaint.id, 'verify', { result: 'indicated', note: 'Ada indikasi', concernsStaffIds: [999999] });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().errors[0].pointer, '/concernsStaffIds/0');

    const verified = await act(coordinator, complaint.id, 'verify', { result: 'indicated', note: 'Ada indikasi', concernsStaffIds: [head.id] });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.deepEqual(verified.json().concernedStaffIds, [head.id]);
    assert.equal((await read(head, complaint.id)).statusCode, 404, 'the head it concerns no longer sees it');
    assert.ok(!(await inboxIds(head)).includes(complaint.id));
    assert.equal((await act(head, complaint.id, 'assign', { unitId: root, instructions: 'Tolak saja' })).statusCode, 404, 'nor acts on it');
  });

  it('refuses a verifier whom the complaint names: another coordinator verifies it', async () => {
    const complaint = await submit({ category: 'service.time', concerns: 'Koordinator pengaduan' });
    const refused = await act(coordinator, complaint.id, 'verify', { result: 'not_indicated', note: 'Tidak benar', concernsStaffIds: [coordinator.id] });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().code, 'case.verifier_concerned');
    assert.equal((await read(coordinator, complaint.id)).json().status, 'received', 'nothing was verified');
    const other = await aStaffMember(t, { unitId: root, roles: ['coordinator'] });
    const verified = await act(other, complaint.id, 'verify', { result: 'indicated', note: 'Ada indikasi', concernsStaffIds: [coordinator.id] });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal((await read(coordinator, complaint.id)).statusCode, 404);
  });

  it('takes the words from the desk too, and still takes staff named at intake', async () => {
    const complaint = await submit({
      category: 'service.time', channel: 'walk_in', receivedAt: clock.now().toISOString(), concerns: 'Petugas loket',
      identity: { mode: 'identified', name: 'Warga', phone: '081200000002' }, concernsStaffIds: [handler.id],
    }, intake);
    assert.equal((await read(handler, complaint.id)).statusCode, 404);
    assert.equal((await read(coordinator, complaint.id)).json().concerns, 'Petugas loket');
  });

  it('takes up to 200 characters and refuses more, naming the field', async () => {
    assert.equal((await postComplaint({ concerns: 'x'.repeat(200) })).statusCode, 201);
    const refused = await postComplaint({ concerns: 'x'.repeat(201) });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().errors[0].pointer, '/concerns');
    assert.equal(refused.json().errors[0].code, 'maxLength');
  });
});

describe('no sequence of administration and case actions leaves a case visible to nobody', () => {
  it('keeps every whistleblowing case seen by someone through team, member and triage changes', async () => {
    const everyCaseSeen = async () => {
      // integrityHead was deactivated above; newcomer joins below.
      const cases = await t.deps.db.selectFrom('complaints').select('id').execute();
      for (const { id } of cases) {
        const seers = await seenBy(id, [intake, coordinator, head, handler, auditor, integrityHandler, newcomer]);
        assert.ok(seers.length > 0, `case ${id} is visible to nobody`);
      }
    };
    const newcomer = await aStaffMember(t, { unitId: elsewhere, roles: ['handler'] });
    const second = await admin_('POST', '/api/v1/admin/teams', { unitId: root, code: 'TIM-INTEGRITAS-2', name: 'Tim Integritas 2', isIntegrityTeam: true, members: [{ userId: newcomer.id, role: 'investigator' }] });
    assert.equal(second.statusCode, 201, second.body);
    const first = (await admin_('GET', '/api/v1/admin/teams')).json().items.find((team: { code: string }) => team.code === 'TIM-INTEGRITAS');
    // With a second team, the first may go; the last may not.
    assert.equal((await admin_('POST', `/api/v1/admin/teams/${first.id}/deactivate`)).statusCode, 200);
    await everyCaseSeen();
    const complaint = await submit({ category: 'service.time' });
    assert.equal((await act(coordinator, complaint.id, 'triage', { category: 'integrity.bribery', urgency: 2, impact: 2 })).statusCode, 200);
    await everyCaseSeen();
    assert.equal((await admin_('POST', `/api/v1/admin/users/${newcomer.id}/deactivate`)).statusCode, 409);
    assert.equal((await admin_('POST', `/api/v1/admin/teams/${second.json().id}/deactivate`)).statusCode, 409);
    assert.equal((await admin_('PATCH', `/api/v1/admin/teams/${second.json().id}`, { isIntegrityTeam: false })).statusCode, 409);
    await everyCaseSeen();
  });
});
